package model

import "math"

// daysPerMonth is the mean length of a month (365.25 / 12).
const daysPerMonth = 30.4375

// RatingFrom says where a rating used in fit came from. It is a number,
// not a string, so that a fit term holds no pointer (see [FitTerm]).
type RatingFrom uint8

// Where ratings come from.
const (
	FromHand RatingFrom = iota
	FromPay
	FromUnknown
)

// String is how explain names where a rating came from: "hand", "pay",
// "unknown".
func (f RatingFrom) String() string {
	switch f {
	case FromPay:
		return "pay"
	case FromUnknown:
		return "unknown"
	}
	return "hand"
}

// FitTerm is one priority's rating in an opportunity's fit: what is
// known of it and where it came from.
//
// Fit.Terms[k] is the term of the profile's priority k, which names it
// (its ID and label), and its share of fit is Fit.Share(k): a term holds
// the rating alone, in numbers only, so that the 60,000 terms of a
// 2,000 × 30 profile cost the collector nothing to scan and a weight
// what-if, which moves the shares and nothing else, shares them.
type FitTerm struct {
	// Rating is the interval used: the hand or pay rating, or [1, scale]
	// when unknown.
	Rating Rating
	// From says where Rating came from.
	From RatingFrom
	// Low, High and Mid are the rating's interval on 0..1.
	Low, High, Mid float64
}

// Fit is how well an opportunity matches the priorities, 0..100, with the
// interval its unknowns and ranges leave open.
type Fit struct {
	Value, Low, High float64
	Terms            []FitTerm
	// Shares are the priorities' normalised weights, 0..1, one per term:
	// the same slice for every assessment of a state.
	Shares []float64
}

// Share is priority k's share of fit, 0..1.
func (f *Fit) Share(k int) float64 { return f.Shares[k] }

// Points is what priority k's term adds to fit: Share × Mid × 100.
func (f *Fit) Points(k int) float64 { return f.Shares[k] * f.Terms[k].Mid * 100 }

// Flag marks a deal-breaker that vetoes an opportunity or puts it at risk.
type Flag struct {
	// Priority is the priority's ID; Label its human name.
	Priority, Label string
	// Rating is the rating interval in force, From where it came from;
	// AtLeast the floor.
	Rating  Rating
	From    RatingFrom
	AtLeast float64
	// Veto is true when the whole interval is below the floor; false when
	// only part of it is (at risk).
	Veto bool
	// Ask is the priority's question for an interviewer.
	Ask string
}

// Relief is how much taking an opportunity would relieve the urgent need,
// 0..100, with its terms.
type Relief struct {
	// Value is Chance × Mean × 100.
	Value float64
	// Chance is the probability it turns into a job; ChanceDefault
	// reports whether it came from the stage's default.
	Chance        float64
	ChanceDefault bool
	// Mean is the weighted mean of the terms, 0..1.
	Mean float64
	// Income is min(1, net monthly pay / monthly expenses).
	Income float64
	// Timeliness is clamp01(1 − MonthsToPay / runway).
	Timeliness float64
	// Lasting is 1 for permanent, min(1, contract / lasting_months) else.
	Lasting float64
	// Coverage is 1 − wait / coverage_wait_days with insurance, 0 without.
	Coverage float64
	// CoverageCounted is false when the person is already insured and the
	// coverage term is dropped from the mean.
	CoverageCounted bool
	// PayKnown reports whether the opportunity gives its pay; NetMonthly is
	// the pay after tax per month.
	PayKnown   bool
	NetMonthly float64
	// DaysToStart and MonthsToPay time the first paycheck from today;
	// StartAssumed reports that no starts date was given.
	DaysToStart  float64
	StartAssumed bool
	MonthsToPay  float64
}

// Assessment is everything about one opportunity that does not depend on
// urgency: its fit, relief and deal-breakers.
type Assessment struct {
	// Index is the opportunity's position in Profile.Opportunities.
	Index int
	Name  string
	Stage Stage
	// Closed opportunities (declined, withdrawn, rejected) are listed, not
	// ranked.
	Closed bool
	Fit    Fit
	Relief Relief
	// Flags are the deal-breakers that veto it or put it at risk.
	Flags []Flag
	// FollowUp is set when it is due a follow-up today (see
	// [FollowUpOf]).
	FollowUp *FollowUp
}

