package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// This file describes the keys of the profile's blocks ([[opportunity]]
// and [[priority]]) with one type, as [Setting] describes the keys of the
// tables of settings: what a key is called, what it means, the sort of
// value it takes, its range and default, and where it lives. The loader,
// the writer, tracker import and the JSON Schema (package profiles), the
// commands that set a key ('mutual add', 'mutual set') and the New
// opportunity form all read these tables, so a key is described once: a
// new key is its row, the model code that uses it, and its line in
// explain.

// The sorts of value a block's key takes besides [Number], [Money] and
// [Boolean].
const (
	// Whole is a whole number within the key's range.
	Whole Kind = iota + Boolean + 1
	// DateKind is a day, written 2026-12-23.
	DateKind
	// Enum is one of the key's Words.
	Enum
	// Text is a string.
	Text
	// PayRange is two amounts, the lower first (a priority's from_pay).
	PayRange
	// RatingTable is priority ids with their ratings (an opportunity's
	// ratings).
	RatingTable
	// MoveList is a list of stage moves (an opportunity's history).
	MoveList
)

// MaxDays and MaxMonths bound counts of days and months a profile
// writes: ten years and a hundred years. MaxScale is the largest rating
// scale a profile may set, and so the largest deal-breaker floor;
// MaxWeight bounds a priority's weight (weights are relative, and a
// figure beyond it is a typo).
const (
	MaxDays   = 3650
	MaxMonths = 1200
	MaxScale  = 100
	MaxWeight = 1e9
)

// Field describes one key of a block of the profile whose value lives in
// a T ([Opportunity] or [Priority]).
type Field[T any] struct {
	// Key is the key in the block.
	Key string
	// Doc says what the key means, in a phrase.
	Doc string
	// Kind is the sort of value the key takes.
	Kind Kind
	// Min and Max bound a Number or a Whole; MinOpen and MaxOpen exclude
	// them. A Money runs from 0 to MaxMoney.
	Min, Max         float64
	MinOpen, MaxOpen bool
	// Words are the values an Enum takes, and Noun what one is called in
	// a message ("stage", "pay period").
	Words []string
	Noun  string
	// Default is the value in force when the key is not written (a
	// float64, bool or string), or nil when it has none or one that
	// depends on other keys: DefaultWords then says what it is.
	Default      any
	DefaultWords string
	// Required reports that every block must write the key.
	Required bool
	// Hint is what an error about a value out of range suggests.
	Hint string
	// Flag is the flag 'mutual add' takes the key with; the zero Flag
	// when add does not take it.
	Flag FieldFlag
	// Form is the key's label in the New opportunity form, and
	// Placeholder what its empty field shows; "" when the form does not
	// take it.
	Form, Placeholder string
	// Get is the key's value as the writer writes it (a float64, bool,
	// string, Date, []Move), and whether the block writes it at all.
	Get func(t T) (any, bool)
	// Set gives the key the value v, as Parse or the loader read it; nil
	// for a key that is not set from one value.
	Set func(t *T, v any)
}

// FieldFlag is a command-line flag that sets a key: its name, the word
// its help calls the value ("" for a flag that takes none), and its help.
type FieldFlag struct{ Name, Value, Help string }

// Allows reports whether the number v is within the key's range.
func (f Field[T]) Allows(v float64) bool {
	if math.IsNaN(v) {
		return false
	}
	if f.Kind == Money {
		return v >= 0 && v <= MaxMoney
	}
	aboveMin := v > f.Min || (!f.MinOpen && v == f.Min)
	belowMax := v < f.Max || (!f.MaxOpen && v == f.Max)
	return aboveMin && belowMax
}

// Settable reports whether a key can be given a value typed as one word
// ('mutual set', the forms): the keys of the simple kinds.
func (f Field[T]) Settable() bool {
	return f.Set != nil && f.Kind != PayRange && f.Kind != RatingTable && f.Kind != MoveList
}

