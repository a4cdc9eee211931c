package views

import (
	"fmt"

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
	// built is the page as last laid out: a decision and its state do not
	// change once solved, so the page is laid out again only for another
	// decision, opportunity or width, not on every draw (a scroll, a
	// redraw). With thousands of offers the text runs to hundreds of
	// thousands of lines, and laying it out takes longer than a frame.
	built builtDecide
	// later runs a solve after the next draw (see Options.Later); working
	// is set while one waits, and the page says so instead of showing a
	// decision of an older state.
	later   func(f func())
	working bool
	// slow is the number of opportunities from which a solve waits for
	// a frame: slowDecision, lowered by tests.
	slow int
}

// slowDecision is the number of opportunities from which the whole
// decision takes long enough to solve and lay out (about a second from
// 30,000: docs/performance.md) that the page first says it is working,
// rather than leave the screen as it was with no word.
const slowDecision = 5000

// builtDecide is the decide page laid out for one decision, opportunity
// and width.
type builtDecide struct {
	state    *model.State
	decision *model.Decision
	index    int
	width    int
	lines    []line
}

// newDecidePage returns an empty decide page whose sentences name the
// keys of the key table.
func newDecidePage(e pageEnv) *DecidePage {
	p := &DecidePage{selectionPane: newSelectionPane(e.styles, e.keys), spec: e.spec, later: e.later, slow: slowDecision}
	p.build = p.lines
	return p
}

// update hands the page the whole decision, solved only while the page
// is in front.
// A decision that is slow to solve (slowDecision) and not solved yet is
// solved after a frame that says the page is working on it, when the host
// can run it later.
func (p *DecidePage) update(c *Controller, front bool) {
	if !front {
		return
	}
	s := c.State()
	if !c.DecisionSolved() && p.later != nil && len(s.Assessments) >= p.slow {
		p.state = s
		if !p.working {
			p.working = true
			p.later(func() {
				p.working = false
				if c.Page() == PageDecide {
					c.Decision()
				}
			})
		}
		return
	}
	p.working = false
	p.SetDecision(s, c.Decision(), c.Selected())
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
	if p.working {
		return []line{plainLine(workingWords(p.state), st.Dim)}
	}
	if s == nil || d == nil {
		return []line{plainLine("Nothing decided yet.", st.Dim)}
	}
	b := p.built
	if b.state == s && b.decision == d && b.index == p.index && b.width == width {
		return b.lines
	}
	out := p.layout(s, d, width)
	p.built = builtDecide{state: s, decision: d, index: p.index, width: width, lines: out}
	return out
}

// layout lays the page out at width.
func (p *DecidePage) layout(s *model.State, d *model.Decision, width int) []line {
	st := p.styles
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

// workingWords says the page is weighing the decision, and how much it
// weighs.
func workingWords(s *model.State) string {
	if s == nil {
		return "Working out what to do today…"
	}
	return fmt.Sprintf("Working out what to do today: weighing %s opportunities…", report.Count(len(s.Assessments)))
}
