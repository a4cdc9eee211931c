package views

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// This file turns model numbers into the words every view shares, so the
// table, the explanation and the dashboard say the same thing the same way.

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

// Months writes a runway: "3.6 months", "1 month", "unbounded".
func Months(v float64) string {
	if math.IsInf(v, 1) {
		return "unbounded"
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "1.0" {
		return "1 month"
	}
	return s + " months"
}

// Num writes a score-like number with one decimal.
func Num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// U writes an urgency with two decimals.
func U(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// Name is an opportunity's name, cleaned for a terminal.
func Name(s *model.State, i int) string { return Clean(s.Assessments[i].Name) }

// UrgencySource says where the urgency in force comes from, in a few words.
func UrgencySource(s *model.State) string {
	u := s.Urgency
	switch u.Source {
	case model.SourceDerived:
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

// UrgencyParts describes the facts behind urgency: "runway 3.6 months,
// uninsured".
func UrgencyParts(s *model.State) string {
	u := s.Urgency
	cover := "insured"
	if u.Cover > 0 {
		cover = "uninsured"
	}
	return "runway " + Months(u.RunwayMonths) + ", " + cover
}

// UrgencyLine is the one-line urgency summary every view starts with:
// "urgency 0.55 (derived: runway 3.6 months, uninsured)".
func UrgencyLine(s *model.State) string {
	u := s.Urgency
	line := "urgency " + U(u.Value) + " (" + UrgencySource(s) + ": " + UrgencyParts(s)
	if !u.IsDerived() {
		line += "; derived would be " + U(u.Derived)
	}
	line += ")"
	if s.Request.Scenario != "" {
		line += " · scenario " + strconv.Quote(s.Request.Scenario)
	}
	return line
}

// Reasons says why an opportunity is vetoed or at risk, one phrase a flag.
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
			if f.Rating.Low == 1 && f.Rating.High == float64(int(f.Rating.High)) && isUnknown(a, f.Priority) {
				what = "unknown"
			}
			out = append(out, fmt.Sprintf("%s %s; could be below its floor of %s", Clean(f.Priority), what, trim(f.AtLeast)))
		}
	}
	return out
}

func isUnknown(a *model.Assessment, id string) bool {
	for _, t := range a.Fit.Terms {
		if t.Priority == id {
			return t.From == model.FromUnknown
		}
	}
	return false
}

// Marker is the short flag a table shows: "vetoed", "at risk" or "".
func Marker(a *model.Assessment) string {
	switch {
	case a.Vetoed():
		return "vetoed"
	case a.AtRisk():
		return "at risk"
	}
	return ""
}

func trim(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// FitText writes fit with its interval when it has one: "78.8 (72.5–85.0)".
func FitText(f model.Fit) string {
	if Num(f.Low) == Num(f.High) {
		return Num(f.Value)
	}
	return Num(f.Value) + " (" + Num(f.Low) + "–" + Num(f.High) + ")"
}

// LeaderSentences are the product's central sentences: who leads now, and
// at what runway (and savings) the answer would change. They are empty when
// urgency does not follow the money.
func LeaderSentences(s *model.State) []string {
	spans := s.RunwayLeaders()
	if len(spans) == 0 {
		return nil
	}
	cur := s.Currency()
	R0 := s.Urgency.RunwayMonths
	var out []string
	for k, sp := range spans {
		name := Name(s, sp.Leader)
		switch {
		case R0 >= sp.From && R0 < sp.To:
			if len(spans) == 1 {
				out = append(out, name+" leads at any runway: no amount of savings changes the leader.")
			}
		case sp.From > R0:
			more := sp.SavingsFrom - s.Urgency.RunwayMonths*s.Urgency.Burn
			text := fmt.Sprintf("%s leads while runway is above %s (about %s more savings)", name, Months(sp.From), Money(cur, more))
			if !math.IsInf(sp.To, 1) {
				text = fmt.Sprintf("%s leads while runway is between %s and %s (about %s more savings)", name, strconv.FormatFloat(sp.From, 'f', 1, 64), Months(sp.To), Money(cur, more))
			}
			out = append(out, text+".")
		default:
			less := s.Urgency.RunwayMonths*s.Urgency.Burn - sp.SavingsTo
			text := fmt.Sprintf("%s would lead once runway falls below %s (about %s less savings)", name, Months(sp.To), Money(cur, less))
			if k > 0 {
				text = fmt.Sprintf("%s would lead with runway between %s and %s (about %s less savings)", name, strconv.FormatFloat(sp.From, 'f', 1, 64), Months(sp.To), Money(cur, less))
			}
			out = append(out, text+".")
		}
	}
	return out
}
