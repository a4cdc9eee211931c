package model

import (
	"errors"
	"math"
	"strconv"
	"time"
)

// Profile is everything mutual knows about one person's search: what they
// care about, their situation, the opportunities and the named scenarios.
// Package profiles builds it from TOML; tests build it by hand.
type Profile struct {
	// Version is the profile format version; only 1 exists.
	Version int
	// Currency is a display label such as "USD"; it never changes a number.
	Currency string
	// Scale is the top of the rating scale; ratings run 1..Scale.
	Scale int
	// Situation holds the money and coverage facts that set urgency.
	Situation Situation
	// Priorities are what the person cares about, in profile order.
	Priorities []Priority
	// Opportunities are the leads, processes and offers, in profile order.
	Opportunities []Opportunity
	// Scenarios are named sets of situation overrides.
	Scenarios []Scenario
	// Params are the model's constants, defaults already filled in.
	Params Params
	// Search are the search model's assumptions (the [search] table),
	// defaults already filled in; see [Decide].
	Search SearchParams
	// Incomes and Cash are the dated money ([[income]] and [[cash]]), in
	// profile order; see [Ledger].
	Incomes []Income
	Cash    []CashItem
}

// Situation holds the facts that set urgency. A nil field is not given:
// Savings, MonthlyExpenses and MonthlyIncome then count as zero, Insured as
// false, and ComfortableRunway and TaxRate fall back to [Params]. The same
// type doubles as a patch: a scenario or a what-if is a Situation whose
// non-nil fields replace the base's (see [Situation.Overlay]). Each field
// is one [situation] key, described in [SituationTable]; a test fails when
// a field has no row there.
type Situation struct {
	Savings           *float64
	MonthlyExpenses   *float64
	MonthlyIncome     *float64
	Insured           *bool
	ComfortableRunway *float64
	Urgency           *float64
	TaxRate           *float64
}

// SituationTable lists every [situation] key, which a scenario and a
// what-if may set too, in the order docs/profile.md shows them and a saved
// scenario writes them.
func SituationTable() []Setting[Situation] {
	defaults := DefaultParams()
	money := func(key, doc string, def *float64, field func(*Situation) **float64) Setting[Situation] {
		get, set := optional(field)
		return Setting[Situation]{Key: key, Doc: doc, Kind: Money, Min: 0, Max: MaxMoney, Default: def, Value: get, Set: set}
	}
	number := func(key, doc string, lo, hi float64, loOpen bool, def *float64, hint string, field func(*Situation) **float64) Setting[Situation] {
		get, set := optional(field)
		return Setting[Situation]{Key: key, Doc: doc, Kind: Number, Min: lo, Max: hi, MinOpen: loOpen, Default: def, Hint: hint, Value: get, Set: set}
	}
	insured, setInsured := flag(func(s *Situation) **bool { return &s.Insured })
	return []Setting[Situation]{
		money("savings", "cash available to live on", nil, func(s *Situation) **float64 { return &s.Savings }),
		money("monthly_expenses", "what must be paid each month", nil, func(s *Situation) **float64 { return &s.MonthlyExpenses }),
		money("monthly_income", "what still comes in each month (part-time work, benefits)", Float(0), func(s *Situation) **float64 { return &s.MonthlyIncome }),
		{Key: "insured", Doc: "health coverage today", Kind: Boolean, Min: 0, Max: 1, Default: Float(0), Value: insured, Set: setInsured},
		number("comfortable_runway", "months of runway at which cash urgency is zero ([model] sets the default)", 0, 1200, true, Float(defaults.ComfortableRunway),
			"months of runway at which urgency from cash is zero; must be more than 0 (6 is usual)", func(s *Situation) **float64 { return &s.ComfortableRunway }),
		number("urgency", "urgency fixed by hand instead of derived", 0, 1, false, nil,
			"urgency runs from 0 (no pressure) to 1 (need a paycheck now)", func(s *Situation) **float64 { return &s.Urgency }),
		number("tax_rate", "rough share of gross pay lost to tax ([model] sets the default)", 0, 0.99, false, Float(defaults.TaxRate),
			"the share of gross pay lost to tax, from 0 to 0.99 (0.25 is 25%)", func(s *Situation) **float64 { return &s.TaxRate }),
	}
}

