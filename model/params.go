package model

// Params are the model's constants. Every one has a default (see
// [DefaultParams]) and can be overridden in the profile's [model] table
// under the key that [ParamTable] gives it.
type Params struct {
	// CoverageUrgency is the urgency of having no health coverage.
	CoverageUrgency float64
	// ComfortableRunway is the runway (months) at which cash urgency is zero,
	// when the situation does not say.
	ComfortableRunway float64
	// TaxRate is the share of gross pay lost to tax, when the situation does
	// not say.
	TaxRate float64
	// WeightIncome, WeightTimeliness, WeightLasting and WeightCoverage weigh
	// the four relief terms; they are normalised.
	WeightIncome, WeightTimeliness, WeightLasting, WeightCoverage float64
	// ChanceLead … ChanceAccepted are the default chances by stage.
	ChanceLead, ChanceApplied, ChanceInterviewing, ChanceFinal, ChanceOffer, ChanceAccepted float64
	// StartDays is how many days from today an opportunity with no
	// starts date is assumed to start.
	StartDays float64
	// FirstPaycheckDays is the default number of days from start to first
	// pay.
	FirstPaycheckDays float64
	// CoverageWaitDays is the insurance wait at which the coverage term
	// falls to zero; it falls linearly from 1 at no wait.
	CoverageWaitDays float64
	// LastingMonths is the contract length that counts as fully lasting.
	LastingMonths float64
}

// DefaultParams returns the built-in constants.
func DefaultParams() Params {
	return Params{
		CoverageUrgency:    0.25,
		ComfortableRunway:  6,
		TaxRate:            0.25,
		WeightIncome:       0.4,
		WeightTimeliness:   0.3,
		WeightLasting:      0.15,
		WeightCoverage:     0.15,
		ChanceLead:         0.02,
		ChanceApplied:      0.05,
		ChanceInterviewing: 0.2,
		ChanceFinal:        0.5,
		ChanceOffer:        1,
		ChanceAccepted:     1,
		StartDays:          30,
		FirstPaycheckDays:  14,
		CoverageWaitDays:   90,
		LastingMonths:      12,
	}
}

// ParamTable lists every constant, with its key in the [model] table, in
// the order explain and docs/profile.md show them.
func ParamTable() []Setting[Params] {
	const big = 1e12
	defaults := DefaultParams()
	param := func(key, doc string, lo, hi float64, loOpen bool, field func(*Params) *float64) Setting[Params] {
		get, set := plain(field)
		def, _ := get(defaults)
		return Setting[Params]{Key: key, Doc: doc, Kind: Number, Min: lo, Max: hi, MinOpen: loOpen, Default: Float(def), Value: get, Set: set}
	}
	return []Setting[Params]{
		param("coverage_urgency", "urgency of having no health coverage", 0, 1, false, func(p *Params) *float64 { return &p.CoverageUrgency }),
		param("comfortable_runway", "months of runway at which cash urgency is zero (situation may override)", 0, big, true, func(p *Params) *float64 { return &p.ComfortableRunway }),
		param("tax_rate", "share of gross pay lost to tax (situation may override)", 0, 0.99, false, func(p *Params) *float64 { return &p.TaxRate }),
		param("weight_income", "relief weight of income cover", 0, big, false, func(p *Params) *float64 { return &p.WeightIncome }),
		param("weight_timeliness", "relief weight of timeliness of the first paycheck", 0, big, false, func(p *Params) *float64 { return &p.WeightTimeliness }),
		param("weight_lasting", "relief weight of how lasting the job is", 0, big, false, func(p *Params) *float64 { return &p.WeightLasting }),
		param("weight_coverage", "relief weight of health coverage", 0, big, false, func(p *Params) *float64 { return &p.WeightCoverage }),
		param("chance_lead", "default chance of a lead", 0, 1, false, func(p *Params) *float64 { return &p.ChanceLead }),
		param("chance_applied", "default chance of an application", 0, 1, false, func(p *Params) *float64 { return &p.ChanceApplied }),
		param("chance_interviewing", "default chance while interviewing", 0, 1, false, func(p *Params) *float64 { return &p.ChanceInterviewing }),
		param("chance_final", "default chance at the final round", 0, 1, false, func(p *Params) *float64 { return &p.ChanceFinal }),
		param("chance_offer", "default chance of an offer", 0, 1, false, func(p *Params) *float64 { return &p.ChanceOffer }),
		param("chance_accepted", "default chance of an accepted offer", 0, 1, false, func(p *Params) *float64 { return &p.ChanceAccepted }),
		param("start_days", "days from today an opportunity with no starts date is assumed to start", 0, 3650, false, func(p *Params) *float64 { return &p.StartDays }),
		param("first_paycheck_days", "days from start to first pay, when an opportunity does not say", 0, 3650, false, func(p *Params) *float64 { return &p.FirstPaycheckDays }),
		param("coverage_wait_days", "insurance wait (days) at which the coverage term falls to 0", 0, 3650, true, func(p *Params) *float64 { return &p.CoverageWaitDays }),
		param("lasting_months", "contract length (months) that counts as fully lasting", 0, 1200, true, func(p *Params) *float64 { return &p.LastingMonths }),
	}
}

// Chance is the default chance for an opportunity in stage s.
func (p Params) Chance(s Stage) float64 {
	switch s {
	case StageLead:
		return p.ChanceLead
	case StageApplied:
		return p.ChanceApplied
	case StageInterviewing:
		return p.ChanceInterviewing
	case StageFinal:
		return p.ChanceFinal
	case StageOffer:
		return p.ChanceOffer
	case StageAccepted:
		return p.ChanceAccepted
	case StageCurrent:
		return 1
	}
	return 0
}
