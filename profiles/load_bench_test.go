package profiles

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"mutual/bench/gen"
)

// BenchmarkLoad loads the generated 2,000 × 30 profile; compare its ns/op
// and B/op with BenchmarkLoadFloor, a bare decode of the same file into
// generic maps, which every load pays first.
func BenchmarkLoad(b *testing.B) {
	path := writeBenchProfile(b, 2000, 30)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFloor(b *testing.B) {
	path := writeBenchProfile(b, 2000, 30)
	b.ReportAllocs()
	for b.Loop() {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var doc map[string]any
		if _, err := toml.Decode(string(data), &doc); err != nil {
			b.Fatal(err)
		}
	}
}

func writeBenchProfile(b *testing.B, opportunities, priorities int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "profile.toml")
	if err := os.WriteFile(path, gen.Profile(opportunities, priorities), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// TestGeneratedProfileLoads keeps the benchmark's generator honest: what
// it writes is a valid profile with no warnings, so the benchmarks time
// the ordinary path, not the error path.
func TestGeneratedProfileLoads(t *testing.T) {
	l, err := Parse("generated.toml", gen.Profile(50, 12))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) > 0 {
		t.Fatalf("warnings: %v", l.Warnings)
	}
	if got := len(l.Profile.Opportunities); got != 50 {
		t.Fatalf("%d opportunities, want 50", got)
	}
}

// TestNestingOfKnownDocuments checks nesting on documents whose depth is
// known because the test wrote them: random valid TOML with brackets,
// braces, quotes, escapes and comment marks inside strings, keys and
// comments, where only the arrays, inline tables and table headers nest.
// The TOML parser must read each document back as the value the writer
// meant, which proves the brackets in strings really are in strings.
func TestNestingOfKnownDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	docs := 1000
	if testing.Short() {
		docs = 100
	}
	for range docs {
		d := &tomlDoc{r: r, line: 1}
		want := d.document()
		src := d.b.String()
		if knownNestingGap(src) {
			t.Fatalf("the writer wrote a known gap of nesting:\n%s", src)
		}
		var got map[string]any
		if _, err := toml.Decode(src, &got); err != nil {
			t.Fatalf("the writer wrote invalid TOML (%v):\n%s", err, src)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the parser read\n%#v\nwhere the writer meant\n%#v\nfrom\n%s", got, want, src)
		}
		if depth, line := nesting(src); depth != d.deepest || line != d.at {
			t.Fatalf("nesting = %d, %d; the writer nested %d deep, first on line %d:\n%s", depth, line, d.deepest, d.at, src)
		}
		if depth, line := specNesting(src); depth != d.deepest || line != d.at {
			t.Fatalf("specNesting = %d, %d; the writer nested %d deep, first on line %d:\n%s", depth, line, d.deepest, d.at, src)
		}
	}
}

// TestNestingAgainstTheSpec compares nesting with specNesting on every
// profile under testdata, a generated one, and random scraps of the
// characters that matter, most of them not TOML at all.
func TestNestingAgainstTheSpec(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob("testdata/profiles/*/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(data))
	}
	inputs = append(inputs, string(gen.Profile(20, 5)))
	r := rand.New(rand.NewPCG(7, 8))
	scraps := 20000
	if testing.Short() {
		scraps = 2000
	}
	const alphabet = "\"'\\\n#[]{}a= "
	for range scraps {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		d1, l1 := nesting(in)
		d2, l2 := specNesting(in)
		if d1 != d2 || l1 != l2 {
			t.Fatalf("nesting(%q) = %d, %d; by the spec's rules %d, %d", in, d1, l1, d2, l2)
		}
	}
}

// TestNestingKnownGaps holds the valid TOML where nesting and the TOML spec
// used to part: a line-ending backslash in a multi-line string, and a
// multi-line string that ends in quotes of its own. Each must now agree
// with the spec's rules; TestNestingAgainstTheSpec's scraps hold them
// too, and only the document writer still leaves them out.
func TestNestingKnownGaps(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		// The newline after a line-ending backslash is not counted, so
		// the line reported is one short.
		{"line-ending backslash", "a = \"\"\"x\\\ny\"\"\"\nb = [[1]]\n"},
		// A multi-line string may end in one or two quotes of its own
		// before the closing three; nesting closes it at the first three
		// and takes the next quote for a new string, which hides the rest
		// of the line: a whole deep array can hide there from the guard.
		{"four quotes", "a = [\"\"\"x\"\"\"\", [[[1]]]]\n"},
		{"four apostrophes", "a = ['''x'''', [[[1]]]]\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !knownNestingGap(c.src) {
				t.Fatalf("knownNestingGap does not know %q", c.src)
			}
			var v map[string]any
			if _, err := toml.Decode(c.src, &v); err != nil {
				t.Fatalf("%q is not valid TOML: %v", c.src, err)
			}
			d1, l1 := nesting(c.src)
			d2, l2 := specNesting(c.src)
			if d1 != d2 || l1 != l2 {
				t.Errorf("nesting(%q) = %d, %d; by the spec's rules %d, %d", c.src, d1, l1, d2, l2)
			}
		})
	}
}