// Overlay returns s with every field that o sets replaced by o's value.
func (s Situation) Overlay(o Situation) Situation {
	for _, k := range SituationTable() {
		if v, set := k.Value(o); set {
			k.Set(&s, v)
		}
	}
	return s
}

// IsZero reports whether the situation sets nothing.
func (s Situation) IsZero() bool {
	for _, k := range SituationTable() {
		if _, set := k.Value(s); set {
			return false
		}
	}
	return true
}

// Burn is what the savings lose each month: expenses minus income.
func (s Situation) Burn() float64 { return val(s.MonthlyExpenses) - val(s.MonthlyIncome) }

// RunwayMonths is how many months the savings last at the current burn;
// +Inf when nothing burns.
func (s Situation) RunwayMonths() float64 { return runwayFor(val(s.Savings), s.Burn()) }

func runwayFor(savings, burn float64) float64 {
	if burn <= 0 {
		return math.Inf(1)
	}
	if savings <= 0 {
		return 0
	}
	return savings / burn
}

// Comfortable is the runway at which cash urgency reaches zero.
func (s Situation) Comfortable(p Params) float64 {
	if s.ComfortableRunway != nil {
		return *s.ComfortableRunway
	}
	return p.ComfortableRunway
}

// Tax is the share of gross pay lost to tax.
func (s Situation) Tax(p Params) float64 {
	if s.TaxRate != nil {
		return *s.TaxRate
	}
	return p.TaxRate
}

// IsInsured reports whether the person has health coverage today.
func (s Situation) IsInsured() bool { return s.Insured != nil && *s.Insured }

