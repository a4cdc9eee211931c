package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// This file turns model numbers into the words every view shares, so the
// table, the explanation and the dashboard say the same thing the same way.

// MoneyGap is Money for an amount of savings between here and a change:
// in cents below one unit, so that a change 31 cents away reads as
// "$0.31 more", not "$0 more".
func MoneyGap(currency string, v float64) string {
	if a := math.Abs(v); a > 0 && a < 1 {
		return strings.Replace(Money(currency, 0), "0", strconv.FormatFloat(a, 'f', 2, 64), 1)
	}
	return Money(currency, v)
}

// Money writes an amount in the profile's currency, rounded to whole units:
// "$2,300", "€1,200", "1,200 CHF".
func Money(currency string, v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return "unbounded"
	}
	neg := v < 0
	n := strconv.FormatInt(int64(math.Round(math.Abs(v))), 10)
	for i := len(n) - 3; i > 0; i -= 3 {
		n = n[:i] + "," + n[i:]
	}
	sign := ""
	if neg && n != "0" {
		sign = "−"
	}
	switch strings.ToUpper(currency) {
	case "USD", "CAD", "AUD", "NZD", "":
		return sign + "$" + n
	case "EUR":
		return sign + "€" + n
	case "GBP":
		return sign + "£" + n
	case "JPY":
		return sign + "¥" + n
	}
	return sign + n + " " + Clean(currency)
}

// farMonths is how far ahead, in months, the words count: a runway or a
// wait longer than a century is "more than 100 years", not a count of
// months or a date millions of years away.
const farMonths = 1200

