package views

import (
	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// DetailPane explains the selected opportunity: where it stands and why,
// in words; each priority's weight share, rating and contribution to fit;
// each relief term; its deal-breakers; the unknowns and the question to
// ask about each; and where it crosses the others, in urgency and, when
// urgency follows the money, in runway and savings. It scrolls when it
// does not fit. Its text is report.Brief, so every number matches what
// 'mutual explain' prints.
type DetailPane struct {
	selectionPane
}

// NewDetailPane returns an empty details pane whose sentences name the
// keys of keys.
func NewDetailPane(st Styles, keys Keymap) *DetailPane {
	d := &DetailPane{newSelectionPane(st, keys)}
	d.build = d.lines
	return d
}

// SetOpportunity shows opportunity i of s (an index into s.Assessments;
// -1 for none). Choosing another opportunity scrolls back to the top.
func (d *DetailPane) SetOpportunity(s *model.State, i int) { d.show(s, i) }

// Draw draws the pane.
func (d *DetailPane) Draw(screen tcell.Screen) {
	title := "Details"
	if d.state != nil && d.index >= 0 {
		title = nameOf(d.state, d.index)
	}
	d.setTitle(title)
	d.drawLines(screen)
}

// lines builds the pane's text for a width.
func (d *DetailPane) lines(width int) []line {
	st := d.styles
	if d.state == nil || d.index < 0 {
		return []line{plainLine("No opportunity selected.", st.Dim)}
	}
	return st.rows(report.Brief(d.state, d.index, d.keys.reportKeys()).Rows(width))
}
