package report

import (
	"fmt"
	"strconv"

	"mutual/model"
)

// Keys are the dashboard's keys that the pages' sentences name, written
// as the dashboard's key table writes them ("r", "esc"). The reports for
// stdout name no key.
type Keys struct {
	// Reset drops the what-ifs.
	Reset string
	// Decide opens and closes the decide page.
	Decide string
	// Close closes the page in front.
	Close string
	// SavingsUp and SavingsDown move the savings by a month of burn.
	SavingsUp, SavingsDown string
}

// Advice is the dashboard's decide page, in the words of 'mutual decide',
// for a page width cells wide: the verdict, the advice on every offer in
// hand with its values, money, break-evens and levers, the money on each
// path (the page draws it as a chart below), the reservation by months of
// runway (as many months as fit), and the questions to ask about
// opportunity i (an index into s.Assessments, or -1 for none), most
// decisive first. d is the decision solved for s.
func Advice(s *model.State, d *model.Decision, i int, keys Keys, width int) *Document {
	doc := &Document{}
	top := doc.section("")
	top.lead(0, Span{"Advice: ", RoleStrong}, Span{verdictSentence(s, d), RoleStrong})
	for _, note := range []string{rankingNote(s, d), fixedUrgencyNote(s, keys)} {
		if note != "" {
			top.para(0, note, RoleDim)
		}
	}
	offersSection(doc, s, d)
	if procs := doc.section("Processes to wait for"); true {
		processLines(s, d, procs)
		if len(procs.Lines) == 0 {
			procs.para(2, "(none: no open process has a decision_expected)", RoleDim)
		}
	}
	paths := doc.section("The money on each path")
	pathLines(s, d, paths)
	paths.Figure = "money"

	sec := doc.section("Reservation: the lowest fit worth accepting")
	sec.para(0, reservationSentence(s, d), RoleText)
	if head, row := reservationTable(d, reservationTableColumns(width-2)); head != "" {
		sec.text(2, head, RoleDim)
		sec.text(2, row, RoleText)
	}

	questions(doc, s, d, i, keys)
	doc.section("").para(0, "'mutual decide' prints all of this with its assumptions; 'mutual prep NAME' writes an interview sheet.", RoleDim)
	return doc
}

// fixedUrgencyNote says, when the urgency is fixed (by the profile, a
// scenario, --urgency or a what-if), that decide follows the money and not
// the urgency: the advice moves with savings, and a fixed urgency only
// scores the reservation. It is "" when the urgency is derived.
func fixedUrgencyNote(s *model.State, keys Keys) string {
	u := s.Urgency
	if u.IsDerived() {
		return ""
	}
	source := UrgencySource(s)
	if u.Source == model.SourceWhatIf {
		source = "a what-if"
	}
	note := fmt.Sprintf("The urgency is %s (%s): decide follows your money, not the urgency, so the advice stays as it is; "+
		"only the reservation's score moves.", source, Urgency(u.Value))
	if keys.SavingsUp != "" {
		note += fmt.Sprintf(" A savings what-if (%s %s) moves the advice.", keys.SavingsDown, keys.SavingsUp)
	}
	if u.Source == model.SourceWhatIf && keys.Reset != "" {
		note += " " + keys.Reset + " brings it back."
	}
	return note
}

// questions adds the questions about opportunity i to doc, most decisive
// first, each with what rides on it and what to ask.
func questions(doc *Document, s *model.State, d *model.Decision, i int, keys Keys) {
	if i < 0 {
		doc.section("Questions to ask").para(2, "No opportunity selected.", RoleDim)
		return
	}
	who := name(s, i)
	sec := doc.section("Questions to ask about " + who + ", most decisive first")
	qs := d.QuestionsFor(i)
	switch a := &s.Assessments[i]; {
	case a.Closed:
		sec.para(2, fmt.Sprintf("%s is closed (%s): there is nothing to ask.", who, a.Stage), RoleDim)
	case len(qs) == 0 && !unsure(a):
		sec.para(2, "Every rating of "+who+" is known: there is nothing to ask.", RoleDim)
	case len(qs) == 0:
		sec.para(2, "No answer about "+who+" would change what to do at this urgency: there is nothing worth asking now.", RoleDim)
	}
	for k := range qs {
		q := &qs[k]
		num := strconv.Itoa(k+1) + ". "
		sec.lead(2, Span{num, RoleStrong}, Span{Clean(q.Label) + " · " + questionRating(q), RoleStrong})
		indent := 2 + Width(num)
		sec.para(indent, questionWeight(q), RoleText)
		sec.lead(indent, Span{"ask: ", RoleText}, Span{askText(q), RoleText})
	}
	if len(qs) == 0 && len(d.Questions) > 0 && d.Questions[0].Index != i {
		q := &d.Questions[0]
		sec.para(2, fmt.Sprintf("The most decisive question is about %s (%s): %s, select it, and %s again.", name(s, q.Index),
			Clean(q.Label), keys.Close, keys.Decide), RoleText)
	}
}

// unsure reports whether any of a's ratings is unknown or a range.
func unsure(a *model.Assessment) bool {
	for _, t := range a.Fit.Terms {
		if t.Low != t.High {
			return true
		}
	}
	return false
}
