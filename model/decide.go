package model

import (
	"math"
	"slices"
)

// This file applies the search model (search.go) to a job search: offers
// are scores, a period is a month of runway, and the deadline is the day
// the savings run out. From it come the reservation score for each month
// of runway left and the advice on every offer with a deadline: accept it,
// wait for a process that decides soon, or decline it.
//
// The assumptions, each with its key in [search]:
//
//   - Scores are measured at the urgency in force today, so the
//     reservation compares directly with the ranking.
//   - One period is one month of runway. Runway between whole months
//     interpolates linearly; at 0 the value of waiting has collapsed and any
//     offer is taken.
//   - A month of searching scores (1 − u(R))·search_fit, u(R) being the
//     urgency the situation would have with R months of runway (the fixed
//     urgency, when one is in force): it falls as the runway runs down.
//   - Offers arrive at random, offers_per_month on average; their scores
//     follow a beta-binomial distribution on 0..100 with the mean and spread
//     of the open opportunities' scores as offers in hand, each counted
//     once (offer_mean and offer_sd override them).
//   - A job that fits poorly puts you back on the market sooner: it lasts
//     poor_fit_months at fit 0 to good_fit_months at fit 100 on average,
//     and then you search again from the runway you took it with.
//   - Values are discounted by discount a month and are written as scores a
//     month, for good: the steady score that would be worth as much.

// fallbackOfferMean is the mean offer score, and fit, assumed when the
// profile has no open opportunity to estimate them from: the middle of the
// scale. offer_mean overrides it.
const fallbackOfferMean = 50

// reservationRowsMax bounds how many months of runway the reservation
// table lists; beyond two years it barely moves.
const reservationRowsMax = 24

// searchChainMax bounds the months of runway the recursion follows; at
// discount 0.99 the reservation has converged to many digits long before.
const searchChainMax = 1200

// OfferEstimate is the distribution future offers' scores are drawn from,
// and where it comes from.
type OfferEstimate struct {
	// Mean and SD are the mean and standard deviation in force.
	Mean, SD float64
	// MeanGiven and SDGiven report that [search] sets them.
	MeanGiven, SDGiven bool
	// SDRaised reports that the estimated spread was raised to
	// offer_sd_min.
	SDRaised bool
	// Fit is the mean fit of the opportunities the estimate comes from:
	// how well a future offer is expected to fit, and so how long it is
	// expected to last.
	Fit float64
	// From indexes State.Assessments: the open, not vetoed opportunities
	// the estimate comes from.
	From []int
}

// OfferScore is the score opportunity a would have as an offer in hand at
// urgency u: its relief counted in full, without the chance that it does
// not come through.
func OfferScore(a *Assessment, u float64) float64 {
	return (1-u)*a.Fit.Value + u*a.Relief.Mean*100
}

