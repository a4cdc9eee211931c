package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomLedgerDecision is a random search (randomDecideProfile) with a
// random dated ledger and random money on its offers and processes.
func randomLedgerDecision(r *rand.Rand) *Profile {
	p := randomDecideProfile(r)
	l := randomLedger(r)
	p.Incomes, p.Cash = l.Incomes, l.Cash
	p.Situation.Savings = Float(r.Float64() * 6000)
	for k := range p.Opportunities {
		o := &p.Opportunities[k]
		if r.IntN(2) == 0 {
			o.SigningBonus = Float(float64(r.IntN(4000)))
		}
		if r.IntN(3) == 0 {
			o.SigningBonusDays = Float(float64(r.IntN(60)))
		}
		if r.IntN(3) == 0 {
			o.ClawbackMonths = Float(float64(r.IntN(25)))
		}
		if r.IntN(2) == 0 {
			o.UpfrontCost = float64(r.IntN(3000))
		}
		if r.IntN(2) == 0 {
			o.MonthlyCost = float64(r.IntN(500))
		}
	}
	return p
}

// cloneMoney is p with its ledger and opportunities copied, to change one.
func cloneMoney(p *Profile) *Profile {
	q := *p
	q.Incomes, q.Cash = slices.Clone(p.Incomes), slices.Clone(p.Cash)
	q.Opportunities = slices.Clone(p.Opportunities)
	return &q
}

// moneyMove makes one change that can only add money: a bigger bonus, a
// later until, a bigger income or sum in, a smaller cost or sum out. It
// says what it did, or "" when the profile has nothing of that sort.
func moneyMove(r *rand.Rand, p *Profile) string {
	switch r.IntN(6) {
	case 0:
		o := &p.Opportunities[r.IntN(len(p.Opportunities))]
		o.SigningBonus = Float(val(o.SigningBonus) + 1 + float64(r.IntN(3000)))
		return "a bigger bonus"
	case 1:
		for k := range p.Incomes {
			if !p.Incomes[k].Until.IsZero() {
				p.Incomes[k].Until = p.Incomes[k].Until.AddDays(1 + r.IntN(90))
				return "a later until"
			}
		}
	case 2:
		if len(p.Incomes) > 0 {
			p.Incomes[r.IntN(len(p.Incomes))].Monthly += 1 + float64(r.IntN(800))
			return "a bigger income"
		}
	case 3:
		if len(p.Cash) > 0 {
			p.Cash[r.IntN(len(p.Cash))].Amount += 1 + float64(r.IntN(3000))
			return "a bigger sum in"
		}
	case 4:
		o := &p.Opportunities[r.IntN(len(p.Opportunities))]
		if o.UpfrontCost > 0 {
			o.UpfrontCost *= r.Float64()
			return "a smaller upfront cost"
		}
	case 5:
		o := &p.Opportunities[r.IntN(len(p.Opportunities))]
		if o.MonthlyCost > 0 {
			o.MonthlyCost *= r.Float64()
			return "a smaller monthly cost"
		}
	}
	return ""
}

// TestPropertyMoreMoneyIsNeverWorse: over random ledgers, a bigger bonus,
// a later until, a bigger inflow or a smaller cost never lowers the value
// of a course (accepting any offer, holding, searching on, the verdict)
// nor brings the day the money runs out sooner, with no new job or on any
// path.
func TestPropertyMoreMoneyIsNeverWorse(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 5))
	n := 400
	if testing.Short() {
		n = 100
	}
	const tol = 1e-7
	for trial := 0; trial < n; {
		p := randomLedgerDecision(r)
		q := cloneMoney(p)
		what := moneyMove(r, q)
		if what == "" {
			continue
		}
		trial++
		s1, d1 := briefAt(t, p)
		s2, d2 := briefAt(t, q)
		if s2.Urgency.RunwayMonths < s1.Urgency.RunwayMonths-tol {
			t.Fatalf("trial %d, %s: runway %v → %v", trial, what, s1.Urgency.RunwayMonths, s2.Urgency.RunwayMonths)
		}
		if d2.Verdict.Value < d1.Verdict.Value-tol {
			t.Fatalf("trial %d, %s: verdict value %v → %v", trial, what, d1.Verdict.Value, d2.Verdict.Value)
		}
		for k := range d1.Offers {
			a, b := &d1.Offers[k], &d2.Offers[k]
			for _, v := range [][3]any{{"accept", a.Accept, b.Accept}, {"search", a.Search, b.Search}, {"wait", a.Wait, b.Wait}} {
				x, y := v[1].(float64), v[2].(float64)
				if !math.IsNaN(x) && y < x-tol*math.Max(1, math.Abs(x)) {
					t.Fatalf("trial %d, %s: %s of %s %v → %v", trial, what, v[0], s1.Assessments[a.Index].Name, x, y)
				}
			}
		}
		paths2 := d2.Paths()
		for _, a := range d1.Paths() {
			for _, b := range paths2 {
				if a.Kind == b.Kind && a.Index == b.Index && b.RunsOutMonths() < a.RunsOutMonths()-tol {
					t.Fatalf("trial %d, %s: path %s/%d runs out at %v, then %v", trial, what, a.Kind, a.Index, a.RunsOutMonths(), b.RunsOutMonths())
				}
			}
		}
	}
}

func briefAt(t *testing.T, p *Profile) (*State, *Decision) {
	t.Helper()
	s, err := Evaluate(p, Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return s, DecideBrief(s)
}
