package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"mutual/model"
)

// MaxFileSize is the largest profile file mutual reads. A job search fits
// in far less; a bigger file is a mistake, and reading it would only eat
// memory.
const MaxFileSize = 16 << 20

// maxNesting bounds how deeply arrays and tables may nest. The TOML parser
// recurses once per level, so absurd nesting must be refused before it
// runs.
const maxNesting = 64

// Origin is where something was written: a file, and the key path in it
// whose line and column are looked up only when asked for. Reading a
// profile needs no positions at all; only messages, edits and the
// editor's jump do, so the text index is built on demand.
type Origin struct {
	File string
	key  []string
	text *lazyIndex
}

// Line is the line the origin's key is written on, or 0 when not known.
func (o Origin) Line() int {
	line, _ := o.Position()
	return line
}

// Position is the line and column of the origin's key, or 0, 0.
func (o Origin) Position() (line, col int) {
	if o.text == nil || len(o.key) == 0 {
		return 0, 0
	}
	return o.text.get().locate(o.key...)
}

// child is the origin of a key below this one.
func (o Origin) child(keys ...string) Origin {
	o.key = append(o.key[:len(o.key):len(o.key)], keys...)
	return o
}

// lazyIndex builds a file's text index the first time it is needed.
type lazyIndex struct {
	src  string
	once sync.Once
	ix   *textIndex
}

func (l *lazyIndex) get() *textIndex {
	l.once.Do(func() { l.ix = newTextIndex(l.src) })
	return l.ix
}

// Origins says where each part of a loaded profile was written.
type Origins struct {
	// Situation maps each situation key that is set to where it is set.
	Situation map[string]Origin
	// SituationTable is the file whose [situation] table the profile uses,
	// or "" when there is none.
	SituationTable string
	// Model maps each [model] key that is set to where it is set.
	Model map[string]Origin
	// Priorities, Opportunities and Scenarios parallel the profile's lists.
	Priorities, Opportunities, Scenarios []Origin
}

// Loaded is a profile read from disk, with where everything came from.
type Loaded struct {
	// Path is the main profile file as it was named.
	Path string
	// Profile is the model's view of it, defaults filled in.
	Profile model.Profile
	// Files lists every file read, the main one first, as named.
	Files []string
	// Warnings are problems that did not stop the load.
	Warnings []Diagnostic
	// Origins says where each value was written.
	Origins Origins
	// TrackedMoneyOK is the profile's tracked_money_ok: the user knows
	// their money figures are in a file git tracks.
	TrackedMoneyOK bool
	// Contents holds each file's bytes as read, by path as in Files, so a
	// save can tell whether a file changed on disk since.
	Contents map[string][]byte
}

// Load reads the profile at path with its includes. A profile that cannot
// be used gives an *Error listing every problem with its place and a hint.
func Load(path string) (*Loaded, error) {
	return load(path, readProfileFile)
}

// Parse reads a profile from memory (the built-in example, tests, fuzzing).
// name is used in messages. Includes are read from disk relative to name.
func Parse(name string, data []byte) (*Loaded, error) {
	first := true
	return load(name, func(p string) ([]byte, error) {
		if first && p == name {
			first = false
			return data, nil
		}
		return readProfileFile(p)
	})
}

// fileReader reads one profile file; tests and Parse swap it.
type fileReader func(path string) ([]byte, error)

