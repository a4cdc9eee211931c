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

// OfferEstimate is what a search is expected to find, learnt from the open
// opportunities and a prior market (see [EstimateOffers]): how well such a
// job fits, what it pays and whether it covers health insurance.
type OfferEstimate struct {
	// Mean and SD are the mean and standard deviation of its fit.
	Mean, SD float64
	// MeanGiven and SDGiven report that [search] sets them.
	MeanGiven, SDGiven bool
	// SDRaised reports that the estimated spread was raised to
	// offer_sd_min.
	SDRaised bool
	// Fits is the distribution of the fit on 0..100 that was estimated;
	// nil when the mean or the spread is set or raised, or there is
	// nothing to learn from, and the beta-binomial of [ScoreOffers] with
	// Mean and SD stands for it (see [OfferEstimate.Offers]).
	Fits *Offers
	// Fit is the mean fit, kept under its old name for the views.
	Fit float64
	// NetMonthly is the median pay after tax a month of the
	// opportunities that give their pay and of the prior's jobs, which pay
	// the expenses and count as market_prior of them; PayFrom is how many
	// opportunities give it. With none, a job is assumed to cover the
	// expenses.
	NetMonthly float64
	PayFrom    int
	// Uncovered is the share of the expenses that pay (NetMonthly)
	// leaves unpaid.
	Uncovered float64
	// InsuredShare is the share of the opportunities and of the prior's
	// jobs, of which seven in ten insure, that provide health insurance;
	// InsuranceWaitDays is the mean wait for it of the opportunities that
	// do.
	InsuredShare, InsuranceWaitDays float64
	// From indexes State.Assessments, in profile order: the opportunities
	// the estimate comes from. Prior is market_prior, how many
	// opportunities the prior market counts as.
	From  []int
	Prior float64
}

// Offers is the distribution of the fit of a job a search finds.
func (e *OfferEstimate) Offers() Offers {
	if e.Fits != nil {
		return *e.Fits
	}
	return ScoreOffers(e.Mean, e.SD)
}

// The prior market is what a search is taken to find before any
// opportunity says otherwise: fits uniform on the whole numbers 0..100
// (mean 50, the fit of an opportunity whose every rating is unknown), jobs
// that pay the expenses (as a job with no pay given is taken to) and of
// which seven in ten insure. The uniform is the textbook's choice where
// nothing is known of the offers (the on-the-job search of docs/decide.md
// draws from one); the pay is the model's own fallback; the share insured
// is the US private-industry workers' access to employer medical care
// (BLS, Employee Benefits in the United States, March 2023: 69% of
// non-union and 96% of union workers).
const (
	priorOfferMean    = 50
	priorInsuredShare = 0.7
)

