package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"mutual/internal/trials"
)

// TestWeightFlipTextbook is the textbook case: two alternatives rated
// (.9, .4, .5) and (.6, .8, .7) under weights 5 : 3 : 2. The second leads
// (0.68 against 0.67). With the others held, the first overtakes when the
// first weight passes 16/3 (0.9w + 2.2 = 0.6w + 3.8), when the second
// falls below 11/4 (5.5 + 0.4w = 4.4 + 0.8w) and when the third falls
// below 3/2 (5.7 + 0.5w = 5.4 + 0.7w).
func TestWeightFlipTextbook(t *testing.T) {
	// On a scale of 1..11 a rating r is (r − 1)/10 on 0..1.
	p := &Profile{Version: 1, Scale: 11, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(10000), MonthlyExpenses: Float(1000)},
		Priorities: []Priority{{ID: "a", Weight: 5}, {ID: "b", Weight: 3}, {ID: "c", Weight: 2}},
		Opportunities: []Opportunity{
			{Name: "First", Stage: StageOffer, Ratings: map[string]Rating{"a": {10, 10}, "b": {5, 5}, "c": {6, 6}}},
			{Name: "Second", Stage: StageOffer, Ratings: map[string]Rating{"a": {7, 7}, "b": {9, 9}, "c": {8, 8}}},
		},
	}
	want := []WeightFlip{
		{Priority: 0, Now: 5, Weight: 16.0 / 3, Near: 1, Beyond: 0},
		{Priority: 1, Now: 3, Weight: 11.0 / 4, Near: 1, Beyond: 0},
		{Priority: 2, Now: 2, Weight: 3.0 / 2, Near: 1, Beyond: 0},
	}
	same := func(got []WeightFlip) bool {
		return slices.EqualFunc(got, want, func(g, w WeightFlip) bool {
			return g.Priority == w.Priority && g.Now == w.Now && near(g.Weight, w.Weight) && g.Near == w.Near && g.Beyond == w.Beyond
		})
	}
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0)})
	if s.Leader() != 1 || !near(s.Ranked[0].Score, 68) || !near(s.Ranked[1].Score, 67) {
		t.Fatalf("the second should lead 68 to 67: %+v", s.Ranked)
	}
	if got := s.WeightFlips(); !same(got) {
		t.Fatalf("flips %+v, want %+v", got, want)
	}
	// At urgency 0.5 relief counts too; with equal reliefs nothing moves.
	if got := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)}).WeightFlips(); !same(got) {
		t.Fatalf("at urgency 0.5, with equal reliefs: %+v", got)
	}
	// The nearest asks the smallest change against the weight: 1/15 of a.
	if f, ok := s.NearestWeightFlip(); !ok || f.Priority != 0 {
		t.Fatalf("nearest flip %+v %v", f, ok)
	}
}

// TestWeightFlipBelow: a flip below the weight now says who leads below.
func TestWeightFlipBelow(t *testing.T) {
	p := &Profile{Version: 1, Scale: 11, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(10000), MonthlyExpenses: Float(1000)},
		Priorities: []Priority{{ID: "a", Weight: 8}, {ID: "b", Weight: 3}, {ID: "c", Weight: 2}},
		Opportunities: []Opportunity{
			{Name: "First", Stage: StageOffer, Ratings: map[string]Rating{"a": {10, 10}, "b": {5, 5}, "c": {6, 6}}},
			{Name: "Second", Stage: StageOffer, Ratings: map[string]Rating{"a": {7, 7}, "b": {9, 9}, "c": {8, 8}}},
		},
	}
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0)})
	flips := s.WeightFlipsOf(0)
	if s.Leader() != 0 || len(flips) != 1 || !near(flips[0].Weight, 16.0/3) || flips[0].Near != 0 || flips[0].Beyond != 1 {
		t.Fatalf("leader %d, flips %+v", s.Leader(), flips)
	}
}

