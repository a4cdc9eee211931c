package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Clean makes profile text safe for a terminal: control characters
// (escape codes, carriage returns, NUL...) and the invisible bidirectional
// overrides that can make text read differently from how it is stored are
// shown as visible escapes like \x1b or \u202e. Newlines and tabs become
// spaces, so one value stays on one line.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isC1(r), isBidiControl(r), r == 0x2028, r == 0x2029, r == 0xfeff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// isBidiControl reports the Unicode bidirectional formatting characters:
// embeddings, overrides and isolates, and the marks.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// isC1 reports the C1 control characters, U+0080 to U+009F.
func isC1(r rune) bool { return r >= 0x80 && r < 0xa0 }

// Width is the number of terminal cells s takes.
func Width(s string) int { return uniseg.StringWidth(s) }

// WidthUpTo is Width(s) when that is at most w, and otherwise some number
// above w: it stops counting once past w, so measuring a long text
// against a line costs no more than the line.
func WidthUpTo(s string, w int) int {
	used, state := 0, -1
	for len(s) > 0 && used <= w {
		var cw int
		_, s, cw, state = uniseg.FirstGraphemeClusterInString(s, state)
		used += cw
	}
	return used
}

// Truncate cuts s to at most w cells, ending it with … when it was cut. It
// reads s only as far as it takes to know.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	used, cut, state, rest := 0, -1, -1, s
	for len(rest) > 0 {
		var cluster string
		var cw int
		cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		// Where the text would end to leave room for the …
		if cut < 0 && used+cw > w-1 {
			cut = len(s) - len(rest) - len(cluster)
		}
		if used += cw; used > w {
			return s[:cut] + "…"
		}
	}
	return s
}

// Pad fills s with spaces to w cells (left-aligned), truncating when it is
// wider.
func Pad(s string, w int) string {
	s = Truncate(s, w)
	return s + strings.Repeat(" ", max(0, w-Width(s)))
}

// md escapes text for a Markdown table cell or line: the characters that
// would start formatting, links, HTML or a new cell.
func md(s string) string {
	var b strings.Builder
	for _, r := range Clean(s) {
		if strings.ContainsRune(`\|*_[]<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cell guards a CSV cell: text is cleaned, and a cell a spreadsheet would
// run as a formula (starting with = + - @) is prefixed with a quote.
func cell(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// invisibleEscaper writes JSON text to w with [escapeInvisible]'s escapes,
// copying it only when there is something to escape.
type invisibleEscaper struct{ w io.Writer }

func (e invisibleEscaper) Write(p []byte) (int, error) {
	if invisibleAt(p) < 0 {
		return e.w.Write(p)
	}
	if _, err := io.WriteString(e.w, escapeInvisible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeInvisible writes the bidirectional controls, the byte order mark
// and the C1 controls (U+0080 to U+009F, which encoding/json leaves raw)
// in JSON text as \u escapes: the strings mean the same, but a terminal
// showing the JSON cannot be made to display it reordered, nor read
// U+009B as the start of an escape sequence (CSI), as terminals that
// honour 8-bit controls do. The text is JSON from
// encoding/json, so it is valid UTF-8; text with nothing to escape (the
// usual case) comes back as it is, without a copy.
func escapeInvisible(s string) string {
	i := invisibleAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for ; i >= 0; i = invisibleAt(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[:i])
		fmt.Fprintf(&b, `\u%04x`, r)
		s = s[i+size:]
	}
	b.WriteString(s)
	return b.String()
}

// invisibleAt is the offset of the first bidirectional control, byte
// order mark or C1 control in s, or -1.
func invisibleAt[T string | []byte](s T) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if isBidiControl(r) || r == 0xfeff || isC1(r) {
			return i
		}
		i += size
	}
	return -1
}
