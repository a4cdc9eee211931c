package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// This file stands guard in front of the TOML parser and explains what it
// says: a file must be UTF-8 text with no NUL byte and no absurd nesting
// before the parser sees it, and a syntax error becomes a message in
// mutual's words with a hint for the usual mistakes.

// maxNesting bounds how deeply arrays and tables may nest. The TOML parser
// recurses once per level, so absurd nesting must be refused before it
// runs.
const maxNesting = 64

// decodeText checks that data is UTF-8 text a TOML parser can safely read.
func decodeText(path string, data []byte) (string, shape, *Diagnostic) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", shape{}, &Diagnostic{File: path, Line: 1, Col: 1, Message: "the file is UTF-16 text; mutual reads UTF-8",
			Hint: "save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8 in > out)"}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return "", shape{}, &Diagnostic{File: path, Line: 1, Col: 1, Message: "the file starts with two byte-order marks; a UTF-8 file has one at most",
			Hint: "remove the invisible characters at the start of the file (for example: sed -i '1s/^\\xEF\\xBB\\xBF//' FILE, once)"}
	}
	// Two fast scans clear the usual file; only a bad one is walked rune
	// by rune to find the line to report.
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		line, start := 1, 0
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			// The line up to i is text, so its characters can be
			// counted: the column is the bad byte's.
			col := utf8.RuneCount(data[start:i]) + 1
			switch {
			case r == utf8.RuneError && size == 1:
				return "", shape{}, &Diagnostic{File: path, Line: line, Col: col, Message: "the file is not valid UTF-8 text",
					Hint: "is this a profile? save it as UTF-8, or name the right file"}
			case r == 0:
				return "", shape{}, &Diagnostic{File: path, Line: line, Col: col, Message: "the file contains a NUL byte, so it is not a text profile",
					Hint: "is this a profile? name the right file"}
			case r == '\n':
				line, start = line+1, i+1
			}
			i += size
		}
	}
	src := string(data)
	sh := scanShape(src)
	if sh.deepest > maxNesting {
		line, col := offsetPosition(src, sh.tooDeep)
		return "", sh, &Diagnostic{File: path, Line: line, Col: col, Message: fmt.Sprintf("arrays or tables nest more than %d deep", maxNesting),
			Hint: "a profile needs two levels at most; check for runaway brackets"}
	}
	return src, sh, nil
}

// readTOML reads one file's bytes as a TOML 1.0 document: text a parser
// can safely read, then the parser, then the rules of TOML 1.0 that the
// parser does not keep (strict.go). It returns the document and its text
// index (built when first asked for), or the first thing wrong.
func readTOML(path string, data []byte) (map[string]any, *lazyIndex, *Diagnostic) {
	src, sh, d := decodeText(path, data)
	if d != nil {
		return nil, nil, d
	}
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		d := syntaxDiagnostic(path, src, err)
		return nil, nil, &d
	}
	text := &lazyIndex{src: src}
	if d := strictTOML(path, src, sh, text); d != nil {
		return nil, nil, d
	}
	return doc, text, nil
}

// nesting returns the deepest bracket nesting outside strings and
// comments, and the line where it is first reached.
func nesting(src string) (int, int) {
	sh := scanShape(src)
	return sh.deepest, sh.at
}

// shape is what one pass over a document's bytes finds before the parser
// runs: how deep its brackets nest, and whether it holds what TOML 1.0's
// rules (strict.go) must look at more closely.
type shape struct {
	// deepest is the deepest nesting of brackets and braces outside
	// strings and comments, first reached on line at.
	deepest, at int
	// tooDeep is the offset of the first bracket that nests more than
	// maxNesting deep, or -1.
	tooDeep int
	// tables reports a dotted key (a.b = 1), a header of three parts or
	// more ([a.b.c], which makes a.b a table without defining it, where
	// [a] may then set b) or an inline table: only with one of them can a
	// document break TOML's rules on defining tables that the parser lets
	// through. [opportunity.ratings] does not open it: only a table two
	// parts down can be made by a header and then set from its parent's
	// section.
	tables bool
	// newer is the offset of the first TOML 1.1 escape or time the text
	// holds (\x41, \e, 17:45 without seconds, an offset minute past 59),
	// or -1.
	newer int
}

// scanShape reads src once, byte by byte, skipping strings and comments
// by the TOML spec's rules.
func scanShape(src string) shape {
	sh := shape{newer: -1, tooDeep: -1}
	depth, line := 0, 1
	// key is true where a key may start or go on: from the start of a
	// line outside brackets to its =. dots counts the dots of a [table]
	// or [[array]] header, and is -1 outside one.
	key, dots := true, -1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
			key, dots = depth == 0, -1
		case '#':
			if k := strings.IndexByte(src[i:], '\n'); k >= 0 {
				i += k
			} else {
				i = len(src)
			}
			line++
			key, dots = depth == 0, -1
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
					// The escaped character, which may be the newline
					// of a line-ending backslash: count it.
					i++
					if i < len(src) && (src[i] == 'x' || src[i] == 'e') && sh.newer < 0 {
						sh.newer = i - 1
					}
					if i < len(src) && src[i] == '\n' {
						line++
					}
				} else if src[i] == '\n' {
					line++
					if len(delim) == 1 {
						break
					}
				}
				i++
			}
			i += len(delim) - 1
			// A multi-line string may end in one or two quotes of its own
			// right before the closing three (""""" is two quotes, then
			// the end): they are the string's, not a new string.
			for k := 0; len(delim) == 3 && k < 2 && i+1 < len(src) && src[i+1] == c; k++ {
				i++
			}
		case '[', '{':
			if c == '[' && key && depth == 0 {
				dots = 0
			}
			key = false
			sh.tables = sh.tables || c == '{'
			depth++
			if depth > sh.deepest {
				sh.deepest, sh.at = depth, line
			}
			if depth == maxNesting+1 && sh.tooDeep < 0 {
				sh.tooDeep = i
			}
		case ']', '}':
			depth--
		case '=':
			key = false
		case '.':
			if dots >= 0 {
				dots++
			}
			sh.tables = sh.tables || key || dots >= 2
		case ':':
			if sh.newer < 0 && newerTime(src, i) {
				sh.newer = i - 2
			}
		}
	}
	return sh
}

