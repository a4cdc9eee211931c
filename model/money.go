package model

import (
	"math"
	"slices"
)

// This file follows money through time for [Decide]. Time runs in months
// from today (a day is 1/30.4375 of a month), continuously, and every value
// is a present value: what a stream of monthly amounts is worth today at
// the rate ρ = −ln(discount) a month.
//
// Until a paycheck arrives every course of action burns the savings at the
// same rate, monthly_expenses − monthly_income. Once they are gone, each
// month costs shortfall_cost for every month of expenses missing in it, so
// the cost of a wait grows with its square: a wait twice as long runs twice
// as deep into the red for twice as long. A month without health coverage
// costs uninsured_cost while the situation is uninsured; a month without a
// job is worth search_fit; a month in a job is worth its fit. A job lasts
// its fit's tenure on average, is searched from meanwhile (climb.go), and
// then its holder searches again with the money left then (afterPay);
// stopgap work, stopgap_months away today and lined up in the job after,
// stops the money missing from growing.
//
// Courses of action are followed on one timeline of nodes: a fine grid (a
// week at first, a fortnight later), every offer's deadline and every
// process's decision date. Between nodes, while no offer is held, a search
// brings an offer at the rate find_rate gives for the spell so far, its
// fit drawn from the fits of the person's own opportunities, and it is
// taken when it is worth more than going on: McCall's search, with money. At a process's decision the
// job comes through with its chance and is taken when worth more; at an
// offer's deadline the offer is accepted or lets lapse, whichever is worth
// more. One backward pass over the nodes values every course at once;
// nothing is sampled.

// horizonMonths is how far the timeline runs. A search finds a job with at
// least find_rate_long a month, so the chance of still searching after ten
// years is below e^−19 at the default rates.
const horizonMonths = 120

// gridTimes lays out the grid: a week for the first year, where decisions
// and deadlines fall, a fortnight to the third, a month after; fine
// divides every step by that much more (a test halves them and checks that
// no value moves).
func gridTimes(fine float64) []float64 {
	var out []float64
	t := 0.0
	for _, g := range [...]struct{ until, step float64 }{{12, 0.25}, {36, 0.5}, {horizonMonths, 1}} {
		for ; t < g.until-sameTime; t += g.step / fine {
			out = append(out, t)
		}
	}
	return append(out, horizonMonths)
}

// sameTime is how close two times (in months) must be to share a node: a
// hundredth of a second.
const sameTime = 1e-8

// valueTolerance is the margin, in present value, within which two courses
// count as worth the same; a tie goes to the offer in hand.
const valueTolerance = 1e-9

// monthsUntil is the time from today to d in months; 0 for the zero date.
func monthsUntil(today, d Date) float64 {
	if d.IsZero() {
		return 0
	}
	return float64(today.DaysUntil(d)) / daysPerMonth
}

// ledger is the money side of the situation: what is saved, what burns
// each month before any paycheck arrives, and what missing money costs.
type ledger struct {
	savings, burn, expenses float64
	// shortfall is the cost of a month with a whole month of expenses
	// missing; repay how many months the debt left when pay arrives is
	// counted at that cost.
	shortfall, repay float64
	rho              float64
	// stopping reports that stopgap work is in place from stop on: the
	// money missing stops growing then, and each month it would be short
	// costs gig points (stopgap_cost).
	stopping  bool
	stop, gig float64
	// lg is the situation's ledger; dated reports that something in it
	// has a date, and then the money follows it (ledger.go) rather than
	// savings − burn·t.
	lg    *Ledger
	dated bool
}

// runway is the months the savings last at the current burn; +Inf when
// nothing burns.
func (l *ledger) runway() float64 {
	if l.dated {
		return l.lg.Runway(l.savings)
	}
	return runwayFor(l.savings, l.burn)
}

// short is the money missing at time t if no paycheck has arrived by then.
func (l *ledger) short(t float64) float64 {
	if l.dated {
		return math.Max(0, -l.lg.Balance(l.savings, t))
	}
	if l.burn <= 0 {
		return 0
	}
	return math.Max(0, l.burn*t-math.Max(0, l.savings))
}

