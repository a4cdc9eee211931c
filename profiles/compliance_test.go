package profiles

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The TOML compliance suite (toml-lang/toml-test, vendored under
// testdata/toml-test with its licence) holds the documents every TOML
// parser is held to. mutual reads TOML 1.0, the version every TOML tool
// reads: each document the suite lists for 1.0 must be read or refused
// as the suite says, and each refusal must name the line another parser
// (Python's tomllib, a TOML 1.0 parser sharing no code with mutual's)
// names, at a column inside that line, with a hint.

const suite = "testdata/toml-test"

// suiteFiles lists the suite's documents for TOML 1.0, valid or invalid.
func suiteFiles(t *testing.T, kind string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(suite, "files-toml-1.0.0"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range strings.Fields(string(data)) {
		if strings.HasPrefix(f, kind+"/") && strings.HasSuffix(f, ".toml") {
			out = append(out, f)
		}
	}
	if len(out) < 200 {
		t.Fatalf("only %d %s documents listed", len(out), kind)
	}
	return out
}

func TestSuiteValidDocumentsAreRead(t *testing.T) {
	for _, f := range suiteFiles(t, "valid") {
		data, err := os.ReadFile(filepath.Join(suite, f))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, d := readTOML(f, data); d != nil {
			t.Errorf("%s is valid TOML 1.0, but: %s", f, d)
		}
	}
}

// TestSuiteNewerDocumentsAreRefused: what TOML 1.1 added (inline tables
// over several lines, a comma after an inline table's last key, \x and \e
// escapes, times without seconds) is refused with the line and a hint,
// since the other tools a profile meets do not read it yet.
func TestSuiteNewerDocumentsAreRefused(t *testing.T) {
	for _, f := range []string{
		"valid/inline-table/newline.toml", "valid/inline-table/newline-comment.toml", "valid/key/empty-05.toml",
		"valid/string/hex-escape.toml", "valid/string/escape-esc.toml", "valid/datetime/no-seconds.toml",
		"invalid/inline-table/trailing-comma.toml",
	} {
		data, err := os.ReadFile(filepath.Join(suite, f))
		if err != nil {
			t.Fatal(err)
		}
		_, _, d := readTOML(f, data)
		if d == nil || !strings.Contains(d.Message, "TOML 1.1") || d.Line == 0 || d.Hint == "" {
			t.Errorf("%s: want a refusal naming TOML 1.1 with a line and a hint, got %v", f, d)
		}
	}
}

func TestSuiteInvalidDocumentsAreRefusedAtTheirLine(t *testing.T) {
	want := tomllibLines(t)
	// Where TOML 1.0 and 1.1 read a document differently, the place of
	// the mistake is a matter of version: here the newline after { is the
	// mistake for TOML 1.0, the comma on the next line for TOML 1.1.
	ambiguous := map[string]bool{"invalid/inline-table/empty-03.toml": true}
	for _, f := range suiteFiles(t, "invalid") {
		data, err := os.ReadFile(filepath.Join(suite, f))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, _, d := readTOML(f, data)
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: took %v", f, took)
		}
		if d == nil {
			t.Errorf("%s is not valid TOML 1.0, but it was read", f)
			continue
		}
		checkDiagnostic(t, f, data, d)
		if w, ok := want[f]; ok && d.Line != w && !ambiguous[f] {
			t.Errorf("%s: %s; tomllib says line %d", f, d, w)
		}
	}
}

// checkDiagnostic holds a refusal to the house's form: a line, a column
// inside that line, a message that starts in lower case (or with a word
// in capitals, such as TOML) and a hint.
func checkDiagnostic(t *testing.T, f string, data []byte, d *Diagnostic) {
	t.Helper()
	if d.Line < 1 || d.Col < 1 || d.Message == "" || d.Hint == "" {
		t.Errorf("%s: incomplete diagnostic %+v", f, d)
		return
	}
	lines := strings.Split(string(data), "\n")
	if d.Line > len(lines) {
		t.Errorf("%s: line %d of %d: %s", f, d.Line, len(lines), d)
		return
	}
	if n := utf8.RuneCountInString(strings.TrimSuffix(lines[d.Line-1], "\r")); d.Col > n+1 && utf8.ValidString(lines[d.Line-1]) {
		t.Errorf("%s: column %d is past the end of line %d (%d characters): %s", f, d.Col, d.Line, n, d)
	}
	r, n := utf8.DecodeRuneInString(d.Message)
	if r2, _ := utf8.DecodeRuneInString(d.Message[n:]); unicode.IsUpper(r) && !unicode.IsUpper(r2) {
		t.Errorf("%s: the message starts with a capital: %s", f, d.Message)
	}
}

// tomllibLines reads where tomllib reports each invalid document (see
// tomllib-lines.py in the suite's directory).
func tomllibLines(t *testing.T) map[string]int {
	t.Helper()
	fh, err := os.Open(filepath.Join(suite, "tomllib-lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 {
			n, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatalf("tomllib-lines.txt: %q", sc.Text())
			}
			out[fields[0]] = n
		}
	}
	if len(out) < 400 {
		t.Fatalf("tomllib-lines.txt has only %d positions", len(out))
	}
	return out
}

