package model

import (
	"math"
)

// This file is McCall's job-search model in general form: a grid of offers
// with their probabilities, a discount factor, a chance that an offer
// arrives at all, and a flow of value while searching. Nothing here knows
// about scores or profiles; decide.go applies it to them.
//
// The value of searching is written as a flow: the steady amount per period
// that would be worth as much, (1 − β) × the present value. In those units
// the value of searching on and the reservation offer (the lowest offer
// worth accepting) are the same number, and both compare directly with an
// offer.

// Offers is a discrete distribution of offers: Values[i] arrives with
// probability Probs[i]. The probabilities sum to 1.
type Offers struct {
	Values, Probs []float64
}

// Mean is the expected offer.
func (o Offers) Mean() float64 {
	m := 0.0
	for i, v := range o.Values {
		m += o.Probs[i] * v
	}
	return m
}

// SD is the standard deviation of an offer.
func (o Offers) SD() float64 {
	m, v := o.Mean(), 0.0
	for i, x := range o.Values {
		v += o.Probs[i] * (x - m) * (x - m)
	}
	return math.Sqrt(v)
}

// BetaBinomial returns the probabilities of k = 0..n under the
// beta-binomial distribution with shapes a, b > 0:
//
//	P(k) = C(n, k) · B(k + a, n − k + b) / B(a, b)
//
// computed through log-gamma so that large n, a and b do not overflow.
func BetaBinomial(n int, a, b float64) []float64 {
	out := make([]float64, n+1)
	nf := float64(n)
	base := lgamma(nf+1) - logBeta(a, b)
	for k := 0; k <= n; k++ {
		kf := float64(k)
		out[k] = math.Exp(base - lgamma(kf+1) - lgamma(nf-kf+1) + logBeta(kf+a, nf-kf+b))
	}
	return out
}