// gap is the present value of the shortfall's cost between a and b when no
// paycheck arrives before b:
//
//	shortfall/expenses · ∫ₐᵇ e^(−ρt) · max(0, burn·t − savings) dt
func (l *ledger) gap(a, b float64) float64 {
	if l.dated {
		if l.moneyCoef() == 0 {
			return 0
		}
		S := math.Max(0, l.savings)
		return l.moneyCoef()*l.lg.all.shortPV(l.rho, S, a, b, nil, 0, 0, false) +
			l.lg.all.stopPV(l.rho, S, a, b, nil, 0, 0, false, l.stopAt(), l.moneyCoef(), l.gig)
	}
	if l.burn <= 0 || l.shortfall == 0 || b <= a {
		return 0
	}
	k := math.Max(0, l.savings) / l.burn
	if l.stopping {
		return l.stopGap(a, b, k)
	}
	lo := math.Max(a, k)
	if b <= lo {
		return 0
	}
	return l.shortfall * l.burn / l.expenses * (l.deficitIntegral(b, k) - l.deficitIntegral(lo, k))
}

// stopAt is when stopgap work is in place, +Inf when it never is.
func (l *ledger) stopAt() float64 {
	if !l.stopping {
		return math.Inf(1)
	}
	return l.stop
}

// stopGap is gap when stopgap work is in place from l.stop: the money
// missing grows until then and stays as it was after, and every month after
// it that the money would be short costs l.gig.
func (l *ledger) stopGap(a, b, k float64) float64 {
	lo := math.Max(a, k)
	if b <= lo {
		return 0
	}
	r := l.rho
	v := 0.0
	if hi := math.Min(b, l.stop); hi > lo {
		v += l.deficitIntegral(hi, k) - l.deficitIntegral(lo, k)
	}
	m := math.Max(lo, l.stop)
	if b <= m {
		return l.shortfall * l.burn / l.expenses * v
	}
	pv := (math.Exp(-r*m) - math.Exp(-r*b)) / r
	v += math.Max(0, l.stop-k) * pv
	return l.shortfall*l.burn/l.expenses*v + l.gig*pv
}

// debt is the present value of the cost of the money still missing when
// the first paycheck arrives at fp: it is paid back from the pay, and
// counted whole at the shortfall's cost for repay_months.
func (l *ledger) debt(fp float64) float64 {
	if l.dated {
		short := l.lg.all.shortAt(math.Max(0, l.savings), fp, l.repay, nil, 0, false, &l.lg.keep, l.stopAt())
		return l.debtCoef() * short * math.Exp(-l.rho*fp)
	}
	short := l.short(math.Min(fp, l.stopAt()))
	if short == 0 || l.shortfall == 0 {
		return 0
	}
	r := l.rho
	return l.shortfall * short / l.expenses * math.Exp(-r*fp) * (1 - math.Exp(-r*l.repay)) / r
}

// savingsFor is the savings that last R months with no new job: R × burn,
// or on a dated ledger the least that last that long.
func (l *ledger) savingsFor(R float64) float64 {
	if l.dated {
		return l.lg.SavingsFor(R)
	}
	return R * l.burn
}

// moneyCoef is the cost of a month with one unit of money missing; 0 when
// missing money costs nothing.
func (l *ledger) moneyCoef() float64 {
	if l.expenses <= 0 || l.shortfall == 0 {
		return 0
	}
	return l.shortfall / l.expenses
}

// debtCoef is the cost of one unit of money missing at the first paycheck,
// counted for repay_months, valued then.
func (l *ledger) debtCoef() float64 {
	return l.moneyCoef() * (1 - math.Exp(-l.rho*l.repay)) / l.rho
}

// general reports whether job j's money is followed on the dated ledger
// (ledger.go) rather than by savings − burn·t: something is dated, or the
// job adds money of its own. j is nil for a job that adds nothing.
func (l *ledger) general(j *jobTerms) bool { return l.dated || j != nil && j.money != nil }

// jobShort is the shortfall's cost until job j's first paycheck, decided
// at td, started at s and first paying at fp, and the debt left then
// (valued today), on the dated ledger at savings S. A bonus that is
// repaid when the job is left within its clawback months counts only
// for the chance that it is kept: what it buys is given back otherwise.
func (l *ledger) jobShort(j *jobTerms, S, td, s, fp, dfp float64) (gap, debt float64) {
	f := &l.lg.all
	mc, dc := l.moneyCoef(), l.debtCoef()
	if mc == 0 {
		return 0, 0
	}
	gap = mc*f.shortPV(l.rho, S, td, fp, j.money, s, fp, true) + f.stopPV(l.rho, S, td, fp, j.money, s, fp, true, l.stopAt(), mc, l.gig)
	debt = dc * f.shortAt(S, fp, l.repay, j.money, s, true, &l.lg.keep, l.stopAt()) * dfp
	if q := j.money.clawbackChance(j.leave); q > 0 {
		g0 := mc*f.shortPV(l.rho, S, td, fp, j.money, s, fp, false) + f.stopPV(l.rho, S, td, fp, j.money, s, fp, false, l.stopAt(), mc, l.gig)
		d0 := dc * f.shortAt(S, fp, l.repay, j.money, s, false, &l.lg.keep, l.stopAt()) * dfp
		gap += q * (g0 - gap)
		debt += q * (d0 - debt)
	}
	return gap, debt
}

