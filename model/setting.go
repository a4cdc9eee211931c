package model

import "strconv"

// This file describes the keys of the profile's tables of settings
// ([situation], [model] and [search]) with one type, so that what a key
// is called, what it means, which values it may take and where it lives
// are written once. The loader checks a profile against these tables, the
// scenario writer and the model's own checks read them, and explain and
// the profile's JSON Schema can list them.

// Kind is the sort of value a setting holds: it says how a profile writes
// the value and which checks apply to it.
type Kind int

const (
	// Number is a number within the setting's range.
	Number Kind = iota
	// Money is an amount of money, from 0 to [MaxMoney].
	Money
	// Boolean is true or false. As a number (see [Setting.Value]) it is 1
	// for true and 0 for false, so that one getter and one setter serve
	// every kind.
	Boolean
)

// MaxMoney bounds amounts of money: a figure beyond it is a typo.
const MaxMoney = 1e12

// Setting describes one key of a profile table whose value lives in a T
// ([Situation], [Params] or [SearchParams]).
type Setting[T any] struct {
	// Key is the key in the profile's table.
	Key string
	// Doc says what the setting means, in a phrase that fits in a listing
	// and in an error's hint.
	Doc string
	// Kind is the sort of value the setting holds.
	Kind Kind
	// Min and Max bound the value: for Money they are 0 and MaxMoney, for
	// a Boolean 0 and 1.
	Min, Max float64
	// MinOpen and MaxOpen report whether Min and Max themselves are
	// excluded.
	MinOpen, MaxOpen bool
	// Default is the built-in value in force when the profile does not set
	// the key, or nil when there is none: the value is then derived,
	// estimated from the profile, or must be given.
	Default *float64
	// Hint is what an error about a value out of range suggests, for a
	// setting that has a sentence of its own; when it is empty, the hint
	// is made from Doc and the range.
	Hint string
	// Value reads the setting from t, and reports whether t sets it.
	Value func(t T) (float64, bool)
	// Set gives the setting the value v in t.
	Set func(t *T, v float64)
}

// Allows reports whether v is a value the setting may take: within its
// range, ends open or closed as it says (NaN never is), and 0 or 1 for a
// Boolean.
func (s Setting[T]) Allows(v float64) bool {
	if s.Kind == Boolean {
		return v == 0 || v == 1
	}
	aboveMin := v > s.Min || (!s.MinOpen && v == s.Min)
	belowMax := v < s.Max || (!s.MaxOpen && v == s.Max)
	return aboveMin && belowMax
}

// RangeWords says in words the range the setting may take: "at least 0
// and at most 1", "more than 0 and less than 1".
func (s Setting[T]) RangeWords() string {
	lo, hi := "at least", "at most"
	if s.MinOpen {
		lo = "more than"
	}
	if s.MaxOpen {
		hi = "less than"
	}
	return lo + " " + formatNumber(s.Min) + " and " + hi + " " + formatNumber(s.Max)
}

// formatNumber writes v with the digits it needs and no exponent, as the
// profile would.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// plain is the Value and Set of a setting kept in a float64 field, which
// is always set.
func plain[T any](field func(*T) *float64) (func(T) (float64, bool), func(*T, float64)) {
	return func(t T) (float64, bool) { return *field(&t), true },
		func(t *T, v float64) { *field(t) = v }
}

// optional is the Value and Set of a setting kept in a *float64 field,
// which nil leaves unset.
func optional[T any](field func(*T) **float64) (func(T) (float64, bool), func(*T, float64)) {
	return func(t T) (float64, bool) {
			if v := *field(&t); v != nil {
				return *v, true
			}
			return 0, false
		},
		func(t *T, v float64) { *field(t) = Float(v) }
}

// flag is the Value and Set of a Boolean setting kept in a *bool field,
// which nil leaves unset; true is 1 and false 0.
func flag[T any](field func(*T) **bool) (func(T) (float64, bool), func(*T, float64)) {
	return func(t T) (float64, bool) {
			switch v := *field(&t); {
			case v == nil:
				return 0, false
			case *v:
				return 1, true
			}
			return 0, true
		},
		func(t *T, v float64) { *field(t) = Bool(v != 0) }
}
