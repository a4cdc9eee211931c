package model

import (
	"math"
	"testing"
)

// TestTieBreaksIgnoreRoundingNoise: two opportunities rated alike but in
// another order have fits a rounding apart (A's beats B's by about 7e-15,
// the same three ratings summed in another order); the ranking counts
// them equal and puts B, of higher relief, first (issue 24.7). So do the
// leader over urgency and the leader over runway.
func TestTieBreaksIgnoreRoundingNoise(t *testing.T) {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(6000), MonthlyExpenses: Float(2000)},
		Priorities: []Priority{{ID: "a", Weight: 1}, {ID: "b", Weight: 1}, {ID: "c", Weight: 1}},
		Opportunities: []Opportunity{
			{Name: "A", Stage: StageApplied, Pay: Float(40000), Ratings: map[string]Rating{"a": {2, 2}, "b": {2, 2}, "c": {4, 4}}},
			{Name: "B", Stage: StageFinal, Pay: Float(40000), Ratings: map[string]Rating{"a": {2, 2}, "b": {4, 4}, "c": {2, 2}}},
		},
	}
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0)})
	a, b := &s.Assessments[0], &s.Assessments[1]
	if d := a.Fit.Value - b.Fit.Value; d == 0 || math.Abs(d) > 1e-12 {
		t.Fatalf("the fits should differ by rounding alone: %v", d)
	}
	if !(b.Relief.Value > a.Relief.Value+1) {
		t.Fatalf("B should be of higher relief: %v, %v", a.Relief.Value, b.Relief.Value)
	}
	if s.Leader() != 1 {
		t.Errorf("at urgency 0 %s leads; equal fits go to the higher relief, B", s.Assessments[s.Leader()].Name)
	}
	if got := s.LeaderAt(0); got != 1 {
		t.Errorf("the leader over urgency starts with %d, want B", got)
	}
	if got := s.leaderAtRunway(s.Urgency.Comfortable); got != 1 {
		t.Errorf("at a comfortable runway (urgency 0) %d leads, want B", got)
	}
	for _, w := range []float64{1, 2, 5} {
		u := mustEval(t, p, Request{Today: today, Urgency: Float(0), WhatIf: WhatIf{Weights: map[string]float64{"a": w}}})
		if u.Leader() != 1 {
			t.Errorf("with a weighing %v %d leads, want B", w, u.Leader())
		}
	}
	if flips := s.WeightFlipsOf(0); len(flips) != 0 {
		t.Errorf("both rate a alike, so no weight of a changes the leader: %+v", flips)
	}
}