// deficitIntegral is an antiderivative of e^(−ρt)·(t − k).
func (l *ledger) deficitIntegral(t, k float64) float64 {
	r := l.rho
	return -math.Exp(-r*t) * ((t-k)/r + 1/(r*r))
}

// jobTerms are the facts of one job that the timeline needs.
type jobTerms struct {
	// fit is its fit (0..100); leave the monthly rate at which its holder
	// leaves it.
	fit, leave float64
	// start and firstPay are when it starts and first pays, in months
	// from today; a decision later than start moves both by as much.
	start, firstPay float64
	// net is its pay after tax a month, and uncovered the share of the
	// expenses it leaves unpaid.
	net, uncovered float64
	// contract is its length in months when it is a contract, else 0.
	contract float64
	// insurance reports that it provides coverage, after insWait months.
	insurance bool
	insWait   float64
	// money is what it adds to the ledger (a signing bonus, its costs),
	// or nil.
	money *jobMoney
	// chance is the chance it comes through once accepted: 1 for a
	// process that has said yes; an offer's own chance otherwise. One that
	// falls through is found out on its first payday, and the search
	// starts again from there.
	chance float64
}

// timeline is the search model solved for one situation: the constants of
// every job and the grid, ready for passes at any level of savings.
type timeline struct {
	p   SearchParams
	rho float64
	// cash is the money side; its savings change from pass to pass.
	cash ledger
	// unins is the cost of a month without coverage (0 when insured);
	// idle what a month without a job is worth, coverage counted.
	unins, idle float64
	// spell is how long the search has lasted today, in months.
	spell float64
	// climb is the market as seen from a job held, for the search from
	// it (climb.go).
	climb climb
	// freshHazard is the hazard of finding a job early in a spell, for a
	// search after a job (searchShort); stopLate a constant of its cost;
	// afterBurn what such a search burns a month: the steady burn, but
	// without the pay of the job held now, which was left for the new one.
	freshHazard, stopLate, afterBurn float64
	// endValue is the present value, at the moment a job ends, of
	// searching again, before what the money left then costs (afterPay).
	endValue float64
	// held is the job held now (stage current), when there is one.
	held heldTerms
	// market is the job a search finds, on average.
	market marketTerms
	// grid are the times the search steps between.
	grid []float64
	// shared is the state's memo of layout shapes (see sharedMemo), or
	// nil; procEvents the solver's processes' job constants.
	shared     *sharedMemo
	procEvents *procEventMemo
}

// heldTerms are the job held now on the timeline: what a month in it is
// worth (its fit, less the cost of no coverage when it gives none), when
// it ends, in months from today (+Inf when it does not), and with no end
// date the monthly rate at which it is left, as any job at its fit. on is
// false with no job held.
type heldTerms struct {
	on                  bool
	value, until, leave float64
}

// marketTerms are the jobs a search finds: their delays, and for each fit
// on the grid 0..100 the part of its value that does not depend on when it
// is found or on the savings, sorted, with running sums for the expected
// value of taking the best of it and going on.
type marketTerms struct {
	startDelay, payDelay float64
	// worth[k] is, per unit of e^(−ρ·start), the value of holding the k-th
	// job (its fit, what it leaves uncovered or uninsured, the search after
	// it); prob[k] its chance; below[k] and mass[k] the sums of prob and
	// prob·worth over the jobs before k.
	worth, prob, below, mass []float64
	fit                      float64
	// job is the job a search finds, at the mean fit, for what its pay
	// does to the money (see timeline.afterPay).
	job jobTerms
}

