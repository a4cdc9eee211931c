package model

import (
	"math"
	"math/rand/v2"
	"slices"
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

// tiedPairProfile is two offers of equal fit for an insured person: Early
// pays less but from its first week, Late pays in full but starts later.
// Above the comfortable runway their scores are exactly equal (urgency 0
// leaves only fit) and the tie goes to the higher relief at that runway;
// below it relief decides. Either way the leader changes where the
// reliefs cross.
func tiedPairProfile(savings, comfortable float64) *Profile {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
		Situation: Situation{Savings: Float(savings), MonthlyExpenses: Float(3000), Insured: Bool(true),
			ComfortableRunway: Float(comfortable)},
		Priorities: []Priority{{ID: "fit", Weight: 1}},
	}
	p.Opportunities = []Opportunity{
		{Name: "Early", Stage: StageOffer, Pay: Float(35000), Starts: today.AddDays(3), Ratings: map[string]Rating{"fit": {3, 3}}},
		{Name: "Late", Stage: StageOffer, Pay: Float(90000), Starts: today.AddDays(75), Ratings: map[string]Rating{"fit": {3, 3}}},
	}
	return p
}

// TestRunwayChangeBesideATie is the leader change the translation used to
// find or lose depending on the savings: with two offers of equal fit,
// insured, the change where the reliefs cross is there at every level of
// savings, and only there.
func TestRunwayChangeBesideATie(t *testing.T) {
	for _, comfortable := range []float64{6, 3, 12} {
		s0 := mustEval(t, tiedPairProfile(1000, comfortable), Request{Today: today})
		// Where the reliefs cross, worked by hand: Δrelief(R) = α + β/R.
		base0, q0 := reliefLine(s0.Profile.Params, &s0.Assessments[0].Relief)
		base1, q1 := reliefLine(s0.Profile.Params, &s0.Assessments[1].Relief)
		m0, m1 := s0.Assessments[0].Relief.MonthsToPay, s0.Assessments[1].Relief.MonthsToPay
		cross := (q0*m0 - q1*m1) / ((base0 + q0) - (base1 + q1))
		if !(cross > m1) {
			t.Fatalf("the profile does not cross past both first paychecks: %v", cross)
		}
		// The same spans at every level of savings, with Early giving way to
		// Late where the reliefs cross.
		var want []RunwaySpan
		for savings := 0.0; savings <= 60000; savings += 137 {
			s := mustEval(t, tiedPairProfile(savings, comfortable), Request{Today: today})
			spans := s.RunwayLeaders()
			if want == nil {
				want = spans
				k := slices.IndexFunc(spans, func(sp RunwaySpan) bool { return math.Abs(sp.From-cross) <= 1e-9*cross })
				if k < 1 || spans[k].Leader != 1 || spans[k-1].Leader != 0 {
					t.Fatalf("comfortable %v: spans %+v, want Early giving way to Late at %v months", comfortable, spans, cross)
				}
			}
			same := len(spans) == len(want)
			for k := 0; same && k < len(spans); k++ {
				same = spans[k].Leader == want[k].Leader && math.Abs(spans[k].From-want[k].From) <= 1e-9*max(1, want[k].From)
			}
			if !same {
				t.Fatalf("comfortable %v, savings %v: spans %+v, at savings 0 %+v", comfortable, savings, spans, want)
			}
			below, above := s.NearestRunwayChanges()
			for k, sp := range spans {
				if R0 := s.Urgency.RunwayMonths; R0 >= sp.From && R0 < sp.To {
					if (k > 0) != (below != nil) || (k+1 < len(spans)) != (above != nil) {
						t.Fatalf("comfortable %v, savings %v: nearest changes %+v %+v, spans %+v", comfortable, savings, below, above, spans)
					}
				}
			}
		}
	}
}