// readProfileFile reads a file, refusing directories and files that are
// too large before reading them.
func readProfileFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errIsDir
	}
	if fi.Size() > MaxFileSize {
		return nil, errTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	// The size stat gave, plus the room ReadFrom wants to see the end:
	// one allocation for the usual file that does not change meanwhile.
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(&limitedReader{f, MaxFileSize + 1}); err != nil {
		return nil, err
	}
	if buf.Len() > MaxFileSize {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

var (
	errIsDir    = errors.New("is a directory")
	errTooLarge = errors.New("is too large")
)

type limitedReader struct {
	f interface{ Read([]byte) (int, error) }
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.f.Read(p)
	l.n -= int64(n)
	return n, err
}

// loader gathers one profile from its files.
type loader struct {
	// unread counts the files that could not be read or parsed.
	unread   int
	read     fileReader
	ds       diags
	files    []string
	contents map[string][]byte
	// stack holds the canonical paths of the includes being read, to find
	// cycles.
	stack []string
	m     merged
}

// setting is one scalar value and where it was written.
type setting struct {
	value any
	at    Origin
}

// merged is what every file of a profile says, before the checks that need
// all of it (scale, priority ids, duplicates).
type merged struct {
	// seen records which top-level keys any file wrote, valid or not, so a
	// wrong value is not reported a second time as a missing one.
	seen map[string]bool
	// situationSeen is the same for [situation] keys.
	situationSeen map[string]bool
	top           map[string]setting
	situation     map[string]setting
	situationAt   *Origin
	model         map[string]setting
	search        map[string]setting
	priorities    []rawPriority
	opportunities []rawOpportunity
	scenarios     []rawScenario
}

type rawPriority struct {
	p  model.Priority
	at Origin
	// atLeast is the floor as written, checked against the scale once all
	// files are read; atLeastAt is where, zero when not written.
	atLeast   float64
	atLeastAt Origin
	weightAt  Origin
	idWritten bool
}

type rawOpportunity struct {
	o  model.Opportunity
	at Origin
	// written lists every priority id rated, valid or not.
	written []string
	// lowest and highest are the ends of its ratings, and 1 when it has
	// none: enough to tell, once the scale is known, that none is out of
	// range without looking at each again.
	lowest, highest float64
}

type rawScenario struct {
	s  model.Scenario
	at Origin
}

func load(path string, read fileReader) (*Loaded, error) {
	l := &loader{read: read, contents: map[string][]byte{}, m: merged{top: map[string]setting{}, situation: map[string]setting{}, model: map[string]setting{},
		seen: map[string]bool{}, situationSeen: map[string]bool{}}}
	l.file(path, Origin{})
	if l.unread > 0 {
		// A file that could not be read would only make the checks that
		// need every file (a [situation] somewhere, the priority ids)
		// report its absence a second time: the cause is enough.
		l.ds.sort(l.files)
		return nil, l.ds.err(path)
	}
	out := l.build(path)
	l.ds.sort(l.files)
	if err := l.ds.err(path); err != nil {
		return nil, err
	}
	out.Warnings = l.ds.warnings()
	return out, nil
}

// file reads one file and, depth first, what it includes. from is where it
// was included, zero for the main file.
func (l *loader) file(path string, from Origin) {
	canon := canonical(path)
	if i := slices.Index(l.stack, canon); i >= 0 {
		line, col := from.Position()
		l.ds.add(Diagnostic{File: from.File, Line: line, Col: col, Message: fmt.Sprintf("include %q makes a cycle: %s", path, cycleText(l.stack[i:], canon)),
			Hint: "a file may include another only once along any chain; remove one of these includes"})
		l.unread++
		return
	}
	data, err := l.read(path)
	if err != nil {
		l.readError(path, from, err)
		l.unread++
		return
	}
	src, d := decodeText(path, data)
	if d != nil {
		l.ds.add(*d)
		l.unread++
		return
	}
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		l.ds.add(syntaxDiagnostic(path, src, err))
		l.unread++
		return
	}
	l.files = append(l.files, path)
	l.contents[path] = data
	l.stack = append(l.stack, canon)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()

	w := &walker{file: path, text: &lazyIndex{src: src}, ds: &l.ds, m: &l.m}
	includes := w.document(doc)
	for _, inc := range includes {
		p := inc.path
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), p)
		}
		l.file(p, inc.at)
	}
}

func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

func cycleText(stack []string, again string) string {
	parts := make([]string, 0, len(stack)+1)
	for _, s := range stack {
		parts = append(parts, filepath.Base(s))
	}
	return strings.Join(append(parts, filepath.Base(again)), " → ")
}

func (l *loader) readError(path string, from Origin, err error) {
	d := Diagnostic{File: path}
	if from.File != "" {
		// The include line is where the fix goes.
		line, col := from.Position()
		d = Diagnostic{File: from.File, Line: line, Col: col}
	}
	subject := ""
	if from.File != "" {
		subject = fmt.Sprintf("include %q: ", path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.Message = subject + "no such file"
		if target, lerr := os.Readlink(path); lerr == nil {
			d.Message = subject + fmt.Sprintf("is a symlink to %s, which does not exist", target)
			d.Hint = "fix or remove the link (a dotfiles manager such as stow may need to be run again)"
			break
		}
		if from.File != "" {
			d.Hint = "include paths are relative to the file that includes them; create the file or fix the path"
		} else {
			d.Hint = "run 'mutual init " + path + "' to write a starter profile there, or name another with --profile"
		}
	case errors.Is(err, errIsDir):
		d.Message = subject + "is a directory, not a profile file"
		d.Hint = "name a .toml file, for example " + filepath.Join(path, "profile.toml")
	case errors.Is(err, errTooLarge):
		d.Message = subject + fmt.Sprintf("is larger than %d MiB, far more than any profile needs", MaxFileSize>>20)
		d.Hint = "check that this is the file you meant"
	case errors.Is(err, fs.ErrPermission):
		d.Message = subject + "cannot be read: permission denied"
		d.Hint = "check the file's permissions (ls -l)"
	default:
		d.Message = subject + fmt.Sprintf("cannot be read: %v", unwrapPathError(err))
	}
	l.ds.add(d)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// decodeText checks that data is UTF-8 text a TOML parser can safely read.
func decodeText(path string, data []byte) (string, *Diagnostic) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", &Diagnostic{File: path, Message: "the file is UTF-16 text; mutual reads UTF-8",
			Hint: "save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8 in > out)"}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	// Two fast scans clear the usual file; only a bad one is walked rune
	// by rune to find the line to report.
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		line := 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				return "", &Diagnostic{File: path, Line: line, Message: "the file is not valid UTF-8 text",
					Hint: "is this a profile? save it as UTF-8, or name the right file"}
			case r == 0:
				return "", &Diagnostic{File: path, Line: line, Message: "the file contains a NUL byte, so it is not a text profile",
					Hint: "is this a profile? name the right file"}
			case r == '\n':
				line++
			}
			i += size
		}
	}
	src := string(data)
	if depth, at := nesting(src); depth > maxNesting {
		return "", &Diagnostic{File: path, Line: at, Message: fmt.Sprintf("arrays or tables nest more than %d deep", maxNesting),
			Hint: "a profile needs two levels at most; check for runaway brackets"}
	}
	return src, nil
}

