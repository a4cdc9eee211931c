package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// This file says where each answer would change, other than in urgency
// and money: the weights at which the leader changes, the pay at which an
// opportunity would tie the leader, and how sure the ranking is while
// some ratings are unknown. Every view that says so says it in these
// words.

// Weight writes a weight as a profile would: "4", "6.3".
func Weight(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// FlipWeight is the weight of flip f as a person may act on it: three
// significant figures, rounded away from the weight now (up for a flip
// above it, down for one below), so that at the figure shown the other
// leads; with more figures where three would read as the weight now.
// "Globex would lead above 0.25", not "above 0.2" where it would not.
func FlipWeight(f model.WeightFlip) string {
	v := f.Weight
	if v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return Weight(v)
	}
	now := Weight(f.Now)
	var text string
	for digits := 3; digits <= 9; digits++ {
		scale := math.Pow(10, float64(digits-1-int(math.Floor(math.Log10(v)))))
		r := math.Floor(v*scale) / scale
		if f.Up {
			r = math.Ceil(v*scale) / scale
		}
		text = strconv.FormatFloat(r, 'f', -1, 64)
		if text != now && r > 0 {
			break
		}
	}
	if text == now {
		// A flip at the weight now, where two tie: the next figure of
		// three to its side, since at the weight itself the leader holds.
		scale := math.Pow(10, float64(2-int(math.Floor(math.Log10(v)))))
		step := 1.0
		if !f.Up {
			step = -1
		}
		text = strconv.FormatFloat((math.Round(v*scale)+step)/scale, 'f', -1, 64)
	}
	return text
}

// WeightFlipText says what one weight flip would do: "Globex would lead if
// A manager I'd want to work with weighed 6.3 instead of 4".
func WeightFlipText(s *model.State, f model.WeightFlip) string {
	pr := s.Profile.Priorities[f.Priority]
	who := name(s, f.Beyond)
	if f.Weight == 0 && f.Now == 0 {
		return fmt.Sprintf("%s would lead if %s weighed anything above 0", who, Clean(pr.Name()))
	}
	return fmt.Sprintf("%s would lead if %s weighed %s instead of %s", who, Clean(pr.Name()), FlipWeight(f), Weight(f.Now))
}

// NearWeightFlip is the sentence for the weight flip nearest the weights
// now ([model.State.NearestWeightFlip]), or "" when none is near.
func NearWeightFlip(s *model.State) string {
	f, ok := s.NearestWeightFlip()
	if !ok {
		return ""
	}
	return WeightFlipText(s, f) + "."
}

// WeightFlipLines says, for every priority with any, the weights at which
// the leader would change: "A manager I'd want to work with (4): Globex
// would lead above 6.3; Hooli above 12".
func WeightFlipLines(s *model.State) []string {
	var out []string
	flips := s.WeightFlips()
	for k, pr := range s.Profile.Priorities {
		var parts []string
		for _, f := range flips {
			if f.Priority != k {
				continue
			}
			side := "above"
			if !f.Up {
				side = "below"
			}
			text := fmt.Sprintf("%s would lead %s %s", name(s, f.Beyond), side, FlipWeight(f))
			if f.Weight == 0 {
				text = name(s, f.Beyond) + " would lead at 0"
				if f.Now == 0 {
					text = name(s, f.Beyond) + " would lead above 0"
				}
			}
			parts = append(parts, text)
		}
		if len(parts) > 0 {
			out = append(out, fmt.Sprintf("%s (weight %s): %s", Clean(pr.Name()), Weight(pr.Weight), strings.Join(parts, "; ")))
		}
	}
	return out
}

// PayText writes an amount of pay in its period: "$52,000 a year",
// "$4,200 a month", "$22 an hour" (cents shown below $100).
func PayText(cur string, pay float64, per string) string {
	amount := Money(cur, pay)
	if pay < 100 {
		amount = strings.Replace(Money(cur, math.Floor(pay)), strconv.FormatFloat(math.Floor(pay), 'f', 0, 64),
			strconv.FormatFloat(pay, 'f', 2, 64), 1)
	}
	switch per {
	case "month":
		return amount + " a month"
	case "hour":
		return amount + " an hour"
	}
	return amount + " a year"
}

// BreakEvenPayText says at what pay opportunity i would tie the leader, or
// for the leader the pay below which it would lose the lead, with what it
// pays now: "Globex would draw level with Acme Logistics at $71,200 a
// year; it pays $68,000 a year". It is "" when no pay does.
func BreakEvenPayText(s *model.State, i int) string {
	b, ok := s.BreakEvenPay(i)
	if !ok {
		return ""
	}
	cur := s.Currency()
	o := &s.Profile.Opportunities[s.Assessments[i].Index]
	now := "its pay is not given"
	if o.Pay != nil {
		verb := "it pays "
		if o.Stage == model.StageOffer {
			verb = "it offers "
		}
		now = verb + PayText(cur, *o.Pay, b.Per)
	}
	// With no monthly_expenses any pay at all covers the need, so the
	// change is the step from no pay to some: "$0.00" would read as a
	// price.
	if b.Pay < 0.005 {
		if b.Leader {
			return fmt.Sprintf("%s keeps the lead at any pay at all, and would lose it to %s with none (with no monthly_expenses, any pay counts as full income); %s",
				name(s, i), name(s, b.Rival), now)
		}
		return fmt.Sprintf("%s would overtake %s at any pay at all (with no monthly_expenses, any pay counts as full income); %s", name(s, i),
			name(s, b.Rival), now)
	}
	if b.Leader {
		return fmt.Sprintf("%s keeps the lead down to %s, below which %s would lead; %s", name(s, i), PayText(cur, b.Pay, b.Per),
			name(s, b.Rival), now)
	}
	return fmt.Sprintf("%s would draw level with %s at %s; %s", name(s, i), name(s, b.Rival), PayText(cur, b.Pay, b.Per), now)
}

