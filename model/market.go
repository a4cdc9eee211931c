package model

import (
	"cmp"
	"math"
	"slices"
)

// This file sets up the timeline of money.go for a state: the jobs a
// search finds (estimated from the person's own opportunities), the value
// of searching again once a job ends, and the facts of every offer and
// process as jobs on the timeline.

// OfferEstimate is what a search is expected to find, learnt from the open,
// not vetoed opportunities: how well such a job fits, what it pays and
// whether it covers health insurance.
type OfferEstimate struct {
	// Mean and SD are the mean and standard deviation of its fit.
	Mean, SD float64
	// MeanGiven and SDGiven report that [search] sets them.
	MeanGiven, SDGiven bool
	// SDRaised reports that the estimated spread was raised to
	// offer_sd_min.
	SDRaised bool
	// Fit is the mean fit, kept under its old name for the views.
	Fit float64
	// NetMonthly is the median pay after tax a month of the opportunities
	// that give their pay, and PayFrom how many do; with none, a job is
	// assumed to cover the expenses.
	NetMonthly float64
	PayFrom    int
	// Uncovered is the share of the expenses that pay leaves unpaid.
	Uncovered float64
	// InsuredShare is the share of the opportunities that provide health
	// insurance, and InsuranceWaitDays their mean wait for it.
	InsuredShare, InsuranceWaitDays float64
	// From indexes State.Assessments: the opportunities the estimate
	// comes from.
	From []int
}

// EstimateOffers estimates what a search finds from the open, not vetoed
// opportunities of s, each counted once: their chances do not weigh them,
// so that a process's chance moves only the wait for that process and not
// the whole market.
func EstimateOffers(s *State, p SearchParams) OfferEstimate {
	var e OfferEstimate
	fits, nets := make([]float64, 0, len(s.Ranked)), make([]float64, 0, len(s.Ranked))
	e.From = make([]int, 0, len(s.Ranked))
	insured, wait := 0, 0.0
	for _, r := range s.Ranked {
		a := &s.Assessments[r.Index]
		o := &s.Profile.Opportunities[r.Index]
		if o.Stage == StageCurrent {
			continue // the job held is not one a search finds
		}
		e.From = append(e.From, r.Index)
		fits = append(fits, a.Fit.Value)
		if a.Relief.PayKnown {
			nets = append(nets, a.Relief.NetMonthly)
		}
		if o.Insurance {
			insured++
			wait += o.InsuranceWaitDays
		}
	}
	e.Mean = fallbackOfferMean
	if n := float64(len(fits)); n > 0 {
		e.Mean = 0
		for _, x := range fits {
			e.Mean += x / n
		}
		variance := 0.0
		for _, x := range fits {
			variance += (x - e.Mean) * (x - e.Mean) / n
		}
		e.SD = math.Sqrt(variance)
		e.InsuredShare = float64(insured) / n
	}
	if insured > 0 {
		e.InsuranceWaitDays = wait / float64(insured)
	}
	if e.SD < p.OfferSDMin {
		e.SD, e.SDRaised = p.OfferSDMin, true
	}
	if p.OfferMean != nil {
		e.Mean, e.MeanGiven = *p.OfferMean, true
	}
	if p.OfferSD != nil {
		e.SD, e.SDGiven, e.SDRaised = *p.OfferSD, true, false
	}
	e.Fit = e.Mean
	if len(nets) > 0 {
		e.NetMonthly = s.shared.medianPay(s, nets)
		e.PayFrom = len(nets)
		if exp := val(s.Situation.MonthlyExpenses); exp > 0 {
			e.Uncovered = clamp01(1 - e.NetMonthly/exp)
		}
	}
	return e
}

// median is the median of xs, which it sorts.
func median(xs []float64) float64 {
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[m-1] + xs[m]) / 2
	}
	return xs[m]
}

// fallbackOfferMean is the mean fit of a job a search finds when the
// profile has no open opportunity to estimate it from: the middle of the
// scale. offer_mean overrides it.
const fallbackOfferMean = 50

// ScoreOffers is a distribution on the whole numbers 0..100 with the given
// mean and standard deviation: the beta-binomial with those moments. A
// spread below the binomial's √(100·p·(1 − p)), p = mean/100, (5 at a mean
// of 50) cannot be had on this grid and gives the binomial; no spread at
// all gives the mean itself.
func ScoreOffers(mean, sd float64) Offers {
	const n = 100
	p := clamp01(mean / n)
	if sd <= 0 || p == 0 || p == 1 {
		return Offers{Values: []float64{mean}, Probs: []float64{1}}
	}
	values := make([]float64, n+1)
	for k := range values {
		values[k] = float64(k)
	}
	binomial := n * p * (1 - p)
	// Var = n·p·(1 − p)·(1 + (n − 1)·ρ) with ρ = 1/(a + b + 1).
	rho := (sd*sd/binomial - 1) / (n - 1)
	if rho <= 0 {
		return Offers{Values: values, Probs: Binomial(n, p)}
	}
	rho = math.Min(rho, 0.99) // ρ → 1 puts all the mass on 0 and 100
	ab := 1/rho - 1
	return Offers{Values: values, Probs: BetaBinomial(n, p*ab, (1-p)*ab)}
}