func val(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// Float returns a pointer to v, for building situations and patches.
func Float(v float64) *float64 { return &v }

// Bool returns a pointer to v, for building situations and patches.
func Bool(v bool) *bool { return &v }

// Priority is one thing the person cares about.
type Priority struct {
	// ID is how opportunities' ratings refer to this priority.
	ID string
	// Label is the human name; empty means use ID.
	Label string
	// Weight is any non-negative number; weights are normalised.
	Weight float64
	// LowText and HighText say what a 1 and the top of the scale mean.
	LowText, HighText string
	// AtLeast is a deal-breaker floor: a known rating below it vetoes. Zero
	// means no floor.
	AtLeast float64
	// Ask is the question to ask an interviewer about this priority.
	Ask string
	// FromPay, when set, derives the rating from the opportunity's yearly
	// gross pay: FromPay[0] rates 1, FromPay[1] rates the top of the
	// scale, linear between and clamped outside. A hand rating still wins.
	FromPay *[2]float64
}

// Name is the label, or the ID when there is no label.
func (p Priority) Name() string {
	if p.Label != "" {
		return p.Label
	}
	return p.ID
}

// Rating is a rating on the 1..scale scale, or a range when unsure.
// A known rating has Low == High.
type Rating struct {
	Low, High float64
}

// Known reports whether the rating is a single value.
func (r Rating) Known() bool { return r.Low == r.High }

// Mid is the midpoint of the rating's interval.
func (r Rating) Mid() float64 { return (r.Low + r.High) / 2 }

// String shows a rating as "4" or "2–4".
func (r Rating) String() string {
	if r.Known() {
		return trimFloat(r.Low)
	}
	return trimFloat(r.Low) + "–" + trimFloat(r.High)
}

// Stage is where an opportunity stands.
type Stage string

// The stages an opportunity can be in.
const (
	StageLead         Stage = "lead"
	StageApplied      Stage = "applied"
	StageInterviewing Stage = "interviewing"
	StageFinal        Stage = "final"
	StageOffer        Stage = "offer"
	StageAccepted     Stage = "accepted"
	// StageCurrent is the job held now (at most one): its pay is the
	// income until LeavingOn, it is ranked with chance 1, and decide
	// weighs staying in it.
	StageCurrent   Stage = "current"
	StageDeclined  Stage = "declined"
	StageWithdrawn Stage = "withdrawn"
	StageRejected  Stage = "rejected"
)

// Stages lists every stage in pipeline order.
func Stages() []Stage {
	return []Stage{StageLead, StageApplied, StageInterviewing, StageFinal, StageOffer,
		StageAccepted, StageCurrent, StageDeclined, StageWithdrawn, StageRejected}
}

// Valid reports whether s is one of [Stages].
func (s Stage) Valid() bool {
	for _, t := range Stages() {
		if s == t {
			return true
		}
	}
	return false
}

// CurrentJob is the index of the job held now (stage current), or -1.
// A profile holds at most one; the loader refuses a second.
func (p *Profile) CurrentJob() int {
	for i := range p.Opportunities {
		if p.Opportunities[i].Stage == StageCurrent {
			return i
		}
	}
	return -1
}

// Closed reports whether an opportunity in this stage is kept but not ranked.
func (s Stage) Closed() bool {
	return s == StageDeclined || s == StageWithdrawn || s == StageRejected
}

// Opportunity is a lead, an application, an interview process or an offer.
type Opportunity struct {
	Name  string
	Stage Stage
	// Chance is the probability it turns into a job; nil means the
	// stage's default from [Params].
	Chance *float64
	// Pay is gross pay per Per; nil means not known.
	Pay *float64
	// Per is "year", "month" or "hour"; empty means "year".
	Per string
	// HoursPerWeek is needed when Per is "hour".
	HoursPerWeek float64
	// Starts is the first day; zero means not known (Params.StartDays).
	Starts Date
	// FirstPaycheckDays is days from start to first pay; nil means the
	// default from Params.
	FirstPaycheckDays *float64
	// Insurance reports whether it provides health coverage.
	Insurance bool
	// InsuranceWaitDays is how long before coverage begins.
	InsuranceWaitDays float64
	// ContractMonths is the contract length; zero means permanent.
	ContractMonths float64
	// RespondBy is the offer deadline, if any.
	RespondBy Date
	// DecisionExpected is when the person expects to hear, if known.
	DecisionExpected Date
	// Notes are free text.
	Notes string
	// Ratings maps priority IDs to ratings; a missing ID is unknown.
	Ratings map[string]Rating
	// History is every stage move written down (history = [{ stage, on
	// }, ...]), in the order written: a work-search record.
	History []Move
	// SigningBonus is a signing bonus, gross, paid SigningBonusDays after
	// the start (nil: with the first paycheck) and repaid on leaving within
	// ClawbackMonths (nil: [DefaultClawbackMonths]; 0: never). UpfrontCost
	// is spent by the first day; MonthlyCost is what holding the job costs
	// a month. See [Ledger].
	SigningBonus, SigningBonusDays, ClawbackMonths *float64
	UpfrontCost, MonthlyCost                       float64
	// LeavingOn is, for the current job, the day it ends whatever is
	// decided (notice given, a contract's end, a layoff); zero when it
	// does not end.
	LeavingOn Date
}

// Move is one stage move of an opportunity: the stage it moved to and
// the day it did.
type Move struct {
	Stage Stage
	On    Date
}

// LastMove is the latest day in the opportunity's history, or false when
// it has none written.
func (o Opportunity) LastMove() (Date, bool) {
	var last Date
	for _, m := range o.History {
		if last.IsZero() || last.Before(m.On) {
			last = m.On
		}
	}
	return last, !last.IsZero()
}

// YearlyPay is the gross pay per year, and whether it is known.
func (o Opportunity) YearlyPay() (float64, bool) {
	if o.Pay == nil {
		return 0, false
	}
	switch o.Per {
	case "month":
		return *o.Pay * 12, true
	case "hour":
		return *o.Pay * o.HoursPerWeek * weeksPerYear, true
	default:
		return *o.Pay, true
	}
}

const weeksPerYear = 52

// Scenario is a named set of situation overrides, and of priority
// weights.
type Scenario struct {
	Name      string
	Situation Situation
	// Weights replace priority weights by priority ID; a what-if's
	// weights replace them in turn.
	Weights map[string]float64
}

// Scenario returns the scenario with the given name.
func (p *Profile) Scenario(name string) (Scenario, bool) {
	for _, s := range p.Scenarios {
		if s.Name == name {
			return s, true
		}
	}
	return Scenario{}, false
}

// Priority returns the priority with the given ID.
func (p *Profile) Priority(id string) (Priority, bool) {
	for _, pr := range p.Priorities {
		if pr.ID == id {
			return pr, true
		}
	}
	return Priority{}, false
}

// Date is a calendar day with no time and no zone, as TOML's local date.
// The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the given day.
func NewDate(year int, month time.Month, day int) Date { return Date{year, month, day} }

// FirstYear and LastYear bound the years of the dates a profile may hold.
// A job search plans months ahead, not centuries: past them a date is a
// typing slip (9999 for 2026), and the day counts decide works with lose
// their meaning (a span of time saturates some 292 years out).
const FirstYear, LastYear = 1900, 2200

// Plausible reports whether d falls in the years FirstYear to LastYear.
func (d Date) Plausible() bool { return d.Year >= FirstYear && d.Year <= LastYear }

// PlausibleHint says which dates are plausible, for an error's hint.
func PlausibleHint() string {
	return "write a year from " + strconv.Itoa(FirstYear) + " to " + strconv.Itoa(LastYear) + ": mutual plans a search months ahead, not centuries"
}

// ParseDate reads a date written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, errors.New(strconv.Quote(s) + " is not a date written YYYY-MM-DD")
	}
	return DateOf(t), nil
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is not given.
func (d Date) IsZero() bool { return d == Date{} }

