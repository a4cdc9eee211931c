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
// its fit's tenure on average and then its holder searches again, with the
// money in order by then.
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

// fineMonths and the steps below lay out the grid: a week for the first two
// years, where decisions and deadlines fall, a fortnight after.
const (
	fineMonths = 24
	fineStep   = 0.25
	coarseStep = 0.5
)

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
}

// runway is the months the savings last at the current burn; +Inf when
// nothing burns.
func (l *ledger) runway() float64 { return runwayFor(l.savings, l.burn) }

// short is the money missing at time t if no paycheck has arrived by then.
func (l *ledger) short(t float64) float64 {
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
	if l.burn <= 0 || l.shortfall == 0 || b <= a {
		return 0
	}
	k := math.Max(0, l.savings) / l.burn
	lo := math.Max(a, k)
	if b <= lo {
		return 0
	}
	return l.shortfall * l.burn / l.expenses * (l.deficitIntegral(b, k) - l.deficitIntegral(lo, k))
}

// debt is the present value of the cost of the money still missing when
// the first paycheck arrives at fp: it is paid back from the pay, and
// counted whole at the shortfall's cost for repay_months.
func (l *ledger) debt(fp float64) float64 {
	short := l.short(fp)
	if short == 0 || l.shortfall == 0 {
		return 0
	}
	r := l.rho
	return l.shortfall * short / l.expenses * math.Exp(-r*fp) * (1 - math.Exp(-r*l.repay)) / r
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
	// insurance reports that it provides coverage, after insWait months.
	insurance bool
	insWait   float64
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
	// endValue is the present value, at the moment a job ends, of
	// searching again with the money in order.
	endValue float64
	// market is the job a search finds, on average.
	market marketTerms
	// grid are the times the search steps between.
	grid []float64
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
	v := math.Exp(-r*s) / (r + d) * (j.fit + d*tl.endValue - tl.unins*uninsured)
	if j.uncovered > 0 {
		v -= tl.cash.shortfall * j.uncovered * math.Exp(-r*fp-d*(fp-s)) / (r + d)
	}
	return v
}

// jobValue is the value of committing to job j at time td: the months
// until it starts, the job and what follows it, the chance that it falls
// through (then the search resumes from its first payday, worth fallback
// there), the shortfall until its first paycheck and the debt left then.
func (tl *timeline) jobValue(j *jobTerms, td float64, fallback func(t float64) float64) float64 {
	s := math.Max(j.start, td)
	fp := math.Max(j.firstPay+(s-j.start), s)
	v := j.chance * (tl.idlePV(td, s) + tl.workPV(j, s, fp) - tl.cash.debt(fp))
	if j.chance < 1 {
		v += (1 - j.chance) * (tl.idlePV(td, fp) + fallback(fp))
	}
	return v - tl.cash.gap(td, fp)
}

// marketBase is the part of the value of a job found at t that all jobs
// share, and the factor e^(−ρ·start) their own worth is scaled by.
func (tl *timeline) marketBase(t float64) (base, scale float64) {
	m := &tl.market
	s, fp := t+m.startDelay, t+m.startDelay+m.payDelay
	return tl.idlePV(t, s) - tl.cash.gap(t, fp) - tl.cash.debt(fp), math.Exp(-tl.rho * s)
}

// marketValue is the value of taking, at time t, whatever job a search
// finds then.
func (tl *timeline) marketValue(t float64) float64 {
	base, scale := tl.marketBase(t)
	v, _ := tl.market.expect(math.Inf(-1))
	return base + scale*v
}

// marketChoice is the value, at time t, of a job found then against going
// on, worth cont: the job is taken when it is worth more. It returns that
// value and the chance the job is taken.
func (tl *timeline) marketChoice(t, cont float64) (float64, float64) {
	base, scale := tl.marketBase(t)
	v, take := tl.market.expect((cont - base) / scale)
	return base + scale*v, take
}

// findChance is the chance that a search finds a job between a and b.
func (tl *timeline) findChance(a, b float64) float64 {
	h := hazard(tl.p.FindRateAt(tl.spell + (a+b)/2))
	return 1 - math.Exp(-h*(b-a))
}

// heldOffer is an offer in hand on the timeline: its job and deadline.
type heldOffer struct {
	job      jobTerms
	deadline float64
	// index is its position in State.Assessments.
	index int
}

// process is an opportunity on its way to an answer: its job if it comes
// through, when it decides and its chance.
type process struct {
	job     jobTerms
	decides float64
	chance  float64
	index   int
}

// course is what a pass follows: the offers held (each until its deadline)
// and the processes waited for.
type course struct {
	offers    []heldOffer
	processes []process
}

// event kinds at a node, in the order they happen on a day: a process
// answers, then an offer's deadline comes.
const (
	eventProcess = iota
	eventDeadline
)

type event struct {
	kind int
	// k indexes the course's processes or offers.
	k int
}

// pass is one backward pass over a course: the value at every node before
// its events, and what the best plan chooses at each.
type pass struct {
	times  []float64
	events [][]event
	// held reports, for the step after each node, that an offer is still
	// held then, so the search does not run.
	held []bool
	// value[i] is the value at times[i] before its events; after[i][e]
	// the value just after event e there; take[i][e] whether the plan
	// takes the job of event e.
	value []float64
	after [][]float64
	jobs  [][]float64
	take  [][]bool
	// market[i] is the chance that the plan takes a job the search finds
	// in the step after node i, if it finds one; find[i] is the chance it
	// finds one.
	market []float64
	find   []float64
}

