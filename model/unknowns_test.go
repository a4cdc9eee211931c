package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"mutual/internal/trials"
)

// shareProfile: one priority, urgency fixed at 0 so the score is the fit.
// Known is rated 3 (fit 50) and has the higher relief; Open is unknown.
func shareProfile() *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(10000), MonthlyExpenses: Float(1000)},
		Priorities: []Priority{{ID: "p", Weight: 1}},
		Opportunities: []Opportunity{
			{Name: "Known", Stage: StageOffer, Pay: Float(80000), Ratings: map[string]Rating{"p": {3, 3}}},
			{Name: "Open", Stage: StageApplied, Pay: Float(80000), Ratings: map[string]Rating{}},
		},
	}
}

// TestFirstShareByHand: Open's fit is 0, 25, 50, 75 or 100 with equal
// chance; it is first at 75 and 100, and at 50 the tie goes to Known's
// higher relief. So 2/5 and 3/5, exactly.
func TestFirstShareByHand(t *testing.T) {
	s := mustEval(t, shareProfile(), Request{Today: today, Urgency: Float(0)})
	fs := s.FirstShares()
	if !fs.Exact || fs.StandardError != 0 || fs.Outcomes != 5 || fs.Share[0] != 0.6 || fs.Share[1] != 0.4 || fs.None != 0 {
		t.Fatalf("shares %+v, want 0.6 and 0.4 of 5 outcomes, exactly", fs)
	}
	// The question about Open's rating: a low answer leaves it nowhere, a
	// high one puts it first in every outcome.
	qs := Questions(s)
	q := qs[slices.IndexFunc(qs, func(q Question) bool { return q.Index == 1 && q.Priority == "p" })]
	if q.FirstShare != 0.4 || q.IfLow != 0 || q.IfHigh != 1 {
		t.Fatalf("question %+v, want 0.4 now, 0 if low, 1 if high", q)
	}

	// With a floor of 3 Open is vetoed at 1 and 2: alone, it is first in
	// 3 of 5 outcomes and nothing is in the other 2.
	p := shareProfile()
	p.Opportunities = p.Opportunities[1:]
	p.Priorities[0].AtLeast = 3
	fs = mustEval(t, p, Request{Today: today, Urgency: Float(0)}).FirstShares()
	if !fs.Exact || fs.Share[0] != 0.6 || fs.None != 0.4 {
		t.Fatalf("shares %+v, want 0.6 and none 0.4", fs)
	}
}

// TestFirstShareOfTheKnown: with nothing unknown the leader's share is 1.
func TestFirstShareOfTheKnown(t *testing.T) {
	p := shareProfile()
	p.Opportunities[1].Ratings["p"] = Rating{5, 5}
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0)})
	fs := s.FirstShares()
	if !fs.Exact || fs.Share[s.Leader()] != 1 || fs.Share[1-s.Leader()] != 0 {
		t.Fatalf("shares %+v with leader %d", fs, s.Leader())
	}
}

// bruteFirstShares counts, over every joint outcome of every ranked
// opportunity's unknown and ranged ratings, who the ranking puts first,
// by evaluating the profile with those ratings given: the definition,
// with nothing of FirstShares in it. It returns false when there are too
// many outcomes to go through.
func bruteFirstShares(t *testing.T, p *Profile, req Request) ([]float64, float64, bool) {
	t.Helper()
	s := mustEval(t, p, req)
	type slot struct {
		i       int
		id      string
		ratings []float64
	}
	var slots []slot
	count := 1
	for _, r := range s.Ranked {
		for k, term := range s.Assessments[r.Index].Fit.Terms {
			if term.Rating.Known() {
				continue
			}
			var vs []float64
			vs = append(vs, term.Rating.Low)
			for v := math.Floor(term.Rating.Low) + 1; v < term.Rating.High; v++ {
				vs = append(vs, v)
			}
			vs = append(vs, term.Rating.High)
			slots = append(slots, slot{r.Index, p.Priorities[k].ID, vs})
			if count *= len(vs); count > 3000 {
				return nil, 0, false
			}
		}
	}
	shares := make([]float64, len(p.Opportunities))
	none := 0.0
	digits := make([]int, len(slots))
	for {
		w := req.WhatIf
		w.Ratings = map[string]map[string]Rating{}
		for x, sl := range slots {
			name := p.Opportunities[sl.i].Name
			if w.Ratings[name] == nil {
				w.Ratings[name] = map[string]Rating{}
			}
			v := sl.ratings[digits[x]]
			w.Ratings[name][sl.id] = Rating{v, v}
		}
		r := req
		r.WhatIf = w
		if l := mustEval(t, p, r).Leader(); l >= 0 {
			shares[l]++
		} else {
			none++
		}
		x := 0
		for ; x < len(slots); x++ {
			if digits[x]++; digits[x] < len(slots[x].ratings) {
				break
			}
			digits[x] = 0
		}
		if x == len(slots) {
			break
		}
	}
	for i := range shares {
		shares[i] /= float64(count)
	}
	return shares, none / float64(count), true
}

