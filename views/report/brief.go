package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// Brief is the dashboard's details pane: opportunity i (an index into
// s.Assessments) in a narrow column. It says where the opportunity stands
// and why, in words; each priority's weight share, rating and
// contribution to fit; each relief term; its deal-breakers; the unknowns
// and the question to ask about each; and where it crosses the others, in
// urgency and, when urgency follows the money, in runway and savings.
// Every number is one that 'mutual explain' prints.
func Brief(s *model.State, i int, keys Keys) *Document {
	a := &s.Assessments[i]
	o := &s.Profile.Opportunities[a.Index]
	doc := &Document{}

	// Who, where, and the story in words.
	sec := doc.section("")
	sec.lead(0, Span{string(a.Stage) + " · ", RoleStrong}, Span{standing(s, i), RoleText})
	// Why it is vetoed, at risk or to follow up, in full, where the eye
	// lands: the ranking's last column may only have room for the short
	// form, or for the marker alone.
	if reasons := Reasons(a); len(reasons) > 0 && !a.Closed {
		role, text := RoleWarning, strings.Join(reasons, "; ")
		switch {
		case a.Vetoed():
			role, text = RoleVetoed, "Vetoed: "+text
		case a.AtRisk():
			role, text = RoleAtRisk, "At risk: "+text
		default:
			text = strings.ToUpper(text[:1]) + text[1:]
		}
		sec.para(0, text+".", role)
	}
	if !a.Closed {
		u := s.Urgency.Value
		total, fromFit, fromRelief := ScoreParts(a, u)
		sec.para(0, fmt.Sprintf("score %s at urgency %s = %s from fit %s + %s from relief %s", total, Urgency(u), fromFit,
			Num(a.Fit.Value), fromRelief, reliefWithNote(a)), RoleText)
	}
	if dates := deadlines(s.Request.Today, o); dates != "" && !a.Closed {
		sec.para(0, dates, RoleWarning)
		if o.Stage == model.StageOffer {
			// The advice with its levers weighs every course in money, too
			// dear to work out on every what-if: the decide page has it.
			sec.add(Line{Lead: []Span{{"Accept, hold or let go? Press ", RoleText}, {keys.Decide, RoleKey}}, Text: Span{".", RoleText}})
		}
	}
	sec.para(0, summary(s, i), RoleText)
	if !a.Closed {
		if text := RankingChange(s, keys); text != "" {
			sec.para(0, text, RoleText)
		}
	}
	if o.Notes != "" {
		sec.lead(0, Span{"notes: ", RoleDim}, Span{Clean(o.Notes), RoleDim})
	}

	// Fit, priority by priority.
	sec = doc.section("Fit " + FitText(a.Fit))
	sec.text(0, "share  rating  points  priority", RoleDim)
	for k, t := range a.Fit.Terms {
		from := ""
		switch t.From {
		case model.FromUnknown:
			from = " (unknown)"
		case model.FromPay:
			from = " (from pay)"
		}
		cells := fmt.Sprintf("%5s  %-6s  %6s  ", percent(a.Fit.Share(k)), t.Rating, Num(a.Fit.Points(k)))
		sec.lead(0, Span{cells, RoleText}, Span{Clean(s.Profile.Priorities[k].Name()) + from, RoleText})
	}

	// Relief, term by term.
	r := a.Relief
	sec = doc.section(fmt.Sprintf("Relief %s = chance %s × mean %s", Num(r.Value), chanceText(r.Chance), strconv.FormatFloat(r.Mean, 'f', 2, 64)))
	for _, t := range reliefTerms(s, i) {
		if !t.Counted {
			sec.lead(0, Span{fmt.Sprintf("%-10s  —           ", t.Name), RoleDim}, Span{t.Words, RoleDim})
			continue
		}
		sec.lead(0, Span{fmt.Sprintf("%-10s  %s  %4s  ", t.Name, Urgency(t.Value), percent(t.Share)), RoleText}, Span{t.Words, RoleText})
	}

	// Deal-breakers, and what to ask about what is not known.
	if breakers := dealBreakers(s, i); len(breakers) > 0 {
		sec = doc.section("Deal-breakers")
		k := 0
		for _, pr := range s.Profile.Priorities {
			if pr.AtLeast <= 0 {
				continue
			}
			role := RoleText
			for _, f := range a.Flags {
				if f.Priority == pr.ID {
					role = RoleAtRisk
					if f.Veto {
						role = RoleVetoed
					}
				}
			}
			sec.para(0, breakers[k], role)
			k++
		}
	}
	unknowns(doc, s, i)

	// Where the answer changes.
	if !a.Closed {
		sec = doc.section("Where it changes")
		cs := crossings(s, i)
		if len(cs) == 0 {
			sec.para(0, name(s, i)+" crosses no other open opportunity between urgency 0 and 1.", RoleText)
		}
		for _, c := range cs {
			sec.para(0, c.Urgency, RoleText)
			for _, m := range c.Money {
				sec.lead(2, Span{"in money: ", RoleDim}, Span{m, RoleText})
			}
		}
		for _, sentence := range leaderSentences(s) {
			sec.para(0, sentence, RoleStrong)
		}
		if !s.MoneyTranslatable() && !s.Urgency.RunwayUnbounded() {
			note := "The urgency is " + UrgencySource(s) + ", so savings do not move it"
			if s.Urgency.Source == model.SourceWhatIf {
				note = "The urgency is a what-if, so savings do not move it: " + keys.Reset + " resets it and brings back the money figures"
			}
			sec.para(0, note+".", RoleDim)
		}
	}
	return doc
}

