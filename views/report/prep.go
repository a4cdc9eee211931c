package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"mutual/model"
)

// WritePrep writes a Markdown interview-prep sheet for opportunity i: where
// it stands, the questions whose answers would most change the decision
// (most decisive first, with what each end of the answer means), what is
// already known, and the notes. Every profile text is escaped for
// Markdown, so a name or note cannot add formatting, links or HTML.
func WritePrep(w io.Writer, s *model.State, d *model.Decision, i int, info Info) error {
	var b strings.Builder
	a := &s.Assessments[i]
	o := &s.Profile.Opportunities[i]

	fmt.Fprintf(&b, "# Interview prep: %s\n\n", md(name(s, i)))
	fmt.Fprintf(&b, "*%s · today %s · stage %s · %s*\n\n", md(info.Profile), info.Today, a.Stage, md(urgencyLine(s)))

	b.WriteString("**Where it stands:** " + md(standingSentence(s, i)) + "\n\n")
	if text := BreakEvenPayText(s, i); text != "" {
		b.WriteString("**What pay would change it:** " + md(text) + ".\n\n")
	}
	var say []string
	for k := range d.Offers {
		adv := &d.Offers[k]
		if adv.Index != i && adv.WaitingFor != i {
			continue
		}
		text := adviceHeadline(s, d, adv) + "."
		if r := adviceReason(s, d, adv); r != "" {
			text += " " + r
		}
		b.WriteString("**What rides on it:** " + md(text) + "\n\n")
		for x := range adv.Levers {
			l := &adv.Levers[x]
			if line := sayAloud(s, adv, l, i); line != "" {
				say = append(say, fmt.Sprintf("- %s  \n  (%s)\n", md(line), md(leverSentence(s, adv, l))))
			}
		}
	}
	if len(say) > 0 {
		b.WriteString("## What to negotiate, in words to say aloud\n\n")
		b.WriteString("Asking is not free: an employer can say no, or take back an offer. Ask when what it would win you is worth the risk to you.\n\n")
		for _, line := range say {
			b.WriteString(line)
		}
		b.WriteString("\n")
	}

	qs := d.QuestionsFor(i)
	b.WriteString("## Questions to ask, most decisive first\n\n")
	if len(qs) == 0 {
		b.WriteString("Every rating is known; nothing here is left to find out.\n\n")
	} else {
		b.WriteString("Ask them as open questions, the same way whatever answer you hope for: the point is to learn how it is, not to lead.\n\n")
	}
	for k := range qs {
		q := &qs[k]
		pr, _ := s.Profile.Priority(q.Priority)
		fmt.Fprintf(&b, "%d. **%s** (%s; %s)\n", k+1, md(q.Label), md(questionRating(q)), md(questionWeight(q)))
		fmt.Fprintf(&b, "   %s\n", md(askText(q)))
		fmt.Fprintf(&b, "   How sure it is: %s.\n", md(QuestionShareText(q)))
		if pr.LowText != "" && pr.HighText != "" {
			fmt.Fprintf(&b, "   Listen for where the answer falls between “%s” (1) and “%s” (%d).\n", md(pr.LowText), md(pr.HighText), s.Profile.Scale)
		}
	}
	if len(qs) > 0 {
		b.WriteString("\n")
	}

	b.WriteString("## What you know\n\n")
	b.WriteString("| Priority | Rating | Share of fit | What the ends mean |\n|---|---|--:|---|\n")
	for k, t := range a.Fit.Terms {
		if t.From == model.FromUnknown {
			continue
		}
		rating := t.Rating.String()
		if t.From == model.FromPay {
			rating += " (from pay)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", md(s.Profile.Priorities[k].Name()), rating, percent(a.Fit.Share(k)), md(anchorsText(s, s.Profile.Priorities[k])))
	}
	b.WriteString("\n")
	for _, t := range reliefTerms(s, i) {
		fmt.Fprintf(&b, "- %s: %s\n", t.Name, md(t.Words))
	}
	if !o.RespondBy.IsZero() {
		fmt.Fprintf(&b, "- respond by %s\n", o.RespondBy)
	}
	if !o.DecisionExpected.IsZero() {
		fmt.Fprintf(&b, "- decision expected %s\n", o.DecisionExpected)
	}
	fmt.Fprintf(&b, "- at fit %s it %s (a poorer fit puts you back on the market sooner)\n", Num(a.Fit.Value),
		tenureText(d.Params.TenureMonths(a.Fit.Value)))
	for _, line := range dealBreakers(s, i) {
		fmt.Fprintf(&b, "- deal-breaker: %s\n", md(line))
	}

	var unknown []string
	for _, q := range qs {
		if q.From == model.FromUnknown {
			unknown = append(unknown, md(q.Label))
		}
	}
	if len(unknown) > 0 {
		b.WriteString("\n## Still unknown\n\n" + strings.Join(unknown, ", ") + ": each counts as anywhere on the scale until you rate it.\n")
	}
	if o.Notes != "" {
		b.WriteString("\n## Notes\n\n" + md(o.Notes) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sayAloud phrases a lever as something to say to the opportunity i the
// sheet is for: an extension or more pay to the offer's employer, an
// earlier decision to the process it waits for. It is "" when the lever is
// for someone else.
func sayAloud(s *model.State, o *model.OfferAdvice, l *model.Lever, i int) string {
	switch {
	case l.Kind == model.LeverExtend && o.Index == i:
		ask := "could you give me until then to answer?”"
		if moves := startMoves(s, o.Index, l.To); moves != "" {
			// Answering after the start moves the start: say so aloud.
			ask = fmt.Sprintf("could you give me until then to answer, and start me on %s rather than %s?”", l.To,
				s.Profile.Opportunities[o.Index].Starts)
		}
		return fmt.Sprintf("“Thank you, I'm glad to have this offer. I'm finishing another process that decides on %s; %s", l.To, ask)
	case l.Kind == model.LeverCounter && o.Index == i:
		return fmt.Sprintf("“I'd like to make this work. For me to say yes now, the pay would need to be %s. Is there room for that?”",
			payText(s, i, l.Pay))
	case l.Kind == model.LeverBonus && o.Index == i:
		return bonusAloud(s, l)
	case l.Kind == model.LeverDecideBy && l.Process == i:
		return fmt.Sprintf("“I have an offer I must answer by %s, and this role is the one I want. Is there any way you could "+
			"decide by %s?”", o.Deadline, l.By)
	}
	return ""
}

// anchorsText is what the ends of a priority's scale mean: "1 = flaky;
// 5 = clear, fair", or the pay that rates them when the rating comes from
// pay; "" when the profile does not say.
func anchorsText(s *model.State, pr model.Priority) string {
	top := strconv.Itoa(s.Profile.Scale)
	if pr.FromPay != nil {
		cur := s.Currency()
		return "1 = " + Money(cur, pr.FromPay[0]) + " a year; " + top + " = " + Money(cur, pr.FromPay[1])
	}
	var parts []string
	if pr.LowText != "" {
		parts = append(parts, "1 = "+Clean(pr.LowText))
	}
	if pr.HighText != "" {
		parts = append(parts, top+" = "+Clean(pr.HighText))
	}
	return strings.Join(parts, "; ")
}

// standingSentence says where opportunity i stands in the ranking, with
// its fit, relief and chance.
func standingSentence(s *model.State, i int) string {
	a := &s.Assessments[i]
	text := standing(s, i)
	for _, r := range s.Ranked {
		if r.Index == i && r.Rank > 1 {
			lead := s.Ranked[0]
			text += fmt.Sprintf(", score %s, %s behind %s", Num(r.Score), Num(lead.Score-r.Score), name(s, lead.Index))
		} else if r.Index == i {
			text += ", score " + Num(r.Score)
		}
	}
	chance := "given"
	if a.Relief.ChanceDefault {
		chance = "default for stage " + string(a.Stage)
	}
	return fmt.Sprintf("%s. Fit %s, relief %s, chance %s (%s).", text, FitText(a.Fit), reliefWithNote(a), chanceText(a.Relief.Chance), chance)
}
