package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// scoresAtSavings evaluates the profile afresh with the given savings: the
// ground truth the runway translation must agree with.
func scoresAtSavings(t *testing.T, p *Profile, savings float64) *State {
	t.Helper()
	return mustEval(t, p, Request{Today: today, WhatIf: WhatIf{Situation: Situation{Savings: Float(savings)}}})
}

func TestScoreAtRunwayMatchesEvaluate(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 100; trial++ {
		p := randomProfile(rng, 5)
		s := mustEval(t, p, Request{Today: today})
		if !s.MoneyTranslatable() {
			continue
		}
		for _, R := range []float64{0, 0.3, 1, 2.5, 6, 9, 40} {
			fresh := scoresAtSavings(t, p, R*s.Urgency.Burn)
			for i := range s.Assessments {
				if got, want := s.ScoreAtRunway(i, R), fresh.Assessments[i].Score(fresh.Urgency.Value); !near(got, want) {
					t.Fatalf("trial %d R %v opp %d: %v, fresh evaluation %v", trial, R, i, got, want)
				}
			}
		}
	}
}

func TestRunwayCrossingsAreExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	found := 0
	for trial := 0; trial < 400; trial++ {
		p := randomProfile(rng, 2)
		p.Opportunities[0].Stage, p.Opportunities[1].Stage = StageOffer, StageOffer
		s := mustEval(t, p, Request{Today: today})
		if !s.MoneyTranslatable() {
			continue
		}
		d := func(R float64) float64 { return s.ScoreAtRunway(0, R) - s.ScoreAtRunway(1, R) }
		crossings := s.RunwayCrossings(0, 1)
		for _, c := range crossings {
			found++
			if math.Abs(d(c.Months)) > 1e-6 {
				t.Fatalf("trial %d: scores differ by %v at the reported crossing %v", trial, d(c.Months), c.Months)
			}
			below, above := d(c.Months*(1-1e-6)), d(c.Months*(1+1e-6))
			if (below > 0) == (above > 0) {
				t.Fatalf("trial %d: no swap at %v (%v, %v)", trial, c.Months, below, above)
			}
			wantAbove := 0
			if above < 0 {
				wantAbove = 1
			}
			if c.AheadAbove != wantAbove {
				t.Fatalf("trial %d: ahead above %d, want %d", trial, c.AheadAbove, wantAbove)
			}
			if !near(c.Savings, c.Months*s.Urgency.Burn) {
				t.Fatalf("savings %v for %v months at burn %v", c.Savings, c.Months, s.Urgency.Burn)
			}
		}
		// A fine scan finds no sign change the roots missed.
		swaps := 0
		prev := d(1e-9)
		for k := 1; k <= 4000; k++ {
			cur := d(float64(k) * 0.01)
			if cur != 0 && prev != 0 && (cur > 0) != (prev > 0) {
				swaps++
			}
			if cur != 0 {
				prev = cur
			}
		}
		if swaps > len(crossings) {
			t.Fatalf("trial %d: a scan saw %d swaps, the roots %d (%+v)", trial, swaps, len(crossings), crossings)
		}
	}
	if found < 20 {
		t.Fatalf("only %d crossings in all trials: the test is not exercising anything", found)
	}
}

func TestRunwayLeaders(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for trial := 0; trial < 150; trial++ {
		p := randomProfile(rng, 2+rng.IntN(8))
		s := mustEval(t, p, Request{Today: today})
		spans := s.RunwayLeaders()
		if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
			if spans != nil {
				t.Fatalf("spans without a money translation")
			}
			continue
		}
		if spans[0].From != 0 || !math.IsInf(spans[len(spans)-1].To, 1) {
			t.Fatalf("trial %d: spans do not cover 0..∞: %+v", trial, spans)
		}
		for k, sp := range spans {
			if k > 0 && (sp.From != spans[k-1].To || sp.Leader == spans[k-1].Leader) {
				t.Fatalf("trial %d: spans %+v", trial, spans)
			}
			mid := sp.From + 1
			if !math.IsInf(sp.To, 1) {
				mid = (sp.From + sp.To) / 2
			}
			fresh := scoresAtSavings(t, p, mid*s.Urgency.Burn)
			if fresh.Leader() != sp.Leader {
				t.Fatalf("trial %d: at runway %v the leader is %d, spans say %d", trial, mid, fresh.Leader(), sp.Leader)
			}
		}
		// The span holding the current runway has the current leader.
		for _, sp := range spans {
			if s.Urgency.RunwayMonths >= sp.From && s.Urgency.RunwayMonths < sp.To && sp.Leader != s.Leader() {
				t.Fatalf("trial %d: current leader %d, span says %d", trial, s.Leader(), sp.Leader)
			}
		}
	}
}

func TestRunwayNeedsDerivedUrgency(t *testing.T) {
	p := lineProfile(line{"A", 80, 20}, line{"B", 20, 80})
	if s := mustEval(t, p, Request{Urgency: Float(0.5)}); s.MoneyTranslatable() || s.RunwayLeaders() != nil {
		t.Error("a flag urgency does not move with money")
	}
	p.Situation.MonthlyIncome = Float(5000)
	if s := mustEval(t, p, Request{}); s.MoneyTranslatable() {
		t.Error("with nothing burning, savings do not move urgency")
	}
}

func TestNearestRunwayChangesAgreeWithTheWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for trial := 0; trial < 150; trial++ {
		s := mustEval(t, randomProfile(rng, 2+rng.IntN(8)), Request{Today: today})
		below, above := s.NearestRunwayChanges()
		spans := s.RunwayLeaders()
		var wantBelow, wantAbove *RunwayChange
		R0 := s.Urgency.RunwayMonths
		for k, sp := range spans {
			if R0 >= sp.From && R0 < sp.To {
				if k > 0 {
					wantBelow = &RunwayChange{Months: sp.From, Leader: spans[k-1].Leader}
				}
				if k+1 < len(spans) {
					wantAbove = &RunwayChange{Months: sp.To, Leader: spans[k+1].Leader}
				}
			}
		}
		for _, c := range []struct{ got, want *RunwayChange }{{below, wantBelow}, {above, wantAbove}} {
			if (c.got == nil) != (c.want == nil) || c.got != nil && (!near(c.got.Months, c.want.Months) || c.got.Leader != c.want.Leader) {
				t.Fatalf("trial %d: nearest %+v, the walk says %+v", trial, c.got, c.want)
			}
		}
	}
}