// TestNoSpanOfRoundingAtZero: two offers whose reliefs are equal at a
// runway of zero (neither pays before the money runs out) tie there, and
// only there. No runway is too short to list, and no crossing is reported
// at a runway of zero.
func TestNoSpanOfRoundingAtZero(t *testing.T) {
	for _, better := range []int{0, 1} {
		p := tiedPairProfile(5000, 6)
		p.Situation.Insured = Bool(false)
		// Equal reliefs at zero runway, worked out along different paths:
		// 0.4 × 0.8 + 0.15 is 47.00000000000001 points, 0.4 × 0.425 + 0.15
		// + 0.15 is 47.
		p.Opportunities[0].Pay, p.Opportunities[1].Pay = Float(38400), Float(20400)
		p.Opportunities[1].Insurance = true
		p.Opportunities[better].Ratings["fit"] = Rating{4, 4}
		for savings := 0.0; savings <= 40000; savings += 250 {
			p.Situation.Savings = Float(savings)
			s := mustEval(t, p, Request{Today: today})
			if a, b := s.ScoreAtRunway(0, 0), s.ScoreAtRunway(1, 0); math.Abs(a-b) > 1e-12 {
				t.Fatalf("the scores at zero runway differ: %v and %v", a, b)
			}
			spans := s.RunwayLeaders()
			for k, sp := range spans {
				holds := s.Urgency.RunwayMonths >= sp.From && s.Urgency.RunwayMonths < sp.To
				if !holds && sp.SavingsTo-sp.SavingsFrom < 0.01 {
					t.Fatalf("better %d, savings %v: span %d holds less than a cent: %+v", better, savings, k, spans)
				}
			}
			for _, c := range s.RunwayCrossings(0, 1) {
				if c.Savings < 0.01 {
					t.Fatalf("better %d, savings %v: a crossing at %v months", better, savings, c.Months)
				}
			}
		}
	}
}

// TestRunwayLeadersSayWhenTruncated: a walk that stops at its limit says
// so, and what it lists is still right as far as it goes.
func TestRunwayLeadersSayWhenTruncated(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for trial := 0; trial < 500; trial++ {
		s := mustEval(t, randomProfile(rng, 8), Request{Today: today})
		full := s.RunwayMap()
		if full.Truncated {
			t.Fatalf("trial %d: truncated at the real limit", trial)
		}
		if len(full.Spans) < 4 {
			continue
		}
		short := s.runwayMapWith(1, s.runwayCent())
		if !short.Truncated {
			t.Fatalf("trial %d: %d changes, a limit of one each way, and not truncated", trial, len(full.Spans)-1)
		}
		R0 := s.Urgency.RunwayMonths
		for _, sp := range short.Spans {
			if R0 >= sp.From && R0 < sp.To {
				for _, f := range full.Spans {
					if R0 >= f.From && R0 < f.To && (f.From != sp.From && sp.From != 0 || f.Leader != sp.Leader) {
						t.Fatalf("trial %d: the current span is %+v, truncated %+v", trial, f, sp)
					}
				}
			}
		}
		return
	}
	t.Fatal("no random profile with three leader changes by runway")
}

// TestNarrowWalkIsTheWideWalk: the walk that looks only at contenders,
// nearest first, over the stretch up to the nearest change found, meets
// the same changes, each way and all the way, as one that looks at every
// ranked pair over the whole runway beyond; with twins and profiles of up
// to two hundred, where most lines are left out.
func TestNarrowWalkIsTheWideWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	trials := 200
	if testing.Short() {
		trials = 40
	}
	left, changes := 0, 0
	for trial := range trials {
		p := withTwins(rng, randomProfile(rng, 2+rng.IntN(200)), 2)
		s := mustEval(t, p, Request{Today: today})
		if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
			continue
		}
		narrow, wide := s.newRunwayWalk(), s.newRunwayWalk()
		wide.wide, wide.contenders = true, s.contenders()
		left += len(s.Ranked) - len(narrow.contenders)
		R0 := s.Urgency.RunwayMonths
		cur := s.leaderAtRunway(R0)
		for _, up := range []bool{false, true} {
			got, gotCut := narrow.changes(cur, R0, up, 0, maxRunwayChanges)
			want, wantCut := wide.changes(cur, R0, up, 0, maxRunwayChanges)
			changes += len(want)
			if !slices.Equal(got, want) || gotCut != wantCut {
				t.Fatalf("trial %d, up %v: the narrow walk meets %+v (%v), the wide %+v (%v)", trial, up, got, gotCut, want, wantCut)
			}
		}
	}
	if left < trials || changes < trials {
		t.Fatalf("%d lines left out and %d changes met in %d trials: the test compares too little", left, changes, trials)
	}
}