// TestPropertyWeightFlips re-ranks just either side of every reported
// flip, with the weight moved as a what-if, and scans each weight from 0
// up for a change of leader that was not reported.
func TestPropertyWeightFlips(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	trials := trials.N(60, 100, 300)
	seen := 0
	for trial := 0; trial < trials; trial++ {
		p := randomProfile(rng, 2+rng.IntN(8))
		req := Request{Today: today}
		switch rng.IntN(4) {
		case 0, 1:
			req.Urgency = Float(rng.Float64())
		case 2:
			// At urgency 1 a score is relief alone: opportunities alike
			// in relief tie, and their fits, which the weights move,
			// decide.
			req.Urgency = Float(1)
			sameRelief(p)
		}
		s := mustEval(t, p, req)
		flips := s.WeightFlips()
		for _, f := range flips {
			if f.Up && f.Weight < f.Now || !f.Up && f.Weight > f.Now {
				t.Fatalf("trial %d: flip %+v on the wrong side of the weight now", trial, f)
			}
		}
		leaderAt := func(k int, w float64) int {
			r := req
			r.WhatIf.Weights = map[string]float64{p.Priorities[k].ID: w}
			return mustEval(t, p, r).Leader()
		}
		for x, f := range flips {
			seen++
			if x > 0 && flips[x-1].Priority == f.Priority && !(f.Weight > flips[x-1].Weight) {
				t.Fatalf("trial %d: flips of one priority not ascending: %+v", trial, flips)
			}
			// Just either side, closer than any other flip of the same
			// priority.
			h := 1e-6 * max(1, f.Weight)
			for _, g := range flips {
				if g.Priority == f.Priority && g.Weight != f.Weight {
					h = min(h, math.Abs(g.Weight-f.Weight)/4)
				}
			}
			nearSide, farSide := f.Weight-h, f.Weight+h
			if !f.Up {
				nearSide, farSide = farSide, max(0, nearSide)
			}
			if f.Weight == 0 && f.Now == 0 {
				nearSide = 0 // the flip is to any weight above 0
			}
			if got := leaderAt(f.Priority, nearSide); got != f.Near {
				t.Fatalf("trial %d: flip %+v: at weight %v %d leads, not %d", trial, f, nearSide, got, f.Near)
			}
			if got := leaderAt(f.Priority, farSide); got != f.Beyond {
				t.Fatalf("trial %d: flip %+v: at weight %v %d leads, not %d", trial, f, farSide, got, f.Beyond)
			}
		}
		// A scan of each weight: every change of leader between two
		// weights of the scan has a reported flip between them.
		for k := range p.Priorities {
			others := 0.0
			for x, pr := range p.Priorities {
				if x != k {
					others += pr.Weight
				}
			}
			if others == 0 {
				continue // the one weight takes all of fit at any weight above 0
			}
			ws := []float64{0}
			for w := 0.01; w < 1e4; w *= 1.05 {
				ws = append(ws, w)
			}
			prev := leaderAt(k, ws[0])
			for x := 1; x < len(ws); x++ {
				cur := leaderAt(k, ws[x])
				if cur != prev && !slices.ContainsFunc(flips, func(f WeightFlip) bool {
					return f.Priority == k && f.Weight >= ws[x-1]*(1-1e-9) && f.Weight <= ws[x]*(1+1e-9)
				}) {
					t.Fatalf("trial %d: the leader changes from %d to %d between weights %v and %v of %s; flips %+v",
						trial, prev, cur, ws[x-1], ws[x], p.Priorities[k].ID, flips)
				}
				prev = cur
			}
		}
	}
	if seen < trials/4 {
		t.Fatalf("only %d flips in %d trials: the test compares too little", seen, trials)
	}
}

// BenchmarkWeightFlips is every priority's weight flips on the 2,000 × 30
// profile, which rank's JSON, the header and the Priorities page ask for:
// worked out afresh each time, as a new state works them out once.
func BenchmarkWeightFlips(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.weightFlips()
	}
}

