package profiles

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"mutual/model"
)

// This file edits TOML text in place. BurntSushi/toml cannot write a
// document back with its comments, and a profile is the user's own file,
// so a save never re-encodes it: it finds the bytes of the one value it
// changes (with the text index) and replaces them, or inserts one line.
// Every edit is checked by parsing the result and comparing it with what
// the change should have made.

// tomlLiteral writes v as a TOML value: a number, a boolean, a string or
// a local date.
func tomlLiteral(v any) (string, error) {
	switch x := v.(type) {
	case model.Date:
		if x.IsZero() {
			return "", fmt.Errorf("cannot save an empty date")
		}
		return x.String(), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", fmt.Errorf("cannot save %v", x)
		}
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatFloat(x, 'f', -1, 64), nil
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		return s, nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case bool:
		return strconv.FormatBool(x), nil
	case string:
		return tomlString(x), nil
	case inlineTable:
		parts := make([]string, len(x.keys))
		for i, k := range x.keys {
			lit, err := tomlLiteral(x.values[i])
			if err != nil {
				return "", err
			}
			parts[i] = bareOrQuoted(k) + " = " + lit
		}
		return "{ " + strings.Join(parts, ", ") + " }", nil
	case numberList:
		parts := make([]string, len(x))
		for i, f := range x {
			lit, err := tomlLiteral(f)
			if err != nil {
				return "", err
			}
			parts[i] = lit
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case history:
		parts := make([]string, len(x))
		for i, m := range x {
			on, err := tomlLiteral(m.On)
			if err != nil {
				return "", err
			}
			parts[i] = "{ stage = " + tomlString(string(m.Stage)) + ", on = " + on + " }"
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", fmt.Errorf("cannot save a %T", v)
}

// inlineTable is a table of numbers written on one line, { a = 1, b = 2 },
// its keys in the order given.
type inlineTable struct {
	keys   []string
	values []float64
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// newline is the line ending most of the document's lines use (LF when
// as many end one way as the other): one CRLF line pasted into an LF file
// does not make every line a save adds CRLF, nor one LF line in a CRLF
// file the other way.
func newline(src string) string {
	crlf := strings.Count(src, "\r\n")
	if crlf > strings.Count(src, "\n")-crlf {
		return "\r\n"
	}
	return "\n"
}

// setKey returns src with key in [table] set to v ("" table for the top
// level). An existing value is replaced where it stands, comments and
// all around it untouched; a missing key is inserted as one line after the
// table's last key; a missing table is appended at the end.
func setKey(src, table, key string, v any) (string, error) {
	lit, err := tomlLiteral(v)
	if err != nil {
		return "", err
	}
	if _, err := toml.Decode(src, new(map[string]any)); err != nil {
		return "", fmt.Errorf("the file does not parse, so it cannot be edited safely: %w", err)
	}
	return editKey(src, newTextIndex(src), table, key, v, lit)
}

// editKey is setKey once src is known to parse and ix is its index.
func editKey(src string, ix *textIndex, table, key string, v any, lit string) (string, error) {
	if ix.truncated {
		// Past the point where the index stopped, a key may be written
		// where the index does not know it: an edit could land anywhere.
		return "", fmt.Errorf("the file uses TOML that mutual cannot edit in place; change it by hand")
	}
	var err error
	path := []string{key}
	if table != "" {
		path = []string{table, key}
	}
	var out string
	if e, ok := ix.lookup(path...); ok && !e.header {
		out = replaceValue(src, e.valStart, e.valEnd, lit)
	} else {
		out, err = insertKey(src, ix, table, key, lit)
		if err != nil {
			return "", err
		}
	}
	return out, checkEdit(src, out, func(doc map[string]any) {
		if table == "" {
			doc[key] = normalise(v)
			return
		}
		t, _ := doc[table].(map[string]any)
		if t == nil {
			t = map[string]any{}
			doc[table] = t
		}
		t[key] = normalise(v)
	})
}

// insertKey adds `key = lit` as a new line in [table].
func insertKey(src string, ix *textIndex, table, key, lit string) (string, error) {
	nl := newline(src)
	line := bareOrQuoted(key) + " = " + lit + nl
	if table == "" {
		// Top-level keys must come before the first table: after the last
		// top-level key, or else just before the first table.
		at, found := 0, false
		for _, e := range ix.entries {
			if e.header {
				if !found {
					at = lineStart(src, e.keyStart)
				}
				break
			}
			if len(e.path) == 1 {
				at, found = lineEnd(src, e.valEnd), true
			}
		}
		if !found && len(ix.entries) == 0 {
			at = len(src)
		}
		return src[:at] + line + src[at:], nil
	}
	header, ok := ix.lookup(table)
	if !ok {
		if e, ok := dottedUnder(ix, table); ok {
			line, _ := ix.position(e.keyStart)
			return "", fmt.Errorf("[%s] is written with dotted keys (%s on line %d); add %s to it by hand", table,
				strings.TrimSpace(src[e.keyStart:e.keyEnd]), line, key)
		}
		// No table yet, or only tables under it ([situation.extra]): a
		// [table] of its own may follow them.
		sep := nl
		if src == "" || strings.HasSuffix(src, nl+nl) {
			sep = ""
		} else if !strings.HasSuffix(src, nl) {
			sep = nl + nl
		}
		return src + sep + "[" + bareOrQuoted(table) + "]" + nl + line, nil
	}
	if !header.header {
		line, _ := ix.position(header.keyStart)
		return "", fmt.Errorf("[%s] is written inline, as %s = { ... } on line %d; add %s to it by hand", table, table, line, key)
	}
	// After the last key of the table's own section.
	at := lineEnd(src, header.keyEnd)
	for _, e := range ix.entries {
		if e.keyStart <= header.keyStart {
			continue
		}
		if e.header {
			break
		}
		if len(e.path) == 2 && e.path[0] == table {
			at = lineEnd(src, e.valEnd)
		}
	}
	if at == len(src) && !strings.HasSuffix(src, "\n") {
		line = nl + strings.TrimSuffix(line, nl)
	}
	return src[:at] + line + src[at:], nil
}

// dottedUnder returns the first key of the top level or of another table
// that writes into table with dotted keys (table.key = ...).
func dottedUnder(ix *textIndex, table string) (textEntry, bool) {
	for _, e := range ix.entries {
		if !e.header && !e.element && e.own > 1 && len(e.path) == e.own && e.path[0] == table {
			return e, true
		}
	}
	return textEntry{}, false
}

// lineStart is the offset of the start of the line holding off.
func lineStart(src string, off int) int {
	return strings.LastIndexByte(src[:off], '\n') + 1
}

// lineEnd is the offset just past the newline ending the line that holds
// off (or the end of the text).
func lineEnd(src string, off int) int {
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

func bareOrQuoted(key string) string {
	if key != "" && strings.IndexFunc(key, func(r rune) bool { return r > 127 || !isBare(byte(r)) }) < 0 {
		return key
	}
	return tomlString(key)
}

// appendBlock adds a [[name]] block with the given keys at the end of src.
func appendBlock(src, name string, keys []string, values []any) (string, error) {
	return appendBlocks(src, name, []block{{keys, values}})
}

// block is the keys of one [[block]] and their values, in order.
type block struct {
	keys   []string
	values []any
}

// appendBlocks adds [[name]] blocks at the end of src, a blank line
// before each, and checks the result once.
func appendBlocks(src, name string, blocks []block) (string, error) {
	nl := newline(src)
	var b strings.Builder
	b.WriteString(src)
	if src != "" && !strings.HasSuffix(src, nl) {
		b.WriteString(nl)
	}
	tables := make([]map[string]any, 0, len(blocks))
	for _, bl := range blocks {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), nl+nl) {
			b.WriteString(nl)
		}
		b.WriteString("[[" + name + "]]" + nl)
		table := map[string]any{}
		for i, k := range bl.keys {
			lit, err := tomlLiteral(bl.values[i])
			if err != nil {
				return "", err
			}
			b.WriteString(bareOrQuoted(k) + " = " + lit + nl)
			table[k] = normalise(bl.values[i])
		}
		tables = append(tables, table)
	}
	out := b.String()
	return out, checkEdit(src, out, func(doc map[string]any) {
		list, _ := doc[name].([]map[string]any)
		doc[name] = append(list, tables...)
	})
}

// normalise turns a Go value into what the TOML decoder gives back for it.
func normalise(v any) any {
	switch x := v.(type) {
	case model.Date:
		// The decoder's local dates carry a zone of its own; decoding the
		// date is the one way to get the very value it gives back.
		var doc map[string]any
		if _, err := toml.Decode("d = "+x.String(), &doc); err == nil {
			return doc["d"]
		}
	case int:
		return int64(x)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return int64(x) // written without a decimal point
		}
	case inlineTable:
		t := make(map[string]any, len(x.keys))
		for i, k := range x.keys {
			t[k] = normalise(x.values[i])
		}
		return t
	case numberList:
		out := make([]any, len(x))
		for i, f := range x {
			out[i] = normalise(f)
		}
		return out
	case history:
		out := make([]any, len(x))
		for i, m := range x {
			out[i] = map[string]any{"stage": string(m.Stage), "on": normalise(m.On)}
		}
		return out
	}
	return v
}

// checkEdit parses before and after and insists that after is exactly
// before with want applied: the edit changed what it meant to and nothing
// else.
func checkEdit(before, after string, want func(map[string]any)) error {
	var old, now map[string]any
	if _, err := toml.Decode(before, &old); err != nil {
		return fmt.Errorf("the file does not parse before the edit: %w", err)
	}
	if _, err := toml.Decode(after, &now); err != nil {
		return fmt.Errorf("the edit would not parse (%v); nothing was written", err)
	}
	if old == nil {
		old = map[string]any{}
	}
	want(old)
	if !sameTOML(old, now) {
		return fmt.Errorf("the edit would change more than it should; nothing was written")
	}
	return nil
}

// sameTOML reports whether two decoded TOML values are the same value:
// nan is nan (it is never == itself, so a file holding one anywhere would
// make every edit look wrong), a date is the same moment in the same kind
// of date, and an array of tables is equal to the same tables as a list.
func sameTOML(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameTOML(v, w) {
				return false
			}
		}
		return true
	case []map[string]any, []any:
		xs, ys := asList(a), asList(b)
		if xs == nil || ys == nil || len(xs) != len(ys) {
			return false
		}
		for i := range xs {
			if !sameTOML(xs[i], ys[i]) {
				return false
			}
		}
		return true
	case float64:
		y, ok := b.(float64)
		return ok && (x == y && math.Signbit(x) == math.Signbit(y) || math.IsNaN(x) && math.IsNaN(y))
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y) && x.Location().String() == y.Location().String()
	}
	return a == b
}

// asList is an array of any kind as a list, or nil when v is none.
func asList(v any) []any {
	switch x := v.(type) {
	case []any:
		if x == nil {
			return []any{}
		}
		return x
	case []map[string]any:
		out := make([]any, len(x))
		for i, t := range x {
			out[i] = t
		}
		return out
	}
	return nil
}

// replaceValue is src with the value at start..end written as lit. A
// comment after the value on its line keeps its column where the spaces
// before it allow (at least one space stays), so that aligned comments
// stay aligned: "savings = 8000    # cash" becomes "savings = 11000   # cash".
func replaceValue(src string, start, end int, lit string) string {
	rest := src[end:]
	spaces := len(rest) - len(strings.TrimLeft(rest, " "))
	if spaces > 0 && strings.HasPrefix(rest[spaces:], "#") {
		pad := spaces + utf8.RuneCountInString(src[start:end]) - utf8.RuneCountInString(lit)
		rest = strings.Repeat(" ", max(1, pad)) + rest[spaces:]
	}
	return src[:start] + lit + rest
}