// unknowns adds a section to doc on the priorities whose rating of
// opportunity i is not known exactly, each with the question its priority
// says to ask; none when every rating is known.
func unknowns(doc *Document, s *model.State, i int) {
	a := &s.Assessments[i]
	var sec *Section
	for k, t := range a.Fit.Terms {
		if t.Rating.Known() {
			continue
		}
		if sec == nil {
			sec = doc.section("Not known yet: ask")
		}
		what := "rated " + t.Rating.String()
		if t.From == model.FromUnknown {
			what = "unknown"
		}
		sec.add(Line{Text: Span{Clean(s.Profile.Priorities[k].Name()) + " (" + what + ")", RoleText}, Wrap: true, Hang: 2})
		ask := s.Profile.Priorities[k].Ask
		if ask == "" {
			sec.para(2, "(the profile has no question for this priority: add ask = \"…\")", RoleDim)
			continue
		}
		sec.lead(2, Span{"ask: ", RoleDim}, Span{Clean(ask), RoleStrong})
	}
}

// deadlines says when an offer must be answered and when a decision is
// expected, counted from today.
func deadlines(today model.Date, o *model.Opportunity) string {
	days := func(d model.Date) string {
		n := today.DaysUntil(d)
		switch {
		case n == 0:
			return "today"
		case n == 1:
			return "tomorrow"
		case n < 0:
			return strconv.Itoa(-n) + " days ago"
		}
		return "in " + strconv.Itoa(n) + " days"
	}
	text := ""
	switch {
	case !o.RespondBy.IsZero():
		text = fmt.Sprintf("Respond by %s (%s).", o.RespondBy, days(o.RespondBy))
	case o.Stage == model.StageOffer:
		// An offer in hand with no deadline given is news too: it can
		// lapse any day, so ask.
		text = "No deadline given for this offer: ask by when they need your answer."
	}
	if !o.DecisionExpected.IsZero() {
		if text != "" {
			text += " "
		}
		text += fmt.Sprintf("Decision expected %s (%s).", o.DecisionExpected, days(o.DecisionExpected))
	}
	return text
}

// ScoreParts are a's score at urgency u and its two parts, fit's and
// relief's, each to one decimal so that the parts as printed add up to
// the total as printed: the total is rounded, fit's part is rounded, and
// relief's part is what is left.
func ScoreParts(a *model.Assessment, u float64) (total, fromFit, fromRelief string) {
	// In tenths, as Num writes them, so that the total reads as the
	// ranking's score does.
	tenths := func(v float64) int64 {
		x, _ := strconv.ParseFloat(Num(v), 64)
		return int64(math.Round(x * 10))
	}
	t, f := tenths(a.Score(u)), tenths((1-u)*a.Fit.Value)
	text := func(n int64) string { return strconv.FormatFloat(float64(n)/10, 'f', 1, 64) }
	return Num(a.Score(u)), text(f), text(t - f)
}