// TestScenarioWeights: a scenario's weights replace the profile's, and a
// what-if's replace the scenario's.
func TestScenarioWeights(t *testing.T) {
	p := &Profile{Version: 1, Scale: 11, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(10000), MonthlyExpenses: Float(1000)},
		Priorities: []Priority{{ID: "a", Weight: 5}, {ID: "b", Weight: 3}, {ID: "c", Weight: 2}},
		Opportunities: []Opportunity{
			{Name: "First", Stage: StageOffer, Ratings: map[string]Rating{"a": {10, 10}, "b": {5, 5}, "c": {6, 6}}},
			{Name: "Second", Stage: StageOffer, Ratings: map[string]Rating{"a": {7, 7}, "b": {9, 9}, "c": {8, 8}}},
		},
		Scenarios: []Scenario{{Name: "craft first", Weights: map[string]float64{"a": 6}}},
	}
	req := Request{Today: today, Urgency: Float(0), Scenario: "craft first"}
	s := mustEval(t, p, req)
	if s.Profile.Priorities[0].Weight != 6 || s.Leader() != 0 || p.Priorities[0].Weight != 5 {
		t.Fatalf("with a weighing 6 (past 16/3) First leads: weights %+v, leader %d", s.Profile.Priorities, s.Leader())
	}
	if f := s.WeightFlipsOf(0); len(f) != 1 || f[0].Now != 6 || !near(f[0].Weight, 16.0/3) || f[0].Beyond != 1 {
		t.Fatalf("the flip below the scenario's weight: %+v", f)
	}
	req.WhatIf.Weights = map[string]float64{"a": 5, "b": 1}
	if s := mustEval(t, p, req); s.Profile.Priorities[0].Weight != 5 || s.Profile.Priorities[1].Weight != 1 {
		t.Fatalf("the what-if's weights win: %+v", s.Profile.Priorities)
	}
}

// TestWithWeightsIsEvaluate: a weight what-if worked out on a state is the
// state Evaluate gives for it, to the last bit.
func TestWithWeightsIsEvaluate(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for trial := 0; trial < 200; trial++ {
		p := randomProfile(rng, 2+rng.IntN(8))
		req := Request{Today: today}
		if rng.IntN(2) == 0 {
			req.WhatIf.Weights = map[string]float64{p.Priorities[0].ID: float64(rng.IntN(4))}
		}
		s := mustEval(t, p, req)
		weights := map[string]float64{}
		for id, w := range req.WhatIf.Weights {
			weights[id] = w
		}
		weights[p.Priorities[rng.IntN(len(p.Priorities))].ID] = float64(rng.IntN(8))
		got, err := s.WithWeights(weights)
		if err != nil {
			t.Fatal(err)
		}
		r := req
		r.WhatIf.Weights = weights
		want, err := Evaluate(p, r)
		if err != nil {
			continue // all weights zero: Evaluate and WithWeights agree on nothing to compare
		}
		for i := range want.Assessments {
			g, w := &got.Assessments[i], &want.Assessments[i]
			if g.Fit.Value != w.Fit.Value || g.Fit.Low != w.Fit.Low || g.Fit.High != w.Fit.High || g.Relief.Value != w.Relief.Value {
				t.Fatalf("trial %d, %d: fit %+v, Evaluate %+v", trial, i, g.Fit, w.Fit)
			}
			for k := range w.Fit.Terms {
				if g.Fit.Terms[k] != w.Fit.Terms[k] || g.Fit.Share(k) != w.Fit.Share(k) || g.Fit.Points(k) != w.Fit.Points(k) {
					t.Fatalf("trial %d, %d: term %+v (share %v), Evaluate %+v (share %v)", trial, i, g.Fit.Terms[k], g.Fit.Share(k),
						w.Fit.Terms[k], w.Fit.Share(k))
				}
			}
		}
		if !slices.Equal(got.Ranked, want.Ranked) || !slices.Equal(got.LeaderChanges, want.LeaderChanges) ||
			!slices.Equal(got.Profile.Priorities, want.Profile.Priorities) {
			t.Fatalf("trial %d: ranking %+v, Evaluate %+v", trial, got.Ranked, want.Ranked)
		}
	}
	s := mustEval(t, randomProfile(rng, 3), Request{Today: today, WhatIf: WhatIf{Weights: map[string]float64{"p0": 1}}})
	if _, err := s.WithWeights(map[string]float64{}); err == nil {
		t.Error("dropping a what-if weight needs Evaluate")
	}
}

