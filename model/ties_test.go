package model

import (
	"math"
	"slices"
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

// sameRelief makes every opportunity of p alike in all that sets relief,
// as the first is: only their ratings part them.
func sameRelief(p *Profile) {
	first := p.Opportunities[0]
	for k := range p.Opportunities {
		o := &p.Opportunities[k]
		o.Stage, o.Pay, o.Starts, o.Insurance, o.InsuranceWaitDays, o.ContractMonths =
			first.Stage, first.Pay, first.Starts, first.Insurance, first.InsuranceWaitDays, first.ContractMonths
	}
}

// TestWeightFlipsOfTies: where the scores tie, the ranking's tie-breaks
// decide, and the weight flips follow them (issue 24.6). At urgency 1
// (savings 0) a score is relief alone, so two offers alike in relief go
// by fit, which the weights move; and where two fits tie exactly at the
// weights now, each flip points away from the one that leads.
func TestWeightFlipsOfTies(t *testing.T) {
	rated := func(r ...float64) map[string]Rating {
		out := map[string]Rating{}
		for k, v := range r {
			out[string(rune('a'+k))] = Rating{v, v}
		}
		return out
	}
	cases := []struct {
		name    string
		savings float64
		weights []float64
		x, y    map[string]Rating
		// want are the flips (who leads near and beyond index X = 0 and
		// Y = 1), and moved a weight what-if past one, where Y leads.
		want  []WeightFlip
		moved map[string]float64
	}{
		// X's fit is 100·a/(a+b), Y's 75·b/(a+b): they tie at b = 4a/3.
		{"urgency 1", 0, []float64{1, 1}, rated(5, 1), rated(1, 4), []WeightFlip{
			{Priority: 0, Weight: 0.75, Near: 0, Beyond: 1},
			{Priority: 1, Weight: 4.0 / 3, Near: 0, Beyond: 1, Up: true}}, map[string]float64{"b": 2}},
		// Both fits are 37.5 at weights 1, 4, 3 (X 4·0.75/8, Y (1 + 4·0.5)/8),
		// the reliefs alike, and X leads by name: more of a or less of b
		// puts Y ahead (both rate c at the bottom, so c moves neither).
		{"exact tie", 20000, []float64{1, 4, 3}, rated(1, 4, 1), rated(5, 3, 1), []WeightFlip{
			{Priority: 0, Weight: 1, Near: 0, Beyond: 1, Up: true},
			{Priority: 1, Weight: 4, Near: 0, Beyond: 1}}, map[string]float64{"a": 1.5}},
	}
	for _, c := range cases {
		p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
			Situation: Situation{Savings: Float(c.savings), MonthlyExpenses: Float(3000)},
			Opportunities: []Opportunity{
				{Name: "X", Stage: StageOffer, Pay: Float(50000), Ratings: c.x},
				{Name: "Y", Stage: StageOffer, Pay: Float(50000), Ratings: c.y},
			}}
		for k, w := range c.weights {
			p.Priorities = append(p.Priorities, Priority{ID: string(rune('a' + k)), Weight: w})
		}
		s := mustEval(t, p, Request{Today: today})
		if c.savings == 0 && s.Urgency.Value != 1 {
			t.Fatalf("%s: urgency %v, want 1", c.name, s.Urgency.Value)
		}
		if a, b := &s.Assessments[0], &s.Assessments[1]; a.Relief.Value != b.Relief.Value || s.Leader() != 0 {
			t.Fatalf("%s: reliefs %v and %v, leader %d: want alike, X leading", c.name, a.Relief.Value, b.Relief.Value, s.Leader())
		}
		got := s.WeightFlips()
		if !slices.EqualFunc(got, c.want, func(g, w WeightFlip) bool {
			return g.Priority == w.Priority && near(g.Weight, w.Weight) && g.Near == w.Near && g.Beyond == w.Beyond && g.Up == w.Up
		}) {
			t.Errorf("%s: flips %+v, want %+v", c.name, got, c.want)
		}
		if moved := mustEval(t, p, Request{Today: today, WhatIf: WhatIf{Weights: c.moved}}); moved.Leader() != 1 {
			t.Errorf("%s: with %v, %d leads, want Y", c.name, c.moved, moved.Leader())
		}
	}
}
