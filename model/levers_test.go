package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// TestExtendLeverAsksForTheBestDate: the extend lever asks for the
// decision date worth the most, not the date of the process the offer's
// advice happens to weigh (issue 24.9: it named a late process not worth
// waiting for, beside an earlier one that gave the whole gain). Asking for
// any other process's date, and deciding again, is worth no more than the
// lever says; asking for the lever's date is worth what it says.
func TestExtendLeverAsksForTheBestDate(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 24))
	stages := []Stage{StageFinal, StageInterviewing, StageApplied}
	levers := 0
	for trial := range trials.N(160, 160, 400) {
		p := nearlyBroke(float64(r.IntN(30000)))
		p.Opportunities = p.Opportunities[:1]
		c := float64(1 + r.IntN(3))
		p.Opportunities[0].Ratings = map[string]Rating{"craft": {c, c}, "team": {2, 2}}
		p.Opportunities[0].RespondBy = today.AddDays(1 + r.IntN(10))
		if trial%4 != 0 {
			// Most trials without the bridge (and so without leaving Sure
			// for a job found from it), where holding Sure out is more
			// often worth asking for.
			p.Search.LeaveCost = 1e9
		}
		for k := range 2 + r.IntN(3) {
			lo, hi := float64(1+r.IntN(5)), float64(1+r.IntN(5))
			p.Opportunities = append(p.Opportunities, Opportunity{Name: fmt.Sprintf("P%d", k), Stage: stages[r.IntN(len(stages))],
				Chance: Float(r.Float64()), Pay: Float(float64(30000 + r.IntN(60000))), Insurance: true,
				DecisionExpected: today.AddDays(5 + r.IntN(80)),
				Ratings:          map[string]Rating{"craft": {min(lo, hi), max(lo, hi)}, "team": {3, 3}}})
		}
		s, d := decideAt(t, p, Request{})
		o := offerNamed(t, s, d, "Sure")
		l := leverOf(o, LeverExtend)
		worthAsking := func(to Date) float64 {
			q := *p
			q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
			q.Opportunities[0].RespondBy = to
			_, d2 := decideAt(t, &q, Request{})
			return d2.Flow(d2.Verdict.Value) - d.Flow(d.Verdict.Value)
		}
		best := 0.0
		for _, other := range p.Opportunities[1:] {
			if other.DecisionExpected.Before(p.Opportunities[0].RespondBy.AddDays(1)) {
				continue
			}
			best = math.Max(best, worthAsking(other.DecisionExpected))
		}
		if l == nil {
			if best >= minLeverWorth+1e-6 {
				t.Errorf("trial %d: no extend lever, but extending is worth %.4f", trial, best)
			}
			continue
		}
		levers++
		if s.Profile.Opportunities[l.Process].DecisionExpected != l.To {
			t.Errorf("trial %d: the lever asks for %v, when %s decides %v", trial, l.To, s.Assessments[l.Process].Name,
				s.Profile.Opportunities[l.Process].DecisionExpected)
		}
		if got := worthAsking(l.To); math.Abs(got-l.Worth) > 1e-6 {
			t.Errorf("trial %d: extending to %v is worth %.4f, the lever says %.4f", trial, l.To, got, l.Worth)
		}
		if l.Worth < best-1e-6 {
			t.Errorf("trial %d: the lever asks for %v, worth %.4f; another date is worth %.4f", trial, l.To, l.Worth, best)
		}
	}
	if levers < 8 {
		t.Fatalf("only %d extend levers: the test compares too little", levers)
	}
}