// Vetoed reports whether a known rating is below a deal-breaker floor.
func (a *Assessment) Vetoed() bool {
	for _, f := range a.Flags {
		if f.Veto {
			return true
		}
	}
	return false
}

// AtRisk reports whether an uncertain rating could fall below a floor.
func (a *Assessment) AtRisk() bool {
	for _, f := range a.Flags {
		if !f.Veto {
			return true
		}
	}
	return false
}

// Score is the opportunity's score at urgency u.
func (a *Assessment) Score(u float64) float64 { return (1-u)*a.Fit.Value + u*a.Relief.Value }

// Assess computes fit and relief for every opportunity of p, in profile
// order, for the situation sit on the day today.
func Assess(p *Profile, sit Situation, today Date) []Assessment {
	return assess(p, sit, today, NewLedger(p, sit, today).RunwayMonths())
}

// assess is Assess with the runway the ledger gives.
func assess(p *Profile, sit Situation, today Date, runway float64) []Assessment {
	shares := prioritySharesOf(p.Priorities)
	out := make([]Assessment, len(p.Opportunities))
	for i := range p.Opportunities {
		o := &p.Opportunities[i]
		a := &out[i]
		a.Index, a.Name, a.Stage, a.Closed = i, o.Name, o.Stage, o.Stage.Closed()
		a.Fit, a.Flags = assessFit(p, shares, o)
		a.Relief = assessRelief(p.Params, sit, runway, o, today)
		if f, ok := FollowUpOf(*o, today, p.Search.FollowUpDays); ok {
			f.Index = i
			a.FollowUp = &f
		}
	}
	return out
}

// prioritySharesOf normalises the weights. All-zero weights (which a
// profile cannot have, but a what-if might) count equally.
func prioritySharesOf(ps []Priority) []float64 {
	total := 0.0
	for _, p := range ps {
		total += p.Weight
	}
	shares := make([]float64, len(ps))
	for i, p := range ps {
		if total > 0 {
			shares[i] = p.Weight / total
		} else {
			shares[i] = 1 / float64(len(ps))
		}
	}
	return shares
}

// RatingFor returns the rating opportunity o has for priority pr on the
// given scale, and where it came from.
func RatingFor(pr Priority, o *Opportunity, scale int) (Rating, RatingFrom) {
	return ratingFor(&pr, o, scale)
}

func ratingFor(pr *Priority, o *Opportunity, scale int) (Rating, RatingFrom) {
	if r, ok := o.Ratings[pr.ID]; ok {
		return r, FromHand
	}
	if pr.FromPay != nil {
		if yearly, ok := o.YearlyPay(); ok {
			lo, hi := pr.FromPay[0], pr.FromPay[1]
			t := 1.0
			if hi > lo {
				t = clamp01((yearly - lo) / (hi - lo))
			} else if yearly < lo {
				t = 0
			}
			v := 1 + float64(scale-1)*t
			return Rating{v, v}, FromPay
		}
	}
	return Rating{1, float64(scale)}, FromUnknown
}

// assessFit works out o's fit, with one term per priority. The terms are
// written in place: a 2,000 × 30 profile has 60,000 of them.
func assessFit(p *Profile, shares []float64, o *Opportunity) (Fit, []Flag) {
	f := Fit{Terms: make([]FitTerm, len(p.Priorities)), Shares: shares}
	var flags []Flag
	span := float64(p.Scale - 1)
	if span <= 0 {
		span = 1
	}
	for i := range p.Priorities {
		pr := &p.Priorities[i]
		r, from := ratingFor(pr, o, p.Scale)
		t := &f.Terms[i]
		*t = FitTerm{Rating: r, From: from}
		t.Low, t.High = (r.Low-1)/span, (r.High-1)/span
		t.Mid = (t.Low + t.High) / 2
		f.addTerm(i)
		if pr.AtLeast > 0 && r.Low < pr.AtLeast {
			flags = append(flags, Flag{Priority: pr.ID, Label: pr.Name(), Rating: r, From: from,
				AtLeast: pr.AtLeast, Veto: r.High < pr.AtLeast, Ask: pr.Ask})
		}
	}
	return f, flags
}

// addTerm adds term k to the fit's value and interval. Every fit is
// summed by it, term by term in profile order, so that two ways of
// working out the same fit (Assess, a weight what-if) agree to the last
// bit, and ties the ranking breaks on fit are broken alike.
func (f *Fit) addTerm(k int) {
	t, share := &f.Terms[k], f.Shares[k]
	f.Low += share * t.Low * 100
	f.High += share * t.High * 100
	f.Value += share * t.Mid * 100
}

