package model

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// TestPropertyComfortableInsuredDeclinesAFitZeroJob holds issue 22.4's
// second clause on random searches: insured, with at least the comfortable
// runway, a sure offer at fit 0 (every rating at the bottom) and a better
// lead open (a better fit, paying more), decide never says to accept the
// fit-0 job, whenever it starts and whatever the leads' chances and dates.
// Expenses are ones the jobs cover: a fit-0 job that pays a great deal
// more than the jobs a search finds is worth taking for its money, by
// design.
func TestPropertyComfortableInsuredDeclinesAFitZeroJob(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 4))
	for trial := range trials.N(20, 60, 300) {
		expenses := 1500 + r.Float64()*2500
		runway := DefaultParams().ComfortableRunway + r.Float64()*18
		p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
			Situation:  Situation{Savings: Float(runway * expenses), MonthlyExpenses: Float(expenses), Insured: Bool(true)},
			Priorities: []Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 1}},
			Opportunities: []Opportunity{{Name: "Fit zero", Stage: StageOffer, Pay: Float(30000 + r.Float64()*50000),
				Starts: today.AddDays(r.IntN(60)), Insurance: r.IntN(2) == 0, RespondBy: today.AddDays(1 + r.IntN(14)),
				Ratings: map[string]Rating{"craft": {1, 1}, "team": {1, 1}}}},
		}
		for k := range 1 + r.IntN(3) {
			c := float64(2 + r.IntN(4))
			p.Opportunities = append(p.Opportunities, Opportunity{Name: fmt.Sprintf("lead %d", k),
				Stage: []Stage{StageApplied, StageInterviewing, StageFinal}[r.IntN(3)], Chance: Float(r.Float64()),
				Pay: Float(80000 + r.Float64()*70000), Insurance: r.IntN(3) > 0, DecisionExpected: today.AddDays(3 + r.IntN(90)),
				Ratings: map[string]Rating{"craft": {c, c}, "team": {float64(1 + r.IntN(5)), float64(1 + r.IntN(5))}}})
		}
		_, d := decideAt(t, p, Request{})
		if d.Verdict.Action == ActionAccept && d.Verdict.Offer == 0 {
			t.Errorf("trial %d: runway %.1f months, insured: told to accept the fit-0 job (%+v)", trial, runway, d.Verdict)
		}
	}
}