// Parse reads text, as typed, as a value of the key: a Money takes 105k,
// $105,000 or 105000; a Number or a Whole must be in range; a DateKind is
// YYYY-MM-DD; an Enum is one of its words, in any case; a Boolean is
// true, false, yes or no. The value is what Set takes.
func (f Field[T]) Parse(text string) (any, *InputError) {
	t := strings.TrimSpace(text)
	fail := func(msg, hint string) (any, *InputError) {
		return nil, &InputError{Field: f.Key, Message: msg, Hint: hint}
	}
	switch f.Kind {
	case Money:
		v, err := ParseMoney(t)
		if err != nil {
			return fail(strconv.Quote(t)+" "+err.Error(), "write an amount: 105000, 105k or $105,000")
		}
		return v, nil
	case Number, Whole:
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return fail(strconv.Quote(t)+" is not a number", f.rangeHint())
		}
		if f.Kind == Whole && v != math.Trunc(v) {
			return fail(strconv.Quote(t)+" is not a whole number", f.rangeHint())
		}
		if !f.Allows(v) {
			return fail(f.Key+" "+t+" is out of range", f.rangeHint())
		}
		return v, nil
	case Boolean:
		switch strings.ToLower(t) {
		case "true", "yes", "y":
			return true, nil
		case "false", "no", "n":
			return false, nil
		}
		return fail(strconv.Quote(t)+" is not true or false", "write true or false")
	case DateKind:
		d, err := ParseDate(t)
		if err != nil {
			return fail(strconv.Quote(t)+" is not a date", "write it YYYY-MM-DD: 2026-12-23")
		}
		if !d.Plausible() {
			return fail(strconv.Quote(t)+" is outside the years "+strconv.Itoa(FirstYear)+" to "+strconv.Itoa(LastYear), PlausibleHint())
		}
		return d, nil
	case Enum:
		w := strings.ToLower(t)
		for _, word := range f.Words {
			if w == word {
				return w, nil
			}
		}
		return fail(strconv.Quote(t)+" is not a "+f.Noun, "use one of: "+strings.Join(f.Words, ", "))
	case Text:
		return t, nil
	}
	return fail(f.Key+" cannot be set from one value", "change it in the profile by hand")
}

// rangeHint is the hint for a number out of the key's range: its own, or
// one made from its range.
func (f Field[T]) rangeHint() string {
	if f.Hint != "" {
		return f.Hint
	}
	lo, hi := "at least", "at most"
	if f.MinOpen {
		lo = "more than"
	}
	if f.MaxOpen {
		hi = "less than"
	}
	return f.Key + " is " + lo + " " + formatNumber(f.Min) + " and " + hi + " " + formatNumber(f.Max)
}

// FieldOf returns the row of key in table, and whether it has one.
func FieldOf[T any](table []Field[T], key string) (Field[T], bool) {
	for _, f := range table {
		if f.Key == key {
			return f, true
		}
	}
	return Field[T]{}, false
}

// The keys of an [[opportunity]] that code outside the table names.
const (
	FieldName             = "name"
	FieldStage            = "stage"
	FieldPay              = "pay"
	FieldPer              = "per"
	FieldHoursPerWeek     = "hours_per_week"
	FieldStarts           = "starts"
	FieldRespondBy        = "respond_by"
	FieldDecisionExpected = "decision_expected"
	FieldInsurance        = "insurance"
	FieldLeavingOn        = "leaving_on"
	FieldRatings          = "ratings"
	FieldHistory          = "history"
)

