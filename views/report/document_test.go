package report

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestDocumentWrite(t *testing.T) {
	doc := &Document{}
	top := doc.section("")
	top.text(0, "Globex", RoleTitle)
	top.text(2, "a row  that   keeps its columns, however long it is and however far past the width of a terminal it goes", RoleText)
	sec := doc.section("In words")
	sec.para(2, "Globex fits you well (fit 78.8 of 100, but unknowns leave it anywhere from 72.5 to 85.0) and would "+
		"do little for your need right now.", RoleText)
	sec.lead(4, Span{"ask: ", RoleDim}, Span{"How do you give feedback to your team, and when did you last change your mind?", RoleText})
	var b strings.Builder
	if err := doc.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `Globex
  a row  that   keeps its columns, however long it is and however far past the width of a terminal it goes

In words
  Globex fits you well (fit 78.8 of 100, but unknowns leave it anywhere from
  72.5 to 85.0) and would do little for your need right now.
    ask: How do you give feedback to your team, and when did you last change
         your mind?
`
	if b.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestLineRowsBreakGreedily checks wrapping on random text against what
// greedy breaking means, rather than against a second copy of it: the
// rows hold the words in order, each row after the first starts at the
// hang, no row passes the width unless it holds one word that alone is
// too wide, and no row could have taken the next row's first word.
func TestLineRowsBreakGreedily(t *testing.T) {
	words := []string{"a", "of", "runway", "Müller", "日本語", "🙂", "supercalifragilistic", "$2,324", "—", "(about"}
	r := rand.New(rand.NewPCG(7, 7))
	for range 5000 {
		var text []string
		for range r.IntN(30) {
			text = append(text, words[r.IntN(len(words))])
		}
		l := Line{Indent: r.IntN(6), Text: Span{strings.Join(text, strings.Repeat(" ", 1+r.IntN(2))), RoleText}, Wrap: true}
		if r.IntN(2) == 0 {
			l.Lead = []Span{{"ask: ", RoleDim}}
		}
		if r.IntN(3) == 0 {
			l.Hang = 1 + r.IntN(8)
		}
		width := 8 + r.IntN(60)
		rows := l.Rows(width)
		start := l.Indent + Width(spansText(l.Lead))
		hang := l.Hang
		if hang == 0 {
			hang = start
		}
		var got []string
		for k, row := range rows {
			text := spansText(row)
			lead := start
			if k > 0 {
				lead = hang
			}
			body := strings.Fields(text[min(len(text), lead):]) // the indent, lead and hang are ASCII
			if k > 0 && !strings.HasPrefix(text, strings.Repeat(" ", hang)) {
				t.Fatalf("row %d of %q at width %d does not start at the hang %d: %q", k, l.Text.Text, width, hang, text)
			}
			if Width(text) > width && len(body) > 1 {
				t.Fatalf("row %d of %q at width %d is %d wide: %q", k, l.Text.Text, width, Width(text), text)
			}
			if k+1 < len(rows) {
				next := strings.Fields(spansText(rows[k+1]))
				if len(next) > 0 && len(body) > 0 && Width(text)+1+Width(next[0]) <= width {
					t.Fatalf("row %d of %q at width %d could have taken %q: %q", k, l.Text.Text, width, next[0], text)
				}
			}
			got = append(got, body...)
		}
		if !slices.Equal(got, strings.Fields(l.Text.Text)) {
			t.Fatalf("the rows of %q hold %q", l.Text.Text, got)
		}
	}
}
