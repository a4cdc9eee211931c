package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// ExplainPage shows every term of one opportunity's score exactly as
// 'mutual explain' prints it, at the urgency and scenario in force, so
// nothing on the dashboard needs a second terminal to check.
type ExplainPage struct {
	selectionPane
	info report.ReportInfo
}

// NewExplainPage returns an empty details page.
func NewExplainPage(st Styles, info report.ReportInfo) *ExplainPage {
	e := &ExplainPage{selectionPane: newSelectionPane(st), info: info}
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
		title = "Details: " + report.Name(e.state, e.index)
	}
	e.setTitle(title + " (enter or esc closes, ↑/↓ scroll)")
	e.drawLines(screen)
}

func (e *ExplainPage) lines(width int) []line {
	st := e.styles
	if e.state == nil || e.index < 0 {
		return []line{plainLine("No opportunity selected.", st.Dim)}
	}
	var b strings.Builder
	if err := report.WriteExplain(&b, e.state, e.index, e.info); err != nil {
		return []line{plainLine(err.Error(), st.Warn)}
	}
	var out []line
	for k, text := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		indent := len(text) - len(strings.TrimLeft(text, " "))
		style := st.Text
		switch {
		case k == 0:
			style = st.Strong
		case indent == 0 && k > 2:
			style = st.Heading
		}
		if text == "" {
			out = append(out, nil)
			continue
		}
		if report.Width(text) <= width {
			out = append(out, plainLine(text, style)) // keeps explain's column alignment
			continue
		}
		out = append(out, wrap(text[indent:], width, line{{strings.Repeat(" ", indent), style}}, indent+2, style)...)
	}
	return out
}
