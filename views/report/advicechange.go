package report

import (
	"fmt"
	"math"
	"strings"

	"mutual/model"
)

// AdviceChange is the dashboard header's line under "Advice:": what would
// change the advice, in money and chances, for a line width cells wide.
// It speaks of the advice alone; where the ranking's leader would change
// is the ranking's, said in the details and drawn in the chart. d is the
// decision as the header solves it ([model.DecideGlance]): the advice on
// the offer the verdict accepts or holds, with its break-evens. It is ""
// when there is nothing to say.
func AdviceChange(s *model.State, d *model.Decision, width int) string {
	for _, text := range adviceChanges(s, d) {
		if Width(text) <= width {
			return text
		}
	}
	if texts := adviceChanges(s, d); len(texts) > 0 {
		return Truncate(texts[len(texts)-1], width)
	}
	return ""
}

// adviceChanges are the forms of the line, longest first.
func adviceChanges(s *model.State, d *model.Decision) []string {
	if d == nil {
		return nil
	}
	v := &d.Verdict
	target := v.Offer
	if v.Action == model.ActionSearch && len(v.Lapses) > 0 {
		target = v.Lapses[0]
	}
	o := offerAdvice(d, target)
	if o == nil {
		if v.Action == model.ActionSearch && len(v.Lapses) == 0 {
			return []string{"An offer would change this: add one, or move one to stage offer when it comes."}
		}
		return nil
	}
	cur := s.Currency()
	y := o.WaitingFor
	// hold is the course the chance of y flips the advice to; alt the one
	// the savings flip it to.
	hold := "Holding out"
	if y >= 0 {
		hold = "Holding out for " + name(s, y)
	}
	if v.Action != model.ActionAccept {
		hold = "Accepting " + name(s, target) + " now"
	}
	alt := hold
	if o.Beyond >= 0 && o.Beyond != target {
		alt = "Accepting " + name(s, o.Beyond)
	}
	var money, moneyShort, tiny, tinier string
	if be := o.SavingsBreakEven; be != nil {
		// Accepting wins on one side of the break-even: an accept changes
		// on the other side, a hold on that one.
		side, word := "more", "above"
		if o.AcceptAbove == (v.Action == model.ActionAccept) {
			side, word = "less", "below"
		}
		money = fmt.Sprintf("%s would win with %s than %s of savings (you have %s)", alt, side, Money(cur, *be), Money(cur, savings(s)))
		moneyShort = money
		if alt == hold {
			moneyShort = fmt.Sprintf("%s would win with %s than %s of savings (you have %s)", firstWord(alt), side, Money(cur, *be), Money(cur, savings(s)))
		}
		tiny = fmt.Sprintf("%s wins %s %s of savings (you have %s)", alt, word, Money(cur, *be), Money(cur, savings(s)))
		if alt == hold {
			tiny = fmt.Sprintf("%s wins %s %s of savings (you have %s)", firstWord(alt), word, Money(cur, *be), Money(cur, savings(s)))
		}
		tinier = strings.TrimSuffix(tiny[:strings.LastIndex(tiny, " (you have")], " ")
	}
	var chance, chanceShort string
	if y >= 0 && o.ChanceWeighed {
		now := s.Assessments[y].Relief.Chance
		switch be := o.BreakEven; {
		case be == nil || *be < 0.005:
		case v.Action == model.ActionAccept:
			b, c := chancePair(*be, now, true)
			chance = fmt.Sprintf("with %s's chance above %s (it is %s)", name(s, y), b, c)
			chanceShort = fmt.Sprintf("with %s's chance above %s", name(s, y), b)
		default:
			b, c := chancePair(*be, now, false)
			chance = fmt.Sprintf("with %s's chance below %s (it is %s)", name(s, y), b, c)
			chanceShort = fmt.Sprintf("with %s's chance below %s", name(s, y), b)
		}
	}
	var out []string
	switch {
	case money != "" && chance != "" && alt == hold:
		out = append(out, money+" or "+chance+".", money+" or "+chanceShort+".", moneyShort+" or "+chanceShort+".", money+".", moneyShort+".", tiny+".", tinier+".")
	case money != "" && chance != "":
		out = append(out, money+"; "+lowerFirst(hold)+" "+chance+".", money+"; "+lowerFirst(firstWord(hold))+" "+chanceShort+".", money+".", tiny+".", tinier+".")
	case money != "":
		out = append(out, money+".", moneyShort+".", tiny+".", tinier+".")
	case chance != "":
		out = append(out, hold+" would win "+chance+"; no amount of savings changes the advice.", hold+" would win "+chance+".",
			firstWord(hold)+" would win "+chanceShort+".")
	case v.Action == model.ActionAccept:
		out = append(out, "No amount of savings, and no chance of another process, changes this advice.", "No savings or chance changes this advice.")
	}
	return out
}