// EstimateOffers estimates what a search finds from the open opportunities
// of s, vetoed or not, each counted once, and a prior market counted as
// market_prior opportunities. The fit is a mixture: the prior's uniform,
// and for each opportunity the jobs that fit about as well as it does (a
// beta-binomial about its fit, offer_sd_min wide at fit 50).
//
// A deal-breaker keeps an opportunity out of your choices, not out of the
// evidence of what your search turns up: counting it here, at its own
// fit, means a rating raised past a deal-breaker's floor does not bring a
// new job into the market at once. A process's chance is where it stands
// in its pipeline, not how common jobs like it are, and it weighs nothing
// here: it moves only the wait for that process.
//
// Two properties follow, which tests hold it to. A rating raised moves one
// opportunity's part of the mixture up and nothing down, so no search
// from the market is worth less for it (a moment estimate could narrow
// the spread and lower it); this while the mixture is at least
// offer_sd_min wide, which the prior sees to at its default (with
// market_prior 0 a narrower one is widened to a beta-binomial of its
// mean, which does not keep it). And one opportunity is at most
// 1/(market_prior + 1) of the market, however few the others.
func EstimateOffers(s *State, p SearchParams) OfferEstimate {
	const n = 100
	e := OfferEstimate{Prior: p.MarketPrior, From: make([]int, 0, len(s.Assessments))}
	// at[k] is how many opportunities' kernels sit about fit k: one
	// between two whole fits is shared between their kernels, so that a
	// higher fit moves its weight up, smoothly.
	var at [n + 1]float64
	expenses := val(s.Situation.MonthlyExpenses)
	var fitSum, insured, wait float64
	var nets []float64
	// In profile order, so that the sums are the same to the bit however
	// a what-if ranks the opportunities.
	for i := range s.Assessments {
		a := &s.Assessments[i]
		o := &s.Profile.Opportunities[i]
		if a.Closed || o.Stage == StageCurrent {
			continue // the job held is not one a search finds
		}
		if math.IsNaN(a.Fit.Value) {
			continue // no fit to learn from (and no index for it below)
		}
		e.From = append(e.From, i)
		x := math.Max(0, math.Min(n, a.Fit.Value))
		fitSum += x
		k := math.Floor(x)
		if t := x - k; t > 0 {
			at[int(k)] += 1 - t
			at[int(k)+1] += t
		} else {
			at[int(k)]++
		}
		if a.Relief.PayKnown {
			e.PayFrom++
			nets = append(nets, a.Relief.NetMonthly)
		}
		if o.Insurance {
			insured++
			wait += o.InsuranceWaitDays
		}
	}
	total := float64(len(e.From)) + e.Prior
	e.Mean = fallbackOfferMean
	if total > 0 {
		e.Mean = (fitSum + e.Prior*priorOfferMean) / total
		e.InsuredShare = (insured + e.Prior*priorInsuredShare) / total
		values, probs := make([]float64, n+1), make([]float64, n+1)
		for k := range probs {
			values[k] = float64(k)
			probs[k] = e.Prior / (n + 1) / total
		}
		rho := kernelRho(p.OfferSDMin)
		for k, w := range at {
			if w > 0 {
				addKernel(probs, k, rho, w/total)
			}
		}
		fits := Offers{Values: values, Probs: probs}
		e.SD, e.Fits = fits.SD(), &fits
	}
	if insured > 0 {
		e.InsuranceWaitDays = wait / insured
	}
	if e.SD < p.OfferSDMin {
		e.SD, e.SDRaised, e.Fits = p.OfferSDMin, true, nil
	}
	if p.OfferMean != nil {
		e.Mean, e.MeanGiven, e.Fits = *p.OfferMean, true, nil
	}
	if p.OfferSD != nil {
		e.SD, e.SDGiven, e.SDRaised, e.Fits = *p.OfferSD, true, false, nil
	}
	e.Fit = e.Mean
	if e.PayFrom > 0 {
		pays := make([]weighted, 0, len(nets)+1)
		for _, v := range nets {
			pays = append(pays, weighted{v, 1})
		}
		if expenses > 0 && e.Prior > 0 {
			pays = append(pays, weighted{expenses, e.Prior})
		}
		e.NetMonthly = weightedMedian(pays)
		if expenses > 0 {
			e.Uncovered = clamp01(1 - e.NetMonthly/expenses)
		}
	}
	return e
}

// weighted is a value counted weight times.
type weighted struct{ value, weight float64 }

// weightedMedian is the median of the values counted by their weights:
// the least value with more than half the weight at or below it, or, when
// exactly half is, the midpoint between it and the next. One value
// raised, however far, moves it at most to its neighbour. Values with no
// weight (or a weight that is not a number above 0) count for nothing; NaN
// when nothing counts.
func weightedMedian(in []weighted) float64 {
	xs := make([]weighted, 0, len(in))
	total := 0.0
	for _, x := range in {
		if x.weight > 0 && !math.IsInf(x.weight, 1) {
			xs = append(xs, x)
			total += x.weight
		}
	}
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.SortStableFunc(xs, func(a, b weighted) int { return cmp.Compare(a.value, b.value) })
	cum := 0.0
	for k, x := range xs {
		cum += x.weight
		switch {
		case cum > total/2:
			return x.value
		case cum == total/2 && k+1 < len(xs):
			return (x.value + xs[k+1].value) / 2
		}
	}
	return xs[len(xs)-1].value
}