// Months writes a runway: "3.6 months", "1 month", "more than 100
// years", "unbounded".
func Months(v float64) string {
	if math.IsInf(v, 1) {
		return "unbounded"
	}
	if v > farMonths {
		return "more than 100 years"
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "1.0" {
		return "1 month"
	}
	if v > 0 && v < 1 {
		// "0.1 months" is hard to picture; a count of days is not.
		days := math.Round(v * 365.25 / 12)
		if days == 1 {
			return s + " months (about 1 day)"
		}
		return s + " months (about " + strconv.FormatFloat(days, 'f', 0, 64) + " days)"
	}
	return s + " months"
}

// Num writes a score, a fit or a relief with one decimal, as every view
// shows them: "62.6".
func Num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// Urgency writes an urgency with two decimals, as every view shows it and
// as --urgency takes it back: "0.55".
func Urgency(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// name is an opportunity's name, cleaned for a terminal.
func name(s *model.State, i int) string { return Clean(s.Assessments[i].Name) }

// UrgencySource says where the urgency in force comes from, in a few words.
func UrgencySource(s *model.State) string {
	u := s.Urgency
	switch u.Source {
	case model.SourceDerived:
		if !s.Request.WhatIf.Situation.IsZero() {
			return "derived from what-if savings"
		}
		return "derived"
	case model.SourceProfile:
		return "fixed in the profile"
	case model.SourceScenario:
		return "fixed by the scenario"
	case model.SourceFlag:
		return "set by --urgency"
	case model.SourceWhatIf:
		return "what-if"
	}
	return string(u.Source)
}

// urgencyParts describes the facts behind urgency: "runway 3.6 months,
// uninsured".
func urgencyParts(s *model.State) string {
	u := s.Urgency
	cover := "insured"
	if u.Cover > 0 {
		cover = "uninsured"
	}
	return runsOutWords(s) + ", " + cover
}

// urgencyLine is the one-line urgency summary every view starts with:
// "urgency 0.55 (derived: runway 3.6 months, uninsured)", followed by the
// scenario in force, if any.
func urgencyLine(s *model.State) string {
	line := UrgencySummary(s)
	if s.Request.Scenario != "" {
		line += " · scenario " + strconv.Quote(s.Request.Scenario)
	}
	return line
}

// UrgencySummary is the urgency in force with where it comes from and the
// facts behind it, for the dashboard's header, which shows the scenario
// on a line of its own: "urgency 0.55 (derived: runway 3.6 months,
// uninsured)"; a fixed urgency adds what the derived one would be.
func UrgencySummary(s *model.State) string {
	u := s.Urgency
	line := "urgency " + Urgency(u.Value) + " (" + UrgencySource(s) + ": " + urgencyParts(s)
	if !u.IsDerived() {
		line += "; derived would be " + Urgency(u.Derived)
	}
	return line + ")"
}

// Reasons says why an opportunity is vetoed or at risk, one phrase a flag:
// "manager rated 1, below its floor of 2". It is empty, not nil, for one
// with no flag, so the JSON says [].
func Reasons(a *model.Assessment) []string {
	out := []string{}
	for _, f := range a.Flags {
		if f.Veto {
			out = append(out, fmt.Sprintf("%s rated %s, below its floor of %s", Clean(f.Priority), f.Rating, trim(f.AtLeast)))
		}
	}
	for _, f := range a.Flags {
		if !f.Veto {
			what := "rated " + f.Rating.String()
			if f.From == model.FromUnknown {
				what = "unknown"
			}
			out = append(out, fmt.Sprintf("%s %s; could be below its floor of %s", Clean(f.Priority), what, trim(f.AtLeast)))
		}
	}
	if f := a.FollowUp; f != nil {
		out = append(out, FollowUpText(f))
	}
	return out
}

// ShortReasons are Reasons in the fewest words, for a ranking's last
// column: "manager 1, needs 2" for a veto, "manager not rated" for an
// unknown that could fall below its floor, "manager 1–3, needs 2" for a
// range that could, and "follow
// up: 55 days quiet" for a follow-up (which, as in Reasons, begins with its
// marker). The details and explain give them in
// full.
func ShortReasons(a *model.Assessment) []string {
	out := []string{}
	for _, f := range a.Flags {
		if f.Veto {
			out = append(out, fmt.Sprintf("%s %s, needs %s", Clean(f.Priority), f.Rating, trim(f.AtLeast)))
		}
	}
	for _, f := range a.Flags {
		if !f.Veto {
			what := f.Rating.String() + ", needs " + trim(f.AtLeast)
			if f.From == model.FromUnknown {
				what = "not rated"
			}
			out = append(out, Clean(f.Priority)+" "+what)
		}
	}
	if f := a.FollowUp; f != nil {
		out = append(out, fmt.Sprintf("follow up: %d days quiet", f.Days))
	}
	return out
}

// FollowUpText says why an opportunity is flagged follow up.
func FollowUpText(f *model.FollowUp) string {
	return fmt.Sprintf("follow up: %s, no move since %s (%d days)", f.Stage, f.Since, f.Days)
}

// Marker is the short flag a ranking shows beside an opportunity:
// "vetoed", "at risk", "follow up" or "". A follow-up's reason begins
// with its marker, so a ranking that writes the reasons leaves it out.
func Marker(a *model.Assessment) string {
	switch {
	case a.Vetoed():
		return "vetoed"
	case a.AtRisk():
		return "at risk"
	case a.FollowUp != nil:
		return "follow up"
	}
	return ""
}

func trim(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// FitTextWidth is Width(FitText(f)), worked out without writing the text,
// since the ranking measures every row's fit after each weight what-if:
// the numbers are ASCII and the dash one cell.
func FitTextWidth(f model.Fit) int {
	nv := oneDecimalWidth(f.Value)
	// Equal numbers of one sign write alike (−0 and +0 do not); numbers
	// more than a tenth apart never do.
	if f.Low == f.High && math.Signbit(f.Low) == math.Signbit(f.High) {
		return nv
	}
	if d := f.High - f.Low; d > 0.11 || d < -0.11 {
		return nv + len(" (") + oneDecimalWidth(f.Low) + 1 + oneDecimalWidth(f.High) + len(")")
	}
	var lo, hi [24]byte
	l := strconv.AppendFloat(lo[:0], f.Low, 'f', 1, 64)
	h := strconv.AppendFloat(hi[:0], f.High, 'f', 1, 64)
	if string(l) == string(h) {
		return nv
	}
	return nv + len(" (") + len(l) + 1 + len(h) + len(")")
}

// oneDecimalWidth is len(strconv.FormatFloat(x, 'f', 1, 64)), counted
// rather than written away from where rounding adds a digit (9.95, 99.95,
// 999.95) or a sign (−0).
func oneDecimalWidth(x float64) int {
	switch {
	case math.Signbit(x):
	case x < 9.9:
		return 3
	case x >= 10 && x < 99.9:
		return 4
	case x >= 100 && x < 999.9:
		return 5
	}
	var b [32]byte
	return len(strconv.AppendFloat(b[:0], x, 'f', 1, 64))
}

// FitText writes fit with its interval when it has one: "78.8 (72.5–85.0)".
func FitText(f model.Fit) string {
	if Num(f.Low) == Num(f.High) {
		return Num(f.Value)
	}
	return Num(f.Value) + " (" + Num(f.Low) + "–" + Num(f.High) + ")"
}

// leaderSentences are the product's central sentences: who leads now, and
// at what runway (and savings) the answer would change. They are empty when
// urgency does not follow the money.
func leaderSentences(s *model.State) []string {
	spans := s.RunwayLeaders()
	if len(spans) == 0 {
		return nil
	}
	cur := s.Currency()
	R0 := s.Urgency.RunwayMonths
	var out []string
	for k, sp := range spans {
		who := name(s, sp.Leader)
		switch {
		case R0 >= sp.From && R0 < sp.To:
			if len(spans) == 1 {
				out = append(out, who+" leads at any runway: no amount of savings changes the leader"+urgencyOnlyNote(s)+".")
			}
		case sp.From > R0:
			more := sp.SavingsFrom - savingsToday(s)
			text := fmt.Sprintf("%s leads while runway is above %s (about %s more savings)", who, Months(sp.From), MoneyGap(cur, more))
			if !math.IsInf(sp.To, 1) {
				text = fmt.Sprintf("%s leads while runway is between %s and %s (about %s more savings)", who, strconv.FormatFloat(sp.From, 'f', 1, 64), Months(sp.To), MoneyGap(cur, more))
			}
			out = append(out, text+".")
		default:
			less := savingsToday(s) - sp.SavingsTo
			text := fmt.Sprintf("%s would lead once runway falls below %s (about %s less savings)", who, Months(sp.To), MoneyGap(cur, less))
			if k > 0 {
				text = fmt.Sprintf("%s would lead with runway between %s and %s (about %s less savings)", who, strconv.FormatFloat(sp.From, 'f', 1, 64), Months(sp.To), MoneyGap(cur, less))
			}
			out = append(out, text+".")
		}
	}
	return out
}

// dealBreakers says, for every priority with a floor, whether opportunity
// i clears it: "A manager I'd want to work with at least 2; rated 3–5:
// clear".
func dealBreakers(s *model.State, i int) []string {
	a := &s.Assessments[i]
	var out []string
	for k, pr := range s.Profile.Priorities {
		if pr.AtLeast <= 0 {
			continue
		}
		t := a.Fit.Terms[k]
		verdict := "clear"
		for _, f := range a.Flags {
			if f.Priority == pr.ID {
				verdict = "at risk: the rating could be below it"
				if f.Veto {
					verdict = "VETOED: the rating is below it"
				}
			}
		}
		out = append(out, fmt.Sprintf("%s at least %s; rated %s: %s", Clean(pr.Name()), trim(pr.AtLeast), t.Rating, verdict))
	}
	return out
}

// crossing is one place where opportunity i swaps places with another: the
// urgency, in words, and the same swap in money when savings move the
// urgency.
type crossing struct {
	// Urgency reads "with Acme Logistics at urgency 0.43 (both 62.6):
	// Globex ahead below, Acme Logistics above".
	Urgency string
	// Money reads "Globex ahead while runway is above 4.5 months (savings
	// $11,324, $2,324 more than now)", one line a runway crossing.
	Money []string
}

// crossings lists where opportunity i crosses each other open opportunity
// between urgency 0 and 1, in urgency order.
func crossings(s *model.State, i int) []crossing {
	cur := s.Currency()
	var out []crossing
	for _, c := range s.Crossings(i) {
		below, above := c.AheadBelow, c.Other
		if below == c.Other {
			above = i
		}
		x := crossing{Urgency: fmt.Sprintf("with %s at urgency %s (both %s): %s ahead below, %s above", name(s, c.Other), Urgency(c.Urgency),
			Num(c.Score), name(s, below), name(s, above))}
		for _, rc := range s.RunwayCrossings(i, c.Other) {
			x.Money = append(x.Money, fmt.Sprintf("%s ahead while runway is above %s (savings %s, %s)", name(s, rc.AheadAbove),
				Months(rc.Months), Money(cur, rc.Savings), moneyDelta(cur, rc.Savings-val(s.Situation.Savings))))
		}
		out = append(out, x)
	}
	return out
}

// reliefTerm is one of the four terms of an opportunity's relief.
type reliefTerm struct {
	// name is "income", "timeliness", "lasting" or "coverage".
	Name string
	// Value is the term, 0..1; Share its weight in the mean, 0..1.
	Value, Share float64
	// Counted is false for coverage when the person is already insured.
	Counted bool
	// Words say where the value comes from: "permanent", "first pay in
	// 2.0 months (…) vs runway 3.6 months".
	Words string
}

// reliefTerms lists opportunity i's relief terms in the order explain
// shows them.
func reliefTerms(s *model.State, i int) []reliefTerm {
	a := &s.Assessments[i]
	r := a.Relief
	pm := s.Profile.Params
	o := &s.Profile.Opportunities[a.Index]
	wsum := pm.WeightIncome + pm.WeightTimeliness + pm.WeightLasting
	if r.CoverageCounted {
		wsum += pm.WeightCoverage
	}
	share := func(w float64) float64 {
		if wsum <= 0 {
			return 0
		}
		return w / wsum
	}
	out := []reliefTerm{
		{"income", r.Income, share(pm.WeightIncome), true, incomeWords(s, o, r)},
		{"timeliness", r.Timeliness, share(pm.WeightTimeliness), true, timelyWords(s, o, r)},
		{"lasting", r.Lasting, share(pm.WeightLasting), true, lastingWords(o, pm)},
		{"coverage", r.Coverage, share(pm.WeightCoverage), true, coverWords(o, pm)},
	}
	if !r.CoverageCounted {
		out[3] = reliefTerm{Name: "coverage", Words: "already insured: not counted"}
	}
	return out
}

// percent writes a share of 0..1 as a whole percentage: "40%".
func percent(share float64) string { return strconv.FormatFloat(share*100, 'f', 0, 64) + "%" }

// leaderName is opportunity i's name as the header's trade-off names a
// leader: an offer in hand by its name alone, anything else with what
// sets it apart, that it is not an offer yet and its chance, so that a
// process still deciding is not read as a job to take: "Globex (no offer
// yet, chance 0.50)", or with terse "Globex (chance 0.50)".
func leaderName(s *model.State, i int, terse bool) string {
	a := &s.Assessments[i]
	if a.Stage == model.StageOffer || a.Stage == model.StageAccepted {
		return name(s, i)
	}
	chance := "chance " + strconv.FormatFloat(a.Relief.Chance, 'f', 2, 64)
	if terse {
		return name(s, i) + " (" + chance + ")"
	}
	return name(s, i) + " (no offer yet, " + chance + ")"
}

// WhatIfWords names the what-ifs in force that a save would write:
// "urgency 0.60", "savings $11,500", "weight strengths 6", or several.
func WhatIfWords(s *model.State) string {
	w := s.Request.WhatIf
	var parts []string
	if w.Situation.Savings != nil {
		parts = append(parts, "savings "+Money(s.Currency(), *w.Situation.Savings))
	}
	if w.Urgency != nil {
		parts = append(parts, "urgency "+Urgency(*w.Urgency))
	}
	for _, pr := range s.Profile.Priorities {
		if v, ok := w.Weights[pr.ID]; ok {
			parts = append(parts, "weight "+Clean(pr.ID)+" "+Weight(v))
		}
	}
	if len(parts) == 0 {
		return "the what-ifs"
	}
	return strings.Join(parts, " and ")
}

// savingsToday is the savings the runway map measures from: runway × burn
// as it always was, or the savings themselves on a dated ledger, where
// runway is not savings / burn.
func savingsToday(s *model.State) float64 {
	if s.Ledger.Dated() {
		return savings(s)
	}
	return s.Urgency.RunwayMonths * s.Urgency.Burn
}
