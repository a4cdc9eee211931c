package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// PageDetails is the details page: every term of the selected
// opportunity's score.
const PageDetails Page = "details"

// ExplainPage shows every term of one opportunity's score exactly as
// 'mutual explain' prints it (report.Explain), at the urgency and scenario
// in force, so nothing on the dashboard needs a second terminal to check.
type ExplainPage struct {
	selectionPane
	spec PageSpec
	info report.Info
}

// newExplainPage returns an empty details page whose title names the keys
// of the key table.
func newExplainPage(env pageEnv) *ExplainPage {
	e := &ExplainPage{selectionPane: newSelectionPane(env.styles, env.keys), spec: env.spec, info: env.info}
	e.build = e.lines
	return e
}

// SetOpportunity explains opportunity i of s; choosing another one
// scrolls back to the top.
func (e *ExplainPage) SetOpportunity(s *model.State, i int) { e.show(s, i) }

// update follows the selection, in front or not: explaining costs nothing
// until the page is drawn.
func (e *ExplainPage) update(c *Controller, _ bool) { e.SetOpportunity(c.State(), c.Selected()) }

// Draw draws the page.
func (e *ExplainPage) Draw(screen tcell.Screen) {
	title := e.spec.Title
	if e.state != nil && e.index >= 0 {
		title += ": " + nameOf(e.state, e.index)
	}
	e.setTitle(title + " (" + e.keys.closeHint(e.spec.Open) + ")")
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