// OpportunityFields lists every key of an [[opportunity]] block, in the
// order the writer writes them and the README lists them.
func OpportunityFields() []Field[Opportunity] {
	defaults := DefaultParams()
	return []Field[Opportunity]{
		{Key: FieldName, Doc: "the opportunity's name; unique, ignoring case", Kind: Text, Required: true,
			Get: func(o Opportunity) (any, bool) { return o.Name, true },
			Set: func(o *Opportunity, v any) { o.Name = strings.TrimSpace(v.(string)) }},
		{Key: FieldStage, Doc: "where it stands; declined, withdrawn and rejected are kept but not ranked", Kind: Enum, Words: stageStrings(), Noun: "stage", Required: true,
			Flag: FieldFlag{Name: "stage", Value: "STAGE", Help: "where it stands (default lead)"}, Form: "Stage", Placeholder: "lead",
			Get: func(o Opportunity) (any, bool) { return string(o.Stage), true },
			Set: func(o *Opportunity, v any) { o.Stage = Stage(v.(string)) }},
		optionalNumber(Field[Opportunity]{Key: "chance", Doc: "how likely it turns into a job, from 0 to 1", Kind: Number, Min: 0, Max: 1,
			DefaultWords: "the stage's default chance ([model] chance_*)", Hint: "chance is a probability from 0 to 1, for example 0.3"},
			func(o *Opportunity) **float64 { return &o.Chance }),
		optionalNumber(Field[Opportunity]{Key: FieldPay, Doc: "gross pay per per; unknown pay counts as no income", Kind: Money,
			Flag: FieldFlag{Name: "pay", Value: "N", Help: "gross pay per --per: 52000, 52k or $52,000"}, Form: "Pay", Placeholder: "52000"},
			func(o *Opportunity) **float64 { return &o.Pay }),
		{Key: FieldPer, Doc: "the pay period; hour needs hours_per_week", Kind: Enum, Words: PayPeriods(), Noun: "pay period", Default: "year",
			Flag: FieldFlag{Name: "per", Value: "PERIOD", Help: "year (default), month or hour"}, Form: "Per", Placeholder: "year",
			// The period is written with the pay it is of.
			Get: func(o Opportunity) (any, bool) { return cmpOr(o.Per, "year"), o.Pay != nil },
			Set: func(o *Opportunity, v any) { o.Per = v.(string) }},
		{Key: FieldHoursPerWeek, Doc: "hours a week, for hourly pay", Kind: Number, Min: 0, Max: 168, MinOpen: true,
			Hint: "hours per week run from more than 0 to 168",
			Flag: FieldFlag{Name: "hours-per-week", Value: "N", Help: "hours a week, for pay by the hour"}, Form: "Hours a week",
			Get: func(o Opportunity) (any, bool) { return o.HoursPerWeek, o.Pay != nil && o.HoursPerWeek > 0 },
			Set: func(o *Opportunity, v any) { o.HoursPerWeek = v.(float64) }},
		dateField(Field[Opportunity]{Key: FieldStarts, Doc: "the first day, a TOML date without quotes", DefaultWords: "today plus [model] start_days",
			Flag: FieldFlag{Name: "starts", Value: "DATE", Help: "the first day, YYYY-MM-DD"}, Form: "Starts", Placeholder: "YYYY-MM-DD"},
			func(o *Opportunity) *Date { return &o.Starts }),
		dateField(Field[Opportunity]{Key: FieldRespondBy, Doc: "the offer's deadline, a TOML date",
			Flag: FieldFlag{Name: "respond-by", Value: "DATE", Help: "the offer's deadline"}, Form: "Respond by", Placeholder: "YYYY-MM-DD"},
			func(o *Opportunity) *Date { return &o.RespondBy }),
		dateField(Field[Opportunity]{Key: FieldDecisionExpected, Doc: "when you expect to hear, a TOML date",
			Flag: FieldFlag{Name: "decision-expected", Value: "DATE", Help: "when you expect to hear"}, Form: "Decision expected", Placeholder: "YYYY-MM-DD"},
			func(o *Opportunity) *Date { return &o.DecisionExpected }),
		dateField(Field[Opportunity]{Key: FieldLeavingOn, Doc: "for the current job: the day it ends whatever you do (notice given, a contract's end, a layoff), a TOML date",
			DefaultWords: "it does not end"},
			func(o *Opportunity) *Date { return &o.LeavingOn }),
		optionalNumber(Field[Opportunity]{Key: "first_paycheck_days", Doc: "days from the first day to the first pay", Kind: Number, Min: 0, Max: MaxDays,
			Default: defaults.FirstPaycheckDays, Hint: "days from the first day to the first pay, 0 or more (14 is usual)"},
			func(o *Opportunity) **float64 { return &o.FirstPaycheckDays }),
		{Key: FieldInsurance, Doc: "it provides health coverage", Kind: Boolean, Default: false,
			Flag: FieldFlag{Name: "insurance", Help: "it provides health coverage"}, Form: "Insurance",
			Get: func(o Opportunity) (any, bool) { return true, o.Insurance },
			Set: func(o *Opportunity, v any) { o.Insurance = v.(bool) }},
		plainNumber(Field[Opportunity]{Key: "insurance_wait_days", Doc: "days before its health coverage begins", Kind: Number, Min: 0, Max: MaxDays, Default: 0.0,
			Hint: "days before health coverage starts, 0 or more"},
			func(o *Opportunity) *float64 { return &o.InsuranceWaitDays }),
		plainNumber(Field[Opportunity]{Key: "contract_months", Doc: "the contract's length in months; 0 for a permanent job", Kind: Number, Min: 0, Max: MaxMonths, Default: 0.0,
			Hint: "0 for a permanent job, else the contract's length in months"},
			func(o *Opportunity) *float64 { return &o.ContractMonths }),
		optionalNumber(Field[Opportunity]{Key: "signing_bonus", Doc: "a signing bonus, gross, one sum; taxed at tax_rate", Kind: Money,
			Flag: FieldFlag{Name: "signing-bonus", Value: "N", Help: "a signing bonus, gross: 1000, 1k or $1,000"}},
			func(o *Opportunity) **float64 { return &o.SigningBonus }),
		optionalNumber(Field[Opportunity]{Key: "signing_bonus_days", Doc: "days after the first day the signing bonus is paid", Kind: Number, Min: 0, Max: MaxDays,
			DefaultWords: "with the first paycheck", Hint: "days after the first day, from 0 to 3650"},
			func(o *Opportunity) **float64 { return &o.SigningBonusDays }),
		optionalNumber(Field[Opportunity]{Key: "clawback_months", Doc: "the signing bonus is repaid in full on leaving within this many months; 0 for never", Kind: Number,
			Min: 0, Max: MaxMonths, Default: float64(DefaultClawbackMonths), Hint: "months, 0 or more (12 is usual; 0 = never repaid)"},
			func(o *Opportunity) **float64 { return &o.ClawbackMonths }),
		plainNumber(Field[Opportunity]{Key: "upfront_cost", Doc: "spent by the first day: a move, tools, a uniform, travel", Kind: Money,
			Flag: FieldFlag{Name: "upfront-cost", Value: "N", Help: "spent by the first day: a move, tools, travel"}},
			func(o *Opportunity) *float64 { return &o.UpfrontCost }),
		plainNumber(Field[Opportunity]{Key: "monthly_cost", Doc: "what holding the job costs a month: a commute, its health plan's premium, childcare", Kind: Money,
			Flag: FieldFlag{Name: "monthly-cost", Value: "N", Help: "what holding the job costs a month: commute, premium"}},
			func(o *Opportunity) *float64 { return &o.MonthlyCost }),
		{Key: "notes", Doc: "free text", Kind: Text,
			Get: func(o Opportunity) (any, bool) { return o.Notes, o.Notes != "" },
			Set: func(o *Opportunity, v any) { o.Notes = v.(string) }},
		{Key: FieldHistory, Doc: "every stage move with its day, [{ stage = \"applied\", on = 2026-11-02 }, ...]: a work-search record; 'mutual stage' adds to it",
			Kind: MoveList, Words: stageStrings(),
			Get: func(o Opportunity) (any, bool) { return o.History, len(o.History) > 0 }},
		{Key: FieldRatings, Doc: "priority_id = rating: a number from 1 to the scale, or [low, high] when unsure; a priority left out is unknown", Kind: RatingTable,
			Get: func(o Opportunity) (any, bool) { return o.Ratings, false }},
	}
}

