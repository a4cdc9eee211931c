package views

import (
	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// PageDecide is the decide page: wait or accept, the advice on every
// offer with a deadline, and the questions to ask about the selected
// opportunity.
const PageDecide Page = "decide"

// DecidePage weighs what to do today for the state in force, in the words
// of 'mutual decide': the verdict, the advice on every offer in hand with
// its levers, the money on each course as a chart of savings over time,
// the reservation by months of runway left, and the questions to ask
// about the selected opportunity, most decisive first. It follows every
// what-if and scenario, since the dashboard hands it the decision for each
// new state while it is open. Its text is report.Advice.
type DecidePage struct {
	selectionPane
	spec     PageSpec
	decision *model.Decision
}

// newDecidePage returns an empty decide page whose sentences name the
// keys of the key table.
func newDecidePage(e pageEnv) *DecidePage {
	p := &DecidePage{selectionPane: newSelectionPane(e.styles, e.keys), spec: e.spec}
	p.build = p.lines
	return p
}

// update hands the page the whole decision, solved only while the page
// is in front.
func (p *DecidePage) update(c *Controller, front bool) {
	if front {
		p.SetDecision(c.State(), c.Decision(), c.Selected())
	}
}

// SetDecision shows decision d, solved for s, with the questions about
// opportunity i (an index into s.Assessments, or -1). Choosing another
// opportunity scrolls back to the top; a what-if keeps the place.
func (p *DecidePage) SetDecision(s *model.State, d *model.Decision, i int) {
	p.show(s, i)
	p.decision = d
}

// Draw draws the page.
func (p *DecidePage) Draw(screen tcell.Screen) {
	_, _, w, _ := p.GetRect()
	closing := " (" + p.keys.closeHint(p.spec.Open) + ")"
	p.setTitle(fitTitle(w, p.spec.Title+": what to do today"+closing, p.spec.Title+closing, p.spec.Title))
	p.drawLines(screen)
}

func (p *DecidePage) lines(width int) []line {
	st := p.styles
	s, d := p.state, p.decision
	if s == nil || d == nil {
		return []line{plainLine("Nothing decided yet.", st.Dim)}
	}
	rows, figures := report.Advice(s, d, p.index, p.keys.reportKeys(), width).RowsAndFigures(width)
	out := st.rows(rows)
	if at, ok := figures["money"]; ok {
		chart := moneyChart(st, s, d, width)
		if len(chart) > 0 {
			chart = append([]line{nil}, chart...)
		}
		out = append(out[:at:at], append(chart, out[at:]...)...)
	}
	return out
}