// BenchmarkWithWeights is one weight what-if on the 2,000 × 30 profile:
// the fits re-weighted and the ranking and leader changes worked out, as
// a press of + on the Priorities page asks for.
func BenchmarkWithWeights(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	id := s.Profile.Priorities[0].ID
	w := s.Profile.Priorities[0].Weight
	b.ReportAllocs()
	for k := 0; b.Loop(); k++ {
		if _, err := s.WithWeights(map[string]float64{id: w + float64(k%6)}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNearestWeightFlipAgreesWithTheList holds the header's quick sweep,
// which looks only at weights from 0 to twice each one, to the nearest of
// the full list of flips, on profiles large enough that it leaves lines
// out, with twins that only the tie-breaks part.
func TestNearestWeightFlipAgreesWithTheList(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	trials := 400
	if testing.Short() {
		trials = 80
	}
	near := 0
	for trial := range trials {
		p := randomProfile(rng, 2+rng.IntN(40))
		if rng.IntN(4) == 0 {
			twin := p.Opportunities[rng.IntN(len(p.Opportunities))]
			twin.Name = "opp"
			p.Opportunities = append(p.Opportunities, twin)
		}
		if rng.IntN(5) == 0 {
			p.Priorities[rng.IntN(len(p.Priorities))].Weight = 0
		}
		req := Request{Today: today}
		if rng.IntN(2) == 0 {
			req.Urgency = Float(rng.Float64())
		}
		s := mustEval(t, p, req)
		got, gotOK := s.NearestWeightFlip() // the quick sweep: nothing listed yet
		if s.memo != nil && s.memo.flipsDone {
			t.Fatal("the test needs a state whose flips are not listed yet")
		}
		mean := 0.0
		for _, pr := range s.Profile.Priorities {
			mean += pr.Weight / float64(len(s.Profile.Priorities))
		}
		want, wantDist := WeightFlip{}, math.Inf(1)
		for _, f := range s.WeightFlips() {
			scale := f.Now
			if scale <= 0 {
				scale = mean
			}
			if d := math.Abs(f.Weight-f.Now) / scale; d < wantDist {
				want, wantDist = f, d
			}
		}
		if gotOK != (wantDist <= 1) || gotOK && got != want {
			t.Fatalf("trial %d: nearest flip %+v (%v), the full list's %+v (%v)", trial, got, gotOK, want, wantDist <= 1)
		}
		if gotOK {
			near++
		}
	}
	if near < trials/10 {
		t.Fatalf("only %d of %d trials had a near flip: the test compares too little", near, trials)
	}
}

// TestPrunedSweepIsTheWholeSweep: the sweeps that read only the lines
// prune keeps find every flip, at every reach (the full list and the near
// weights the header sweeps), that reading every line finds, with twins,
// ties and weights of 0 among the profiles, and lines of one slope tied
// in a cycle; and prune does leave lines out, most of them on the
// benchmark's profile.
func TestPrunedSweepIsTheWholeSweep(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	trials := 300
	if testing.Short() {
		trials = 60
	}
	pruned := 0
	same := func(trial int, s *State) {
		ws := newWeightSweep(s)
		if ws.cand != nil && len(ws.cand) < len(s.Ranked) {
			pruned++
		}
		whole := *ws
		whole.cand = nil
		whole.room()
		for k, pr := range s.Profile.Priorities {
			// The reaches a sweep is asked for: all the way, the near
			// weights the header sweeps, and no further than the weight
			// now.
			others := ws.total - pr.Weight
			reach := []float64{1, pr.Weight / (others + pr.Weight)}
			if scale := pr.Weight; scale > 0 {
				reach = append(reach, (pr.Weight+2*scale)/(others+pr.Weight+2*scale), (pr.Weight+scale/2)/(others+pr.Weight+scale/2))
			}
			for _, tMax := range reach {
				got, want := ws.flipsWithin(k, tMax, nil), whole.flipsWithin(k, tMax, nil)
				if !slices.Equal(got, want) {
					t.Fatalf("trial %d, priority %d, to share %v: pruned %+v, whole %+v", trial, k, tMax, got, want)
				}
			}
		}
	}
	for trial := range trials {
		p := withTwins(rng, randomProfile(rng, 9+rng.IntN(150)), 2)
		if rng.IntN(5) == 0 {
			p.Priorities[rng.IntN(len(p.Priorities))].Weight = 0
		}
		req := Request{Today: today}
		if rng.IntN(2) == 0 {
			req.Urgency = Float(float64(rng.IntN(21)) / 20)
		}
		same(trial, mustEval(t, p, req))
	}
	for trial := range 20 {
		same(trials+trial, tiedSlopes(t, rng, 8+rng.IntN(25)))
	}
	if pruned < trials/4 {
		t.Errorf("prune left lines out in only %d of %d trials: the test compares too little", pruned, trials)
	}
	s := mustEval(t, benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if ws := newWeightSweep(s); ws.cand == nil || len(ws.cand) > len(s.Ranked)/2 {
		t.Errorf("on the benchmark's profile prune keeps %d of %d lines", len(ws.cand), len(s.Ranked))
	}
}

// tiedSlopes is a sweep where the hull's choice among lines of one slope
// turns on more than the lines that lead: two priorities of weight 1, at
// urgency 0.5, with three opportunities A, B and C whose lines in the
// first priority's sweep share a slope and start 0.8e-9 apart (A and B
// tie within scoreTolerance, B and C too, A and C do not, and fit runs
// the other way), two that bound them (L best at one end, R at the
// other), and fillers below the lead that still reach the best worst. A
// filter that dropped the fillers would change which of A, B and C the
// sort puts first, and with it a flip.
func tiedSlopes(t *testing.T, rng *rand.Rand, fillers int) *State {
	t.Helper()
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(9000), MonthlyExpenses: Float(3000), MonthlyIncome: Float(0), Insured: Bool(true)},
		Priorities: []Priority{{ID: "k", Weight: 1}, {ID: "j", Weight: 1}}}
	add := func(name string, k, j, chance float64) {
		p.Opportunities = append(p.Opportunities, Opportunity{Name: name, Stage: StageFinal, Chance: Float(chance),
			Pay: Float(60000), Starts: today.AddDays(30), Ratings: map[string]Rating{"k": {k, k}, "j": {j, j}}})
	}
	add("L", 1, 5, 0.4)
	add("R", 5, 1, 0.4)
	add("A", 3, 2, 0.7)
	add("B", 4, 3, 0.45)
	add("C", 5, 4, 0.2)
	for f := range fillers {
		add(fmt.Sprintf("filler %d", f), 1+float64(rng.IntN(2)), 4, 0.25+rng.Float64()*0.1)
	}
	req := Request{Today: today, Urgency: Float(0.5)}
	s := mustEval(t, p, req)
	// A line's start in the first priority's sweep: the other priority's
	// half of fit and half the relief. Tune A's and B's chances until A
	// starts 1.6e-9 above C and B 0.8e-9 above.
	start := func(i int) float64 { return 50*s.Assessments[i].Fit.Terms[1].Mid + 0.5*s.Assessments[i].Relief.Value }
	for range 20 {
		c := start(4)
		for _, x := range []struct {
			i     int
			above float64
		}{{2, 1.6e-9}, {3, 0.8e-9}} {
			rel := s.Assessments[x.i].Relief.Value
			want := rel + 2*(c+x.above-start(x.i))
			p.Opportunities[x.i].Chance = Float(*p.Opportunities[x.i].Chance * want / rel)
		}
		s = mustEval(t, p, req)
	}
	return s
}
