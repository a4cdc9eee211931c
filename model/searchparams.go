package model

import "math"

// SearchParams are the assumptions behind [Decide]: how fast a search
// finds work, what a month without work and a month without money cost,
// and how long a job lasts at a given fit. Every one has a default (see
// [DefaultSearchParams]) and can be set in the profile's [search] table
// under the key [SearchParamTable] gives it.
type SearchParams struct {
	// FindRate is the monthly chance that a search finds a job that is
	// taken, early in a spell; FindRateLong the same once the spell has
	// lasted LongSpellMonths. Between the two it falls in a straight line.
	// The defaults, 0.30 and 0.15 after a year, follow the US Current
	// Population Survey's flows out of unemployment by duration (see
	// docs/decide.md).
	FindRate, FindRateLong float64
	// FindRateEmployed is the monthly chance that a search from a job
	// held (stage current) or taken brings an offer worth weighing: the employed
	// search less but are offered more per application (Faberman,
	// Mueller, Şahin & Topa 2022; see docs/decide.md).
	FindRateEmployed float64
	// LeaveCost is what leaving a job for another costs, in fit points,
	// once: what the bridge pays, with any clawback, to leave an offer
	// accepted for a process that says yes later (see bridge.go), and what
	// a move up from a job to an offer found from it pays (climb.go). A
	// judgement; set it high to say "I would not leave so soon".
	LeaveCost float64
	// LongSpellMonths is the spell length at which FindRateLong is reached.
	LongSpellMonths float64
	// MonthsSearched is how long the search has lasted by today: where on
	// the line from FindRate to FindRateLong it starts.
	MonthsSearched float64
	// Discount is how much next month counts against this one (β, monthly).
	Discount float64
	// SearchFit is what a month without a job is worth, on the fit scale
	// (0..100): time of your own, and the strain of the search. Money and
	// coverage are counted apart, by ShortfallCost and UninsuredCost.
	SearchFit float64
	// ShortfallCost is what a month costs, in fit points, for each month of
	// expenses that is missing in it: the money has run out and bills go
	// unpaid. It grows with the shortfall, so a long wait with no money
	// costs more each month it lasts. A job that pays less than the
	// expenses leaves the uncovered share short each month at this rate.
	ShortfallCost float64
	// RepayMonths is how long the money still missing when the first
	// paycheck arrives goes on costing: it is paid back out of the pay,
	// and counted whole at ShortfallCost for this many months.
	RepayMonths float64
	// StopgapMonths is how many months from today it takes to line up
	// stopgap work that pays the expenses (shifts, temping, gig work)
	// while the search goes on: after then the money missing never grows,
	// and each month the money would be short is spent in that work at
	// StopgapCost. A search after a job has it from its first day: the
	// job's end is seen coming and the work lined up while still in it.
	// At horizonMonths or more it is never in place, and the money can
	// run short without end.
	StopgapMonths float64
	// StopgapCost is what a month of stopgap work costs, in fit points,
	// against a month of searching without it: the hours it takes from the
	// search and from you.
	StopgapCost float64
	// UninsuredCost is what a month without health coverage costs, in fit
	// points, while the situation is uninsured.
	UninsuredCost float64
	// PoorFitMonths and GoodFitMonths are how long, on average, a job at
	// fit 0 and at fit 100 lasts before its holder is back on the market.
	// The monthly chance of leaving falls in a straight line between
	// 1/PoorFitMonths and 1/GoodFitMonths as fit rises: a mismatch ends
	// sooner.
	PoorFitMonths, GoodFitMonths float64
	// OfferMean and OfferSD are the mean and standard deviation of the fit
	// of a job a search finds. Nil estimates them from the profile's open
	// opportunities (see [EstimateOffers]).
	OfferMean, OfferSD *float64
	// OfferSDMin is the least spread an estimated distribution is given: a
	// handful of opportunities that happen to fit alike says little about
	// how alike the next jobs will be.
	OfferSDMin float64
	// MarketPrior is how many opportunities the prior market counts as
	// when the fit, pay and insurance of a job a search finds are
	// estimated from the open opportunities (see [EstimateOffers]): the
	// more it counts, the less any one opportunity moves the estimate.
	MarketPrior float64
	// HoldDays is how long an offer with no respond_by is assumed to wait
	// for an answer.
	HoldDays float64
	// CloseMargin is the difference in value, in points a month, below
	// which two courses of action are called a close call.
	CloseMargin float64
	// FollowUpDays is how long an application, an interview process or a
	// final round may go without a move before it is flagged "follow up"
	// (see [FollowUpOf]).
	FollowUpDays float64
}