// expect is E[max(worth, z)] over the jobs a search finds, and the chance
// that a job beats z.
func (m *marketTerms) expect(z float64) (float64, float64) {
	k, _ := slices.BinarySearch(m.worth, z)
	n := len(m.worth)
	total, totalMass := m.below[n], m.mass[n]
	v := totalMass - m.mass[k]
	if k > 0 {
		v += z * m.below[k]
	}
	return v, total - m.below[k]
}

// idlePV is the value of the months between a and b without a job.
func (tl *timeline) idlePV(a, b float64) float64 {
	if b <= a {
		return 0
	}
	r := tl.rho
	if h := &tl.held; h.on {
		// The job held is worked until it ends; the months after are
		// without a job.
		v := 0.0
		if e := math.Min(b, h.until); a < e {
			// It ends, too, at its fit's rate of leaving, as every job does,
			// and what follows is what follows any job's end (endValue).
			rd, back := r+h.leave, r*tl.endValue
			v += (h.value-back)*(math.Exp(-rd*a)-math.Exp(-rd*e))/rd + back*(math.Exp(-r*a)-math.Exp(-r*e))/r
		}
		if b > h.until {
			v += tl.idle * (math.Exp(-r*math.Max(a, h.until)) - math.Exp(-r*b)) / r
		}
		return v
	}
	return tl.idle * (math.Exp(-r*a) - math.Exp(-r*b)) / r
}

// workPV is the value, at today's prices, of holding job j from its start s
// until it ends, and of searching again after, with its first pay at fp.
func (tl *timeline) workPV(j *jobTerms, s, fp float64) float64 {
	r, d := tl.rho, j.leave
	uninsured := 1.0
	if j.insurance {
		uninsured = 1 - math.Exp(-(r+d)*j.insWait)
	}
	// A job that pays less than the expenses leaves that share short every
	// month, whatever the savings: the model errs against a job that does
	// not cover your costs. It is a cost of holding the job, weighed
	// against the jobs found from it as theirs are, but not before the
	// first pay, where the wait's shortfall is counted from the savings.
	short := tl.cash.shortfall * j.uncovered
	v := math.Exp(-r*s) * tl.climb.hold(j.fit+d*tl.endValue-tl.unins*uninsured-short, r+d)
	if short > 0 && fp > s {
		v += short * math.Exp(-r*s) * -math.Expm1(-(r+d)*(fp-s)) / (r + d)
	}
	return v
}

// afterPay is the cost, at today's prices and at the pass's savings, of
// what a job leaves when it ends: its holder searches again with the
// money left then (the savings at its first paycheck, less any debt, and
// what the job's pay added or took while it lasted), so a job that pays
// less than the expenses, or a short contract on little money, leaves a
// search that runs short too. A job ends at its fit's rate of leaving (a
// contract at least at 1/contract_months, with the money it leaves
// counted at its full length), and the money left is averaged over when.
// A job left for a better one found from it (the climb) is counted as
// ending the same way: the model errs against staying short.
func (tl *timeline) afterPay(j *jobTerms, s, fp float64, pr *pricing) float64 {
	if pr.gapCoef == 0 && pr.debtCoef == 0 {
		return 0
	}
	r, d := tl.rho, j.leave
	atPay := math.Max(0, pr.savings-pr.burn*fp)
	monthly := 0.0
	if tl.cash.general(j) {
		add, _ := j.money.overlay(fp, s, fp, true)
		atPay = math.Max(0, pr.savings+tl.cash.lg.all.at(fp)+add)
		if j.money != nil {
			monthly = j.money.monthly
		}
	}
	// A job that pays less than the expenses is charged for it month by
	// month while it lasts (workPV); only what it adds is carried to its
	// end.
	surplus := math.Max(0, j.net-tl.cash.expenses-monthly)
	if surplus == 0 && j.contract <= 0 {
		return d * math.Exp(-r*s) / (r + d) * tl.searchShort(atPay)
	}
	if j.contract > 0 {
		left := atPay + surplus*math.Max(0, s+j.contract-fp)
		return d * math.Exp(-r*s) / (r + d) * tl.searchShort(left)
	}
	// ∫ d·e^(−(ρ+d)·T)·searchShort(left(T)) dT over T, the time held:
	// the money is atPay until the first paycheck (tau after the start),
	// then grows by surplus a month.
	a := r + d
	tau := math.Max(0, fp-s)
	v := (1 - math.Exp(-a*tau)) * tl.searchShort(atPay)
	l := &tl.cash
	if tl.afterBurn > 0 {
		if l.stopping {
			v += math.Exp(-a*tau) * tl.stoppedAfter(atPay/tl.afterBurn, surplus/tl.afterBurn, a)
		} else {
			v += math.Exp(-a*tau) * tl.shortAfter(atPay/tl.afterBurn, surplus/tl.afterBurn, a)
		}
	}
	return d * math.Exp(-r*s) / (r + d) * v
}

