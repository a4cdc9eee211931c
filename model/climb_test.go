package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestClimbHoldSolvesItsEquation: on random markets, the value hold gives
// a job solves ρ·W = base − d·W + h·Σ q·max(pos − W, 0) (rd = ρ + d), and
// with no search from a job it is base/rd.
func TestClimbHoldSolvesItsEquation(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 2))
	for trial := range 500 {
		n := 1 + r.IntN(40)
		values, probs := make([]float64, n), make([]float64, n)
		total := 0.0
		for k := range n {
			values[k] = r.Float64() * 10000
			probs[k] = r.Float64()
			total += probs[k]
		}
		for k := range probs {
			probs[k] /= total
		}
		c := climb{h: r.Float64()}
		c.set(values, probs, r.Float64()*50)
		base, rd := r.Float64()*100, 0.01+r.Float64()*0.3
		w := c.hold(base, rd)
		sum := 0.0
		for k, v := range c.pos {
			sum += math.Max(0, v-w) * (c.sufQ[k] - c.sufQ[k+1])
		}
		if res := rd*w - base - c.h*sum; math.Abs(res) > 1e-9*math.Max(1, base) {
			t.Fatalf("trial %d: W = %v leaves %v", trial, w, res)
		}
		c.h = 0
		if got := c.hold(base, rd); got != base/rd {
			t.Fatalf("trial %d: with no search from a job W = %v, want %v", trial, got, base/rd)
		}
	}
}

// TestClimbMarketSolvesBothEquations: the value of searching and of each
// job that climbMarket returns solve their equations, and the jobs come
// out the same whether solved from the best down or by repeated passes.
func TestClimbMarketSolvesBothEquations(t *testing.T) {
	p := DefaultSearchParams()
	rho := -math.Log(p.Discount)
	o := ScoreOffers(48, 30)
	flow, d := make([]float64, len(o.Values)), make([]float64, len(o.Values))
	for k, x := range o.Values {
		flow[k], d[k] = x-5, p.LeaveChance(x)
	}
	for _, h1 := range []float64{0, hazard(0.1), hazard(0.3)} {
		V, W := climbMarket(flow, d, o.Probs, 25, rho, hazard(0.3), h1, 20)
		s := 0.0
		for k, w := range W {
			s += o.Probs[k] * math.Max(0, w-V)
		}
		if res := 25 + hazard(0.3)*s - rho*V; math.Abs(res) > 1e-9*V {
			t.Errorf("h1 %v: the search's equation leaves %v", h1, res)
		}
		for k, w := range W {
			s := 0.0
			for i, x := range W {
				s += o.Probs[i] * math.Max(0, x-20-w)
			}
			if res := flow[k] + d[k]*V - (rho+d[k])*w + h1*s; math.Abs(res) > 1e-9*V {
				t.Errorf("h1 %v: job %d's equation leaves %v", h1, k, res)
			}
		}
	}
}

// TestClimbMarketReproducesBurdett: the product's climb, on wages uniform
// on [0, 1] (a fine grid), with every job's flow its wage, ending at δ,
// and offers at λ0 and λ1, gives the textbook's reservation wage (issue
// 22.5: b = 0.2, r = 0.05, δ = 0.1, λ0 = 1): the wage at which holding a
// job is worth as much as searching. The grid's reservations are within
// 6e-5 of the closed form's.
func TestClimbMarketReproducesBurdett(t *testing.T) {
	const n = 4001
	flow, d, q := make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range n {
		flow[k], d[k], q[k] = float64(k)/(n-1), 0.1, 1.0/n
	}
	for _, c := range []struct{ lambda1, want float64 }{{0, 0.637652}, {0.25, 0.546806}, {0.5, 0.442457}, {1, 0.2}} {
		V, W := climbMarket(flow, d, q, 0.2, 0.05, 1, c.lambda1, 0)
		// W rises with the wage; the reservation is where it meets V.
		k := 0
		for k+1 < n && W[k+1] < V {
			k++
		}
		R := flow[k]
		if W[k] < V && k+1 < n {
			R += (V - W[k]) / (W[k+1] - W[k]) * (flow[k+1] - flow[k])
		}
		if math.Abs(R-c.want) > 1e-4 { // the grid's step is 2.5e-4
			t.Errorf("λ1 = %v: reservation %.6f, the textbook's %.6f", c.lambda1, R, c.want)
		}
	}
}

// TestReservationFallsTowardSearchFit holds the product to the textbook's
// shape (issue 22.5): with money that never runs short, a search that
// does not slow, and leaving free, the reservation fit falls as
// find_rate_employed rises, and at find_rate it is within a point of
// search_fit, what a month without a job is worth (24.40 against 25: a job
// found from a job starts at once, one found without one start_days
// later). Leaving at a cost keeps it higher.
func TestReservationFallsTowardSearchFit(t *testing.T) {
	at := func(employed, leaveCost float64) float64 {
		p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
			Situation:  Situation{Savings: Float(1e9), MonthlyExpenses: Float(3000), Insured: Bool(true)},
			Priorities: []Priority{{ID: "fit", Weight: 1}},
			Opportunities: []Opportunity{{Name: "Lead", Stage: StageApplied, Pay: Float(60000), Insurance: true,
				Ratings: map[string]Rating{"fit": {Low: 4, High: 4}}}},
		}
		p.Search.FindRateLong = p.Search.FindRate
		p.Search.FindRateEmployed, p.Search.LeaveCost = employed, leaveCost
		_, d := decideAt(t, p, Request{})
		if d.Now.Any || d.Now.Never {
			t.Fatalf("find_rate_employed %v: reservation %+v", employed, d.Now)
		}
		return d.Now.Fit
	}
	prev := math.Inf(1)
	for _, f := range []float64{0, 0.05, 0.1, 0.2, 0.25, 0.3} {
		got := at(f, 0)
		if got >= prev {
			t.Errorf("find_rate_employed %v: reservation %.2f, not below %.2f", f, got, prev)
		}
		prev = got
	}
	if sf := DefaultSearchParams().SearchFit; math.Abs(prev-sf) > 1 {
		t.Errorf("searching from a job as fast as without one: reservation %.2f, want within a point of search_fit %v", prev, sf)
	}
	if free, costly := at(0.3, 0), at(0.3, 20); costly <= free {
		t.Errorf("leave_cost 20: reservation %.2f, not above %.2f with leaving free", costly, free)
	}
}