// nesting returns the deepest bracket nesting outside strings and
// comments, and the line where it is first reached.
func nesting(src string) (int, int) {
	depth, deepest, at, line := 0, 0, 0, 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '#':
			if k := strings.IndexByte(src[i:], '\n'); k >= 0 {
				i += k
			} else {
				i = len(src)
			}
			line++
		case '"', '\'':
			// Skip the string; multi-line strings count their lines.
			delim, triple := src[i:i+1], `"""`
			if c == '\'' {
				triple = "'''"
			}
			if strings.HasPrefix(src[i:], triple) {
				delim = triple
			}
			i += len(delim)
			for i < len(src) && (src[i] != delim[0] || !strings.HasPrefix(src[i:], delim)) {
				if src[i] == '\\' && c == '"' {
					i++
				} else if src[i] == '\n' {
					line++
					if len(delim) == 1 {
						break
					}
				}
				i++
			}
			i += len(delim) - 1
		case '[', '{':
			depth++
			if depth > deepest {
				deepest, at = depth, line
			}
		case ']', '}':
			depth--
		}
	}
	return deepest, at
}

func syntaxDiagnostic(path, src string, err error) Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := lowerFirst(strings.TrimSuffix(strings.TrimPrefix(pe.Message, "toml: "), "."))
		return Diagnostic{File: path, Line: pe.Position.Line, Col: pe.Position.Col,
			Message: "TOML syntax: " + msg, Hint: syntaxHint(msg)}
	}
	return Diagnostic{File: path, Message: "TOML syntax: " + strings.TrimPrefix(err.Error(), "toml: "),
		Hint: "check the TOML syntax: strings in quotes, key = value, tables as [name]"}
}

// lowerFirst lowercases the first letter, for messages in mutual's style.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "cannot contain newlines"):
		return "close the string with a quote on the same line, or use \"\"\" for text over several lines"
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "duplicate"):
		return "each key may be set once per table; remove or rename one of them"
	case strings.Contains(msg, "expected value but found"), strings.Contains(msg, "bare keys cannot contain"):
		return "text values need quotes: key = \"some text\""
	case strings.Contains(msg, "unterminated") || strings.Contains(msg, "unexpected EOF"):
		return "a string, list or table is not closed; add the missing quote or bracket"
	case strings.Contains(msg, "invalid datetime"):
		return "that is not a real date: write it YYYY-MM-DD, without quotes, for a day that exists (starts = 2026-12-14)"
	case strings.Contains(msg, "invalid date") || strings.Contains(msg, "datetime"):
		return "write dates as YYYY-MM-DD, without quotes: starts = 2026-12-14"
	}
	return "check the TOML syntax near here: strings in quotes, key = value, tables as [name], lists as [1, 2]"
}

// includeRef is an include and where it was written.
type includeRef struct {
	path string
	at   Origin
}

// walker checks one file's document against the format and adds what it
// says to the merged profile.
type walker struct {
	// block is the name (or id) of the [[block]] being walked, for messages.
	block string
	file  string
	text  *lazyIndex
	ds    *diags
	m     *merged
}

func (w *walker) at(path ...string) Origin {
	return Origin{File: w.file, key: slices.Clone(path), text: w.text}
}