// TestSuiteThroughTheLoader runs every document of the suite, valid and
// invalid, through the real loader: whatever it says, it says it as a
// *Error whose every diagnostic names the file, within a second.
func TestSuiteThroughTheLoader(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(suite, "*", "*", "*.toml"))
	if err != nil || len(files) < 700 {
		t.Fatalf("%d documents: %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, err = Parse(filepath.Base(f), data)
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: took %v", f, took)
		}
		pe, ok := err.(*Error)
		if !ok {
			t.Errorf("%s: %T %v", f, err, err)
			continue
		}
		for _, d := range pe.Diagnostics {
			if d.File == "" || d.Message == "" {
				t.Errorf("%s: incomplete diagnostic %+v", f, d)
			}
		}
	}
}

// TestTableRulesNeedTheGate: the table rules run only on documents where
// scanShape saw a dotted key or an inline table. On every other document
// of the suite that the parser reads they must find nothing, or the gate
// would let a broken one through.
func TestTableRulesNeedTheGate(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(suite, "*", "*", "*.toml"))
	gated := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		src := strings.TrimPrefix(string(data), "\uFEFF")
		if _, err := toml.Decode(src, new(map[string]any)); err != nil {
			continue // the rules run only on what the parser read
		}
		if scanShape(src).tables {
			gated++
			continue
		}
		if at, msg, _ := tableRules(newTextIndex(src)); at >= 0 {
			t.Errorf("%s: the gate is shut, but the rules say %s", f, msg)
		}
	}
	if gated == 0 || gated == len(files) {
		t.Fatalf("the gate opened for %d of %d documents", gated, len(files))
	}
}

// TestTableRulesBeyondTheSuite holds documents the suite lacks, found by
// comparing mutual with Python's tomllib on 200,000 generated documents of
// headers, dotted keys and inline tables: a value set over a table that a
// dotted [header] made without defining it. The parser lets them through,
// and no dotted key or inline table is there to open the rules' gate, so
// the gate opens for a header of three parts too (not for two, which a
// profile's [opportunity.ratings] has: that would cost every load the
// index).
func TestTableRulesBeyondTheSuite(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
	}{
		{"[b.b.b]\n[b]\nb = 1\n", 3},
		{"[[a.a.c]]\n[a]\na = 1\n", 3},
		{"[b.a.'b']\n[b]\n\"a\" = [1, 2]\n", 3},
	} {
		_, _, d := readTOML("doc.toml", []byte(c.doc))
		if d == nil || d.Line != c.line {
			t.Errorf("%q: %v; want it refused on line %d", c.doc, d, c.line)
			continue
		}
		checkDiagnostic(t, c.doc, []byte(c.doc), d)
	}
	for _, doc := range []string{"[a.b.c]\n[a]\nb.x.y = 1\n", "[a]\nb.c = 1\n[a.b.e]\nx = 1\n", "[\"a.b\"]\nc = 1\n"} {
		if _, _, d := readTOML("doc.toml", []byte(doc)); d != nil {
			t.Errorf("%q is TOML 1.0, but: %v", doc, d)
		}
	}
}
