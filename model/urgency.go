package model

import "math"

// Source says where the urgency in force comes from.
type Source string

// The sources of urgency, from weakest to strongest: a later one replaces an
// earlier one.
const (
	// SourceDerived: computed from the situation's money and coverage.
	SourceDerived Source = "derived"
	// SourceProfile: fixed by hand in the profile's [situation].
	SourceProfile Source = "profile"
	// SourceScenario: fixed by the scenario in force.
	SourceScenario Source = "scenario"
	// SourceFlag: fixed on the command line with --urgency.
	SourceFlag Source = "flag"
	// SourceWhatIf: moved by hand in the dashboard.
	SourceWhatIf Source = "what-if"
)

// Urgency is how much need counts against fit, with its parts.
type Urgency struct {
	// Value is the urgency in force, 0..1.
	Value float64
	// Source says where Value comes from.
	Source Source
	// Derived is the urgency the situation implies, whatever is in force.
	Derived float64
	// RunwayMonths is savings / burn, or with a dated ledger the months
	// until the money runs out with no new job; +Inf when it never does.
	RunwayMonths float64
	// RunsOut is the day the money runs out with no new job; zero when it
	// never does.
	RunsOut Date
	// Burn is monthly expenses minus monthly income; with a dated ledger,
	// what burns once every dated income has stopped (see
	// [Ledger.SteadyBurn]).
	Burn float64
	// Comfortable is the runway at which cash urgency is zero.
	Comfortable float64
	// Cash is the cash part, clamp01(1 − runway / comfortable).
	Cash float64
	// Cover is the coverage part: 0 when insured.
	Cover float64
}

// DeriveUrgency computes the urgency a situation implies. The result's
// Source is SourceDerived, or SourceProfile when the situation fixes the
// urgency by hand.
func DeriveUrgency(s Situation, p Params) Urgency {
	u := Urgency{
		Burn:         s.Burn(),
		RunwayMonths: s.RunwayMonths(),
		Comfortable:  s.Comfortable(p),
	}
	u.Cash = cashUrgency(u.RunwayMonths, u.Comfortable)
	if !s.IsInsured() {
		u.Cover = p.CoverageUrgency
	}
	u.Derived = combine(u.Cash, u.Cover)
	u.Value, u.Source = u.Derived, SourceDerived
	if s.Urgency != nil {
		u.Value, u.Source = *s.Urgency, SourceProfile
	}
	return u
}

// deriveUrgency is DeriveUrgency following the dated ledger lg: the
// runway is when its money runs out, and the day is dated.
func deriveUrgency(s Situation, p Params, lg *Ledger) Urgency {
	u := DeriveUrgency(s, p)
	if lg.Held >= 0 && lg.HeldInsured && math.IsInf(lg.HeldUntil, 1) {
		u.Cover = 0 // the job held covers health, and does not end
	}
	if lg.Dated() || lg.Held >= 0 {
		u.RunwayMonths, u.Burn = lg.RunwayMonths(), lg.SteadyBurn()
		u.Cash = cashUrgency(u.RunwayMonths, u.Comfortable)
		u.Derived = combine(u.Cash, u.Cover)
		if u.Source == SourceDerived {
			u.Value = u.Derived
		}
	}
	if !math.IsInf(u.RunwayMonths, 1) {
		u.RunsOut = lg.Today.AddDays(int(math.Round(u.RunwayMonths * daysPerMonth)))
	}
	return u
}

func cashUrgency(runway, comfortable float64) float64 {
	if math.IsInf(runway, 1) {
		return 0
	}
	return clamp01(1 - runway/comfortable)
}

func combine(cash, cover float64) float64 { return 1 - (1-cash)*(1-cover) }

// Fixed returns u with its value replaced by v from source src.
func (u Urgency) Fixed(v float64, src Source) Urgency {
	u.Value, u.Source = clamp01(v), src
	return u
}

// IsDerived reports whether the urgency in force follows the situation, so
// that moving savings or expenses moves it.
func (u Urgency) IsDerived() bool { return u.Source == SourceDerived }

// RunwayUnbounded reports whether nothing burns the savings.
func (u Urgency) RunwayUnbounded() bool { return math.IsInf(u.RunwayMonths, 1) }

func clamp01(x float64) float64 {
	switch {
	case x < 0 || math.IsNaN(x):
		return 0
	case x > 1:
		return 1
	}
	return x
}