// PriorityFields lists every key of a [[priority]] block, in the order
// the README lists them.
func PriorityFields() []Field[Priority] {
	text := func(key, doc, defWords string, field func(*Priority) *string) Field[Priority] {
		return Field[Priority]{Key: key, Doc: doc, Kind: Text, DefaultWords: defWords,
			Get: func(p Priority) (any, bool) { return *field(&p), *field(&p) != "" },
			Set: func(p *Priority, v any) { *field(p) = v.(string) }}
	}
	id := text("id", "how ratings refer to the priority; unique", "", func(p *Priority) *string { return &p.ID })
	id.Required = true
	return []Field[Priority]{
		id,
		text("label", "the priority's human name", "the id", func(p *Priority) *string { return &p.Label }),
		plainNumber(Field[Priority]{Key: "weight", Doc: "relative importance; weights are normalised, and at least one must be above 0", Kind: Number,
			Min: 0, Max: MaxWeight, Default: 1.0}, func(p *Priority) *float64 { return &p.Weight }),
		text("low", "what a rating of 1 means", "", func(p *Priority) *string { return &p.LowText }),
		text("high", "what the top of the scale means", "", func(p *Priority) *string { return &p.HighText }),
		plainNumber(Field[Priority]{Key: "at_least", Doc: "deal-breaker: a known rating below it vetoes the opportunity; from 1 to the scale", Kind: Number,
			Min: 1, Max: MaxScale}, func(p *Priority) *float64 { return &p.AtLeast }),
		text("ask", "the question to ask an interviewer about it", "", func(p *Priority) *string { return &p.Ask }),
		{Key: "from_pay", Doc: "take the rating from yearly gross pay instead: [pay that rates 1, pay that rates the top]", Kind: PayRange},
	}
}

