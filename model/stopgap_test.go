package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestStopgapGapMatchesTheIntegral: with stopgap work in place from stop,
// the shortfall's cost is the integral it stands for: the money missing
// grows until stop and stays as it was after, and each month after stop
// that the money would be short costs gig.
func TestStopgapGapMatchesTheIntegral(t *testing.T) {
	for _, stop := range []float64{0, 0.2, 1.5, 3, 30} {
		l := ledger{savings: 1000, burn: 2000, expenses: 2500, shortfall: 100, rho: -math.Log(0.99), stopping: true, stop: stop, gig: 25}
		for _, c := range []struct{ a, b float64 }{{0, 0.3}, {0, 2}, {0.7, 3.5}, {1, 1.2}, {0, 24}} {
			want := 0.0
			const n = 200000
			h := (c.b - c.a) / n
			for k := range n {
				t0 := c.a + (float64(k)+0.5)*h
				missing := math.Max(0, l.burn*math.Min(t0, stop)-l.savings)
				v := l.shortfall / l.expenses * missing
				if t0 > stop && l.burn*t0 > l.savings {
					v += l.gig
				}
				want += math.Exp(-l.rho*t0) * v * h
			}
			if got := l.gap(c.a, c.b); math.Abs(got-want) > 1e-5*math.Max(1, want) {
				t.Errorf("stop %v: gap(%v, %v) = %v, want %v", stop, c.a, c.b, got, want)
			}
		}
	}
}

// TestDatedStopgapMatchesTheIntegral: the same on a dated ledger, with a
// job's bonus and costs, and the debt at the first paycheck no more than
// what was missing when the stopgap work began.
func TestDatedStopgapMatchesTheIntegral(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 4))
	rho := -math.Log(0.99)
	const mc, gig = 0.04, 25.0
	for n := range 40 {
		p := randomLedger(r)
		lg := NewLedger(p, p.Situation, today)
		m := &jobMoney{bonus: float64(r.IntN(3000)), gross: 1, bonusDays: float64(r.IntN(40) - 5), upfront: float64(r.IntN(2000)), monthly: float64(r.IntN(500))}
		s := 0.3 + r.Float64()*3
		fp := s + 0.5
		a := r.Float64() * 2
		b := a + r.Float64()*6
		stop := r.Float64() * 5
		S := lg.Savings
		deficit := func(t0 float64) float64 {
			add, _ := m.overlay(t0, s, fp, true)
			return -(S + lg.all.at(t0) + add)
		}
		capAt := math.Max(0, deficit(stop))
		want := 0.0
		const steps = 200000
		h := (b - a) / steps
		for k := range steps {
			t0 := a + (float64(k)+0.5)*h
			d := math.Max(0, deficit(t0))
			v := mc * d
			if t0 > stop {
				v = mc * math.Min(d, capAt)
				if d > 0 {
					v += gig
				}
			}
			want += math.Exp(-rho*t0) * v * h
		}
		got := mc*lg.all.shortPV(rho, S, a, b, m, s, fp, true) + lg.all.stopPV(rho, S, a, b, m, s, fp, true, stop, mc, gig)
		if math.Abs(got-want) > 1e-4*math.Max(1, want) {
			t.Fatalf("case %d: stopgap from %v: %v, want %v", n, stop, got, want)
		}
		owed := lg.all.shortAt(S, fp, 0, m, s, true, &lg.keep, stop)
		if wantOwed := math.Max(0, deficit(fp)); fp > stop {
			wantOwed = math.Min(wantOwed, capAt)
			if math.Abs(owed-wantOwed) > 1e-6 {
				t.Fatalf("case %d: owed %v at %v, want %v (stop %v)", n, owed, fp, wantOwed, stop)
			}
		}
	}
}

// TestStopgapDatedIsSteady: with stopgap_months set, monthly_income = X and
// an [[income]] of X with no end that ends with a job still give the same
// answers, so both ledgers price the stopgap alike.
func TestStopgapDatedIsSteady(t *testing.T) {
	for _, savings := range []float64{0, 3000, 12000} {
		steady := withSavings(nearlyBroke(0), savings)
		dated := withSavings(nearlyBroke(0), savings)
		dated.Situation.MonthlyIncome = nil
		dated.Incomes = []Income{{Name: "part-time", Monthly: 500, EndsWithJob: true}}
		steady.Search.StopgapMonths, dated.Search.StopgapMonths = 2, 2
		_, d1 := decideAt(t, steady, Request{})
		_, d2 := decideAt(t, dated, Request{})
		close := func(what string, a, b float64) {
			t.Helper()
			if !(math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))) {
				t.Errorf("savings %v: %s %v, dated %v", savings, what, a, b)
			}
		}
		if d1.Verdict.Action != d2.Verdict.Action || d1.Verdict.Offer != d2.Verdict.Offer {
			t.Errorf("savings %v: verdict %v/%d, dated %v/%d", savings, d1.Verdict.Action, d1.Verdict.Offer, d2.Verdict.Action, d2.Verdict.Offer)
		}
		close("verdict value", d1.Verdict.Value, d2.Verdict.Value)
		for k := range d1.Offers {
			close("accept", d1.Offers[k].Accept, d2.Offers[k].Accept)
			close("search", d1.Offers[k].Search, d2.Offers[k].Search)
		}
		for k := range d1.Reservations {
			close("reservation", d1.Reservations[k].Fit, d2.Reservations[k].Fit)
		}
	}
}