// firstWord is "Holding out" of "Holding out for Globex": the course
// without the name, where the rest of the line names it. Any other course
// keeps its name.
func firstWord(course string) string {
	if strings.HasPrefix(course, "Holding out for ") {
		return "Holding out"
	}
	return course
}

// RankingChange says where the ranking's leader would change, labelled as
// the ranking's so that it is not read as the advice's: in runway and
// savings when savings move the urgency, else in urgency; then the
// nearest weight that would change it, worded as a weight. The details
// pane says it; the chart draws the same change in urgency.
func RankingChange(s *model.State, keys Keys) string {
	if len(s.Ranked) < 2 {
		return ""
	}
	cur := s.Currency()
	var parts []string
	if s.MoneyTranslatable() {
		below, above := s.NearestRunwayChanges()
		now := val(s.Situation.Savings)
		if above != nil {
			parts = append(parts, fmt.Sprintf("%s would rank first with over %s of runway (%s more savings)",
				leaderName(s, above.Leader, false), Months(above.Months), MoneyGap(cur, above.Savings-now)))
		}
		if below != nil {
			parts = append(parts, fmt.Sprintf("%s would rank first below %s of runway (%s less savings)",
				leaderName(s, below.Leader, false), Months(below.Months), MoneyGap(cur, now-below.Savings)))
		}
		if len(parts) == 0 {
			parts = append(parts, "no amount of savings changes who ranks first"+urgencyOnlyNote(s))
		}
	} else if len(s.LeaderChanges) == 0 {
		parts = append(parts, name(s, s.Leader())+" ranks first at every urgency")
	} else {
		// The change nearest the urgency now: the one leading beyond it.
		u := s.Urgency.Value
		c := s.LeaderChanges[0]
		for _, x := range s.LeaderChanges {
			if math.Abs(x.Urgency-u) < math.Abs(c.Urgency-u) {
				c = x
			}
		}
		who, side := c.From, "below"
		if c.Urgency > u {
			who, side = c.To, "above"
		}
		text := fmt.Sprintf("%s would rank first %s urgency %s", name(s, who), side, Urgency(c.Urgency))
		if s.Urgency.Source == model.SourceWhatIf && s.Urgency.Burn > 0 && keys.Reset != "" {
			text += " (" + keys.Reset + " shows it in money)"
		}
		parts = append(parts, text)
	}
	if f, ok := s.NearestWeightFlip(); ok {
		parts = append(parts, fmt.Sprintf("%s would rank first %s", name(s, f.Beyond), WeightFlipWords(s, f)))
	}
	return "Ranking only (the Advice also weighs deadlines and money): " + strings.Join(parts, "; ") + "."
}

// WeightFlipWords says a weight flip as a weight, not as a rating: "with
// the weight of manager below 0.24 (it is 2)"; not a possessive, which
// reads oddly after an id that ends in s (strengths's).
func WeightFlipWords(s *model.State, f model.WeightFlip) string {
	id := Clean(s.Profile.Priorities[f.Priority].ID)
	side := "above"
	if !f.Up {
		side = "below"
	}
	return fmt.Sprintf("with the weight of %s %s %s (it is %s)", id, side, FlipWeight(f), Weight(f.Now))
}

// urgencyOnlyNote says, where savings change no leader but the chart
// marks a change of leader in urgency, why the two agree: the chart moves
// the urgency alone, with relief as it is today, while savings move relief
// too (a paycheck's timing against the runway). It is "" when the chart
// marks no change.
func urgencyOnlyNote(s *model.State) string {
	if len(s.LeaderChanges) == 0 {
		return ""
	}
	var at []string
	for _, c := range s.LeaderChanges {
		at = append(at, Urgency(c.Urgency))
	}
	return fmt.Sprintf(" (the chart's change at urgency %s moves the urgency alone; less savings would move relief too)", strings.Join(at, ", "))
}