// shortAfter is ∫₀^∞ a·e^(−a·u)·searchShort(burn·(k0 + σ·u)) du with no
// stopgap work. Once the money lasts the start-and-pay delay the search's
// cost is one exponential in it, searchShort(burn·k) =
// searchShort(burn·delay)·e^(−(ρ+h)·(k − delay)), and that part is exact;
// before, Simpson's rule on 32 panels (the integrand is smooth there).
func (tl *timeline) shortAfter(k0, sigma, a float64) float64 {
	r, h := tl.rho, tl.freshHazard
	delay := tl.market.startDelay + tl.market.payDelay
	burn := tl.afterBurn
	if sigma <= 0 {
		return tl.searchShort(burn * k0)
	}
	ustar := math.Max(0, (delay-k0)/sigma)
	v := 0.0
	if ustar > 0 {
		const n = 32
		step := ustar / n
		for i := 0; i <= n; i++ {
			w := 2.0
			switch {
			case i == 0 || i == n:
				w = 1
			case i%2 == 1:
				w = 4
			}
			u := float64(i) * step
			v += w * a * math.Exp(-a*u) * tl.searchShort(burn*(k0+sigma*u))
		}
		v *= step / 3
	}
	kd := math.Max(k0, delay)
	b := a + (r+h)*sigma
	return v + tl.searchShort(burn*kd)*a/b*math.Exp(-a*ustar)
}

// stoppedAfter is ∫₀^∞ a·e^(−a·u)·searchShort(burn·(k0 + σ·u)) du with
// stopgap work lined up, in closed form: the money lasts k0 + σ·u months
// when the job ends u months after its first paycheck. While that is
// under the start-and-pay delay the search's cost is
// gig·((e^(−ρk) − e^(−ρ·delay))/ρ + e^(−ρ·delay)/(ρ + h)); past it,
// stopLate·e^(−(ρ+h)·k).
func (tl *timeline) stoppedAfter(k0, sigma, a float64) float64 {
	r, h := tl.rho, tl.freshHazard
	delay := tl.market.startDelay + tl.market.payDelay
	late := math.Exp(-r * delay)
	// u* is when the money first lasts the delay.
	ustar := 0.0
	switch {
	case k0 >= delay:
	case sigma > 0:
		ustar = (delay - k0) / sigma
	default:
		ustar = math.Inf(1)
	}
	v := 0.0
	if ustar > 0 {
		cut := func(rate float64) float64 { // 1 − e^(−rate·u*)
			if math.IsInf(ustar, 1) {
				return 1
			}
			return -math.Expm1(-rate * ustar)
		}
		g := tl.cash.gig
		v += g / r * math.Exp(-r*k0) * a / (a + r*sigma) * cut(a+r*sigma)
		v += g * (late/(r+h) - late/r) * cut(a)
	}
	if !math.IsInf(ustar, 1) {
		b := a + (r+h)*sigma
		v += tl.stopLate * math.Exp(-(r+h)*k0) * a / b * math.Exp(-b*ustar)
	}
	return v
}