// layout merges the grid with the course's deadlines and decisions.
func (tl *timeline) layout(c *course) ([]float64, [][]event) {
	times := slices.Clone(tl.grid)
	for _, o := range c.offers {
		times = append(times, o.deadline)
	}
	for _, p := range c.processes {
		times = append(times, p.decides)
	}
	slices.Sort(times)
	times = slices.CompactFunc(times, func(a, b float64) bool { return math.Abs(b-a) < sameTime })
	events := make([][]event, len(times))
	at := func(t float64) int {
		i, _ := slices.BinarySearchFunc(times, t, func(x, t float64) int {
			switch {
			case x < t-sameTime:
				return -1
			case x > t+sameTime:
				return 1
			}
			return 0
		})
		return min(i, len(times)-1)
	}
	for k, p := range c.processes {
		i := at(p.decides)
		events[i] = append(events[i], event{eventProcess, k})
	}
	for k, o := range c.offers {
		i := at(o.deadline)
		events[i] = append(events[i], event{eventDeadline, k})
	}
	for i := range events {
		slices.SortStableFunc(events[i], func(a, b event) int { return a.kind - b.kind })
	}
	return times, events
}

// run makes the backward pass for course c. fallback is the value of
// searching with nothing pending, for offers that fall through; nil means
// they do not (only the fallback pass itself has none to use).
func (tl *timeline) run(c *course, fallback *pass) *pass {
	times, events := tl.layout(c)
	n := len(times)
	ps := &pass{times: times, events: events, held: make([]bool, n), value: make([]float64, n),
		after: make([][]float64, n), jobs: make([][]float64, n), take: make([][]bool, n),
		market: make([]float64, n), find: make([]float64, n)}
	last := math.Inf(-1)
	for _, o := range c.offers {
		last = math.Max(last, o.deadline)
	}
	for i := range times {
		ps.held[i] = times[i] < last-sameTime
	}
	fall := func(t float64) float64 {
		if fallback == nil {
			return tl.marketValue(t)
		}
		return fallback.at(t)
	}
	v := tl.marketValue(times[n-1])
	for i := n - 1; i >= 0; i-- {
		t := times[i]
		if i < n-1 {
			next := times[i+1]
			if ps.held[i] {
				v = tl.idlePV(t, next) - tl.cash.gap(t, next) + v
			} else {
				mid := (t + next) / 2
				p := tl.findChance(t, next)
				cont := tl.idlePV(mid, next) - tl.cash.gap(mid, next) + v
				best, take := tl.marketChoice(mid, cont)
				ps.find[i], ps.market[i] = p, take
				v = tl.idlePV(t, mid) - tl.cash.gap(t, mid) + p*best + (1-p)*cont
			}
		}
		evs := events[i]
		ps.after[i] = make([]float64, len(evs))
		ps.jobs[i] = make([]float64, len(evs))
		ps.take[i] = make([]bool, len(evs))
		for e := len(evs) - 1; e >= 0; e-- {
			ev := evs[e]
			ps.after[i][e] = v
			switch ev.kind {
			case eventDeadline:
				j := tl.jobValue(&c.offers[ev.k].job, t, fall)
				ps.jobs[i][e] = j
				if j > v+valueTolerance {
					v, ps.take[i][e] = j, true
				}
			case eventProcess:
				pr := &c.processes[ev.k]
				j := tl.jobValue(&pr.job, t, fall)
				ps.jobs[i][e] = j
				if j > v+valueTolerance {
					ps.take[i][e] = true
					v = pr.chance*j + (1-pr.chance)*v
				}
			}
		}
		ps.value[i] = v
	}
	return ps
}

// at is the value of the pass at time t, between nodes by the pass's own
// step (the nodes of a fallback pass are the grid, so t need not be one).
func (ps *pass) at(t float64) float64 {
	i, found := slices.BinarySearch(ps.times, t)
	if found || i == 0 {
		return ps.value[min(i, len(ps.value)-1)]
	}
	if i >= len(ps.times) {
		return ps.value[len(ps.value)-1]
	}
	a, b := ps.times[i-1], ps.times[i]
	f := (t - a) / (b - a)
	return ps.value[i-1] + f*(ps.value[i]-ps.value[i-1])
}

// reach follows the pass's plan forward from today: the chance of getting
// to each event with no job taken yet. It returns, for each event, that
// chance (indexed like after).
func (ps *pass) reach(c *course) [][]float64 {
	out := make([][]float64, len(ps.times))
	p := 1.0
	for i := range ps.times {
		evs := ps.events[i]
		out[i] = make([]float64, len(evs))
		for e, ev := range evs {
			out[i][e] = p
			if !ps.take[i][e] {
				continue
			}
			switch ev.kind {
			case eventDeadline:
				p = 0
			case eventProcess:
				p *= 1 - c.processes[ev.k].chance
			}
		}
		if i < len(ps.times)-1 && !ps.held[i] {
			p *= 1 - ps.find[i]*ps.market[i]
		}
	}
	return out
}