// knownNestingGap reports whether src holds what TestNestingKnownGaps
// shows nesting gets wrong: a backslash before a newline, or four quotes
// or apostrophes in a row.
func knownNestingGap(src string) bool {
	return strings.Contains(src, "\\\n") || strings.Contains(src, `""""`) || strings.Contains(src, "''''")
}

// specNesting is the reference for nesting, written from the TOML spec's
// rules for comments and strings rather than from nesting itself: a state
// machine over the bytes that counts [ and { against ] and } outside
// them, and works out the line only at the end, from the offset where the
// deepest nesting is first reached. A string left open at the end of its
// line (not TOML) ends there.
func specNesting(src string) (int, int) {
	const (
		code = iota
		comment
		basic     // "…", with backslash escapes
		literal   // '…'
		mlBasic   // """…""", with backslash escapes
		mlLiteral // '''…'''
	)
	state, depth, deepest, at := code, 0, 0, -1
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch state {
		case code:
			switch {
			case c == '#':
				state = comment
			case strings.HasPrefix(src[i:], `"""`):
				state, i = mlBasic, i+2
			case strings.HasPrefix(src[i:], "'''"):
				state, i = mlLiteral, i+2
			case c == '"':
				state = basic
			case c == '\'':
				state = literal
			case c == '[' || c == '{':
				depth++
				if depth > deepest {
					deepest, at = depth, i
				}
			case c == ']' || c == '}':
				depth--
			}
		case comment:
			if c == '\n' {
				state = code
			}
		case basic, literal:
			switch {
			case c == '\\' && state == basic:
				i++ // the escaped character
			case c == '\n', c == '"' && state == basic, c == '\'' && state == literal:
				state = code
			}
		case mlBasic, mlLiteral:
			quote := byte('"')
			if state == mlLiteral {
				quote = '\''
			}
			switch {
			case c == '\\' && state == mlBasic:
				i++ // the escaped character, or the newline of a line-ending backslash
			case c == quote:
				// Three quotes close the string; up to two more before
				// them are its own.
				run := 1
				for i+run < len(src) && src[i+run] == quote {
					run++
				}
				if run >= 3 {
					state = code
				}
				i += min(run, 5) - 1
			}
		}
	}
	if at < 0 {
		return 0, 0
	}
	return deepest, 1 + strings.Count(src[:at], "\n")
}

// tomlDoc writes a random TOML document and keeps, as it goes, the value
// the document holds and the deepest nesting of brackets and braces it
// wrote outside strings and comments, with the line where it first got
// there: what nesting must answer.
type tomlDoc struct {
	r                        *rand.Rand
	b                        strings.Builder
	line, depth, deepest, at int
	keys                     int
}

func (d *tomlDoc) write(s string) {
	d.b.WriteString(s)
	d.line += strings.Count(s, "\n")
}

func (d *tomlDoc) open(s string) {
	d.write(s)
	d.depth++
	if d.depth > d.deepest {
		d.deepest, d.at = d.depth, d.line
	}
}

func (d *tomlDoc) close(s string) {
	d.write(s)
	d.depth--
}

// document writes key/value lines, then tables and arrays of tables, and
// returns what the parser should read.
func (d *tomlDoc) document() map[string]any {
	doc := map[string]any{}
	d.pairs(doc)
	for range d.r.IntN(4) {
		name, key := d.key()
		if d.r.IntN(2) == 0 {
			d.open("[")
			d.write(name)
			d.close("]")
			d.comment()
			table := map[string]any{}
			d.pairs(table)
			doc[key] = table
			continue
		}
		var tables []map[string]any
		for range 1 + d.r.IntN(2) {
			d.open("[")
			d.open("[")
			d.write(name)
			d.close("]")
			d.close("]")
			d.comment()
			table := map[string]any{}
			d.pairs(table)
			tables = append(tables, table)
		}
		doc[key] = tables
	}
	return doc
}

// pairs writes a few key = value lines into table.
func (d *tomlDoc) pairs(table map[string]any) {
	for range d.r.IntN(5) {
		name, key := d.key()
		d.write(name + " = ")
		if d.r.IntN(20) == 0 {
			table[key] = d.chain(maxNesting-5+d.r.IntN(10), false)
		} else {
			table[key] = d.value(d.r.IntN(5), false)
		}
		d.comment()
	}
}

// chain writes a value nested exactly n deep, each level an array or an
// inline table that holds the next, around the loader's limit.
func (d *tomlDoc) chain(n int, inline bool) any {
	if n == 0 {
		return d.str(inline)
	}
	if d.r.IntN(2) == 0 {
		d.open("[")
		v := d.chain(n-1, inline)
		d.close("]")
		return []any{v}
	}
	name, key := d.key()
	d.open("{")
	d.write(" " + name + " = ")
	v := d.chain(n-1, true)
	d.close(" }")
	return map[string]any{key: v}
}

// comment ends the line, with a comment full of brackets and quotes now
// and then.
func (d *tomlDoc) comment() {
	if d.r.IntN(3) == 0 {
		d.write(" #" + d.text(false))
	}
	d.write("\n")
}

