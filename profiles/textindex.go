package profiles

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// textIndex maps every key of a TOML document to where it is written.
// BurntSushi/toml keeps key positions to itself, and its errors only know
// the last key it read; this small scanner finds the line and column of any
// key so that every message can point at it, and the byte span of every
// value so that a save can change that value and nothing else.
//
// The scanner runs only on text the TOML parser has accepted, so it can be
// simple: it never has to explain a syntax error, and when it meets
// something it does not follow it stops, leaving the rest unindexed.
type textIndex struct {
	// truncated reports that the scanner stopped before the end.
	truncated bool
	// newer is the offset of the first inline table written the way only
	// TOML 1.1 allows (over several lines, or with a comma after its last
	// key), or -1; newerWhat says which.
	newer      int
	newerWhat  string
	src        string
	lineStarts []int
	entries    []textEntry
	byPath     map[string]int
}

// textEntry is one key/value or table header of the document.
type textEntry struct {
	// path is the resolved key: table names, array indices (as decimal
	// strings) and key parts.
	path []string
	// header reports a [table] or [[array]] header rather than a key;
	// array, an [[array]] one.
	header, array bool
	// own is how many of the path's parts the key itself writes (2 for
	// a.b = 1); the rest are its table's.
	own int
	// element reports an element of an array value, which has no key of
	// its own: its key span is the element, so that a message about it
	// (an opportunity with no name in opportunity = [{...}, {...}]) can
	// name its line rather than the array's.
	element bool
	// keyStart and keyEnd span the key (the whole header for headers).
	keyStart, keyEnd int
	// valStart and valEnd span the value (empty for headers).
	valStart, valEnd int
}

func pathKey(path []string) string { return strings.Join(path, "\x00") }

func newTextIndex(src string) *textIndex {
	ix := &textIndex{src: src, byPath: map[string]int{}, newer: -1}
	ix.lineStarts = append(ix.lineStarts, 0)
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			ix.lineStarts = append(ix.lineStarts, i+1)
		}
	}
	s := &textScanner{src: src, ix: ix, arrays: map[string]int{}}
	s.document()
	if s.stop {
		// Past the point the scanner lost track, positions mean nothing.
		ix.truncated = true
	}
	return ix
}

// position returns the 1-based line and column (in characters) of a byte
// offset.
func (ix *textIndex) position(off int) (line, col int) {
	lo, hi := 0, len(ix.lineStarts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if ix.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	if off > len(ix.src) {
		off = len(ix.src)
	}
	return lo + 1, utf8.RuneCountInString(ix.src[ix.lineStarts[lo]:off]) + 1
}

// lookup returns the entry for a resolved path.
func (ix *textIndex) lookup(path ...string) (textEntry, bool) {
	if i, ok := ix.byPath[pathKey(path)]; ok {
		return ix.entries[i], true
	}
	return textEntry{}, false
}

// locate returns the line and column of the key at path, or of its
// nearest indexed parent (the table header), or 0, 0.
func (ix *textIndex) locate(path ...string) (line, col int) {
	for n := len(path); n > 0; n-- {
		if e, ok := ix.lookup(path[:n]...); ok {
			return ix.position(e.keyStart)
		}
	}
	return 0, 0
}

// locateValue is locate for the value rather than the key.
func (ix *textIndex) locateValue(path ...string) (line, col int) {
	if e, ok := ix.lookup(path...); ok && !e.header {
		return ix.position(e.valStart)
	}
	return ix.locate(path...)
}

func (ix *textIndex) add(e textEntry) {
	if e.keyStart < 0 || e.keyEnd > len(ix.src) || e.valStart > e.valEnd || e.valEnd > len(ix.src) || e.keyStart > e.keyEnd {
		return // text the scanner did not follow: leave it unindexed
	}
	k := pathKey(e.path)
	if _, dup := ix.byPath[k]; !dup {
		ix.byPath[k] = len(ix.entries)
	}
	ix.entries = append(ix.entries, e)
}

type textScanner struct {
	src string
	pos int
	ix  *textIndex
	// arrays counts the elements of every array of tables seen so far,
	// by resolved path.
	arrays map[string]int
	// stop is set when the scanner meets what it does not follow.
	stop bool
}

func (s *textScanner) peek(off int) byte {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *textScanner) skipSpace() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t') {
		s.pos++
	}
}