func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// DaysUntil is the number of days from d to e; negative when e is earlier.
func (d Date) DaysUntil(e Date) int {
	if a, ok := d.dayNumber(); ok {
		if b, ok := e.dayNumber(); ok && b-a < maxDayStep && a-b < maxDayStep {
			return b - a
		}
	}
	return int(e.time().Sub(d.time()).Hours() / 24)
}

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date {
	if a, ok := d.dayNumber(); ok && n < maxDayStep && -n < maxDayStep && a+n >= firstDay && a+n <= lastDay {
		return dateOfDay(a + n)
	}
	return DateOf(d.time().AddDate(0, 0, n))
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool {
	if a, ok := d.dayNumber(); ok {
		if b, ok := e.dayNumber(); ok {
			return a < b
		}
	}
	return d.time().Before(e.time())
}

// The calendar arithmetic above is counted in whole days for the dates of
// years 1 to 9999 as written (a month 1..12, a day that month has), which
// decide asks for by the thousand on every what-if; time.Time gives the
// same answers, and still answers for any other date (one to normalise,
// or too far apart for a time.Duration), as it always did.

// maxDayStep bounds the days counted without time.Time: well inside the
// 292 years a time.Duration holds.
const maxDayStep = 100_000

// firstDay and lastDay are the day numbers of 0001-01-01 and 9999-12-31.
const firstDay, lastDay = -719162, 2932896

// dayNumber is d's day counted from 1970-01-01, for a date of years 1 to
// 9999 as written; ok is false for any other.
func (d Date) dayNumber() (int, bool) {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > daysIn(d.Month, d.Year) {
		return 0, false
	}
	// Howard Hinnant's days_from_civil, with March first in the year.
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 0 here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// dateOfDay is the date of day z counted from 1970-01-01 (civil_from_days),
// for days from firstDay to lastDay.
func dateOfDay(z int) Date {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), day}
}

// daysIn is the number of days of month m of year y.
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String writes the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format(time.DateOnly)
}

// trimFloat writes v with as many digits as it needs, up to two decimals:
// a rating derived from pay can be 4.904…, and nobody rates in thousandths.
func trimFloat(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
