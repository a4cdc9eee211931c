package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// ExplainPage shows every term of one opportunity's score exactly as
// 'mutual explain' prints it (report.Explain), at the urgency and scenario
// in force, so nothing on the dashboard needs a second terminal to check.
type ExplainPage struct {
	selectionPane
	info report.Info
}

// NewExplainPage returns an empty details page whose title names the keys
// of keys.
func NewExplainPage(st Styles, keys Keymap, info report.Info) *ExplainPage {
	e := &ExplainPage{selectionPane: newSelectionPane(st, keys), info: info}
	e.build = e.lines
	return e
}

// SetOpportunity explains opportunity i of s; choosing another one
// scrolls back to the top.
func (e *ExplainPage) SetOpportunity(s *model.State, i int) { e.show(s, i) }

// Draw draws the page.
func (e *ExplainPage) Draw(screen tcell.Screen) {
	title := "Details"
	if e.state != nil && e.index >= 0 {
		title = "Details: " + nameOf(e.state, e.index)
	}
	e.setTitle(title + " (" + e.keys.closeHint(IntentDetails) + ")")
	e.drawLines(screen)
}

// lines are the rows of 'mutual explain', laid out as the command lays
// them out, so its columns stay aligned; only a row wider than the page
// is wrapped, its further rows two cells further in.
func (e *ExplainPage) lines(width int) []line {
	st := e.styles
	if e.state == nil || e.index < 0 {
		return []line{plainLine("No opportunity selected.", st.Dim)}
	}
	var out []line
	for _, row := range report.Explain(e.state, e.index, e.info).Rows(report.LineWidth) {
		text := spansText(row)
		if report.Width(text) <= width {
			out = append(out, st.row(row))
			continue
		}
		indent := len(text) - len(strings.TrimLeft(text, " "))
		refit := report.Line{Indent: indent, Text: report.Span{Text: text[indent:], Role: row[len(row)-1].Role}, Wrap: true, Hang: indent + 2}
		out = append(out, st.rows(refit.Rows(width))...)
	}
	return out
}