// breakEvenPayShort is BreakEvenPayText for a narrow page: "Acme leads
// down to $34,914 a year (offers $52,000)". It is the long form
// where the short one would mislead (a change at no pay at all).
func breakEvenPayShort(s *model.State, i int) string {
	b, ok := s.BreakEvenPay(i)
	if !ok {
		return ""
	}
	if b.Pay < 0.005 {
		return BreakEvenPayText(s, i)
	}
	cur := s.Currency()
	o := &s.Profile.Opportunities[s.Assessments[i].Index]
	now := "pay not given"
	if o.Pay != nil {
		now = "pays " + Money(cur, *o.Pay)
		if o.Stage == model.StageOffer {
			now = "offers " + Money(cur, *o.Pay)
		}
	}
	if b.Leader {
		return fmt.Sprintf("%s leads down to %s (%s)", name(s, i), PayText(cur, b.Pay, b.Per), now)
	}
	return fmt.Sprintf("%s ties %s at %s (%s)", name(s, i), name(s, b.Rival), PayText(cur, b.Pay, b.Per), now)
}

// ShareText writes a first_share as a percentage: "62%", "<1%", ">99%".
func ShareText(share float64) string {
	switch {
	case share == 0:
		return "0%"
	case share == 1:
		return "100%"
	case share < 0.005:
		return "<1%"
	case share > 0.995:
		return ">99%"
	}
	return strconv.FormatFloat(share*100, 'f', 0, 64) + "%"
}

// FirstShareMethod says how first shares were worked out: "exact, over 5
// outcomes" or "4,000 draws, within ±0.8 points (one standard error)".
func FirstShareMethod(fs model.FirstShares) string {
	if fs.Exact {
		if fs.Outcomes == 1 {
			return "exact: no unknown or unsure rating could change who is first"
		}
		return "exact, over " + count(fs.Outcomes) + " outcomes"
	}
	return fmt.Sprintf("%s draws with a fixed seed, within ±%s points (one standard error)", count(fs.Outcomes),
		strconv.FormatFloat(fs.StandardError*100, 'f', 1, 64))
}

// FirstShareNote is the sentence under a ranking that says what FIRST
// is, how it was worked out, what it leaves out (a pay not given, which
// it counts as no income, as relief does) and the share in which nothing
// is first (every one vetoed), so that the column's sum is explained.
func FirstShareNote(s *model.State, fs model.FirstShares) string {
	text := "the share of the ways the unknown and unsure ratings could turn out in which each ranks first (" + FirstShareMethod(fs) + ")"
	if fs.None > 0 {
		text += "; in " + ShareText(fs.None) + " every one is vetoed and none is first"
	}
	var unpaid []string
	for _, r := range s.Ranked {
		if a := &s.Assessments[r.Index]; !a.Relief.PayKnown {
			unpaid = append(unpaid, name(s, r.Index))
		}
	}
	switch len(unpaid) {
	case 0:
	case 1:
		text += "; the pay of " + unpaid[0] + " is not given, and counts as no income here as in relief: explain says at what pay it would lead"
	default:
		text += fmt.Sprintf("; %d pays are not given (%s), and count as no income here as in relief: explain says at what pay each would lead",
			len(unpaid), strings.Join(unpaid, ", "))
	}
	return text + "."
}

// FirstShareText says how sure opportunity i's place is: "first in 62% of
// the ways its unknown ratings could turn out (exact, over 125 outcomes)".
func FirstShareText(s *model.State, fs model.FirstShares, i int) string {
	return fmt.Sprintf("%s is first in %s of the ways the unknown and unsure ratings could turn out (%s)", name(s, i),
		ShareText(fs.Share[i]), FirstShareMethod(fs))
}

// QuestionShareText says what an answer would do to how sure the
// opportunity's place is: "first in 30% of the ways now; 0% if the answer
// is the lowest, 75% if the highest", or "first in 30% of the ways now,
// whatever the answer".
func QuestionShareText(q *model.Question) string {
	if q.FirstShare == q.IfLow && q.FirstShare == q.IfHigh {
		return fmt.Sprintf("first in %s of the ways now, whatever the answer", ShareText(q.FirstShare))
	}
	return fmt.Sprintf("first in %s of the ways now; %s if the answer is the lowest, %s if the highest", ShareText(q.FirstShare),
		ShareText(q.IfLow), ShareText(q.IfHigh))
}

// PayUnknownNote is what a view that shows relief says of an opportunity
// whose pay is not given, and "" for one whose pay is.
func PayUnknownNote(a *model.Assessment) string {
	if a.Relief.PayKnown {
		return ""
	}
	return payUnknownWords
}

// reliefWithNote is a's relief as a number, with the pay-unknown note
// after it when its pay is not given: "24.0 (pay unknown: relief counts no
// income)".
func reliefWithNote(a *model.Assessment) string {
	if note := PayUnknownNote(a); note != "" {
		return Num(a.Relief.Value) + " (" + note + ")"
	}
	return Num(a.Relief.Value)
}

// payUnknownWords say that relief counts no income for a pay not given.
const payUnknownWords = "pay unknown: relief counts no income"

// Count writes a whole number with thousands separated: "4,000".
func Count(n int) string { return count(n) }

// count writes a whole number with thousands separated: "4,000".
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