func assessRelief(pm Params, sit Situation, runway float64, o *Opportunity, today Date) Relief {
	var r Relief
	if o.Chance != nil {
		r.Chance = *o.Chance
	} else {
		r.Chance, r.ChanceDefault = pm.Chance(o.Stage), true
	}

	expenses := val(sit.MonthlyExpenses)
	if yearly, ok := o.YearlyPay(); ok {
		r.PayKnown = true
		r.NetMonthly = yearly * (1 - sit.Tax(pm)) / 12
		// What holding the job costs a month comes off what it brings.
		net := r.NetMonthly - o.MonthlyCost
		if expenses > 0 {
			r.Income = math.Max(0, math.Min(1, net/expenses))
		} else if net > 0 {
			r.Income = 1
		}
	}

	if o.Starts.IsZero() {
		r.DaysToStart, r.StartAssumed = pm.StartDays, true
	} else {
		r.DaysToStart = float64(today.DaysUntil(o.Starts))
	}
	paycheck := o.PaycheckDays(pm)
	r.MonthsToPay = math.Max(0, r.DaysToStart+paycheck) / daysPerMonth
	if o.Stage == StageCurrent {
		// The job held now pays already.
		r.DaysToStart, r.StartAssumed, r.MonthsToPay = 0, false, 0
	}
	r.Timeliness = Timeliness(r.MonthsToPay, runway)

	r.Lasting = 1
	if o.ContractMonths > 0 {
		r.Lasting = math.Min(1, o.ContractMonths/pm.LastingMonths)
	}
	if o.Stage == StageCurrent && !o.LeavingOn.IsZero() {
		r.Lasting = math.Min(r.Lasting, clamp01(float64(today.DaysUntil(o.LeavingOn))/daysPerMonth/pm.LastingMonths))
	}
	if o.Insurance {
		r.Coverage = clamp01(1 - o.InsuranceWaitDays/pm.CoverageWaitDays)
	}
	r.CoverageCounted = !sit.IsInsured()
	w := reliefWeightsFor(pm, r.CoverageCounted)
	r.Mean = w.mean(&r, r.Timeliness)
	r.Value = r.Chance * r.Mean * 100
	return r
}

// reliefWeights are the relief terms' weights, normalised to sum to 1.
type reliefWeights struct{ income, time, lasting, coverage float64 }

// mean is the weighted mean of r's terms with timeliness in place of
// r.Timeliness: what relief is at another runway, worked out the same way
// to the last bit, so that the runway translation breaks ties as a fresh
// evaluation at that runway would.
func (w reliefWeights) mean(r *Relief, timeliness float64) float64 {
	return w.income*r.Income + w.time*timeliness + w.lasting*r.Lasting + w.coverage*r.Coverage
}

func reliefWeightsFor(pm Params, coverageCounted bool) reliefWeights {
	den := pm.WeightIncome + pm.WeightTimeliness + pm.WeightLasting
	if coverageCounted {
		den += pm.WeightCoverage
	}
	if den <= 0 {
		return reliefWeights{}
	}
	w := reliefWeights{pm.WeightIncome / den, pm.WeightTimeliness / den, pm.WeightLasting / den, 0}
	if coverageCounted {
		w.coverage = pm.WeightCoverage / den
	}
	return w
}

// reliefLine splits relief into the part that does not depend on runway
// and the part that scales with timeliness:
// relief = base + perTime × Timeliness(MonthsToPay, runway).
func reliefLine(pm Params, r *Relief) (base, perTime float64) {
	w := reliefWeightsFor(pm, r.CoverageCounted)
	scale := r.Chance * 100
	return scale * (w.income*r.Income + w.lasting*r.Lasting + w.coverage*r.Coverage), scale * w.time
}

// Timeliness is clamp01(1 − monthsToPay / runway): 1 when the runway is
// unbounded, and with no runway at all, 1 only for pay that is already due.
func Timeliness(monthsToPay, runway float64) float64 {
	switch {
	case math.IsInf(runway, 1):
		return 1
	case runway <= 0:
		if monthsToPay <= 0 {
			return 1
		}
		return 0
	}
	return clamp01(1 - monthsToPay/runway)
}