// searchShort is what a search that starts with these savings (below zero:
// a debt) costs in shortfall, valued when it starts: the money burns until
// a job found at the find rate of a fresh spell pays, start and first
// paycheck later, and the debt left then costs for repay_months. With
// stopgap_months set, stopgap work is in place from the search's first
// day: a job's end is seen coming (most are quits, and a contract's end
// is known), so its holder has lined it up while still in the job. The
// money missing then never grows; each month it would be short costs
// stopgap_cost.
func (tl *timeline) searchShort(savings float64) float64 {
	l := &tl.cash
	if tl.afterBurn <= 0 || l.shortfall == 0 {
		return 0
	}
	r := tl.rho
	h := tl.freshHazard
	delay := tl.market.startDelay + tl.market.payDelay
	k := savings / tl.afterBurn // when the money runs out; below zero when it has
	if l.stopping {
		// Stopgap work from the first day: the money missing is what was
		// missing at the start, and every month short costs gig.
		// ∫ₐ^∞ e^(−ρt)·P(not paid by t) dt, and E[e^(−ρT)] at the pay:
		if k >= delay {
			return tl.stopLate * math.Exp(-(r+h)*k) // gig·e^(h·delay)/(ρ + h)·e^(−(ρ+h)·k)
		}
		late := math.Exp(-r * delay)
		from := func(a float64) float64 {
			if a >= delay {
				return math.Exp(h*delay-(r+h)*a) / (r + h)
			}
			return (math.Exp(-r*a)-late)/r + late/(r+h)
		}
		if k >= 0 {
			return l.gig * from(k)
		}
		c := l.shortfall * tl.afterBurn / l.expenses * -k
		return (c+l.gig)*from(0) + c*(1-math.Exp(-r*l.repay))/r*h/(r+h)*late
	}
	// Without stopgap work the money missing grows until pay comes. The
	// segments are where the integrand changes form: pay can come (delay)
	// and the money runs out (k).
	cuts := [...]float64{0, delay, math.Max(0, k), math.Inf(1)}
	slices.Sort(cuts[:])
	gap, debt := 0.0, 0.0
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if b <= a || math.IsInf(a, 1) {
			continue
		}
		// P(not paid by t)·e^(−ρt) = A·e^(−α·t) on the segment.
		alpha, A := r, 1.0
		if a >= delay {
			alpha, A = r+h, math.Exp(h*delay)
		}
		// The money missing is t − k months of burn once it has run out.
		var c0, c1 float64
		if a >= k {
			c0, c1 = -k, 1
		}
		in := expLinear(a, b, alpha, c0, c1)
		gap += A * in
		if a >= delay {
			debt += h * A * in // E[e^(−ρT)·missing(T)], T when pay comes
		}
	}
	c := l.shortfall * tl.afterBurn / l.expenses
	return c*gap + c*(1-math.Exp(-r*l.repay))/r*debt
}

// expLinear is ∫ₐᵇ e^(−α·t)·(c0 + c1·t) dt, b possibly +Inf.
func expLinear(a, b, alpha, c0, c1 float64) float64 {
	at := func(t float64) float64 { // an antiderivative, negated
		if math.IsInf(t, 1) {
			return 0
		}
		e := math.Exp(-alpha * t)
		return e * (c0/alpha + c1*(t/alpha+1/(alpha*alpha)))
	}
	return at(a) - at(b)
}

// jobValue is the value of committing to job j at time td: the months
// until it starts, the job and what follows it, the chance that it falls
// through (then the search resumes from its first payday, worth fallback
// there), the shortfall until its first paycheck and the debt left then.
func (tl *timeline) jobValue(j *jobTerms, td float64, fallback func(t float64) float64) float64 {
	s := math.Max(j.start, td)
	fp := math.Max(j.firstPay+(s-j.start), s)
	pr := tl.pricing()
	if tl.cash.general(j) {
		gap, debt := tl.cash.jobShort(j, pr.savings, td, s, fp, math.Exp(-tl.rho*fp))
		v := j.chance * (tl.idlePV(td, s) + tl.workPV(j, s, fp) - debt - tl.afterPay(j, s, fp, &pr))
		if j.chance < 1 {
			v += (1 - j.chance) * (tl.idlePV(td, fp) + fallback(fp))
		}
		return v - gap
	}
	v := j.chance * (tl.idlePV(td, s) + tl.workPV(j, s, fp) - tl.cash.debt(fp) - tl.afterPay(j, s, fp, &pr))
	if j.chance < 1 {
		v += (1 - j.chance) * (tl.idlePV(td, fp) + fallback(fp))
	}
	return v - tl.cash.gap(td, fp)
}

// findChance is the chance that a search finds a job between a and b.
func (tl *timeline) findChance(a, b float64) float64 {
	if h := &tl.held; h.on {
		// From the job held a search brings offers at find_rate_employed;
		// once it has ended, a spell of searching starts.
		x := 0.0
		if a < h.until {
			x += hazard(tl.p.FindRateEmployed) * (math.Min(b, h.until) - a)
		}
		if b > h.until {
			lo := math.Max(a, h.until)
			x += hazard(tl.p.FindRateAt(tl.spell+(lo+b)/2-h.until)) * (b - lo)
		}
		return 1 - math.Exp(-x)
	}
	h := hazard(tl.p.FindRateAt(tl.spell + (a+b)/2))
	return 1 - math.Exp(-h*(b-a))
}