// newTimeline sets up the search model for state s.
func newTimeline(s *State, p SearchParams, e *OfferEstimate) *timeline {
	sit := s.Situation
	expenses := val(sit.MonthlyExpenses)
	tl := &timeline{p: p, rho: -math.Log(p.Discount),
		cash: ledger{savings: val(sit.Savings), burn: sit.Burn(), expenses: expenses, shortfall: p.ShortfallCost, repay: p.RepayMonths}}
	tl.cash.rho = tl.rho
	tl.cash.lg = s.ledger()
	if tl.cash.dated = tl.cash.lg.Dated(); tl.cash.dated || tl.cash.lg.Held >= 0 {
		tl.cash.burn = tl.cash.lg.SteadyBurn()
	}
	tl.shared = s.shared
	tl.spell = p.MonthsSearched
	if !sit.IsInsured() {
		tl.unins = p.UninsuredCost
	}
	tl.idle = p.SearchFit - tl.unins
	if h := tl.cash.lg.Held; h >= 0 {
		tl.held = heldTerms{on: true, value: s.Assessments[h].Fit.Value - tl.unins, until: tl.cash.lg.HeldUntil}
		if s.Profile.Opportunities[h].Insurance {
			tl.held.value = s.Assessments[h].Fit.Value
		}
		if math.IsInf(tl.held.until, 1) {
			tl.held.leave = p.LeaveChance(s.Assessments[h].Fit.Value)
		}
	}
	tl.grid = gridTimes(1)

	pm := s.Profile.Params
	fits := ScoreOffers(e.Mean, e.SD)
	insWait := e.InsuranceWaitDays / daysPerMonth
	m := &tl.market
	m.startDelay, m.payDelay = pm.StartDays/daysPerMonth, pm.FirstPaycheckDays/daysPerMonth
	m.fit = e.Mean
	net := e.NetMonthly
	if e.PayFrom == 0 {
		net = expenses
	}
	m.job = jobTerms{fit: e.Mean, leave: p.LeaveChance(e.Mean), net: net, chance: 1}

	// Once a job ends its holder searches again with the money in order:
	// McCall's search (search.go), offers arriving at find_rate with the
	// fits a search finds, each job worth its fit less what it leaves
	// uncovered or uninsured a month, kept as long as its fit lasts.
	r := tl.rho
	insuredPart := func(d float64) float64 {
		return (1 - e.InsuredShare) + e.InsuredShare*(1-math.Exp(-(r+d)*insWait))
	}
	monthly := make([]float64, len(fits.Values))
	for k, x := range fits.Values {
		monthly[k] = x - tl.unins*insuredPart(p.LeaveChance(x)) - p.ShortfallCost*e.Uncovered
	}
	again := Search{Offers: Offers{Values: monthly, Probs: fits.Probs}, Discount: p.Discount,
		Arrival: p.FindRate, Keep: p.Keep(e.Mean)}
	tl.endValue = again.Stationary(tl.idle) / r

	// Today's search finds the same jobs; their worth, per unit of
	// e^(−ρ·start), sorted for marketTerms.expect.
	type job struct{ worth, prob float64 }
	jobs := make([]job, len(fits.Values))
	for k, x := range fits.Values {
		d := p.LeaveChance(x)
		w := (x + d*tl.endValue - tl.unins*insuredPart(d)) / (r + d)
		jobs[k] = job{w, fits.Probs[k]}
	}
	slices.SortFunc(jobs, func(a, b job) int { return cmp.Compare(a.worth, b.worth) })
	m.below, m.mass = make([]float64, len(jobs)+1), make([]float64, len(jobs)+1)
	for k, j := range jobs {
		m.worth = append(m.worth, j.worth)
		m.prob = append(m.prob, j.prob)
		m.below[k+1] = m.below[k] + j.prob
		m.mass[k+1] = m.mass[k] + j.prob*j.worth
	}
	return tl
}

// jobOf is opportunity i of s as a job on the timeline, were it decided on
// at time decides: it starts on its starts date, or start_days after the
// decision, and pays first_paycheck_days after it starts.
func jobOf(s *State, p SearchParams, e *OfferEstimate, i int, decides float64) jobTerms {
	return jobFrom(s, p, e, &s.Assessments[i], &s.Profile.Opportunities[i], decides)
}

// jobFrom is jobOf for an assessment and opportunity given apart, so that
// a changed offer (a counter-offer's pay) can be weighed without
// evaluating the whole profile again.
func jobFrom(s *State, p SearchParams, e *OfferEstimate, a *Assessment, o *Opportunity, decides float64) jobTerms {
	pm := s.Profile.Params
	today := s.Request.Today
	start := decides + pm.StartDays/daysPerMonth
	if !o.Starts.IsZero() {
		start = math.Max(decides, monthsUntil(today, o.Starts))
	}
	paycheck := o.PaycheckDays(pm)
	j := jobTerms{fit: a.Fit.Value, leave: p.LeaveChance(a.Fit.Value), start: start, firstPay: start + paycheck/daysPerMonth,
		insurance: o.Insurance, insWait: o.InsuranceWaitDays / daysPerMonth, chance: 1}
	if o.ContractMonths > 0 {
		j.leave = math.Max(j.leave, 1/o.ContractMonths)
		j.contract = o.ContractMonths
	}
	expenses := val(s.Situation.MonthlyExpenses)
	switch {
	case a.Relief.PayKnown:
		j.net = a.Relief.NetMonthly
		if expenses > 0 {
			j.uncovered = clamp01(1 - j.net/expenses)
		}
	case e.PayFrom > 0:
		j.net, j.uncovered = e.NetMonthly, e.Uncovered
	default:
		j.net = expenses
	}
	if j.money = moneyOf(o, s.Situation.Tax(pm)); j.money != nil && j.money.monthly > 0 && expenses > 0 {
		// What holding the job costs a month comes off its pay.
		switch {
		case a.Relief.PayKnown:
			j.uncovered = clamp01(1 - (j.net-j.money.monthly)/expenses)
		default:
			j.uncovered = clamp01(j.uncovered + j.money.monthly/expenses)
		}
	}
	return j
}
