package model

import "math"

// SearchParams are the assumptions of the search model behind [Decide].
// Every one has a default (see [DefaultSearchParams]) and can be set in
// the profile's [search] table under the key [SearchParamTable] gives it.
type SearchParams struct {
	// OffersPerMonth is how many offers arrive in a month of searching,
	// on average. Offers arrive at random (a Poisson process), so the
	// chance that at least one comes in a month is 1 − e^(−OffersPerMonth).
	OffersPerMonth float64
	// Discount is how much next month counts against this one (β). The
	// default, 0.97, is short-sighted by design: someone whose savings are
	// running down weighs the coming months heavily. At 0.99, the
	// textbook's value, a job lasts so long in the sums that a month of
	// runway hardly moves the reservation score.
	Discount float64
	// SearchFit is the fit (0..100) of a month spent searching. Searching
	// brings no pay, so its relief is 0 and its score at urgency u is
	// (1 − u)·SearchFit: worth less as the runway shrinks and urgency
	// rises, and nothing once urgency reaches 1. The default, 50, is the
	// middle of the scale: time of your own, and the worry that comes with
	// it.
	SearchFit float64
	// PoorFitMonths and GoodFitMonths are how long, on average, a job at
	// fit 0 and at fit 100 lasts before its holder is back on the market.
	// The monthly chance of leaving falls in a straight line between
	// 1/PoorFitMonths and 1/GoodFitMonths as fit rises: a mismatch ends
	// sooner.
	PoorFitMonths, GoodFitMonths float64
	// OfferMean and OfferSD are the mean and standard deviation of an
	// offer's score. Nil estimates them from the profile's opportunities
	// (see [EstimateOffers]).
	OfferMean, OfferSD *float64
	// OfferSDMin is the least spread an estimated distribution is given: a
	// handful of opportunities that happen to score alike says little
	// about how alike the next offers will be.
	OfferSDMin float64
	// WaitDays is how long past an offer's deadline another process may
	// decide and still count as worth waiting for.
	WaitDays float64
}

// DefaultSearchParams returns the built-in assumptions.
func DefaultSearchParams() SearchParams {
	return SearchParams{
		OffersPerMonth: 0.3,
		Discount:       0.97,
		SearchFit:      50,
		PoorFitMonths:  6,
		GoodFitMonths:  60,
		OfferSDMin:     10,
		WaitDays:       30,
	}
}

// SearchParamTable lists every assumption of the search model, with its key
// in the [search] table, in the order explain, decide and the README show
// them.
func SearchParamTable() []Setting[SearchParams] {
	defaults := DefaultSearchParams()
	info := func(key, doc string, lo, hi float64, loOpen, hiOpen bool, get func(SearchParams) (float64, bool), set func(*SearchParams, float64)) Setting[SearchParams] {
		s := Setting[SearchParams]{Key: key, Doc: doc, Kind: Number, Min: lo, Max: hi, MinOpen: loOpen, MaxOpen: hiOpen, Value: get, Set: set}
		if def, ok := get(defaults); ok {
			s.Default = Float(def)
		}
		return s
	}
	offers, setOffers := plain(func(p *SearchParams) *float64 { return &p.OffersPerMonth })
	discount, setDiscount := plain(func(p *SearchParams) *float64 { return &p.Discount })
	searchFit, setSearchFit := plain(func(p *SearchParams) *float64 { return &p.SearchFit })
	poor, setPoor := plain(func(p *SearchParams) *float64 { return &p.PoorFitMonths })
	good, setGood := plain(func(p *SearchParams) *float64 { return &p.GoodFitMonths })
	mean, setMean := optional(func(p *SearchParams) **float64 { return &p.OfferMean })
	sd, setSD := optional(func(p *SearchParams) **float64 { return &p.OfferSD })
	sdMin, setSDMin := plain(func(p *SearchParams) *float64 { return &p.OfferSDMin })
	wait, setWait := plain(func(p *SearchParams) *float64 { return &p.WaitDays })
	return []Setting[SearchParams]{
		info("offers_per_month", "offers a month of searching brings, on average", 0, 30, false, false, offers, setOffers),
		info("discount", "how much next month counts against this one", 0, 1, true, true, discount, setDiscount),
		info("search_fit", "fit of a month spent searching; it scores (1 − urgency) × this", 0, 100, false, false, searchFit, setSearchFit),
		info("poor_fit_months", "months a job at fit 0 lasts before you are back on the market", 0, 1200, true, false, poor, setPoor),
		info("good_fit_months", "months a job at fit 100 lasts", 0, 1200, true, false, good, setGood),
		info("offer_mean", "mean score of an offer", 0, 100, false, false, mean, setMean),
		info("offer_sd", "spread (standard deviation) of an offer's score", 0, 50, false, false, sd, setSD),
		info("offer_sd_min", "least spread an estimated offer distribution gets", 0, 50, false, false, sdMin, setSDMin),
		info("wait_days", "days past an offer's deadline a process may decide and be waited for", 0, 3650, false, false, wait, setWait),
	}
}

// ArrivalChance is the chance that at least one offer arrives in a period
// of the given length in months.
func (p SearchParams) ArrivalChance(months float64) float64 {
	return 1 - math.Exp(-p.OffersPerMonth*math.Max(0, months))
}

// LeaveChance is the monthly chance of leaving a job that fits this well
// (fit 0..100): 1/PoorFitMonths at fit 0, 1/GoodFitMonths at fit 100, in a
// straight line between.
func (p SearchParams) LeaveChance(fit float64) float64 {
	poor, good := 1/p.PoorFitMonths, 1/p.GoodFitMonths
	return poor + clamp01(fit/100)*(good-poor)
}

// TenureMonths is how long, on average, a job that fits this well lasts.
func (p SearchParams) TenureMonths(fit float64) float64 { return 1 / p.LeaveChance(fit) }

// Keep is the share of a job's value that is its own rather than the value
// of searching again when it ends (see [Search]): the longer it lasts, the
// more of its value it keeps.
func (p SearchParams) Keep(fit float64) float64 {
	β := p.Discount
	return (1 - β) / (1 - β + β*p.LeaveChance(fit))
}
