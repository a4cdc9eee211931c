package model

import (
	"math"
	"os"
	"strconv"
)

// Experiment (not for main): a stopgap found at rate expLam once the money
// is gone. Mode A: the debt stock stops growing when found (cost on the
// stock, as today). Mode B: a month costs shortfall for the expenses unpaid
// in it (flow), the stock is charged at the first paycheck.
var expMode = os.Getenv("CALX")
var expLam = envf("CALL", 0)
var expGig = envf("CALG", 0)
var expDebt = envf("CALD", 1)
var expLead = envf("CALLEAD", 0)

func expQ(k float64) float64 { return math.Exp(-expLam * math.Min(k, expLead)) }

func envf(k string, d float64) float64 {
	if v := os.Getenv(k); v != "" {
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	return d
}

// expStock is the expected money missing at t (k: when the money runs out).
var expM = envf("CALM", 0)
var expS = envf("CALS", 1)

func expStock(burn, k, t float64) float64 {
	if expMode == "D" {
		return burn * math.Max(0, math.Min(t, expM)-k)
	}
	u := t - k
	if u <= 0 {
		return 0
	}
	if expLam == 0 {
		return burn * u
	}
	return expQ(k) * burn * (1 - math.Exp(-expLam*u)) / expLam
}

// expGapPV is the points cost between a and b, valued today.
func expGapPV(rho, burn, expenses, shortfall, k, a, b float64) float64 {
	shortfall *= expS
	lo := math.Max(a, k)
	if b <= lo {
		return 0
	}
	if expMode == "D" {
		prim := func(t float64) float64 { return -math.Exp(-rho*t) * ((t-k)/rho + 1/(rho*rho)) }
		v := 0.0
		if hi := math.Min(b, expM); hi > lo {
			v += prim(hi) - prim(lo)
		}
		m := math.Max(lo, expM)
		if b > m {
			v += math.Max(0, expM-k) * (math.Exp(-rho*m) - math.Exp(-rho*b)) / rho
			// a gig from when the money is gone and it is ready
			v = shortfall*burn/expenses*v + expGig*(math.Exp(-rho*m)-math.Exp(-rho*b))/rho
			return v
		}
		return shortfall * burn / expenses * v
	}
	l := expLam
	// ∫ e^(−ρt) dt and ∫ e^(−ρt − λ(t−k)) dt over [lo, b]
	i0 := (math.Exp(-rho*lo) - math.Exp(-rho*b)) / rho
	i1 := (math.Exp(-rho*lo-l*(lo-k)) - math.Exp(-rho*b-l*(b-k))) / (rho + l)
	var v float64
	switch expMode {
	case "A":
		if l == 0 {
			prim := func(t float64) float64 { return -math.Exp(-rho*t) * ((t-k)/rho + 1/(rho*rho)) }
			v = shortfall * burn / expenses * (prim(b) - prim(lo))
		} else {
			v = shortfall * burn / expenses * (i0 - i1) / l
		}
	case "B":
		v = shortfall * burn / expenses * i1
	}
	q := expQ(k)
	return q*v + expGig*(i0-q*i1)
}

func (l *ledger) expDebt(fp float64) float64 {
	k := math.Max(0, l.savings) / l.burn
	short := expStock(l.burn, k, fp)
	return expS * expDebt * l.shortfall * short / l.expenses * math.Exp(-l.rho*fp) * (1 - math.Exp(-l.rho*l.repay)) / l.rho
}

var expRepay = envf("CALR", 6)
