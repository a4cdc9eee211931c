package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"mutual/internal/trials"
)

// escapedRuneByRune is the JSON escape written the obvious way, to check
// escapeInvisible and its writer against: walk the text rune by rune and
// write every bidirectional control (Unicode's Bidi_Control property, from
// the unicode package's own tables), the byte order mark and every C1
// control (the unicode package's Cc above U+007F) as \uXXXX,
// and every other byte, valid UTF-8 or not, as it is.
func escapedRuneByRune(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 0 && r != utf8.RuneError && (unicode.Is(unicode.Bidi_Control, r) || r == 0xfeff || r > 0x7f && unicode.IsControl(r)) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// checkEscape compares escapeInvisible and the writer the JSON report
// writes through with the rune-by-rune escape, on one text.
func checkEscape(t *testing.T, in string) {
	t.Helper()
	want := escapedRuneByRune(in)
	if got := escapeInvisible(in); got != want {
		t.Fatalf("escapeInvisible(%q) = %q, want %q", in, got, want)
	}
	var b strings.Builder
	if n, err := (invisibleEscaper{&b}).Write([]byte(in)); err != nil || n != len(in) || b.String() != want {
		t.Fatalf("invisibleEscaper wrote %q (n %d, err %v), want %q", b.String(), n, err, want)
	}
}

// TestEscapeInvisibleEveryRune puts every code point, alone and between
// other text, through the escape: the brute-force check that exactly the
// bidirectional controls, the byte order mark and the C1 controls are
// escaped.
func TestEscapeInvisibleEveryRune(t *testing.T) {
	// Every code point of the first plane, where the controls are; past
	// it, every stride-th but in the long run.
	stride := rune(trials.N(97, 13, 1))
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || r > 0x10000 && r%stride != 0 {
			continue
		}
		c := string(r)
		checkEscape(t, c)
		checkEscape(t, `{"name": "a`+c+`é`+c+c+`"}`)
	}
}

// TestEscapeInvisibleRandomText checks text made of the pieces JSON
// carries (quotes, escapes, accents, wide characters, emoji) mixed with
// the invisible controls and their neighbours, and byte strings that are
// not valid UTF-8 at all: truncated and stray parts of the very sequences
// that encode the controls.
func TestEscapeInvisibleRandomText(t *testing.T) {
	pieces := []string{"a", "\"", `\u202e`, "Müller", "日本", "\u202e", "\u202d", "\u202f", "\u2066", "\u2069", "\u206a",
		"\u200e", "\u200f", "\u2010", "\u061c", "\u061b", "\ufeff", "\ufefe", "\u2028", "\u009b", "\u0080", "\u009f", "\u00a0", "é", "\\", "🙂", "\n"}
	bytes := []byte{0x00, 'a', '"', 0x80, 0x8e, 0xa9, 0xae, 0xbb, 0xbf, 0xc2, 0xd8, 0xe2, 0xef, 0xf0, 0x9f, 0xfe, 0xff}
	r := rand.New(rand.NewPCG(3, 3))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkEscape(t, b.String())

		raw := make([]byte, r.IntN(12))
		for k := range raw {
			raw[k] = bytes[r.IntN(len(bytes))]
		}
		checkEscape(t, string(raw))
		// A control cut short, or with its first byte lost.
		cut := "x\u202ey"[:1+r.IntN(4)] + string(raw)
		checkEscape(t, cut)
		checkEscape(t, "\u202e"[1:]+string(raw))
	}
}

// TestEscapeInvisibleDoesNotCopy checks the claim the JSON writer relies
// on: text with nothing to escape goes through without an allocation.
func TestEscapeInvisibleDoesNotCopy(t *testing.T) {
	text := strings.Repeat(`{"name": "Müller Analytics 17", "score": 61.2},`+"\n", 100)
	raw := []byte(text)
	if n := testing.AllocsPerRun(100, func() { escapeInvisible(text) }); n != 0 {
		t.Errorf("escapeInvisible allocates %v times on text with nothing to escape", n)
	}
	if n := testing.AllocsPerRun(100, func() { (invisibleEscaper{io.Discard}).Write(raw) }); n != 0 {
		t.Errorf("invisibleEscaper allocates %v times on text with nothing to escape", n)
	}
}

// BenchmarkEscapeInvisible runs over JSON-sized text with nothing to
// escape, the usual case.
func BenchmarkEscapeInvisible(b *testing.B) {
	text := strings.Repeat(`{"name": "Müller Analytics 17", "score": 61.2},`+"\n", 20000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		escapeInvisible(text)
	}
}

// BenchmarkEscapeInvisibleBytes is the same through the writer the JSON
// report uses: no allocation when there is nothing to escape.
func BenchmarkEscapeInvisibleBytes(b *testing.B) {
	text := []byte(strings.Repeat(`{"name": "Müller Analytics 17", "score": 61.2},`+"\n", 20000))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		(invisibleEscaper{io.Discard}).Write(text)
	}
}

// truncateWhole is Truncate written the obvious way, to check the one that
// stops reading against: measure the whole text, and when it is too wide,
// keep the graphemes that leave room for the … .
func truncateWhole(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if uniseg.StringWidth(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if used+g.Width() > w-1 {
			break
		}
		b.WriteString(g.Str())
		used += g.Width()
	}
	return b.String() + "…"
}

// TestTruncateAndWidthUpTo: the cut that stops reading cuts where the one
// that measures the whole text does, and WidthUpTo is the width up to its
// limit and above it past that, on text of wide, zero-width and combining
// characters, emoji sequences and flags, at every width.
func TestTruncateAndWidthUpTo(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	pieces := []string{"a", "Z", " ", "é", "e\u0301", "漢", "字", "\u200d", "👍", "👍🏽", "👨\u200d👩\u200d👧", "🇸🇪", "\u0301", "…", "–", "\ufe0f", "1"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		whole := uniseg.StringWidth(s)
		for w := -1; w <= whole+2; w++ {
			if got, want := Truncate(s, w), truncateWhole(s, w); got != want {
				t.Fatalf("Truncate(%q, %d) = %q, want %q", s, w, got, want)
			}
			got := WidthUpTo(s, w)
			if whole <= w && got != whole || whole > w && got <= w {
				t.Fatalf("WidthUpTo(%q, %d) = %d; its width is %d", s, w, got, whole)
			}
		}
	}
}
