package model

import (
	"math"
	"testing"
)

// afterJobTimeline is a timeline with only what searchShort and afterPay
// read: a burn of 2,000 a month against expenses of 2,500, a fresh
// search's hazard, start and pay delays, and stopgap work or none.
func afterJobTimeline(stopping bool) *timeline {
	tl := &timeline{rho: -math.Log(0.99), freshHazard: hazard(0.3)}
	tl.market.startDelay, tl.market.payDelay = 1, 0.5
	tl.cash = ledger{burn: 2000, expenses: 2500, shortfall: 100, repay: 6, rho: tl.rho, stopping: stopping, gig: 10}
	tl.afterBurn = tl.cash.burn
	h, delay := tl.freshHazard, tl.market.startDelay+tl.market.payDelay
	if stopping {
		tl.stopLate = tl.cash.gig * math.Exp(h*delay) / (tl.rho + h)
	}
	return tl
}

// TestSearchShortMatchesTheIntegral: the cost of a search after a job, from
// given savings (negative: a debt), is the integral it stands for: until
// pay comes (start and first paycheck after a job found at the fresh
// hazard) each month costs shortfall_cost per month of expenses missing
// and, with stopgap work, stopgap_cost while short; the money missing when
// pay comes costs for repay_months. With stopgap work (lined up while in
// the job) the money missing never grows.
func TestSearchShortMatchesTheIntegral(t *testing.T) {
	for _, stopping := range []bool{false, true} {
		tl := afterJobTimeline(stopping)
		l := &tl.cash
		r, h, delay := tl.rho, tl.freshHazard, tl.market.startDelay+tl.market.payDelay
		for _, savings := range []float64{-3000, 0, 1000, 2999, 3000, 5000, 20000} {
			k := savings / l.burn
			missing := func(t0 float64) float64 { // months of burn missing at t0
				if stopping {
					return math.Max(0, -k)
				}
				return math.Max(0, t0-k)
			}
			c := l.shortfall * l.burn / l.expenses
			repay := (1 - math.Exp(-r*l.repay)) / r
			want := 0.0
			const step, end = 0.0005, 150.0
			for t0 := step / 2; t0 < end; t0 += step {
				unpaid := 1.0
				if t0 > delay {
					unpaid = math.Exp(-h * (t0 - delay))
				}
				v := c * missing(t0)
				if stopping && t0 >= k {
					v += l.gig
				}
				want += math.Exp(-r*t0) * unpaid * v * step
				if t0 > delay {
					want += h * unpaid * math.Exp(-r*t0) * c * repay * missing(t0) * step
				}
			}
			if got := tl.searchShort(savings); math.Abs(got-want) > 1e-4*math.Max(1, want) {
				t.Errorf("stopgap %v, savings %v: searchShort = %v, want %v", stopping, savings, got, want)
			}
		}
	}
}

// TestAfterPayAveragesOverTheEnd: what a job leaves at its end is the
// search's cost from the money then, averaged over when the job ends (at
// its rate of leaving), with the job's surplus over the expenses saved
// until then; a job that pays no more than the expenses leaves the money
// at its first paycheck.
func TestAfterPayAveragesOverTheEnd(t *testing.T) {
	for _, stopping := range []bool{false, true} {
		for _, c := range []struct{ savings, net float64 }{
			{9000, 2000}, {9000, 2500}, {9000, 3100}, {9000, 4000}, {3500, 2500}, {3500, 2600}, {3500, 4000}, {1000, 3100},
			{9000, 6000}, {1000, 6000},
		} {
			for _, leave := range []float64{0.1, 1.0 / 60} {
				tl := afterJobTimeline(stopping)
				tl.cash.savings = c.savings
				pr := tl.pricing()
				net := c.net
				j := &jobTerms{fit: 40, leave: leave, start: 0.5, firstPay: 1, net: net, chance: 1}
				atPay := math.Max(0, tl.cash.savings-tl.cash.burn*j.firstPay)
				surplus := math.Max(0, net-tl.cash.expenses)
				r, d := tl.rho, j.leave
				want := 0.0
				for _, part := range []struct{ from, to, step float64 }{{0, 20, 0.001}, {20, 2000, 0.02}} {
					for T := part.from + part.step/2; T < part.to; T += part.step {
						want += d * math.Exp(-(r+d)*T) * tl.searchShort(atPay+surplus*math.Max(0, j.start+T-j.firstPay)) * part.step
					}
				}
				want *= math.Exp(-r * j.start)
				if got := tl.afterPay(j, j.start, j.firstPay, &pr); math.Abs(got-want) > afterPayTolerance(stopping)*math.Max(1, want) {
					t.Errorf("stopgap %v, savings %v, net %v, leave %.4f: afterPay = %v, want %v", stopping, c.savings, net, leave, got, want)
				}
			}
		}
	}
}

// afterPayTolerance is how close afterPay must come to the integral: with
// stopgap work it is in closed form (the integral's own step is the
// error); without, Simpson's rule before the money lasts the delay.
func afterPayTolerance(stopping bool) float64 {
	if stopping {
		return 1e-5
	}
	return 1e-4
}
