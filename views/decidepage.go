package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// DecidePage weighs wait or accept for the state in force, in the words
// of 'mutual decide': the reservation score now and by months of runway
// left, the advice on every offer with a deadline, and the questions to
// ask about the selected opportunity, most decisive first. It follows every
// what-if and scenario, since the dashboard hands it the decision for each
// new state while it is open.
type DecidePage struct {
	selectionPane
	decision *model.Decision
}

// NewDecidePage returns an empty decide page.
func NewDecidePage(st Styles) *DecidePage {
	p := &DecidePage{selectionPane: newSelectionPane(st)}
	p.build = p.lines
	return p
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
	p.setTitle(fitTitle(w, "Decide: wait or accept (d or esc closes, ↑/↓ scroll)", "Decide (d or esc closes, ↑/↓ scroll)", "Decide"))
	p.drawLines(screen)
}

func (p *DecidePage) lines(width int) []line {
	st := p.styles
	s, d := p.state, p.decision
	if s == nil || d == nil {
		return []line{plainLine("Nothing decided yet.", st.Dim)}
	}
	var out []line
	add := func(ls ...line) { out = append(out, ls...) }
	para := func(text string, indent int, style tcell.Style) {
		add(wrap(text, width, line{{strings.Repeat(" ", indent), style}}, indent, style)...)
	}
	heading := func(text string) {
		if len(out) > 0 {
			add(nil)
		}
		add(plainLine(text, st.Heading))
	}

	heading("Reservation score: the lowest score worth accepting")
	para(report.ReservationSentence(d), 0, st.Text)
	if head, row := report.ReservationTable(d, report.ReservationTableColumns(width-2)); head != "" {
		add(plainLine("  "+head, st.Dim), plainLine("  "+row, st.Text))
	}
	if note := report.FixedUrgencyNote(s); note != "" {
		para(note, 0, st.Dim)
	}
	para("On the score chart it is the dashed line marked "+report.ReservationLabel(d)+": at ▲ now, an offer scoring above it "+
		"is worth more than searching on.", 0, st.Dim)

	heading("Offers with a deadline")
	if len(d.Offers) == 0 {
		para(report.NoOffersNote, 2, st.Dim)
	}
	for k := range d.Offers {
		o := &d.Offers[k]
		para(report.AdviceHeadline(s, o), 2, st.Strong)
		para(report.AdviceSentence(s, d, o), 4, st.Text)
		para(report.ValuesLine(s, o), 4, st.Text)
	}
	if len(d.Offers) > 0 {
		para(report.ValueNote, 2, st.Dim)
	}

	add(p.questions(width)...)
	add(nil)
	para("'mutual decide' prints all of this with its assumptions; 'mutual prep NAME' writes an interview sheet.", 0, st.Dim)
	return out
}

// questions are the questions about the selected opportunity, most
// decisive first, each with what rides on it and what to ask.
func (p *DecidePage) questions(width int) []line {
	st := p.styles
	s, d, i := p.state, p.decision, p.index
	var out []line
	para := func(text string, indent int, first string, style tcell.Style) {
		out = append(out, wrap(text, width, line{{strings.Repeat(" ", indent) + first, style}}, indent+report.Width(first), style)...)
	}
	out = append(out, nil)
	if i < 0 {
		out = append(out, plainLine("Questions to ask", st.Heading))
		para("No opportunity selected.", 2, "", st.Dim)
		return out
	}
	name := report.Name(s, i)
	out = append(out, wrap("Questions to ask about "+name+", most decisive first", width, nil, 0, st.Heading)...)
	qs := d.QuestionsFor(i)
	switch a := &s.Assessments[i]; {
	case a.Closed:
		para(fmt.Sprintf("%s is closed (%s): there is nothing to ask.", name, a.Stage), 2, "", st.Dim)
	case len(qs) == 0:
		para("Every rating of "+name+" is known: there is nothing to ask.", 2, "", st.Dim)
	}
	for k := range qs {
		q := &qs[k]
		num := strconv.Itoa(k+1) + ". "
		para(report.Clean(q.Label)+" · "+report.QuestionRating(q), 2, num, st.Strong)
		indent := 2 + report.Width(num)
		para(report.QuestionWeight(q), indent, "", st.Text)
		para(report.AskText(q), indent, "ask: ", st.Text)
	}
	if len(qs) == 0 && len(d.Questions) > 0 && d.Questions[0].Index != i {
		q := &d.Questions[0]
		para(fmt.Sprintf("The most decisive question is about %s (%s): esc, select it, and d again.", report.Name(s, q.Index), report.Clean(q.Label)),
			2, "", st.Text)
	}
	return out
}
