package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
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
					// The escaped character, which may be the newline
					// of a line-ending backslash: count it.
					i++
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