// optionalNumber is row with the Get and Set of a number kept in a
// *float64 field, which nil leaves unwritten.
func optionalNumber[T any](row Field[T], field func(*T) **float64) Field[T] {
	row.Get = func(t T) (any, bool) {
		if v := *field(&t); v != nil {
			return *v, true
		}
		return nil, false
	}
	row.Set = func(t *T, v any) { *field(t) = Float(v.(float64)) }
	return row
}

// plainNumber is row with the Get and Set of a number kept in a float64
// field, which is written when it is not 0.
func plainNumber[T any](row Field[T], field func(*T) *float64) Field[T] {
	row.Get = func(t T) (any, bool) { return *field(&t), *field(&t) != 0 }
	row.Set = func(t *T, v any) { *field(t) = v.(float64) }
	return row
}

// dateField is row, a DateKind, with the Get and Set of a Date field,
// which is written when it is not zero.
func dateField[T any](row Field[T], field func(*T) *Date) Field[T] {
	row.Kind = DateKind
	row.Get = func(t T) (any, bool) { return *field(&t), !field(&t).IsZero() }
	row.Set = func(t *T, v any) { *field(t) = v.(Date) }
	return row
}

// PaycheckDays is the days from the opportunity's first day to its first
// pay: its own first_paycheck_days, or the model's default.
func (o Opportunity) PaycheckDays(pm Params) float64 {
	if o.FirstPaycheckDays != nil {
		return *o.FirstPaycheckDays
	}
	return pm.FirstPaycheckDays
}

func stageStrings() []string {
	stages := Stages()
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = string(s)
	}
	return out
}

func cmpOr(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

var (
	// currencyMark is a currency written around an amount: $, €, £, ¥,
	// USD, US$, C$...
	currencyMark = regexp.MustCompile(`(?i)(?:[$€£¥]|\b(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|us|c|a)\b\$?)`)
	// amountPattern is one number: 85000, 85,000, 85000.50, 85k, 85.5K,
	// 1.2m.
	amountPattern = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([kKmM])?$`)
)

// StripCurrency takes the currency marks out of an amount as written
// ("$85,000", "USD 85k", "85 000 €").
func StripCurrency(s string) string { return strings.TrimSpace(currencyMark.ReplaceAllString(s, "")) }

// CurrencyMark is the first currency mark in an amount as written ("€"
// in "€2,500/month"), or "" when it writes none.
func CurrencyMark(s string) string { return currencyMark.FindString(s) }

// ParseAmount reads one amount as typed, without a currency: 85000,
// 85,000, 85000.50, 85k, 1.2m. It returns the number as written and the
// multiplier its k or m stands for (1 without one), so that a range can
// share the multiplier of its high end ("80-95k"). The error says why,
// in words that follow the text it is about.
func ParseAmount(s string) (v, mult float64, err error) {
	m := amountPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0, errNotAmount
	}
	if m[3] == "" && !strings.Contains(m[1], ",") && len(m[2]) == 4 {
		// 45.000: forty-five, or forty-five thousand written as much of
		// Europe writes it.
		return 0, 0, &amountError{"could be " + m[1] + " or " + m[1] + "," + m[2][1:] + "; write it without the point or with k"}
	}
	v, err = strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "")+m[2], 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, 0, errNotAmount
	}
	switch strings.ToLower(m[3]) {
	case "k":
		return v, 1e3, nil
	case "m":
		return v, 1e6, nil
	}
	return v, 1, nil
}

// ParseMoney reads an amount of money as a person types it: 105000,
// 105k, $105,000, 105_000, USD 1.2m. The error says why, in words that
// follow the text it is about ("is not an amount").
func ParseMoney(text string) (float64, error) {
	s := strings.NewReplacer("_", "", " ", "").Replace(StripCurrency(text))
	v, mult, err := ParseAmount(s)
	if err != nil {
		return 0, err
	}
	if v *= mult; v > MaxMoney {
		return 0, &amountError{"is too large to be an amount of money"}
	}
	return v, nil
}

// amountError is why text is not an amount, in words that follow it.
type amountError struct{ why string }

func (e *amountError) Error() string { return e.why }

var errNotAmount = &amountError{"is not an amount"}