// TestFirstSharesAgainstBruteForce holds FirstShares to the brute force on
// random profiles small enough to go through, both counted exactly and
// sampled (within four standard errors), and checks on every profile that
// the shares and none sum to 1 and that sampling is the same run to run.
func TestFirstSharesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	trials := trials.N(50, 80, 200)
	compared := 0
	for trial := 0; trial < trials; trial++ {
		p := randomProfile(rng, 2+rng.IntN(4))
		for k := range p.Priorities {
			if rng.IntN(3) == 0 {
				p.Priorities[k].AtLeast = float64(1 + rng.IntN(3))
			}
		}
		req := Request{Today: today}
		if rng.IntN(2) == 0 {
			req.Urgency = Float(rng.Float64())
		}
		s := mustEval(t, p, req)
		fs := s.FirstShares()
		sum := fs.None
		for _, sh := range fs.Share {
			sum += sh
		}
		if len(s.Ranked) > 0 && math.Abs(sum-1) > 1e-12 {
			t.Fatalf("trial %d: shares and none sum to %v: %+v", trial, sum, fs)
		}
		if again := s.FirstShares(); !slices.Equal(again.Share, fs.Share) || again.None != fs.None {
			t.Fatalf("trial %d: not the same twice: %+v and %+v", trial, fs, again)
		}
		want, none, ok := bruteFirstShares(t, p, req)
		if !ok {
			continue
		}
		compared++
		sampled := s.firstSharesWith(0)
		if sampled.Exact {
			t.Fatalf("trial %d: forced to sample, and %+v", trial, sampled)
		}
		for i := range want {
			if fs.Exact && math.Abs(fs.Share[i]-want[i]) > 1e-12 {
				t.Fatalf("trial %d: %d's share is %v, the brute force says %v (%+v)", trial, i, fs.Share[i], want[i], fs)
			}
			if se := math.Sqrt(want[i] * (1 - want[i]) / float64(sampled.Outcomes)); math.Abs(sampled.Share[i]-want[i]) > 4*se+1e-12 {
				t.Fatalf("trial %d: %d's sampled share is %v, the brute force says %v (standard error %v)", trial, i, sampled.Share[i], want[i], se)
			}
		}
		if fs.Exact && math.Abs(fs.None-none) > 1e-12 {
			t.Fatalf("trial %d: none %v, brute force %v", trial, fs.None, none)
		}
	}
	if compared < trials/4 {
		t.Fatalf("only %d of %d trials compared", compared, trials)
	}
}

// TestQuestionSharesAgainstBruteForce: what a question says its answer
// would do to first_share is what the brute force says with that answer
// given.
func TestQuestionSharesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(63, 64))
	checked := 0
	for trial := 0; trial < 150 && checked < 60; trial++ {
		p := randomProfile(rng, 2+rng.IntN(3))
		req := Request{Today: today, Urgency: Float(rng.Float64())}
		s := mustEval(t, p, req)
		if _, _, ok := bruteFirstShares(t, p, req); !ok {
			continue
		}
		fs := s.FirstShares()
		if !fs.Exact {
			continue
		}
		for _, q := range Questions(s) {
			if q.Pay || s.Assessments[q.Index].Vetoed() {
				continue
			}
			if q.FirstShare != fs.Share[q.Index] {
				t.Fatalf("trial %d: question %+v says first_share %v, FirstShares %v", trial, q, q.FirstShare, fs.Share[q.Index])
			}
			for _, end := range []struct {
				v    float64
				got  float64
				name string
			}{{q.Rating.Low, q.IfLow, "low"}, {q.Rating.High, q.IfHigh, "high"}} {
				r := req
				r.WhatIf.Ratings = map[string]map[string]Rating{p.Opportunities[q.Index].Name: {q.Priority: {end.v, end.v}}}
				fixed := withRating(p, q.Index, q.Priority, Rating{end.v, end.v})
				want, _, _ := bruteFirstShares(t, fixed, req)
				if math.Abs(end.got-want[q.Index]) > 1e-12 {
					t.Fatalf("trial %d: question %+v: if %s, %v; the brute force says %v", trial, q, end.name, end.got, want[q.Index])
				}
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d questions checked", checked)
	}
}

// TestPayQuestion: a missing pay is a question of its own, standing for
// the ratings taken from pay, with its swing from no income to full cover.
func TestPayQuestion(t *testing.T) {
	p := shareProfile()
	p.Priorities = append(p.Priorities, Priority{ID: "money", Weight: 1, FromPay: &[2]float64{40000, 80000}})
	p.Opportunities[1].Pay = nil
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	qs := Questions(s)
	var pay *Question
	for k := range qs {
		if qs[k].Index == 1 && qs[k].Pay {
			pay = &qs[k]
		}
		if qs[k].Index == 1 && qs[k].Priority == "money" {
			t.Errorf("the rating from pay has a question of its own: %+v", qs[k])
		}
	}
	if pay == nil {
		t.Fatalf("no pay question: %+v", qs)
	}
	a := &s.Assessments[1]
	// Fit: money's share (1/2) across the whole scale, at (1 − u); relief:
	// income weight 0.4 of 0.85 (insured? no: of 1), times chance.
	w := reliefWeightsFor(p.Params, a.Relief.CoverageCounted)
	want := 0.5*0.5*100 + 0.5*a.Relief.Chance*w.income*100
	if !near(pay.Swing, want) || pay.Label != "Pay" || pay.Priority != "" || pay.Ask == "" {
		t.Errorf("pay question %+v, want swing %v", pay, want)
	}
}
