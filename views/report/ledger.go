package report

import (
	"fmt"
	"math"
	"strings"

	"mutual/model"
)

// This file says a dated ledger in words: what happens to the money on a
// course, day by day, until its first paycheck ("the unemployment
// benefits stop on 2027-01-10; the money runs out on 2027-02-01; Hospital
// would pay from 2027-02-02").

// pathStory tells path p's money until its first paycheck, and what is
// short or left then.
func pathStory(s *model.State, p model.MoneyPath) string {
	cur := s.Currency()
	var parts []string
	pays := ""
	switch {
	case p.Kind == model.PathSearch:
		pays = "a job found by searching would pay, on average, from " + p.PaysFrom.String()
	case p.Kind == model.PathHoldOut:
		pays = name(s, p.Index) + " would pay from " + p.PaysFrom.String()
	default:
		pays = name(s, p.Index) + " pays from " + p.PaysFrom.String()
	}
	for _, l := range p.Ledger(p.PayMonths) {
		if l.Months > p.PayMonths || l.Kind == model.LinePay {
			continue
		}
		if w := lineWords(s, cur, l); w != "" {
			parts = append(parts, w)
		}
	}
	if short := p.ShortBefore(p.PayMonths); short > 0 {
		pays += ", " + Money(cur, short) + " short by then"
	} else {
		pays += fmt.Sprintf(", with %s left then", Money(cur, p.Savings(p.PayMonths)))
	}
	parts = append(parts, pays)
	for _, l := range p.Ledger(p.PayMonths + 24) {
		if l.Kind == model.LineClawback {
			parts = append(parts, fmt.Sprintf("at this fit the model expects the job left about %s, within its clawback, repaying the signing bonus (%s)", l.On, Money(cur, -l.Amount)))
		}
	}
	return strings.Join(parts, "; ")
}

// lineWords is one ledger line in words, or "" for one that says nothing
// by itself (the savings, the months between).
func lineWords(s *model.State, cur string, l model.LedgerLine) string {
	held := ""
	if h := s.Profile.CurrentJob(); h >= 0 {
		held = s.Profile.Opportunities[h].Name
	}
	switch l.Kind {
	case model.LineIncomeStops:
		if l.Name == "monthly_income" {
			return "the monthly income stops on " + l.On.String()
		}
		if held != "" && l.Name == held {
			return fmt.Sprintf("%s's pay stops on %s", Clean(l.Name), l.On)
		}
		return fmt.Sprintf("the %s stop on %s", Clean(l.Name), l.On)
	case model.LineIncomeStarts:
		if l.Name == "monthly_income" {
			return fmt.Sprintf("the monthly income starts on %s (%s a month)", l.On, Money(cur, l.Monthly))
		}
		return fmt.Sprintf("the %s start on %s (%s a month)", Clean(l.Name), l.On, Money(cur, l.Monthly))
	case model.LineCash:
		if l.Amount >= 0 {
			return fmt.Sprintf("%s brings %s on %s", Clean(l.Name), Money(cur, l.Amount), l.On)
		}
		return fmt.Sprintf("%s takes %s on %s", Clean(l.Name), Money(cur, -l.Amount), l.On)
	case model.LineUpfront:
		return fmt.Sprintf("%s's upfront cost takes %s on %s", Clean(l.Name), Money(cur, -l.Amount), l.On)
	case model.LineMonthlyCost:
		return fmt.Sprintf("%s costs %s a month from %s", Clean(l.Name), Money(cur, -l.Monthly), l.On)
	case model.LineBonus:
		return fmt.Sprintf("%s's signing bonus brings %s after tax on %s", Clean(l.Name), Money(cur, l.Amount), l.On)
	case model.LineRunsOut:
		return "the money runs out on " + l.On.String()
	}
	return ""
}

// runsOutWords is "runway 1.9 months (the money runs out on 2027-02-02)"
// on a dated ledger, and "runway 1.9 months" otherwise.
func runsOutWords(s *model.State) string {
	u := s.Urgency
	out := "runway " + Months(u.RunwayMonths)
	if s.Ledger.Dated() && !math.IsInf(u.RunwayMonths, 1) {
		out += " (the money runs out on " + u.RunsOut.String() + ")"
	}
	return out
}

// datedHoldOutMoney is holdOutMoney on a dated ledger: the hold-out path
// (or the search's) runs out on its own day, and its words say what
// happens before its first paycheck.
func datedHoldOutMoney(s *model.State, d *model.Decision) (string, bool) {
	var held, search *model.MoneyPath
	paths := d.Paths()
	for k := range paths {
		switch {
		case paths[k].Kind == model.PathHoldOut && paths[k].Index == d.Verdict.WaitingFor:
			held = &paths[k]
		case paths[k].Kind == model.PathSearch:
			search = &paths[k]
		}
	}
	if held == nil {
		held = search
	}
	if held == nil || !held.Dated() {
		return "", false
	}
	return upperFirst(pathStory(s, *held)) + ".", true
}

// ledgerRows are explain's lines for a dated ledger, or for an
// opportunity that adds money of its own: each dated line of taking
// opportunity i until a month past its first paycheck, with the balance
// after it.
func ledgerRows(s *model.State, i int) []string {
	cur := s.Currency()
	var out []string
	for _, l := range s.LedgerOf(i, s.Assessments[i].Relief.MonthsToPay+1) {
		what := lineWords(s, cur, l)
		switch l.Kind {
		case model.LineSavings:
			what = "savings today"
		case model.LineFlow:
			what = "income less expenses since the line before"
		case model.LinePay:
			what = fmt.Sprintf("%s pays %s a month after tax", Clean(l.Name), Money(cur, l.Monthly))
		case model.LineClawback:
			what = fmt.Sprintf("leaving %s within its clawback repays the signing bonus", Clean(l.Name))
		case model.LineEnd:
			what = "a month after the first paycheck"
		}
		if l.Amount != 0 && l.Kind != model.LineSavings {
			what += " (" + signedMoney(cur, l.Amount) + ")"
		}
		out = append(out, fmt.Sprintf("%s  %s; balance %s", l.On, what, Money(cur, l.Balance)))
	}
	return out
}

// hasOwnMoney reports whether opportunity i adds money to the ledger.
func hasOwnMoney(o *model.Opportunity) bool {
	return o.SigningBonus != nil && *o.SigningBonus != 0 || o.UpfrontCost != 0 || o.MonthlyCost != 0
}

// signedMoney is an amount with its sign: "+$750", "−$1,800".
func signedMoney(cur string, v float64) string {
	if v < 0 {
		return "−" + Money(cur, -v)
	}
	return "+" + Money(cur, v)
}

// bonusSentence says the bonus lever: what to ask for and what it is
// worth.
func bonusSentence(s *model.State, o *model.OfferAdvice, l *model.Lever) string {
	cur := s.Currency()
	offered := "it offers none"
	if b := s.Profile.Opportunities[o.Index].SigningBonus; b != nil && *b > 0 {
		offered = "it offers " + Money(cur, *b)
	}
	return fmt.Sprintf("Ask %s for a signing bonus of %s: with it, accepting is the best course (%s).",
		name(s, o.Index), Money(cur, l.Amount), offered)
}

// bonusAloud phrases the bonus lever to say to the employer.
func bonusAloud(s *model.State, l *model.Lever) string {
	return fmt.Sprintf("“I'd like to say yes, and the timing is hard for me: my first paycheck is weeks away. "+
		"A signing bonus of %s, paid with the first check, would let me accept now. Is that possible?”", Money(s.Currency(), l.Amount))
}