// key writes nothing but returns a fresh key as written, bare or quoted
// (and then full of brackets), and the key it names.
func (d *tomlDoc) key() (written, key string) {
	d.keys++
	key = "k" + strconv.Itoa(d.keys)
	switch text := d.text(false); d.r.IntN(3) {
	case 1:
		return `"` + escapeBasic(key+text) + `"`, key + text
	case 2:
		if !strings.Contains(text, "'") {
			return "'" + key + text + "'", key + text
		}
	}
	return key, key
}

// value writes a value that nests at most room deep and returns it;
// inline is true inside an inline table, which stays on one line.
func (d *tomlDoc) value(room int, inline bool) any {
	switch k := d.r.IntN(8); {
	case room > 0 && k < 3:
		out := []any{}
		d.open("[")
		for n := range d.r.IntN(4) {
			if n > 0 {
				d.write(",")
				if !inline && d.r.IntN(3) == 0 {
					d.comment()
				}
				d.write(" ")
			}
			out = append(out, d.value(room-1, inline))
		}
		d.close("]")
		return out
	case room > 0 && k < 5:
		out := map[string]any{}
		d.open("{")
		for n := range d.r.IntN(3) {
			if n > 0 {
				d.write(",")
			}
			name, key := d.key()
			d.write(" " + name + " = ")
			out[key] = d.value(room-1, true)
		}
		d.close(" }")
		return out
	case k == 5:
		n := int64(d.r.IntN(1000))
		d.write(strconv.FormatInt(n, 10))
		return n
	}
	return d.str(inline)
}

// str writes a string in one of TOML's four kinds, with brackets, quotes,
// backslashes and comment marks in it, and returns its value. Inside an
// inline table it writes no newline.
func (d *tomlDoc) str(inline bool) string {
	v := d.text(!inline)
	switch d.r.IntN(4) {
	case 1:
		if !strings.ContainsAny(v, "'\n") {
			d.write("'" + v + "'")
			return v
		}
	case 2:
		// The newline right after the opening quotes is not the
		// string's. A quote goes in as it is, unless a quote follows it
		// or it is the last; then it is escaped, so that no run of quotes
		// comes near the closing three.
		var b strings.Builder
		for i := 0; i < len(v); i++ {
			switch c := v[i]; {
			case c == '\\':
				b.WriteString(`\\`)
			case c == '"' && (i+1 == len(v) || v[i+1] == '"'):
				b.WriteString(`\u0022`)
			case c == '\n' && inline:
				b.WriteString(`\n`)
			default:
				b.WriteByte(c)
			}
		}
		d.write(`"""` + "\n" + b.String() + `"""`)
		return v
	case 3:
		if !inline && !strings.Contains(v, "'''") && !strings.HasSuffix(v, "'") {
			d.write("'''\n" + v + "'''")
			return v
		}
	}
	d.write(`"` + escapeBasic(v) + `"`)
	return v
}

// text is a few characters that mean something outside a string, with
// newlines too when multiline. A backslash is never last or before a
// newline, and a quote never follows the same quote, so that the document
// holds no backslash before a newline and no run of four quotes: the
// known gaps.
func (d *tomlDoc) text(multiline bool) string {
	alphabet := "[]{}#\"'\\ a,="
	if multiline {
		alphabet += "\n"
	}
	b := make([]byte, d.r.IntN(10))
	for i := range b {
		b[i] = alphabet[d.r.IntN(len(alphabet))]
	}
	for i := range b {
		if b[i] == '\\' && (i+1 == len(b) || b[i+1] == '\n') || i > 0 && b[i] == b[i-1] && strings.IndexByte(`"'`, b[i]) >= 0 {
			b[i] = 'a'
		}
	}
	return string(b)
}

// escapeBasic writes v for a basic string, in double quotes.
func escapeBasic(v string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v)
}

// TestNestingHiddenBehindQuotes loads, through the real loader, the
// document that once crashed mutual: a multi-line string that ends in a
// fourth quote hid two million brackets from the depth guard, and the
// TOML parser's recursion overflowed the stack, which no recover catches.
// It must be a clean error at the line of the brackets, within a second.
func TestNestingHiddenBehindQuotes(t *testing.T) {
	for _, open := range []string{`a = ["""x"""", `, `a = ['''x'''', `, "a = [\"\"\"x\\\n\"\"\"\"\", "} {
		src := "version = 1\n" + open + strings.Repeat("[", 2_000_000) + "\n"
		start := time.Now()
		_, err := Parse("deep.toml", []byte(src))
		if d := time.Since(start); d > time.Second {
			t.Errorf("%q: refusing took %v", open, d)
		}
		pe, ok := err.(*Error)
		if !ok || len(pe.Diagnostics) != 1 {
			t.Fatalf("%q: want one diagnostic, got %v", open, err)
		}
		d := pe.Diagnostics[0]
		wantLine := 2 + strings.Count(open, "\n")
		if !strings.Contains(d.Message, "nest more than") || d.Line != wantLine {
			t.Errorf("%q: got %s, want the nesting error on line %d", open, d, wantLine)
		}
	}
}
