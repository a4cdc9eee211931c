package model

import (
	"cmp"
	"math"
	"slices"
)

// This file is the search from a job (issue 22.2): whoever holds a job
// keeps an eye on the market, offers arrive at find_rate_employed, and
// one worth more than the job held, less leave_cost, is taken. A job's
// value is then its own months, what follows its end, and the climb it
// opens: Burdett's on-the-job search on the model's own market.
//
// In present value, a job whose months are worth base a month (its fit,
// less what it leaves uninsured, plus d × what follows its end) and that
// ends at rate d is worth W with
//
//	ρ·W = base − d·W + h·Σ q(x)·max(W(x) − cost − W, 0)
//
// where h is the hazard of an offer from a job, W(x) the value of the
// market's job x and cost what leaving costs. The right-hand side falls as
// W rises, so W is unique; it is found exactly, the sum being piecewise
// linear in W.

// climb is the market as seen from a job held: the values of the jobs a
// search finds, less the cost of leaving for one, ascending, with their
// chances and the sums above each.
type climb struct {
	// h is the monthly hazard of an offer from a job; 0 when nobody
	// searches from a job.
	h float64
	// pos[i] is the value of the i-th job less leave_cost, ascending;
	// sufQ[i] and sufM[i] are Σ q and Σ q·pos over the jobs from i on.
	pos, sufQ, sufM []float64
}

// set fills the climb from the market's job values and their chances, less
// cost.
func (c *climb) set(values, probs []float64, cost float64) {
	n := len(values)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(values[a], values[b]) })
	c.pos = c.pos[:0]
	for _, i := range idx {
		c.pos = append(c.pos, values[i]-cost)
	}
	c.sufQ, c.sufM = resize(c.sufQ, n+1), resize(c.sufM, n+1)
	c.sufQ[n], c.sufM[n] = 0, 0
	for k := n - 1; k >= 0; k-- {
		q := probs[idx[k]]
		c.sufQ[k] = c.sufQ[k+1] + q
		c.sufM[k] = c.sufM[k+1] + q*c.pos[k]
	}
}

func resize(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}

// hold is the value W of a job worth base a month that ends at rate d,
// discounting at rho: ρ·W = base − d·W + h·Σ q·max(pos − W, 0). With no
// search from a job it is base/(ρ + d).
func (c *climb) hold(base, rd float64) float64 {
	plain := base / rd
	n := len(c.pos)
	if c.h == 0 || n == 0 || plain >= c.pos[n-1] {
		return plain
	}
	// f(W) = base + h·Σ_{pos > W} q·(pos − W) − rd·W falls as W rises;
	// the root lies between the last pos where f ≥ 0 and the next.
	f := func(k int) float64 { // f at W = pos[k]
		w := c.pos[k]
		return base + c.h*(c.sufM[k+1]-c.sufQ[k+1]*w) - rd*w
	}
	// The first k with f(pos[k]) < 0; the root's set of jobs worth moving
	// for is k.. (those with pos above the root).
	k := sortSearch(n, func(k int) bool { return f(k) < 0 })
	return (base + c.h*c.sufM[k]) / (rd + c.h*c.sufQ[k])
}