// Binomial returns the probabilities of k = 0..n successes in n trials
// of chance p: the limit of [BetaBinomial] as a + b grows without bound.
func Binomial(n int, p float64) []float64 {
	out := make([]float64, n+1)
	switch {
	case p <= 0:
		out[0] = 1
		return out
	case p >= 1:
		out[n] = 1
		return out
	}
	nf := float64(n)
	for k := 0; k <= n; k++ {
		kf := float64(k)
		out[k] = math.Exp(lgamma(nf+1) - lgamma(kf+1) - lgamma(nf-kf+1) + kf*math.Log(p) + (nf-kf)*math.Log1p(-p))
	}
	return out
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

func logBeta(a, b float64) float64 { return lgamma(a) + lgamma(b) - lgamma(a+b) }

// Search is McCall's problem: each period an offer arrives with
// probability Arrival, drawn from Offers; the searcher accepts it for good
// or searches on, receiving a flow while searching and discounting the
// next period by Discount.
//
// Keep allows for jobs that end: it is the share of an accepted offer's
// value that is the offer's own, the rest being the value of searching
// again once the job ends. A job left with chance δ each period has
// Keep = (1 − β) / (1 − β + β·δ); Keep = 1 is a job for good, McCall's
// original case.
type Search struct {
	Offers   Offers
	Discount float64
	Arrival  float64
	Keep     float64
}

// accept is the flow value of accepting offer x when the search that a
// job's end returns to is worth back.
func (s Search) accept(x, back float64) float64 {
	if s.Keep == 1 {
		return x // so that back may be −Inf
	}
	return s.Keep*x + (1-s.Keep)*back
}

// step is one period of the Bellman recursion, in flow units: the value of
// searching this period with flow comp, when next period an arriving offer
// is weighed against reject (the value of turning it down then; −Inf when
// it must be taken) and, with no offer, the search is worth idle (also what
// a job taken then returns to when it ends):
//
//	w = (1 − β)·comp + β·[λ·Σ q(x)·max(accept(x), reject) + (1 − λ)·idle]
func (s Search) step(comp, reject, idle float64) float64 {
	take := 0.0
	for i, x := range s.Offers.Values {
		take += s.Offers.Probs[i] * math.Max(s.accept(x, idle), reject)
	}
	w := (1-s.Discount)*comp + s.Discount*s.Arrival*take
	if s.Arrival < 1 {
		w += s.Discount * (1 - s.Arrival) * idle
	}
	return w
}

// SearchPath is the solution of the search problem with a deadline, one
// entry per number of periods left.
type SearchPath struct {
	// Reservations[k] is the lowest offer worth accepting with k periods
	// left, which is also the value of searching on then. With none left
	// any offer must be taken: Reservations[0] is −Inf.
	Reservations []float64
	// Broke is the value of having no periods left and no offer in hand:
	// searching on with the last flow until an offer comes, then taking it.
	Broke float64
}

// Deadline solves the problem with a deadline, backwards from it. comp[k]
// is the flow while searching with k periods left (comp[0] once they are
// gone); the result has one reservation per entry of comp:
//
//	w_0 = −Inf
//	w_1 = (1 − β)·comp_1 + β·[λ·Σ q·accept(x) + (1 − λ)·broke]
//	w_k = (1 − β)·comp_k + β·[λ·Σ q·max(accept(x), w_{k−1}) + (1 − λ)·w_{k−1}]
//
// where broke solves broke = (1 − β)·comp_0 + β·[λ·Σ q·accept(x) + (1 − λ)·broke],
// a job taken when broke returning there when it ends. With Arrival = 1
// and Keep = 1 this is the textbook recursion w_k = (1 − β)c +
// β·Σ q·max(x, w_{k−1}).
//
// When comp never falls as k grows, no reservation falls either: more
// periods left are never worth less.
func (s Search) Deadline(comp []float64) SearchPath {
	if len(comp) == 0 {
		return SearchPath{}
	}
	β, λ := s.Discount, s.Arrival
	// broke·(1 − β + β·λ·Keep) = (1 − β)·comp_0 + β·λ·Keep·E[x]
	path := SearchPath{Reservations: make([]float64, len(comp))}
	path.Broke = ((1-β)*comp[0] + β*λ*s.Keep*s.Offers.Mean()) / (1 - β + β*λ*s.Keep)
	path.Reservations[0] = math.Inf(-1)
	for k := 1; k < len(comp); k++ {
		reject, idle := path.Reservations[k-1], path.Reservations[k-1]
		if k == 1 {
			idle = path.Broke
		}
		path.Reservations[k] = s.step(comp[k], reject, idle)
	}
	return path
}

// Value is the value of searching on with r periods left, r real: Broke
// at r ≤ 0, the reservation at whole periods, linear between them, and
// the last one beyond the path's end.
func (p SearchPath) Value(r float64) float64 {
	at := func(k int) float64 {
		if k <= 0 {
			return p.Broke
		}
		return p.Reservations[min(k, len(p.Reservations)-1)]
	}
	if r <= 0 || len(p.Reservations) == 0 {
		return p.Broke
	}
	if last := float64(len(p.Reservations) - 1); r >= last {
		return at(len(p.Reservations) - 1)
	}
	k := int(math.Floor(r))
	f := r - float64(k)
	lo, hi := at(k), at(k+1)
	return lo + f*(hi-lo)
}

// Stationary is the reservation offer with no deadline and a constant
// flow comp: the fixed point
//
//	w = (1 − β)·comp + β·[λ·Σ q·max(accept(x, w), w) + (1 − λ)·w]
//
// which the deadline reservations approach as the periods left grow. The
// right-hand side rises by less than β for each unit of w, so the fixed
// point is unique; it is found by bisection to the last bit.
func (s Search) Stationary(comp float64) float64 {
	lo, hi := comp, comp
	for _, x := range s.Offers.Values {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	// At lo the right-hand side is at least lo, at hi at most hi.
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if s.step(comp, mid, mid) >= mid {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// OnTheJobReservation is the reservation wage of the textbook model of
// search on the job (Burdett 1978; Mortensen), in continuous time with
// wage offers uniform on [0, 1]: a worker not working receives the flow
// b and offers at rate λ0; a worker in a job receives its wage, offers at
// rate λ1, and loses the job at rate δ; the future is discounted at r. The
// reservation wage R solves
//
//	R = b + (λ0 − λ1)·∫_R^1 (1 − F(w)) / (r + δ + λ1·(1 − F(w))) dw
//
// With F uniform the integral is closed: with u = 1 − w and a = r + δ,
// ∫_0^(1−R) u / (a + λ1·u) du = x/λ1 − (a/λ1²)·ln(1 + λ1·x/a), x = 1 − R
// (x²/(2a) at λ1 = 0). The right-hand side falls as R rises, so the root
// is unique; it is found by bisection. As λ1 rises to λ0 the option of
// searching from a job is as good as searching without one, and R falls
// to b: any job at least as good as not working is worth taking.
func OnTheJobReservation(b, r, delta, lambda0, lambda1 float64) float64 {
	a := r + delta
	integral := func(R float64) float64 {
		x := 1 - R
		if x <= 0 {
			return 0
		}
		if lambda1 == 0 {
			return x * x / (2 * a)
		}
		return x/lambda1 - a/(lambda1*lambda1)*math.Log1p(lambda1*x/a)
	}
	gap := func(R float64) float64 { return b + (lambda0-lambda1)*integral(R) - R }
	lo, hi := math.Min(b, 0), math.Max(b, 1)
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if gap(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}
