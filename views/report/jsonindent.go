package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// encodeIndented writes v as JSON indented by two spaces, byte for byte
// what a json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes, in one call once the text is complete (so an error writes
// nothing). encoding/json indents by running its validating scanner over
// the compact text a byte at a time, which cost `mutual rank` four times
// as much as the marshalling itself on a large profile; the compact text
// comes from the same marshaller, so it is valid and needs no second
// check, only its punctuation outside strings spaced out.
func encodeIndented(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, 2*compact.Len()), compact.Bytes()))
	return err
}

// indentJSON appends src, compact JSON as encoding/json writes it (no
// space outside strings but a final newline), to dst indented as
// json.Indent(dst, src, "", "  ") would: a newline and the depth's
// indent after an opening bracket and a comma and before a closing
// bracket, a space after a colon, and an empty object or array kept as
// {} or [].
func indentJSON(dst, src []byte) []byte {
	depth := 0
	needIndent, inString, escaped := false, false, false
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for _, c := range src {
		if inString {
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || (c == '\n' && depth > 0) {
			continue // encoding/json's compact text has none; Indent drops it
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