// errAt reports an error at the value of path.
func (w *walker) errAt(path []string, hint, format string, args ...any) {
	line, col := w.text.get().locateValue(path...)
	w.ds.add(Diagnostic{File: w.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// warnKey reports a warning at the key of path.
func (w *walker) warnKey(path []string, hint, format string, args ...any) {
	line, col := w.text.get().locate(path...)
	w.ds.add(Diagnostic{File: w.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint, Warning: true})
}

// keys returns a table's keys. Their order does not matter: diagnostics
// are sorted by position at the end, and nothing else depends on it.
func (w *walker) keys(_ []string, m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// keyPaths hands out the paths of one table's keys from a single buffer,
// so that walking a table allocates one path rather than one per key (a
// big pipeline has tens of thousands). A path it returns is good until
// the next call; whatever keeps a path copies it (see [walker.at]), and
// messages use it at once. One spare slot lets a key's own children (an
// opportunity's ratings) be appended without allocating either.
type keyPaths []string

func pathsUnder(path []string) keyPaths {
	kp := make([]string, len(path)+1, len(path)+2)
	copy(kp, path)
	return kp
}

// of returns the path of key k.
func (kp keyPaths) of(k string) []string {
	kp[len(kp)-1] = k
	return kp
}

// misnamed maps names people reach for to the key the format uses.
var misnamed = map[string]string{
	"salary": "pay", "wage": "pay", "compensation": "pay", "company": "name", "employer": "name",
	"status": "stage", "probability": "chance", "odds": "chance", "start": "starts", "start_date": "starts",
	"deadline": "respond_by", "expenses": "monthly_expenses", "income": "monthly_income", "cash": "savings",
	"priorities": "priority", "opportunities": "opportunity", "scenarios": "scenario", "rating": "ratings",
	"insured_now": "insured", "health_insurance": "insurance", "hours": "hours_per_week", "tax": "tax_rate",
	"includes": "include", "runway": "comfortable_runway", "floor": "at_least", "minimum": "at_least",
	"question": "ask", "name": "label", "title": "label",
}

func (w *walker) unknownKey(path []string, key string, known []string) {
	hint := "remove it, or check the spelling against the README's list of keys"
	if s, ok := misnamed[key]; ok && slices.Contains(known, s) {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else if s := suggest(key, known); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	w.warnKey(append(slices.Clone(path), key), hint, "unknown key %q in %s; it is ignored", key, w.tableName(path))
}

// tableName names the table at path for a message: [situation],
// [[opportunity]] "Acme", [[priority]] number 2.
func (w *walker) tableName(path []string) string {
	if len(path) == 0 {
		return "the top level"
	}
	if len(path) >= 2 {
		if _, err := strconv.Atoi(path[1]); err == nil {
			name := "[[" + path[0] + "]] number " + strconv.Itoa(atoi(path[1])+1)
			if w.block != "" {
				name = "[[" + path[0] + "]] " + strconv.Quote(w.block)
			}
			if len(path) > 2 {
				return name + "'s " + strings.Join(path[2:], ".")
			}
			return name
		}
	}
	return "[" + strings.Join(path, ".") + "]"
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

var topKeys = []string{"version", "currency", "scale", "include", "situation", "priority", "opportunity", "scenario", "model",
	"search", "tracked_money_ok"}

// document walks a whole file and returns its includes.
func (w *walker) document(doc map[string]any) []includeRef {
	var includes []includeRef
	for _, k := range w.keys(nil, doc) {
		v := doc[k]
		path := []string{k}
		w.m.seen[k] = true
		switch k {
		case "version":
			if n, ok := w.integer(path, v); ok {
				if n != 1 {
					w.errAt(path, "this mutual reads version = 1 profiles; upgrade mutual or fix the number", "profile version %d is not supported", n)
				}
				w.setTop(k, int64(1), path)
			}
		case "currency":
			if s, ok := w.str(path, v); ok {
				w.setTop(k, s, path)
			}
		case "scale":
			if n, ok := w.integer(path, v); ok {
				if n < 2 || n > 100 {
					w.errAt(path, "use a whole number from 2 to 100; 5 is usual", "scale %d is out of range", n)
				} else {
					w.setTop(k, n, path)
				}
			}
		case "include":
			includes = w.includes(path, v)
		case "tracked_money_ok":
			if b, ok := w.boolean(path, v); ok {
				w.setTop(k, b, path)
			}
		case "situation":
			if t, ok := w.table(path, v); ok {
				at := w.at(path...)
				if w.m.situationAt == nil {
					w.m.situationAt = &at
				}
				for sk := range t {
					w.m.situationSeen[sk] = true
				}
				w.situation(path, t, w.m.situation)
			}
		case "model":
			if t, ok := w.table(path, v); ok {
				w.modelTable(path, t)
			}
		case "search":
			if t, ok := w.table(path, v); ok {
				w.searchTable(path, t)
			}
		case "priority", "opportunity", "scenario":
			tables, ok := w.tables(path, v)
			if !ok {
				continue
			}
			if k == "opportunity" {
				w.m.opportunities = slices.Grow(w.m.opportunities, len(tables))
			}
			for i, t := range tables {
				p := []string{k, strconv.Itoa(i)}
				switch k {
				case "priority":
					w.priority(p, t)
				case "opportunity":
					w.opportunity(p, t)
				case "scenario":
					w.scenario(p, t)
				}
				// Nothing reads the decoded table again: let the
				// collector have it while the rest is walked, so the
				// decoded file and the profile built from it are not
				// both held whole at the peak.
				tables[i] = nil
			}
		default:
			w.unknownKey(nil, k, topKeys)
		}
	}
	return includes
}

// setTop records a top-level scalar; two files may agree but not differ.
func (w *walker) setTop(key string, v any, path []string) {
	w.set(w.m.top, key, v, path, "")
}

// set records a scalar in one of the merged tables, refusing a second
// file's different value.
func (w *walker) set(into map[string]setting, key string, v any, path []string, table string) {
	at := w.at(path...)
	if prev, ok := into[key]; ok {
		if prev.value != v {
			w.errAt(path, fmt.Sprintf("keep one of them (the other is at %s:%d)", prev.at.File, prev.at.Line()),
				"%s%s is set in two files with different values", table, key)
		}
		return
	}
	into[key] = setting{value: v, at: at}
}

func (w *walker) includes(path []string, v any) []includeRef {
	var list []any
	switch x := v.(type) {
	case string:
		list = []any{x}
	case []any:
		list = x
	default:
		w.errAt(path, `write include = ["private.toml"]`, "include must be a list of file names, not %s", describe(v))
		return nil
	}
	var out []includeRef
	for i, item := range list {
		p := append(slices.Clone(path), strconv.Itoa(i))
		s, ok := item.(string)
		if !ok || strings.TrimSpace(s) == "" {
			w.errAt(p, `write include = ["private.toml"]`, "include entries must be file names, not %s", describe(item))
			continue
		}
		out = append(out, includeRef{path: s, at: w.at(p...)})
	}
	return out
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "a whole number"
	case float64:
		if math.IsNaN(x) {
			return "nan"
		}
		if math.IsInf(x, 1) {
			return "inf"
		}
		if math.IsInf(x, -1) {
			return "-inf"
		}
		return "a number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case []map[string]any:
		return "a list of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

func (w *walker) table(path []string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		hint := fmt.Sprintf("write it as a table: [%s] on a line of its own, then key = value lines", last(path))
		if last(path) == "ratings" {
			hint = "write [opportunity.ratings] on a line of its own under the opportunity, then one priority_id = rating per line"
		}
		w.errAt(path, hint, "%s must be a table, not %s", last(path), describe(v))
	}
	return t, ok
}

func (w *walker) tables(path []string, v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, item := range x {
			t, ok := item.(map[string]any)
			if !ok {
				break
			}
			out = append(out, t)
		}
		if len(out) == len(x) {
			return out, true
		}
	}
	w.errAt(path, fmt.Sprintf("write each one as a block starting with [[%s]]", path[0]),
		"%s must be a list of [[%s]] blocks, not %s", path[0], path[0], describe(v))
	return nil, false
}

// number reads a finite number.
func (w *walker) number(path []string, v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		if x, isStr := v.(string); isStr {
			if _, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64); err == nil {
				w.errAt(path, fmt.Sprintf("write the number without quotes: %s = %s", last(path), strings.ReplaceAll(x, ",", "")),
					"%s must be a number, not a string", last(path))
				return 0, false
			}
		}
		w.errAt(path, fmt.Sprintf("write a number, for example %s = 3", last(path)), "%s must be a number, not %s", last(path), describe(v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.errAt(path, "use an ordinary number", "%s must be a finite number, not %s", last(path), describe(f))
		return 0, false
	}
	return f, true
}

// ranged reads a number in [lo, hi] (or (lo, hi] when open).
func (w *walker) ranged(path []string, v any, lo, hi float64, open bool, hint string) (float64, bool) {
	f, ok := w.number(path, v)
	if !ok {
		return 0, false
	}
	if f < lo || (open && f == lo) || f > hi {
		w.errAt(path, hint, "%s = %s is out of range", last(path), fmtNum(f))
		return 0, false
	}
	return f, true
}

// maxMoney bounds money amounts: beyond it the numbers are typos.
const maxMoney = 1e12

func (w *walker) money(path []string, v any) (float64, bool) {
	f, ok := w.number(path, v)
	if !ok {
		return 0, false
	}
	if f < 0 {
		w.errAt(path, "money amounts are zero or more; write what comes in as monthly_income, not as negative expenses", "%s = %s is negative", last(path), fmtNum(f))
		return 0, false
	}
	if f > maxMoney {
		w.errAt(path, "check for extra digits", "%s = %s is implausibly large", last(path), fmtNum(f))
		return 0, false
	}
	return f, true
}

func (w *walker) integer(path []string, v any) (int64, bool) {
	n, ok := v.(int64)
	if !ok {
		w.errAt(path, fmt.Sprintf("write a whole number, for example %s = 5", last(path)), "%s must be a whole number, not %s", last(path), describe(v))
	}
	return n, ok
}

func (w *walker) str(path []string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		w.errAt(path, fmt.Sprintf(`put text in quotes: %s = "..."`, last(path)), "%s must be text, not %s", last(path), describe(v))
	}
	return s, ok
}

func (w *walker) boolean(path []string, v any) (bool, bool) {
	b, ok := v.(bool)
	if !ok {
		w.errAt(path, fmt.Sprintf("write %s = true or %s = false, without quotes", last(path), last(path)), "%s must be true or false, not %s", last(path), describe(v))
	}
	return b, ok
}

func (w *walker) date(path []string, v any) (model.Date, bool) {
	hint := func() string { return fmt.Sprintf("write a date without quotes: %s = 2026-12-14", last(path)) }
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() != "date-local" {
			w.errAt(path, hint(), "%s must be a date, not a date and time", last(path))
			return model.Date{}, false
		}
		return model.DateOf(x), true
	case string:
		if d, err := model.ParseDate(x); err == nil {
			w.warnKey(path, fmt.Sprintf("write it without quotes: %s = %s", last(path), d), "%s is a date written as text; it is read as %s", last(path), d)
			return d, true
		}
	}
	w.errAt(path, hint(), "%s must be a date, not %s", last(path), describe(v))
	return model.Date{}, false
}

func last(path []string) string { return path[len(path)-1] }

func fmtNum(f float64) string {
	if math.Abs(f) >= 1e15 {
		return strconv.FormatFloat(f, 'g', 4, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

var situationKeys = []string{"savings", "monthly_expenses", "monthly_income", "insured", "comfortable_runway", "urgency", "tax_rate"}

// situation reads situation keys from a [situation] table or a scenario
// into settings; skip names keys the caller handles itself.
func (w *walker) situation(path []string, t map[string]any, into map[string]setting, skip ...string) {
	kp := pathsUnder(path)
	for k, v := range t {
		if slices.Contains(skip, k) {
			continue
		}
		p := kp.of(k)
		var val any
		var ok bool
		switch k {
		case "savings", "monthly_expenses", "monthly_income":
			val, ok = w.money(p, v)
		case "insured":
			val, ok = w.boolean(p, v)
		case "comfortable_runway":
			val, ok = w.ranged(p, v, 0, 1200, true, "months of runway at which urgency from cash is zero; must be more than 0 (6 is usual)")
		case "urgency":
			val, ok = w.ranged(p, v, 0, 1, false, "urgency runs from 0 (no pressure) to 1 (need a paycheck now)")
		case "tax_rate":
			val, ok = w.ranged(p, v, 0, 0.99, false, "the share of gross pay lost to tax, from 0 to 0.99 (0.25 is 25%)")
		default:
			known := situationKeys
			if len(skip) > 0 {
				known = append(slices.Clone(situationKeys), skip...)
			}
			w.unknownKey(path, k, known)
			continue
		}
		if ok {
			w.set(into, k, val, p, "situation.")
		}
	}
}

func (w *walker) modelTable(path []string, t map[string]any) {
	table := model.ParamTable()
	bounds := make([]bounded, len(table))
	for i, pi := range table {
		bounds[i] = bounded{key: pi.Key, doc: pi.Doc, min: pi.Min, max: pi.Max, minOpen: pi.MinOpen}
	}
	w.boundedTable(path, t, bounds, w.m.model, "model.")
}

// bounded is a setting of a table of numbers, each with its range: the
// [model] and [search] tables.
type bounded struct {
	key, doc         string
	min, max         float64
	minOpen, maxOpen bool
}

// rangeWords says in words the range a bounded setting may take.
func (b bounded) rangeWords() string {
	lo, hi := "at least", "at most"
	if b.minOpen {
		lo = "more than"
	}
	if b.maxOpen {
		hi = "less than"
	}
	return fmt.Sprintf("%s %s and %s %s", lo, fmtNum(b.min), hi, fmtNum(b.max))
}

// boundedTable reads a table of bounded numbers into settings, prefix
// naming the table in messages.
func (w *walker) boundedTable(path []string, t map[string]any, table []bounded, into map[string]setting, prefix string) {
	known := make([]string, len(table))
	for i, b := range table {
		known[i] = b.key
	}
	for _, k := range w.keys(path, t) {
		p := append(slices.Clone(path), k)
		i := slices.IndexFunc(table, func(b bounded) bool { return b.key == k })
		if i < 0 {
			w.unknownKey(path, k, known)
			continue
		}
		b := table[i]
		hint := b.doc + ": " + b.rangeWords()
		f, ok := w.ranged(p, t[k], b.min, b.max, b.minOpen, hint)
		if ok && b.maxOpen && f == b.max {
			w.errAt(p, hint, "%s = %s is out of range", k, fmtNum(f))
			ok = false
		}
		if ok {
			w.set(into, k, f, p, prefix)
		}
	}
}

var priorityKeys = []string{"id", "label", "weight", "low", "high", "at_least", "ask", "from_pay"}

func (w *walker) priority(path []string, t map[string]any) {
	w.block, _ = t["id"].(string)
	defer func() { w.block = "" }()
	rp := rawPriority{p: model.Priority{Weight: 1}, at: w.at(path...)}
	rp.weightAt = rp.at
	kp := pathsUnder(path)
	for k, v := range t {
		p := kp.of(k)
		switch k {
		case "id":
			rp.idWritten = true
			if s, ok := w.str(p, v); ok {
				rp.p.ID = strings.TrimSpace(s)
			}
		case "label":
			rp.p.Label, _ = w.str(p, v)
		case "low":
			rp.p.LowText, _ = w.str(p, v)
		case "high":
			rp.p.HighText, _ = w.str(p, v)
		case "ask":
			rp.p.Ask, _ = w.str(p, v)
		case "weight":
			rp.weightAt = w.at(p...)
			if f, ok := w.number(p, v); ok {
				if f < 0 {
					w.errAt(p, "weights are zero or more; use 0 to ignore a priority", "weight = %s is negative", fmtNum(f))
				} else if f > 1e9 {
					w.errAt(p, "weights are relative; small numbers like 1 to 10 are plenty", "weight = %s is implausibly large", fmtNum(f))
				} else {
					rp.p.Weight = f
				}
			}
		case "at_least":
			if f, ok := w.number(p, v); ok {
				rp.atLeast, rp.atLeastAt = f, w.at(p...)
			}
		case "from_pay":
			rp.p.FromPay = w.payRange(p, v)
		default:
			w.unknownKey(path, k, priorityKeys)
		}
	}
	if rp.p.ID == "" && !rp.idWritten {
		w.errAt(path, `give every priority an id, for example id = "manager"; ratings refer to it`, "a [[priority]] has no id")
	}
	w.m.priorities = append(w.m.priorities, rp)
}

func (w *walker) payRange(path []string, v any) *[2]float64 {
	hint := "write the yearly gross pay that rates 1 and the pay that rates the top: from_pay = [40000, 90000]"
	list, ok := v.([]any)
	if !ok || len(list) != 2 {
		w.errAt(path, hint, "from_pay must be a list of two amounts, not %s", describe(v))
		return nil
	}
	var r [2]float64
	for i := range list {
		f, ok := w.money(append(slices.Clone(path), strconv.Itoa(i)), list[i])
		if !ok {
			return nil
		}
		r[i] = f
	}
	if r[0] >= r[1] {
		w.errAt(path, hint, "from_pay = [%s, %s] must go from lower to higher pay", fmtNum(r[0]), fmtNum(r[1]))
		return nil
	}
	return &r
}

var opportunityKeys = []string{"name", "stage", "chance", "pay", "per", "hours_per_week", "starts", "first_paycheck_days",
	"insurance", "insurance_wait_days", "contract_months", "respond_by", "decision_expected", "notes", "ratings"}

func (w *walker) opportunity(path []string, t map[string]any) {
	w.block, _ = t["name"].(string)
	defer func() { w.block = "" }()
	ro := rawOpportunity{at: w.at(path...), lowest: 1, highest: 1}
	o := &ro.o
	kp := pathsUnder(path)
	for k, v := range t {
		p := kp.of(k)
		switch k {
		case "name":
			if s, ok := w.str(p, v); ok {
				o.Name = strings.TrimSpace(s)
			}
		case "stage":
			if s, ok := w.str(p, v); ok {
				o.Stage = model.Stage(strings.ToLower(strings.TrimSpace(s)))
				if !o.Stage.Valid() {
					hint := "use one of: " + stageList()
					if sug := suggest(s, stageStrings()); sug != "" {
						hint = fmt.Sprintf("did you mean %q? stages: %s", sug, stageList())
					}
					w.errAt(p, hint, "stage %q is not a stage", s)
				}
			}
		case "chance":
			if f, ok := w.ranged(p, v, 0, 1, false, "chance is a probability from 0 to 1, for example 0.3"); ok {
				o.Chance = model.Float(f)
			}
		case "pay":
			if f, ok := w.money(p, v); ok {
				o.Pay = model.Float(f)
			}
		case "per":
			if s, ok := w.str(p, v); ok {
				o.Per = strings.ToLower(strings.TrimSpace(s))
				if o.Per != "year" && o.Per != "month" && o.Per != "hour" {
					w.errAt(p, `use "year", "month" or "hour"`, "per = %q is not a pay period", s)
				}
			}
		case "hours_per_week":
			if f, ok := w.ranged(p, v, 0, 168, true, "hours per week run from more than 0 to 168"); ok {
				o.HoursPerWeek = f
			}
		case "starts":
			o.Starts, _ = w.date(p, v)
		case "respond_by":
			o.RespondBy, _ = w.date(p, v)
		case "decision_expected":
			o.DecisionExpected, _ = w.date(p, v)
		case "first_paycheck_days":
			if f, ok := w.ranged(p, v, 0, 3650, false, "days from the first day to the first pay, 0 or more (14 is usual)"); ok {
				o.FirstPaycheckDays = model.Float(f)
			}
		case "insurance":
			o.Insurance, _ = w.boolean(p, v)
		case "insurance_wait_days":
			if f, ok := w.ranged(p, v, 0, 3650, false, "days before health coverage starts, 0 or more"); ok {
				o.InsuranceWaitDays = f
			}
		case "contract_months":
			if f, ok := w.ranged(p, v, 0, 1200, false, "0 for a permanent job, else the contract's length in months"); ok {
				o.ContractMonths = f
			}
		case "notes":
			o.Notes, _ = w.str(p, v)
		case "ratings":
			if rt, ok := w.table(p, v); ok {
				o.Ratings = make(map[string]model.Rating, len(rt))
				ro.written = make([]string, 0, len(rt))
				for id, rv := range rt {
					ro.written = append(ro.written, id)
					if r, ok := w.rating(append(p, id), rv); ok {
						o.Ratings[id] = r
						ro.lowest, ro.highest = min(ro.lowest, r.Low), max(ro.highest, r.High)
					}
				}
			}
		default:
			w.unknownKey(path, k, opportunityKeys)
		}
	}
	if _, written := t["name"]; !written {
		w.errAt(path, `give every opportunity a name, for example name = "Acme Logistics"`, "an [[opportunity]] has no name")
	}
	if _, written := t["stage"]; !written {
		w.errAt(path, "add a stage, one of: "+stageList(), "opportunity %q has no stage", o.Name)
	}
	if _, written := t["hours_per_week"]; o.Per == "hour" && !written && o.Pay != nil {
		w.errAt(append(slices.Clone(path), "per"), "add hours_per_week, for example hours_per_week = 20", "opportunity %q is paid by the hour but has no hours_per_week", o.Name)
	}
	w.m.opportunities = append(w.m.opportunities, ro)
}

func stageStrings() []string {
	stages := model.Stages()
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = string(s)
	}
	return out
}

func stageList() string { return strings.Join(stageStrings(), ", ") }

// rating reads a number or a [low, high] range; the scale is checked once
// all files are read.
func (w *walker) rating(path []string, v any) (model.Rating, bool) {
	hint := "write a rating like 4, or a range like [2, 4] when unsure; leave it out when unknown"
	switch x := v.(type) {
	case int64, float64:
		f, ok := w.number(path, v)
		return model.Rating{Low: f, High: f}, ok
	case []any:
		if len(x) != 2 {
			w.errAt(path, hint, "the range for %q must have two numbers, not %d", last(path), len(x))
			return model.Rating{}, false
		}
		for _, e := range x {
			switch e.(type) {
			case int64, float64:
			default:
				w.errAt(path, hint, "the range for %q must hold two numbers, not %s", last(path), describe(e))
				return model.Rating{}, false
			}
		}
		elem := append(slices.Clone(path), "0")
		lo, ok1 := w.number(elem, x[0])
		elem[len(path)] = "1"
		hi, ok2 := w.number(elem, x[1])
		if !ok1 || !ok2 {
			return model.Rating{}, false
		}
		if lo > hi {
			w.errAt(path, fmt.Sprintf("write the lower end first: [%s, %s]", fmtNum(hi), fmtNum(lo)), "the range [%s, %s] for %q runs backwards", fmtNum(lo), fmtNum(hi), last(path))
			return model.Rating{}, false
		}
		return model.Rating{Low: lo, High: hi}, true
	}
	w.errAt(path, hint, "rating %q must be a number or a range, not %s", last(path), describe(v))
	return model.Rating{}, false
}

func (w *walker) scenario(path []string, t map[string]any) {
	w.block, _ = t["name"].(string)
	defer func() { w.block = "" }()
	rs := rawScenario{at: w.at(path...)}
	if v, ok := t["name"]; ok {
		if s, ok := w.str(append(slices.Clone(path), "name"), v); ok {
			rs.s.Name = strings.TrimSpace(s)
		}
	}
	if rs.s.Name == "" {
		w.errAt(path, `give every scenario a name, for example name = "severance lands"`, "a [[scenario]] has no name")
	}
	settings := map[string]setting{}
	w.situation(path, t, settings, "name")
	rs.s.Situation = situationOf(settings)
	w.m.scenarios = append(w.m.scenarios, rs)
}

// situationOf turns checked settings into a model situation.
func situationOf(settings map[string]setting) model.Situation {
	var s model.Situation
	num := func(k string) *float64 {
		if v, ok := settings[k]; ok {
			return model.Float(v.value.(float64))
		}
		return nil
	}
	s.Savings, s.MonthlyExpenses, s.MonthlyIncome = num("savings"), num("monthly_expenses"), num("monthly_income")
	s.ComfortableRunway, s.Urgency, s.TaxRate = num("comfortable_runway"), num("urgency"), num("tax_rate")
	if v, ok := settings["insured"]; ok {
		s.Insured = model.Bool(v.value.(bool))
	}
	return s
}
