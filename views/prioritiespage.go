package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// PagePriorities is the Priorities page. It takes the details pane's
// place, so the ranking, the chart and the header stay in sight while a
// weight moves.
const PagePriorities Page = "priorities"

// PrioritiesPage is the Priorities page: every priority with its weight
// and share, the weights at which the leader would change, and what pay
// would change where the selected opportunity stands. It takes the details
// pane's place, so the ranking, the chart and the header in sight follow
// every weight the keys move. Its text is report.Priorities.
type PrioritiesPage struct {
	selectionPane
	spec PageSpec
	// priority is the selected priority.
	priority int
	// doc is the page's text for the state shown, kept until it changes:
	// the weights at which the leader changes cost a pass over every
	// opportunity, and the page is drawn far more often than a weight moves.
	doc      *report.Document
	docState *model.State
	docSel   [2]int
	// docNarrow is whether doc was laid out for a narrow page.
	docNarrow bool
}

// newPrioritiesPage returns an empty Priorities page whose sentences name
// the keys of the key table.
func newPrioritiesPage(e pageEnv) *PrioritiesPage {
	p := &PrioritiesPage{selectionPane: newSelectionPane(e.styles, e.keys), spec: e.spec}
	p.build = p.lines
	return p
}

// update hands the page the state and the selected priority while it is
// in front.
func (p *PrioritiesPage) update(c *Controller, front bool) {
	if front {
		p.SetState(c.State(), c.Priority(), c.Selected())
	}
}

// SetState shows s with priority k selected and what pay would change for
// opportunity i (an index into s.Assessments, or -1).
func (p *PrioritiesPage) SetState(s *model.State, k, i int) {
	p.state, p.index, p.priority = s, i, k
}

// Draw draws the page.
func (p *PrioritiesPage) Draw(screen tcell.Screen) {
	_, _, w, _ := p.GetRect()
	closing := " (" + p.keys.KeyLabel(p.spec.Open) + " or " + p.keys.KeyLabel(IntentClose) + " closes)"
	p.setTitle(fitTitle(w, p.spec.Title+": what the weights would change"+closing, p.spec.Title+closing, p.spec.Title))
	p.drawLines(screen)
}

func (p *PrioritiesPage) lines(width int) []line {
	st := p.styles
	if p.state == nil {
		return []line{plainLine("No profile.", st.Dim)}
	}
	narrow := width < report.PrioritiesNarrow
	if p.doc == nil || p.docState != p.state || p.docSel != [2]int{p.priority, p.index} || p.docNarrow != narrow {
		p.doc = report.Priorities(p.state, p.priority, p.index, p.keys.priorityKeys(), narrow)
		p.docState, p.docSel, p.docNarrow = p.state, [2]int{p.priority, p.index}, narrow
	}
	rows := p.doc.Rows(width)
	// Keep the selected priority in sight, with the line under it.
	_, _, _, h := p.GetInnerRect()
	head := -1 // the columns' heading, under what pay would change
	for r, row := range rows {
		if t := strings.TrimSpace(spansText(row)); strings.HasSuffix(t, "priority") && strings.Contains(t, "share") {
			head = r
		}
		if strings.HasPrefix(spansText(row), "▸") {
			if r < p.offset {
				p.offset = r
			}
			if h > 1 && r+1 >= p.offset+h {
				p.offset = r + 2 - h
			}
			// Never open on the middle of the pay sentence: scrolled at
			// all, the page starts at the heading, the sentence whole
			// above it.
			if head > 0 && p.offset > 0 && p.offset < head && r+1 < head+h {
				p.offset = head
			}
			break
		}
	}
	return st.rows(rows)
}
