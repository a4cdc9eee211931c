package views

import (
	"fmt"
	"strconv"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// DetailPane explains the selected opportunity: where it stands and why,
// in words; each priority's weight share, rating and contribution to fit;
// each relief term; its deal-breakers; the unknowns and the question to
// ask about each; and where it crosses the others, in urgency and, when
// urgency follows the money, in runway and savings. It scrolls when it
// does not fit. Every number matches what 'mutual explain' prints.
type DetailPane struct {
	selectionPane
}

// NewDetailPane returns an empty details pane.
func NewDetailPane(st Styles) *DetailPane {
	d := &DetailPane{newSelectionPane(st)}
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
		title = report.Name(d.state, d.index)
	}
	d.setTitle(title)
	d.drawLines(screen)
}

// lines builds the pane's text for a width.
func (d *DetailPane) lines(width int) []line {
	st := d.styles
	s, i := d.state, d.index
	if s == nil || i < 0 {
		return []line{plainLine("No opportunity selected.", st.Dim)}
	}
	a := &s.Assessments[i]
	o := &s.Profile.Opportunities[a.Index]
	var out []line
	add := func(ls ...line) { out = append(out, ls...) }
	hang := func(prefix line, text string, style tcell.Style) {
		add(wrap(text, width, prefix, report.Width(prefix.text()), style)...)
	}
	heading := func(text string) { add(nil, plainLine(text, st.Heading)) }

	// Who, where, and the story in words.
	hang(line{{string(a.Stage) + " · ", st.Strong}}, report.Standing(s, i), st.Text)
	if !a.Closed {
		u := s.Urgency.Value
		hang(nil, fmt.Sprintf("score %s = %s × fit %s + %s × relief %s", report.Num(a.Score(u)), report.U(1-u), report.Num(a.Fit.Value), report.U(u),
			report.Num(a.Relief.Value)), st.Text)
	}
	if dates := deadlines(s.Request.Today, o); dates != "" && !a.Closed {
		hang(nil, dates, st.Warn)
		if o.Stage == model.StageOffer && !o.RespondBy.IsZero() {
			// The advice itself weighs every process that decides in time,
			// too dear to work out on every what-if: the decide page has it.
			add(line{{"Wait or accept? Press ", st.Text}, {"d", st.Key}, {".", st.Text}})
		}
	}
	hang(nil, report.Summary(s, i), st.Text)
	if o.Notes != "" {
		hang(line{{"notes: ", st.Dim}}, o.Notes, st.Dim)
	}

	// Fit, priority by priority.
	heading("Fit " + report.FitText(a.Fit))
	add(plainLine("share  rating  points  priority", st.Dim))
	for _, t := range a.Fit.Terms {
		from := ""
		switch t.From {
		case model.FromUnknown:
			from = " (unknown)"
		case model.FromPay:
			from = " (from pay)"
		}
		prefix := fmt.Sprintf("%5s  %-6s  %6s  ", report.Percent(t.Share), t.Rating, report.Num(t.Points))
		hang(line{{prefix, st.Text}}, report.Clean(t.Label)+from, st.Text)
	}

	// Relief, term by term.
	r := a.Relief
	heading(fmt.Sprintf("Relief %s = chance %s × mean %s", report.Num(r.Value), report.ChanceText(r.Chance), strconv.FormatFloat(r.Mean, 'f', 2, 64)))
	for _, t := range report.ReliefTerms(s, i) {
		if !t.Counted {
			hang(line{{fmt.Sprintf("%-10s  —           ", t.Name), st.Dim}}, t.Words, st.Dim)
			continue
		}
		hang(line{{fmt.Sprintf("%-10s  %s  %4s  ", t.Name, report.U(t.Value), report.Percent(t.Share)), st.Text}}, t.Words, st.Text)
	}

	// Deal-breakers, and what to ask about what is not known.
	if breakers := report.DealBreakers(s, i); len(breakers) > 0 {
		heading("Deal-breakers")
		k := 0
		for _, pr := range s.Profile.Priorities {
			if pr.AtLeast <= 0 {
				continue
			}
			style := st.Text
			for _, f := range a.Flags {
				if f.Priority == pr.ID {
					style = st.AtRisk
					if f.Veto {
						style = st.Vetoed
					}
				}
			}
			hang(nil, breakers[k], style)
			k++
		}
	}
	if unknowns := d.unknowns(width); len(unknowns) > 0 {
		heading("Not known yet: ask")
		add(unknowns...)
	}

	// Where the answer changes.
	if !a.Closed {
		heading("Where it changes")
		crossings := report.Crossings(s, i)
		if len(crossings) == 0 {
			hang(nil, report.Name(s, i)+" crosses no other open opportunity between urgency 0 and 1.", st.Text)
		}
		for _, c := range crossings {
			hang(nil, c.Urgency, st.Text)
			for _, m := range c.Money {
				hang(line{{"  in money: ", st.Dim}}, m, st.Text)
			}
		}
		for _, sentence := range report.LeaderSentences(s) {
			hang(nil, sentence, st.Strong)
		}
		if !s.MoneyTranslatable() && !s.Urgency.RunwayUnbounded() {
			note := "The urgency is " + report.UrgencySource(s) + ", so savings do not move it"
			if s.Urgency.Source == model.SourceWhatIf {
				note = "The urgency is a what-if, so savings do not move it: r resets it and brings back the money figures"
			}
			hang(nil, note+".", st.Dim)
		}
	}
	return out
}

// unknowns lists the priorities whose rating is not known exactly, each
// with the question its priority says to ask.
func (d *DetailPane) unknowns(width int) []line {
	st := d.styles
	s, i := d.state, d.index
	a := &s.Assessments[i]
	var out []line
	for k, t := range a.Fit.Terms {
		if t.Rating.Known() {
			continue
		}
		what := "rated " + t.Rating.String()
		if t.From == model.FromUnknown {
			what = "unknown"
		}
		out = append(out, wrap(report.Clean(t.Label)+" ("+what+")", width, nil, 2, st.Text)...)
		ask := s.Profile.Priorities[k].Ask
		if ask == "" {
			out = append(out, wrap("(the profile has no question for this priority: add ask = \"…\")", width,
				line{{"  ", st.Dim}}, 2, st.Dim)...)
			continue
		}
		out = append(out, wrap(ask, width, line{{"  ask: ", st.Dim}}, 7, st.Strong)...)
	}
	return out
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
	if !o.RespondBy.IsZero() {
		text = fmt.Sprintf("Respond by %s (%s).", o.RespondBy, days(o.RespondBy))
	}
	if !o.DecisionExpected.IsZero() {
		if text != "" {
			text += " "
		}
		text += fmt.Sprintf("Decision expected %s (%s).", o.DecisionExpected, days(o.DecisionExpected))
	}
	return text
}