// skipBlank skips spaces, newlines and comments.
func (s *textScanner) skipBlank() {
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

func (s *textScanner) skipLine() {
	if s.pos >= len(s.src) {
		s.pos = len(s.src)
		return
	}
	if i := strings.IndexByte(s.src[s.pos:], '\n'); i >= 0 {
		s.pos += i + 1
	} else {
		s.pos = len(s.src)
	}
}

func (s *textScanner) document() {
	var table []string
	for !s.stop {
		s.skipBlank()
		if s.pos >= len(s.src) {
			return
		}
		if s.src[s.pos] == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		if s.pos > len(s.src) {
			s.pos, s.stop = len(s.src), true
			return
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] != '\n' && s.src[s.pos] != '\r' && s.src[s.pos] != '#' {
			s.stop = true
		}
		s.skipLine()
	}
}

// header reads [a.b] or [[a.b]] and returns the resolved table path.
func (s *textScanner) header() []string {
	start := s.pos
	array := s.peek(1) == '['
	s.pos++
	if array {
		s.pos++
	}
	s.skipSpace()
	parts := s.key()
	s.skipSpace()
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	path := s.resolve(parts, array)
	s.ix.add(textEntry{path: path, header: true, array: array, keyStart: start, keyEnd: s.pos, valStart: s.pos, valEnd: s.pos})
	return path
}

// resolve turns header key parts into a path, putting each array of
// tables' current index after its name.
func (s *textScanner) resolve(parts []string, array bool) []string {
	var path []string
	for i, p := range parts {
		path = append(path, p)
		k := pathKey(path)
		if i == len(parts)-1 && array {
			s.arrays[k]++
			path = append(path, strconv.Itoa(s.arrays[k]-1))
		} else if n, ok := s.arrays[k]; ok {
			path = append(path, strconv.Itoa(n-1))
		}
	}
	return path
}

func (s *textScanner) keyValue(table []string) {
	start := s.pos
	parts := s.key()
	if s.stop {
		return
	}
	keyEnd := s.pos
	s.skipSpace()
	if s.peek(0) != '=' {
		s.stop = true
		return
	}
	s.pos++
	s.skipSpace()
	path := append(append([]string(nil), table...), parts...)
	vs := s.pos
	s.value(path)
	s.ix.add(textEntry{path: path, own: len(parts), keyStart: start, keyEnd: keyEnd, valStart: vs, valEnd: s.pos})
}

// key reads a dotted key and returns its parts, unquoted.
func (s *textScanner) key() []string {
	var parts []string
	for {
		s.skipSpace()
		switch c := s.peek(0); {
		case c == '"':
			start := s.pos
			s.basicString()
			if s.stop {
				return parts
			}
			raw := s.src[start:s.pos]
			if u, err := strconv.Unquote(raw); err == nil {
				parts = append(parts, u)
			} else {
				parts = append(parts, raw[1:len(raw)-1])
			}
		case c == '\'':
			start := s.pos
			s.literalString()
			if s.stop {
				return parts
			}
			parts = append(parts, s.src[start+1:s.pos-1])
		case isBare(c):
			start := s.pos
			for s.pos < len(s.src) && isBare(s.src[s.pos]) {
				s.pos++
			}
			parts = append(parts, s.src[start:s.pos])
		default:
			s.stop = true
			return parts
		}
		s.skipSpace()
		if s.peek(0) != '.' {
			return parts
		}
		s.pos++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips one value, indexing the keys of inline tables and the
// elements of arrays of inline tables under path.
func (s *textScanner) value(path []string) {
	switch s.peek(0) {
	case '"':
		if strings.HasPrefix(s.src[s.pos:], `"""`) {
			s.multiline(`"""`, true)
		} else {
			s.basicString()
		}
	case '\'':
		if strings.HasPrefix(s.src[s.pos:], `'''`) {
			s.multiline(`'''`, false)
		} else {
			s.literalString()
		}
	case '[':
		s.array(path)
	case '{':
		s.inlineTable(path)
	default:
		s.bare()
	}
}

func (s *textScanner) basicString() {
	s.pos++
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case '\\':
			s.pos += 2
		case '"':
			s.pos++
			return
		case '\n':
			s.stop = true
			return
		default:
			s.pos++
		}
	}
	s.stop = true
}

func (s *textScanner) literalString() {
	if i := strings.IndexAny(s.src[s.pos+1:], "'\n"); i >= 0 && s.src[s.pos+1+i] == '\'' {
		s.pos += i + 2
		return
	}
	s.stop = true
}

func (s *textScanner) multiline(delim string, escapes bool) {
	s.pos += 3
	for s.pos < len(s.src) {
		if escapes && s.src[s.pos] == '\\' {
			s.pos += 2
			continue
		}
		if strings.HasPrefix(s.src[s.pos:], delim) {
			s.pos += 3
			// Up to two more quotes belong to the content.
			for k := 0; k < 2 && s.pos < len(s.src) && s.src[s.pos] == delim[0]; k++ {
				s.pos++
			}
			return
		}
		s.pos++
	}
	s.stop = true
}

func (s *textScanner) array(path []string) {
	s.pos++
	for n := 0; !s.stop; n++ {
		s.skipBlank()
		if s.peek(0) == ']' {
			s.pos++
			return
		}
		if s.pos >= len(s.src) {
			s.stop = true
			return
		}
		el := append(append([]string(nil), path...), strconv.Itoa(n))
		start := s.pos
		s.value(el)
		s.ix.add(textEntry{path: el, element: true, keyStart: start, keyEnd: s.pos, valStart: start, valEnd: s.pos})
		s.skipBlank()
		if s.peek(0) == ',' {
			s.pos++
		}
	}
}

func (s *textScanner) inlineTable(path []string) {
	s.pos++
	comma := -1
	for !s.stop {
		s.inlineBlank()
		if s.peek(0) == '}' {
			if comma >= 0 {
				s.newer(comma, "a comma after the last key of an inline table")
			}
			s.pos++
			return
		}
		if s.pos >= len(s.src) {
			s.stop = true
			return
		}
		s.keyValue(path)
		s.inlineBlank()
		comma = -1
		if s.peek(0) == ',' {
			comma = s.pos
			s.pos++
		}
	}
}

// inlineBlank skips the blanks in an inline table, noting a newline or a
// comment there: TOML 1.0 keeps an inline table on one line.
func (s *textScanner) inlineBlank() {
	// On text that is not TOML a string may have run past the end.
	from := min(s.pos, len(s.src))
	s.skipBlank()
	if i := strings.IndexAny(s.src[from:min(s.pos, len(s.src))], "\n#"); i >= 0 {
		s.newer(from+i, "an inline table over several lines")
	}
}

// newer notes the first TOML 1.1 construct the scanner meets.
func (s *textScanner) newer(at int, what string) {
	if s.ix.newer < 0 {
		s.ix.newer, s.ix.newerWhat = at, what
	}
}

// bare skips a number, boolean or date-time; a date followed by a space
// and a time is one value.
func (s *textScanner) bare() {
	start := s.pos
	for s.pos < len(s.src) && !strings.ContainsRune(" \t\r\n,]}#", rune(s.src[s.pos])) {
		s.pos++
	}
	if s.pos-start == 10 && s.peek(0) == ' ' && len(s.src) > s.pos+3 && isDigit(s.src[s.pos+1]) && isDigit(s.src[s.pos+2]) && s.src[s.pos+3] == ':' {
		s.pos++
		s.bare()
	}
	if s.pos == start {
		s.stop = true
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