// EstimateOffers estimates the distribution of offer scores from the open,
// not vetoed opportunities of s, as offers in hand: each is one sample of
// the jobs the person goes for, and counts once. Their chances do not
// weigh them, so that a process's chance moves only the wait for that
// process and not the whole market.
func EstimateOffers(s *State, p SearchParams) OfferEstimate {
	var e OfferEstimate
	u := s.Urgency.Value
	var scores []float64
	fit := 0.0
	for _, r := range s.Ranked {
		a := &s.Assessments[r.Index]
		e.From = append(e.From, r.Index)
		scores = append(scores, OfferScore(a, u))
		fit += a.Fit.Value
	}
	e.Mean, e.Fit = fallbackOfferMean, fallbackOfferMean
	if n := float64(len(scores)); n > 0 {
		e.Mean, e.Fit = 0, fit/n
		for _, x := range scores {
			e.Mean += x / n
		}
		variance := 0.0
		for _, x := range scores {
			variance += (x - e.Mean) * (x - e.Mean) / n
		}
		e.SD = math.Sqrt(variance)
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
	return e
}

// ScoreOffers is a distribution of scores on the whole numbers 0..100 with
// the given mean and standard deviation: the beta-binomial with those
// moments. A spread below the binomial's √(100·p·(1 − p)), p = mean/100,
// (5 at a mean of 50) cannot be had on this grid and gives the binomial; no
// spread at all gives the mean itself.
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

// Advice is what to do about an offer with a deadline.
type Advice string

// The three answers.
const (
	// AdviceAccept: accepting now is worth more than searching on or
	// waiting for any process.
	AdviceAccept Advice = "accept"
	// AdviceWait: waiting for a process that decides soon is worth more
	// than accepting now.
	AdviceWait Advice = "wait"
	// AdviceDecline: the offer scores below the reservation score (or a
	// deal-breaker vetoes it), so searching on is worth more.
	AdviceDecline Advice = "decline"
)

// Decision is the search model solved for a state: the reservation scores,
// the advice on every offer with a deadline, and the questions whose
// answers matter most. Every value is a score a month, for good.
type Decision struct {
	// Params are the assumptions in force.
	Params SearchParams
	// Estimate is the distribution of offer scores.
	Estimate OfferEstimate
	// Search is the problem solved: offers, monthly discount and arrival
	// chance, and the share a typical offer keeps (see [Search]).
	Search Search
	// RunwayMonths is today's runway; +Inf when nothing burns the savings.
	RunwayMonths float64
	// Reservations[k] is the reservation score with k whole months of
	// runway left: the lowest score worth accepting now. Reservations[0] is
	// 0: with no runway left, any offer is worth taking. Empty when the
	// runway is unbounded.
	Reservations []float64
	// Now is the reservation score at today's runway, which is also the
	// value of searching on.
	Now float64
	// Offers is the advice on every offer with a respond_by, in profile
	// order.
	Offers []OfferAdvice
	// Questions are the unknown and uncertain ratings of every open
	// opportunity, most decisive first.
	Questions []Question

	path       SearchPath
	stationary float64
	searchFlow func(runway float64) float64
}

// OfferAdvice is the advice on one offer with a deadline.
type OfferAdvice struct {
	// Index is the offer's position in State.Assessments.
	Index int
	// Advice is accept, wait or decline.
	Advice Advice
	// RespondBy is the offer's deadline; Expired reports that it is before
	// today (the advice then is for deciding today).
	RespondBy Date
	Expired   bool
	// Vetoed reports that a deal-breaker vetoes the offer.
	Vetoed bool
	// Broke reports that the runway is gone: declining to search on is
	// not an option, so the offer is taken unless a deal-breaker vetoes
	// it, or a process that decides by its deadline is worth holding it
	// for.
	Broke bool
	// Score is its score as an offer in hand; TenureMonths how long, at its
	// fit, it is expected to last.
	Score, TenureMonths float64
	// Accept is the value of accepting it now; Search of declining it and
	// searching on; Wait of the best wait, or Search when no process
	// decides in time.
	Accept, Search, Wait float64
	// Waits are the processes it is worth weighing a wait for, in order of
	// their decision dates; Best indexes the most valuable, -1 for none.
	Waits []WaitOption
	Best  int
}

// WaitingFor is the opportunity the best wait is for (an index into
// State.Assessments), or -1.
func (o *OfferAdvice) WaitingFor() int {
	if o.Best < 0 {
		return -1
	}
	return o.Waits[o.Best].Index
}

// BreakEven is the least chance of the best wait's process at which
// waiting beats accepting now, and false when there is no wait or it never
// does.
func (o *OfferAdvice) BreakEven() (float64, bool) {
	if o.Best < 0 || o.Waits[o.Best].BreakEven == nil {
		return 0, false
	}
	return *o.Waits[o.Best].BreakEven, true
}

// WaitOption is waiting for one process instead of accepting an offer now.
type WaitOption struct {
	// Index is the process's position in State.Assessments.
	Index int
	// Decides is when it is expected to decide; Months how far that is from
	// today, in months of runway.
	Decides Date
	Months  float64
	// Holds reports that it decides by the offer's deadline, so the offer
	// can be held meanwhile and taken if the process says no.
	Holds bool
	// Chance is the chance it comes through; Score its score as an offer,
	// TenureMonths how long it is expected to last.
	Chance, Score, TenureMonths float64
	// Fallback is the value of waiting when it says no, IfOffered when it
	// says yes, and Value at its chance:
	// Value = Fallback + Chance·(IfOffered − Fallback).
	Fallback, IfOffered, Value float64
	// BreakEven is the least chance at which waiting beats accepting now;
	// nil when it never does.
	BreakEven *float64
}

// Decide solves the search model for the state s: the reservation scores
// by months of runway left, the advice on every offer with a respond_by,
// and the questions to ask. The profile's zero SearchParams means the
// defaults.
//
// The advice weighs every offer against every process that decides in
// time, so its cost grows with offers × processes; [DecideReservation]
// computes the reservation scores alone.
func Decide(s *State) *Decision {
	d := DecideReservation(s)
	for i := range s.Assessments {
		if adv, ok := d.Advise(s, i); ok {
			d.Offers = append(d.Offers, adv)
		}
	}
	d.Questions = Questions(s)
	return d
}

// Advise is the advice on opportunity i of s alone, exactly as Decide
// gives it among Offers, and false when i is not an offer with a
// respond_by. d must be solved for s (by Decide or DecideReservation). It
// costs one pass over the processes, so a view showing one offer can
// afford it where it cannot afford them all.
func (d *Decision) Advise(s *State, i int) (OfferAdvice, bool) {
	o := &s.Profile.Opportunities[i]
	if o.Stage != StageOffer || o.RespondBy.IsZero() {
		return OfferAdvice{}, false
	}
	return d.advise(s, i), true
}

// DecideReservation solves the search model for the state s as far as the
// reservation scores: the Decision it returns has Reservations, Now and
// the values of searching on (ValueAt, ReservationAt, SearchScore), but no
// Offers and no Questions. Its cost grows only linearly with the
// opportunities, so a view can afford it on every what-if; Decide gives
// the same numbers and the rest.
func DecideReservation(s *State) *Decision {
	p := s.Profile.Search
	if p == (SearchParams{}) {
		p = DefaultSearchParams()
	}
	d := &Decision{Params: p, Estimate: EstimateOffers(s, p), RunwayMonths: s.Urgency.RunwayMonths}
	d.Search = Search{Offers: ScoreOffers(d.Estimate.Mean, d.Estimate.SD), Discount: p.Discount,
		Arrival: p.ArrivalChance(1), Keep: p.Keep(d.Estimate.Fit)}
	derived, fixed := s.Urgency.IsDerived(), s.Urgency.Value
	d.searchFlow = func(runway float64) float64 {
		u := fixed
		if derived {
			u = s.urgencyAtRunway(runway)
		}
		return (1 - u) * p.SearchFit
	}

	if math.IsInf(d.RunwayMonths, 1) {
		d.stationary = d.Search.Stationary(d.searchFlow(d.RunwayMonths))
		d.Now = d.stationary
	} else {
		rows := min(reservationRowsMax, max(ceilMonths(d.RunwayMonths), ceilMonths(s.Urgency.Comfortable)))
		chain := max(rows, min(searchChainMax, ceilMonths(d.RunwayMonths)+1))
		comp := make([]float64, chain+1)
		for k := range comp {
			comp[k] = d.searchFlow(float64(k))
		}
		d.path = d.Search.Deadline(comp)
		d.Reservations = append([]float64{0}, d.path.Reservations[1:rows+1]...)
		d.Now = d.ReservationAt(d.RunwayMonths)
	}
	return d
}

// ceilMonths is the whole months that cover m, at least 1.
func ceilMonths(m float64) int {
	if math.IsInf(m, 1) || m > searchChainMax {
		return searchChainMax
	}
	return max(1, int(math.Ceil(m)))
}

// ValueAt is the value of searching on with the given months of runway.
func (d *Decision) ValueAt(runway float64) float64 {
	if math.IsInf(d.RunwayMonths, 1) {
		return d.stationary
	}
	return d.path.Value(runway)
}

// ReservationAt is the reservation score with the given months of runway:
// 0 once it is gone (any offer is worth taking), else the value of
// searching on.
func (d *Decision) ReservationAt(runway float64) float64 {
	if runway <= 0 && !math.IsInf(d.RunwayMonths, 1) {
		return 0
	}
	return d.ValueAt(runway)
}

// SearchScore is the score of a month spent searching with the given
// months of runway: (1 − urgency)·search_fit.
func (d *Decision) SearchScore(runway float64) float64 { return d.searchFlow(runway) }

// jobValue is the value of taking a job that scores x and fits this well,
// when its end returns you to a search worth back.
func (d *Decision) jobValue(x, fit, back float64) float64 {
	keep := d.Params.Keep(fit)
	return keep*x + (1-keep)*back
}

// advise weighs accepting offer i now against searching on and against
// waiting for each process that decides in time.
func (d *Decision) advise(s *State, i int) OfferAdvice {
	a := &s.Assessments[i]
	o := &s.Profile.Opportunities[i]
	today := s.Request.Today
	u := s.Urgency.Value
	adv := OfferAdvice{Index: i, RespondBy: o.RespondBy, Expired: o.RespondBy.Before(today), Vetoed: a.Vetoed(),
		Score: OfferScore(a, u), TenureMonths: d.Params.TenureMonths(a.Fit.Value), Best: -1}
	adv.Broke = !math.IsInf(d.RunwayMonths, 1) && d.RunwayMonths <= 0
	adv.Search = d.ValueAt(d.RunwayMonths)
	adv.Accept = d.jobValue(adv.Score, a.Fit.Value, adv.Search)
	adv.Wait = adv.Search

	latest := o.RespondBy.AddDays(int(math.Round(d.Params.WaitDays)))
	if adv.Expired {
		latest = today.AddDays(int(math.Round(d.Params.WaitDays)))
	}
	for _, r := range s.Ranked {
		j := r.Index
		q := &s.Profile.Opportunities[j]
		if j == i || q.Stage == StageOffer || q.Stage == StageAccepted || q.DecisionExpected.IsZero() || latest.Before(q.DecisionExpected) {
			continue
		}
		w := d.waitFor(s, &adv, j)
		if adv.Broke && !w.Holds {
			continue // waiting past the deadline means declining, and broke one cannot
		}
		adv.Waits = append(adv.Waits, w)
	}
	slices.SortStableFunc(adv.Waits, func(x, y WaitOption) int { return -x.Decides.DaysUntil(y.Decides) })
	for k, w := range adv.Waits {
		if adv.Best < 0 || w.Value > adv.Waits[adv.Best].Value {
			adv.Best = k
		}
	}
	if adv.Best >= 0 {
		adv.Wait = adv.Waits[adv.Best].Value
	}

	switch {
	case adv.Vetoed || (adv.Score < d.Now && !adv.Broke):
		adv.Advice = AdviceDecline
	case adv.Best >= 0 && adv.Wait > adv.Accept:
		adv.Advice = AdviceWait
	default:
		adv.Advice = AdviceAccept
	}
	return adv
}

// waitFor values waiting for process j instead of accepting the offer now.
//
// A process that decides by the deadline lets the offer be held: waiting
// is worth the offer, or the process's job when it comes through and is
// worth more. One that decides later means declining the offer: the runway
// burns until the decision, offers may still arrive meanwhile, and then
// the better of the process's job, such an offer and searching on is
// taken.
func (d *Decision) waitFor(s *State, adv *OfferAdvice, j int) WaitOption {
	b := &s.Assessments[j]
	q := &s.Profile.Opportunities[j]
	today := s.Request.Today
	w := WaitOption{Index: j, Decides: q.DecisionExpected, Holds: !adv.RespondBy.Before(q.DecisionExpected),
		Chance: b.Relief.Chance, Score: OfferScore(b, s.Urgency.Value), TenureMonths: d.Params.TenureMonths(b.Fit.Value)}
	w.Months = math.Max(0, float64(today.DaysUntil(q.DecisionExpected))) / daysPerMonth
	if adv.Expired {
		w.Holds = false
	}
	if w.Holds {
		w.Fallback = adv.Accept
		w.IfOffered = math.Max(adv.Accept, d.jobValue(w.Score, b.Fit.Value, adv.Search))
	} else {
		later := d.ValueAt(d.RunwayMonths - w.Months)
		job := d.jobValue(w.Score, b.Fit.Value, later)
		β := math.Pow(d.Params.Discount, w.Months)
		λ := d.Params.ArrivalChance(w.Months)
		flow := (1 - β) * d.SearchScore(d.RunwayMonths)
		without, with := 0.0, 0.0
		for k, x := range d.Search.Offers.Values {
			other := d.Search.accept(x, later)
			without += d.Search.Offers.Probs[k] * math.Max(other, later)
			with += d.Search.Offers.Probs[k] * math.Max(math.Max(other, job), later)
		}
		w.Fallback = flow + β*(λ*without+(1-λ)*later)
		w.IfOffered = flow + β*(λ*with+(1-λ)*math.Max(job, later))
	}
	w.Value = w.Fallback + w.Chance*(w.IfOffered-w.Fallback)
	switch {
	case adv.Accept <= w.Fallback:
		w.BreakEven = Float(0)
	case w.IfOffered > adv.Accept:
		w.BreakEven = Float((adv.Accept - w.Fallback) / (w.IfOffered - w.Fallback))
	}
	return w
}