// newerTime reports whether the colon at i, outside strings, is in a time
// TOML 1.0 does not have: hours and minutes without seconds, or a UTC
// offset whose minutes run past 59.
func newerTime(src string, i int) bool {
	digits := func(at int) bool { return at >= 0 && at+1 < len(src) && isDigit(src[at]) && isDigit(src[at+1]) }
	if !digits(i-2) || !digits(i+1) {
		return false
	}
	var before byte
	if i >= 3 {
		before = src[i-3]
	}
	switch before {
	case ':':
		return false // the seconds' colon
	case '+', '-':
		return src[i+1] > '5' // an offset: +12:60 is not one
	}
	return i+3 >= len(src) || src[i+3] != ':'
}

func syntaxDiagnostic(path, src string, err error) Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := lowerFirst(strings.TrimSuffix(strings.TrimPrefix(pe.Message, "toml: "), "."))
		line, col := offsetPosition(src, mistakeAt(src, pe.Position.Start, msg))
		return Diagnostic{File: path, Line: line, Col: col,
			Message: "TOML syntax: " + msg, Hint: syntaxHint(msg)}
	}
	return Diagnostic{File: path, Message: "TOML syntax: " + strings.TrimPrefix(err.Error(), "toml: "),
		Hint: "check the TOML syntax: strings in quotes, key = value, tables as [name]"}
}

// lowerFirst lowercases the first letter, for messages in mutual's style;
// a word in capitals (TOML, UTF-8) stays as it is.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// mistakeAt moves the parser's offset for an error to the mistake itself
// where the parser reports the start of what it was reading or the blank
// before the mistake: a control character is one byte on, an invalid
// escape is inside the string that starts there, a quoted key starts at
// its quote, and a document that ends too early ends at its last
// character, not on the empty line after it.
func mistakeAt(src string, off int, msg string) int {
	off = max(0, min(off, len(src)))
	switch {
	case strings.Contains(msg, "cannot contain control characters"):
		for i := off; i < len(src) && i <= off+4; i++ {
			if c := src[i]; c < 0x20 && c != '\t' && c != '\n' && !(c == '\r' && i+1 < len(src) && src[i+1] == '\n') || c == 0x7f {
				return i
			}
		}
	case strings.Contains(msg, "invalid escape"):
		if at := badEscape(src, off); at >= 0 {
			return at
		}
	case strings.Contains(msg, `expected '"""'`), strings.Contains(msg, `expected "'''"`):
		// A multi-line string left open runs to the end of the file; the
		// mistake is where it opens.
		if at := unclosedMultiline(src); at >= 0 {
			return at
		}
	case strings.Contains(msg, "already been defined"):
		// A quoted key is reported from inside its quotes.
		if off > 0 && (src[off-1] == '"' || src[off-1] == '\'') {
			return off - 1
		}
	}
	if strings.TrimSpace(src[off:]) == "" {
		return min(off, len(strings.TrimRight(src, " \t\r\n")))
	}
	// The mistake is what follows the blanks the parser stopped on.
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

// unclosedMultiline is the offset of the three quotes (double or single)
// that open a multi-line string never closed, or -1: strings and comments are skipped
// as TOML reads them, so a quote inside a string or a comment opens
// nothing.
func unclosedMultiline(src string) int {
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '#':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				return -1
			}
			i += j + 1
		case c == '"' || c == '\'':
			escapes := c == '"'
			if delim := strings.Repeat(string(c), 3); strings.HasPrefix(src[i:], delim) {
				j := i + 3
				for ; j < len(src) && !strings.HasPrefix(src[j:], delim); j++ {
					if escapes && src[j] == '\\' {
						j++
					}
				}
				if j >= len(src) {
					return i
				}
				i = j + 3
				continue
			}
			j := i + 1
			for ; j < len(src) && src[j] != c && src[j] != '\n'; j++ {
				if escapes && src[j] == '\\' {
					j++
				}
			}
			i = j + 1
		default:
			i++
		}
	}
	return -1
}

// badEscape finds the first escape that TOML does not have from off, the
// start of a basic string (one-line or multi-line), or -1.
func badEscape(src string, off int) int {
	for i := off; i+1 < len(src); i++ {
		if src[i] != '\\' {
			continue
		}
		next := src[i+1]
		if strings.IndexByte(`btnfr"\\uUxe`, next) >= 0 {
			i++
			continue
		}
		// A backslash, blanks and a newline: a line-ending backslash.
		if rest := strings.TrimLeft(src[i+1:], " \t"); strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
			i += len(src[i+1:]) - len(rest)
			continue
		}
		return i
	}
	return -1
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

// offsetPosition is the line and column (in characters, from 1) of the
// byte at off. The parser's own line number is the lexer's, which has
// already moved past a newline it stopped at; the offset is where the
// mistake is, so the place is worked out from it. A newline belongs to
// the line it ends, so a header left open at the end of its line is
// reported on that line, just past its last character.
func offsetPosition(src string, off int) (line, col int) {
	off = max(0, min(off, len(src)))
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return 1 + strings.Count(src[:start], "\n"), utf8.RuneCountInString(src[start:off]) + 1
}