// sortSearch is the least k in [0, n) for which ok is true, n if none; ok
// must be false and then true.
func sortSearch(n int, ok func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if !ok(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// climbMarket solves the market's jobs on the climb: given each job's
// months (flow[k] a month, ending at rate d[k], chance q[k]), what a
// search without a job is worth a month (idle), and the hazards of an
// offer without a job (h0) and from one (h1), it finds the value of
// searching without a job, V, and of holding each job, W[k], together:
//
//	ρ·V = idle + h0·Σ q·max(W − V, 0)
//	ρ·W = flow + d·V − d·W + h1·Σ q·max(W' − cost − W, 0)
//
// V is found by bisection on the first equation (its right side less ρ·V
// falls as V rises); for each V the W are found by [climbJobs]. Both are
// present values.
func climbMarket(flow, d, q []float64, idle, rho, h0, h1, cost float64) (V float64, W []float64) {
	cj := newClimbJobs(flow, d, q, rho, h1, cost)
	lo, hi := idle, idle
	for _, x := range flow {
		hi = math.Max(hi, x)
	}
	lo, hi = lo/rho, hi/rho
	phi := func(V float64) float64 {
		s := 0.0
		for k, w := range cj.solve(V) {
			s += q[k] * math.Max(0, w-V)
		}
		return idle + h0*s - rho*V
	}
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if phi(mid) >= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	V = lo + (hi-lo)/2
	return V, slices.Clone(cj.solve(V))
}

// climbJobs finds the values W of the market's jobs for a value V of
// searching without a job. A job's climb counts only the jobs worth more
// than it, so the jobs are solved from the best down, each against those
// above it (Burdett's ladder): one pass, exact when the values come out in
// the order the pass assumed, which is checked; otherwise passes repeat
// over every job until nothing moves.
type climbJobs struct {
	flow, d, q   []float64
	rho, h, cost float64
	order        []int
	W, base      []float64
	pos, sQ, sM  []float64 // the jobs solved so far, best first: value less cost, Σq, Σq·pos
	full         climb
}

func newClimbJobs(flow, d, q []float64, rho, h, cost float64) *climbJobs {
	n := len(flow)
	cj := &climbJobs{flow: flow, d: d, q: q, rho: rho, h: h, cost: cost, order: make([]int, n),
		W: make([]float64, n), base: make([]float64, n), pos: make([]float64, 0, n),
		sQ: make([]float64, 0, n+1), sM: make([]float64, 0, n+1)}
	cj.full.h = h
	for k := range cj.order {
		cj.order[k] = k
	}
	return cj
}

func (cj *climbJobs) solve(V float64) []float64 {
	n := len(cj.flow)
	for k := range n {
		cj.base[k] = cj.flow[k] + cj.d[k]*V
		cj.W[k] = cj.base[k] / (cj.rho + cj.d[k])
	}
	if cj.h == 0 {
		return cj.W
	}
	// Best first; the order of the last V is nearly right, so an
	// insertion sort from it is quick.
	for i := 1; i < n; i++ {
		k := cj.order[i]
		j := i
		for ; j > 0 && cj.W[cj.order[j-1]] < cj.W[k]; j-- {
			cj.order[j] = cj.order[j-1]
		}
		cj.order[j] = k
	}
	cj.pos, cj.sQ, cj.sM = cj.pos[:0], append(cj.sQ[:0], 0), append(cj.sM[:0], 0)
	ordered := true
	for _, k := range cj.order {
		rd := cj.rho + cj.d[k]
		// The top m jobs are worth moving for: W = (base + h·M_m)/(rd + h·Q_m),
		// with the least m at which the next job is not worth it.
		at := func(m int) float64 { return (cj.base[k] + cj.h*cj.sM[m]) / (rd + cj.h*cj.sQ[m]) }
		m := sortSearch(len(cj.pos), func(m int) bool { return cj.pos[m] <= at(m) })
		w := at(m)
		if np := len(cj.pos); np > 0 && w > cj.pos[np-1]+cj.cost+1e-9*math.Max(1, math.Abs(w)) {
			ordered = false // worth more than a job above it
		}
		cj.W[k] = w
		cj.pos = append(cj.pos, w-cj.cost)
		cj.sQ = append(cj.sQ, cj.sQ[len(cj.sQ)-1]+cj.q[k])
		cj.sM = append(cj.sM, cj.sM[len(cj.sM)-1]+cj.q[k]*(w-cj.cost))
	}
	if ordered {
		return cj.W
	}
	for range 10000 {
		cj.full.set(cj.W, cj.q, cj.cost)
		moved := 0.0
		for k := range cj.W {
			w := cj.full.hold(cj.base[k], cj.rho+cj.d[k])
			moved = math.Max(moved, math.Abs(w-cj.W[k]))
			cj.W[k] = w
		}
		if moved <= 1e-12*math.Max(1, math.Abs(V)) {
			break
		}
	}
	return cj.W
}
