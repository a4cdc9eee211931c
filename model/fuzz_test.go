package model

import (
	"math"
	"testing"
)

// FuzzEvaluate scores two opportunities built from arbitrary numbers (as a
// profile that passed validation could hold them) and checks what must
// hold whatever the numbers: finite scores in 0..100, a sorted ranking,
// leader changes inside (0, 1) that agree with the ranking, runway
// crossings where the scores really are equal, and a decision whose values
// are finite and whose advice is the best of them.
func FuzzEvaluate(f *testing.F) {
	f.Add(9000.0, 3100.0, 600.0, 4.0, 2.0, 52000.0, 68000.0, 0.5, 14.0, 30.0, 6.0, false)
	f.Add(0.0, 0.0, 0.0, 1.0, 5.0, 0.0, 1e9, 0.0, 0.0, 0.0, 0.0, true)
	f.Fuzz(func(t *testing.T, savings, expenses, income, r1, r2, pay1, pay2, chance, paydays, startdays, contract float64, insured bool) {
		money := func(v float64) float64 {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0
			}
			return math.Min(math.Abs(v), 1e12)
		}
		rating := func(v float64) float64 {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 3
			}
			return 1 + math.Mod(math.Abs(v), 4)
		}
		days := func(v float64) float64 { return math.Min(money(v), 3650) }
		p := &Profile{Scale: 5, Params: DefaultParams(),
			Situation:  Situation{Savings: Float(money(savings)), MonthlyExpenses: Float(money(expenses)), MonthlyIncome: Float(money(income)), Insured: Bool(insured)},
			Priorities: []Priority{{ID: "a", Weight: 2, AtLeast: 2}, {ID: "b", Weight: 1, FromPay: &[2]float64{30000, 90000}}},
			Opportunities: []Opportunity{
				{Name: "one", Stage: StageOffer, Pay: Float(money(pay1)), Starts: today.AddDays(int(days(startdays))), FirstPaycheckDays: Float(days(paydays)),
					Ratings: map[string]Rating{"a": {rating(r1), rating(r1)}}, ContractMonths: math.Min(money(contract), 1200), Insurance: true},
				{Name: "two", Stage: StageFinal, Pay: Float(money(pay2)), Chance: Float(math.Min(money(chance), 1)),
					DecisionExpected: today.AddDays(int(days(paydays + startdays))),
					Ratings:          map[string]Rating{"a": {math.Min(rating(r1), rating(r2)), math.Max(rating(r1), rating(r2))}}},
			}}
		if int(days(contract))%2 == 0 {
			p.Opportunities[0].RespondBy = today.AddDays(int(days(contract)) % 60)
		}
		s, err := Evaluate(p, Request{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Assessments {
			for _, v := range []float64{a.Fit.Value, a.Fit.Low, a.Fit.High, a.Relief.Value, a.Score(s.Urgency.Value)} {
				if math.IsNaN(v) || v < -1e-9 || v > 100+1e-9 {
					t.Fatalf("number out of 0..100: %v in %+v", v, a)
				}
			}
		}
		for _, c := range s.LeaderChanges {
			if !(c.Urgency > 0 && c.Urgency < 1) {
				t.Fatalf("change at %v", c.Urgency)
			}
			if s.WithUrgency(c.Urgency+1e-6, SourceFlag).Leader() != c.To {
				t.Fatalf("change %+v disagrees with the ranking above it", c)
			}
		}
		if len(s.Ranked) == 2 {
			for _, c := range s.RunwayCrossings(s.Ranked[0].Index, s.Ranked[1].Index) {
				d := s.ScoreAtRunway(0, c.Months) - s.ScoreAtRunway(1, c.Months)
				if math.IsNaN(d) || math.Abs(d) > 1e-6*math.Max(1, c.Months) {
					t.Fatalf("scores differ by %v at the runway crossing %v", d, c.Months)
				}
			}
		}
		s.RunwayLeaders()

		// decide: every value finite, at most one offer accepted, and the
		// advice the best of its values.
		d := Decide(s)
		accepts := 0
		for _, o := range d.Offers {
			for _, v := range []float64{o.Accept, o.BridgeValue, o.Search, o.Decline} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("decide value %v in %+v", v, o)
				}
			}
			if o.Advice == AdviceAccept {
				accepts++
				if math.Max(o.Accept, o.BridgeValue) < math.Max(o.Search, o.Decline)-1e-6 {
					t.Fatalf("accepted at %v below %+v", o.Accept, o)
				}
			}
		}
		if accepts > 1 || math.IsNaN(d.Verdict.Value) {
			t.Fatalf("verdict %+v with %d accepts", d.Verdict, accepts)
		}
	})
}