// DefaultSearchParams returns the built-in assumptions.
func DefaultSearchParams() SearchParams {
	return SearchParams{
		FindRate:         0.30,
		FindRateLong:     0.15,
		FindRateEmployed: 0.10,
		LeaveCost:        DefaultLeaveCost,
		LongSpellMonths:  12,
		Discount:         0.99,
		SearchFit:        25,
		ShortfallCost:    100,
		RepayMonths:      6,
		StopgapMonths:    6,
		StopgapCost:      10,
		UninsuredCost:    10,
		PoorFitMonths:    6,
		GoodFitMonths:    60,
		OfferSDMin:       10,
		MarketPrior:      2,
		HoldDays:         7,
		CloseMargin:      1,
		FollowUpDays:     10,
	}
}

// SearchParamTable lists every assumption of the search model, with its key
// in the [search] table, in the order explain, decide and docs/decide.md show
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
	find, setFind := plain(func(p *SearchParams) *float64 { return &p.FindRate })
	findLong, setFindLong := plain(func(p *SearchParams) *float64 { return &p.FindRateLong })
	findEmployed, setFindEmployed := plain(func(p *SearchParams) *float64 { return &p.FindRateEmployed })
	leaveCost, setLeaveCost := plain(func(p *SearchParams) *float64 { return &p.LeaveCost })
	spell, setSpell := plain(func(p *SearchParams) *float64 { return &p.LongSpellMonths })
	searched, setSearched := plain(func(p *SearchParams) *float64 { return &p.MonthsSearched })
	discount, setDiscount := plain(func(p *SearchParams) *float64 { return &p.Discount })
	searchFit, setSearchFit := plain(func(p *SearchParams) *float64 { return &p.SearchFit })
	short, setShort := plain(func(p *SearchParams) *float64 { return &p.ShortfallCost })
	repay, setRepay := plain(func(p *SearchParams) *float64 { return &p.RepayMonths })
	stopgap, setStopgap := plain(func(p *SearchParams) *float64 { return &p.StopgapMonths })
	stopgapCost, setStopgapCost := plain(func(p *SearchParams) *float64 { return &p.StopgapCost })
	unins, setUnins := plain(func(p *SearchParams) *float64 { return &p.UninsuredCost })
	poor, setPoor := plain(func(p *SearchParams) *float64 { return &p.PoorFitMonths })
	good, setGood := plain(func(p *SearchParams) *float64 { return &p.GoodFitMonths })
	mean, setMean := optional(func(p *SearchParams) **float64 { return &p.OfferMean })
	sd, setSD := optional(func(p *SearchParams) **float64 { return &p.OfferSD })
	sdMin, setSDMin := plain(func(p *SearchParams) *float64 { return &p.OfferSDMin })
	prior, setPrior := plain(func(p *SearchParams) *float64 { return &p.MarketPrior })
	hold, setHold := plain(func(p *SearchParams) *float64 { return &p.HoldDays })
	closeMargin, setClose := plain(func(p *SearchParams) *float64 { return &p.CloseMargin })
	followUp, setFollowUp := plain(func(p *SearchParams) *float64 { return &p.FollowUpDays })
	return []Setting[SearchParams]{
		info("find_rate", "monthly chance that a search finds a job, early in a spell", 0, 1, true, true, find, setFind),
		info("find_rate_long", "the same once the search has lasted long_spell_months", 0, 1, true, true, findLong, setFindLong),
		info("find_rate_employed", "monthly chance that a search from a job, held or taken, brings an offer", 0, 1, false, true, findEmployed, setFindEmployed),
		info("long_spell_months", "months of searching after which find_rate_long applies", 0, 600, true, false, spell, setSpell),
		info("months_searched", "months you have been searching by today (where find_rate starts falling from)", 0, 600, false, false, searched, setSearched),
		info("discount", "how much next month counts against this one", 0, 0.9999, true, false, discount, setDiscount),
		info("search_fit", "what a month without a job is worth on the fit scale, money and coverage apart", 0, 100, false, false, searchFit, setSearchFit),
		info("shortfall_cost", "fit points a month costs for each month of expenses missing in it", 0, 10000, false, false, short, setShort),
		info("repay_months", "months the money still missing at the first paycheck goes on costing", 0, 120, false, false, repay, setRepay),
		info("stopgap_months", "months from today to line up stopgap work that pays the expenses (after a job: none, it is lined up in the job); 120 or more: never", 0, 600, false, false, stopgap, setStopgap),
		info("stopgap_cost", "fit points a month of stopgap work costs against a month of searching without it", 0, 100, false, false, stopgapCost, setStopgapCost),
		info("uninsured_cost", "fit points a month without health coverage costs", 0, 1000, false, false, unins, setUnins),
		info("poor_fit_months", "months a job at fit 0 lasts before you are back on the market", 0, 1200, true, false, poor, setPoor),
		info("good_fit_months", "months a job at fit 100 lasts", 0, 1200, true, false, good, setGood),
		info("offer_mean", "mean fit of a job a search finds", 0, 100, false, false, mean, setMean),
		info("offer_sd", "spread (standard deviation) of that fit", 0, 50, false, false, sd, setSD),
		info("offer_sd_min", "least spread an estimated fit distribution gets", 0, 50, false, false, sdMin, setSDMin),
		info("market_prior", "how many opportunities the prior market (fits uniform on 0..100) counts as beside yours", 0, 1000, false, false, prior, setPrior),
		info("hold_days", "days an offer with no respond_by is assumed to wait for an answer", 0, 365, false, false, hold, setHold),
		info("close_margin", "difference in value (points a month) below which a choice is a close call", 0, 100, false, false, closeMargin, setClose),
		info("leave_cost", "fit points leaving a job costs, once, for a later yes (the bridge) or an offer found from it; high: I would not leave so soon", 0, 100000, false, false, leaveCost, setLeaveCost),
		info("follow_up_days", "days without a move before an application or interview is flagged follow up", 0, 3650, true, false, followUp, setFollowUp),
	}
}

// FindRateAt is the monthly chance of finding a job after a search has
// lasted d months: FindRate at first, FindRateLong from LongSpellMonths
// on, in a straight line between.
func (p SearchParams) FindRateAt(d float64) float64 {
	if p.LongSpellMonths <= 0 || d >= p.LongSpellMonths {
		return p.FindRateLong
	}
	if d <= 0 {
		return p.FindRate
	}
	return p.FindRate + (p.FindRateLong-p.FindRate)*d/p.LongSpellMonths
}

// hazard turns a monthly chance into the rate of a Poisson process with
// that chance of at least one event in a month: a chance of 0.30 a month is
// a rate of 0.357.
func hazard(monthlyChance float64) float64 { return -math.Log1p(-clamp01(monthlyChance)) }

// ArrivalChance is the chance that a search early in its spell finds a job
// within the given months.
func (p SearchParams) ArrivalChance(months float64) float64 {
	return 1 - math.Exp(-hazard(p.FindRate)*math.Max(0, months))
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
