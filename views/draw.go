package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the drawing helpers the dashboard's widgets share. They
// put text on the screen cell by cell rather than through tview's tag
// parser, so text from a profile can never be read as a colour tag, and
// they measure with uniseg, so wide characters keep columns aligned.

// span is a run of text in one style.
type span struct {
	text  string
	style tcell.Style
}

// line is one screen line of spans.
type line []span

// plainLine is a line of one span.
func plainLine(text string, style tcell.Style) line { return line{{text, style}} }

// drawText draws s (cleaned of control characters) at x, y in at most w
// cells, ending it with … when it does not fit, and returns the cells it
// used.
func drawText(screen tcell.Screen, x, y, w int, s string, style tcell.Style) int {
	if w <= 0 {
		return 0
	}
	s = report.Truncate(report.Clean(s), w)
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if cw == 0 {
			continue // a lone combining mark: drawn with its base, or not at all
		}
		if used+cw > w {
			break
		}
		screen.Put(x+used, y, g.Str(), style)
		used += cw
	}
	return used
}

// drawLine draws the spans of l one after another in at most w cells and
// returns the cells used.
func drawLine(screen tcell.Screen, x, y, w int, l line) int {
	used := 0
	for _, sp := range l {
		if used >= w {
			break
		}
		used += drawText(screen, x+used, y, w-used, sp.text, sp.style)
	}
	return used
}

// fill paints a rectangle with spaces in style.
func fill(screen tcell.Screen, x, y, w, h int, style tcell.Style) {
	for row := y; row < y+h; row++ {
		for col := x; col < x+w; col++ {
			screen.SetContent(col, row, ' ', nil, style)
		}
	}
}

// truncateStart cuts s to at most w cells from the left, starting it with
// … when it was cut: the end of a path says more than its beginning.
func truncateStart(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if report.Width(s) <= w {
		return s
	}
	var clusters []string
	var widths []int
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		clusters = append(clusters, g.Str())
		widths = append(widths, g.Width())
	}
	used, k := 0, len(clusters)
	for k > 0 && used+widths[k-1] <= w-1 {
		k--
		used += widths[k]
	}
	return "…" + strings.Join(clusters[k:], "")
}

// row styles one row of a laid-out report document; a nil row is a blank
// line.
func (st Styles) row(spans []report.Span) line {
	if spans == nil {
		return nil
	}
	l := make(line, len(spans))
	for k, sp := range spans {
		l[k] = span{sp.Text, st.role(sp.Role)}
	}
	return l
}

// rows styles the rows of a laid-out report document.
func (st Styles) rows(rows [][]report.Span) []line {
	out := make([]line, len(rows))
	for k, r := range rows {
		out[k] = st.row(r)
	}
	return out
}

// padLeft fills s with spaces to w cells, right-aligned, truncating it
// when it is wider.
func padLeft(s string, w int) string {
	s = report.Truncate(s, w)
	return strings.Repeat(" ", max(0, w-report.Width(s))) + s
}

// nameOf is opportunity i's name, cleaned for a terminal.
func nameOf(s *model.State, i int) string { return report.Clean(s.Assessments[i].Name) }

// spansText is the text of a report row without its roles.
func spansText(spans []report.Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}
