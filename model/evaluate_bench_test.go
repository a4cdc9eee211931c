package model

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// benchProfile is a profile the size of bench/gen's 2,000 × 30, built by
// hand: the same mix of known, unsure and unknown ratings, pay by the
// year, month and hour, and a few deal-breakers.
func benchProfile(opportunities, priorities int) *Profile {
	r := rand.New(rand.NewPCG(uint64(opportunities), uint64(priorities)))
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams()}
	p.Situation = Situation{Savings: Float(9000), MonthlyExpenses: Float(3100), MonthlyIncome: Float(600), Insured: Bool(false)}
	for i := range priorities {
		pr := Priority{ID: "p" + strconv.Itoa(i), Label: "Priority " + strconv.Itoa(i), Weight: float64(1 + r.IntN(5)), Ask: "How?"}
		if i%10 == 3 {
			pr.AtLeast = 2
		}
		if i == 1 {
			pr.FromPay = &[2]float64{40000, 90000}
		}
		p.Priorities = append(p.Priorities, pr)
	}
	today := NewDate(2026, 11, 25)
	// The stages a tracker holds many of: not the one job held now.
	stages := slices.DeleteFunc(Stages(), func(s Stage) bool { return s == StageCurrent })
	for k := range opportunities {
		o := Opportunity{Name: "Opportunity " + strconv.Itoa(k), Stage: stages[r.IntN(len(stages))],
			Pay: Float(float64(30000 + r.IntN(90000))), Starts: today.AddDays(10 + r.IntN(150)), Insurance: r.IntN(2) == 0,
			Ratings: map[string]Rating{}}
		for i, pr := range p.Priorities {
			switch x := r.IntN(10); {
			case i == 1 || x == 0:
			case x == 1:
				lo := float64(1 + r.IntN(4))
				o.Ratings[pr.ID] = Rating{lo, lo + 1}
			default:
				v := float64(2 + r.IntN(4))
				o.Ratings[pr.ID] = Rating{v, v}
			}
		}
		p.Opportunities = append(p.Opportunities, o)
	}
	return p
}

// BenchmarkEvaluate is the model's whole part of 'mutual rank' on a
// 2,000 × 30 profile: urgency, fit and relief, the ranking and the leader
// envelope.
func BenchmarkEvaluate(b *testing.B) {
	p := benchProfile(2000, 30)
	req := Request{Today: NewDate(2026, 11, 25)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(p, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunwayLeaders is the money version of the leader changes,
// which the JSON report and the leader sentences ask for.
func BenchmarkRunwayLeaders(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.RunwayLeaders()
	}
}