// kernelRho is the beta-binomial's ρ = 1/(a + b + 1) for jobs about one
// fit: the one that gives a spread of sd at fit 50, and 0 (a binomial)
// for a spread of 5 or less. Kept fixed across fits, so that the kernel
// rises with the fit in the sense that every fit or better is likelier.
func kernelRho(sd float64) float64 {
	return math.Max(0, math.Min(0.99, (sd*sd/25-1)/99))
}

// addKernel adds to probs, on 0..100, weight times the beta-binomial with
// mean k and the given ρ, worked out term by term from its first.
func addKernel(probs []float64, k int, rho, weight float64) {
	n := len(probs) - 1
	if k <= 0 || k >= n {
		probs[max(0, min(n, k))] += weight
		return
	}
	p := float64(k) / float64(n)
	nf := float64(n)
	if rho <= 0 {
		for j, q := range Binomial(n, p) {
			probs[j] += weight * q
		}
		return
	}
	ab := 1/rho - 1
	a, b := p*ab, (1-p)*ab
	// P(0) = B(a, n + b) / B(a, b); P(j+1)/P(j) = (n − j)(j + a) / ((j + 1)(n − j − 1 + b)).
	q := math.Exp(lgamma(nf+b) + lgamma(a+b) - lgamma(b) - lgamma(nf+a+b))
	for j := 0; ; j++ {
		probs[j] += weight * q
		if j == n {
			return
		}
		jf := float64(j)
		q *= (nf - jf) * (jf + a) / ((jf + 1) * (nf - jf - 1 + b))
	}
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
	if p.StopgapMonths < horizonMonths {
		tl.cash.stopping, tl.cash.stop, tl.cash.gig = true, p.StopgapMonths, p.StopgapCost
	}
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
	fits := e.Offers()
	insWait := e.InsuranceWaitDays / daysPerMonth
	m := &tl.market
	m.startDelay, m.payDelay = pm.StartDays/daysPerMonth, pm.FirstPaycheckDays/daysPerMonth
	m.fit = e.Mean
	net := e.NetMonthly
	if e.PayFrom == 0 {
		net = expenses
	}
	m.job = jobTerms{fit: e.Mean, leave: p.LeaveChance(e.Mean), net: net, chance: 1}

	// Once a job ends its holder searches again: offers arriving at
	// find_rate with the fits a search finds, each job worth its fit less
	// what it leaves uncovered or uninsured a month, kept as long as its
	// fit lasts, and searched from at find_rate_employed (climb.go). The
	// money after a job's end is priced apart (afterPay).
	r := tl.rho
	insuredPart := func(d float64) float64 {
		return (1 - e.InsuredShare) + e.InsuredShare*(1-math.Exp(-(r+d)*insWait))
	}
	flow, leave := make([]float64, len(fits.Values)), make([]float64, len(fits.Values))
	for k, x := range fits.Values {
		leave[k] = p.LeaveChance(x)
		flow[k] = x - tl.unins*insuredPart(leave[k]) - p.ShortfallCost*e.Uncovered
	}
	var values []float64
	tl.endValue, values = climbMarket(flow, leave, fits.Probs, tl.idle, r, hazard(p.FindRate), hazard(p.FindRateEmployed), p.LeaveCost)
	tl.climb.h = hazard(p.FindRateEmployed)
	tl.freshHazard = hazard(p.FindRateAt(0))
	tl.afterBurn = tl.cash.burn
	if tl.held.on {
		tl.afterBurn = expenses - val(sit.MonthlyIncome)
	}
	h, delay := tl.freshHazard, m.startDelay+m.payDelay
	tl.stopLate = tl.cash.gig * math.Exp(h*delay) / (r + h)
	tl.climb.set(values, fits.Probs, p.LeaveCost)

	// Today's search finds the same jobs; their worth, per unit of
	// e^(−ρ·start), sorted for marketTerms.expect.
	type job struct{ worth, prob float64 }
	jobs := make([]job, len(fits.Values))
	for k, x := range fits.Values {
		d := leave[k]
		w := tl.climb.hold(x+d*tl.endValue-tl.unins*insuredPart(d)-p.ShortfallCost*e.Uncovered, r+d)
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
