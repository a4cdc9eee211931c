package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// escapeInvisibleBefore is escapeInvisible as it was before it learned to
// skip text with nothing to escape, kept to prove the two agree.
func escapeInvisibleBefore(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isBidiControl(r) || r == 0xfeff {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestEscapeInvisibleUnchanged(t *testing.T) {
	pieces := []string{"a", "\"", "Müller", "日本", "\u202e", "\u2066", "\u200e", "\u061c", "\ufeff", "\u2028", "é", "\\", "🙂"}
	r := rand.New(rand.NewPCG(3, 3))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := b.String()
		if got, want := escapeInvisible(in), escapeInvisibleBefore(in); got != want {
			t.Fatalf("escapeInvisible(%q) = %q, before it was %q", in, got, want)
		}
		var b2 strings.Builder
		if _, err := (invisibleEscaper{&b2}).Write([]byte(in)); err != nil || b2.String() != escapeInvisibleBefore(in) {
			t.Fatalf("invisibleEscaper wrote %q, escapeInvisible before wrote %q", b2.String(), escapeInvisibleBefore(in))
		}
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
