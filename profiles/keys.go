package profiles

import (
	"slices"

	"mutual/model"
)

// This file lists the keys of the profile's own tables (the top level,
// [[priority]], [[opportunity]] and [[scenario]]) with the sort of value
// each takes, its range, its default and what it means. The walker reads
// its known keys and its ranges from these lists, and the JSON Schema
// (schema.go) is generated from them and from package model's tables of
// settings, so what the loader accepts and what an editor is told cannot
// part. The tables of settings ([situation], [model], [search]) are
// described by model.Setting; they are not repeated here.

// valueKind is the sort of value a key takes: it says how the walker
// reads it and how the schema describes it.
type valueKind int

const (
	// kindText is a string.
	kindText valueKind = iota
	// kindNumber is a finite number from min to max.
	kindNumber
	// kindMoney is an amount of money, from 0 to model.MaxMoney.
	kindMoney
	// kindWhole is a whole number (a TOML integer) from min to max.
	kindWhole
	// kindBool is true or false.
	kindBool
	// kindDate is a TOML local date, 2026-12-14.
	kindDate
	// kindEnum is one of the words in the spec's words.
	kindEnum
	// kindFiles is a file name or a list of them (include).
	kindFiles
	// kindPayRange is a list of two amounts, the lower first (from_pay).
	kindPayRange
	// kindRatings is a table of priority ids, each a rating from 1 to the
	// scale or a range [low, high] of them.
	kindRatings
	// kindWeights is a table of priority ids, each a weight.
	kindWeights
	// kindSettings is a table whose keys a model table describes
	// ([situation], [model], [search]).
	kindSettings
	// kindBlocks is a list of [[blocks]] ([[priority]], ...).
	kindBlocks
	// kindHistory is a list of stage moves, each { stage = "...", on =
	// date } (an opportunity's history).
	kindHistory
)

// keySpec describes one key of a profile table.
type keySpec struct {
	key string
	// doc says what the key means, in a phrase.
	doc  string
	kind valueKind
	// min and max bound a number; minOpen and maxOpen exclude min and max
	// themselves.
	min, max         float64
	minOpen, maxOpen bool
	// words are the values a kindEnum takes.
	words []string
	// def is the value in force when the key is not written, or nil when
	// it has none (or one that depends on other keys: defWords says so).
	def any
	// defWords says in words what is in force when the key is not written
	// and def cannot say it ("the stage's default chance").
	defWords string
	// required reports that every block must write the key.
	required bool
	// hint is what an error about a value out of range suggests.
	hint string
}

// maxScale is the largest scale a profile may set; a rating or a
// deal-breaker floor is at most that, whatever the scale.
const maxScale = 100

// maxWeight bounds a priority's weight: weights are relative, and a figure
// beyond it is a typo.
const maxWeight = 1e9

// maxDays and maxMonths bound counts of days and months: ten years and a
// hundred years.
const (
	maxDays   = 3650
	maxMonths = 1200
)

// topTable describes the top level of a profile file.
var topTable = []keySpec{
	{key: "version", doc: "the profile format's version; only 1 exists", kind: kindWhole, min: 1, max: 1, def: int64(1),
		hint: "this mutual reads version = 1 profiles; upgrade mutual or fix the number"},
	{key: "currency", doc: "display only: USD, CAD, AUD and NZD show $, EUR €, GBP £, JPY ¥, others after the number", kind: kindText, def: ""},
	{key: "scale", doc: "ratings run from 1 to scale", kind: kindWhole, min: 2, max: maxScale, def: int64(5),
		hint: "use a whole number from 2 to 100; 5 is usual"},
	{key: "include", doc: "other files merged in, in order, after this one; paths relative to this file", kind: kindFiles},
	{key: "situation", doc: "the money and coverage facts that set urgency", kind: kindSettings},
	{key: "priority", doc: "what you care about in a job", kind: kindBlocks},
	{key: "opportunity", doc: "leads, applications, interview processes and offers", kind: kindBlocks},
	{key: "scenario", doc: "named what-ifs: [situation] keys to override, and priority weights", kind: kindBlocks},
	{key: "income", doc: "money that comes in for a while: benefits, a partner's help (see docs/ledger.md)", kind: kindBlocks},
	{key: "cash", doc: "one sum on one day, in (+) or out (−): severance, a move (see docs/ledger.md)", kind: kindBlocks},
	{key: "model", doc: "the model's constants, each with a default", kind: kindSettings},
	{key: "search", doc: "the assumptions of the search model behind 'mutual decide'", kind: kindSettings},
	{key: "tracked_money_ok", doc: "silences check's warning about money figures in a file git tracks", kind: kindBool, def: false},
}

// priorityTable describes a [[priority]] block.
var priorityTable = []keySpec{
	{key: "id", doc: "how ratings refer to the priority; unique", kind: kindText, required: true},
	{key: "label", doc: "the priority's human name", kind: kindText, defWords: "the id"},
	{key: "weight", doc: "relative importance; weights are normalised, and at least one must be above 0", kind: kindNumber, min: 0, max: maxWeight, def: 1.0},
	{key: "low", doc: "what a rating of 1 means", kind: kindText},
	{key: "high", doc: "what the top of the scale means", kind: kindText},
	{key: "at_least", doc: "deal-breaker: a known rating below it vetoes the opportunity; from 1 to the scale", kind: kindNumber, min: 1, max: maxScale},
	{key: "ask", doc: "the question to ask an interviewer about it", kind: kindText},
	{key: "from_pay", doc: "take the rating from yearly gross pay instead: [pay that rates 1, pay that rates the top]", kind: kindPayRange},
}

// opportunityTable describes an [[opportunity]] block.
var opportunityTable = []keySpec{
	{key: "name", doc: "the opportunity's name; unique, ignoring case", kind: kindText, required: true},
	{key: "stage", doc: "where it stands; declined, withdrawn and rejected are kept but not ranked", kind: kindEnum, words: stageStrings(), required: true},
	{key: "chance", doc: "how likely it turns into a job, from 0 to 1", kind: kindNumber, min: 0, max: 1, defWords: "the stage's default chance ([model] chance_*)",
		hint: "chance is a probability from 0 to 1, for example 0.3"},
	{key: "pay", doc: "gross pay per per; unknown pay counts as no income", kind: kindMoney},
	{key: "per", doc: "the pay period; hour needs hours_per_week", kind: kindEnum, words: payPeriods(), def: "year"},
	{key: "hours_per_week", doc: "hours a week, for hourly pay", kind: kindNumber, min: 0, max: 168, minOpen: true,
		hint: "hours per week run from more than 0 to 168"},
	{key: "starts", doc: "the first day, a TOML date without quotes", kind: kindDate, defWords: "today plus [model] start_days"},
	{key: "first_paycheck_days", doc: "days from the first day to the first pay", kind: kindNumber, min: 0, max: maxDays,
		def: model.DefaultParams().FirstPaycheckDays, hint: "days from the first day to the first pay, 0 or more (14 is usual)"},
	{key: "insurance", doc: "it provides health coverage", kind: kindBool, def: false},
	{key: "insurance_wait_days", doc: "days before its health coverage begins", kind: kindNumber, min: 0, max: maxDays, def: 0.0,
		hint: "days before health coverage starts, 0 or more"},
	{key: "contract_months", doc: "the contract's length in months; 0 for a permanent job", kind: kindNumber, min: 0, max: maxMonths, def: 0.0,
		hint: "0 for a permanent job, else the contract's length in months"},
	{key: "respond_by", doc: "the offer's deadline, a TOML date", kind: kindDate},
	{key: "decision_expected", doc: "when you expect to hear, a TOML date", kind: kindDate},
	{key: "notes", doc: "free text", kind: kindText},
	{key: "history", doc: "every stage move with its day, [{ stage = \"applied\", on = 2026-11-02 }, ...]: a work-search record; 'mutual stage' adds to it",
		kind: kindHistory, words: stageStrings()},
	{key: "ratings", doc: "priority_id = rating: a number from 1 to the scale, or [low, high] when unsure; a priority left out is unknown", kind: kindRatings},
	opportunityMoneyTable[0], opportunityMoneyTable[1], opportunityMoneyTable[2], opportunityMoneyTable[3], opportunityMoneyTable[4],
}

// scenarioTable describes the keys of a [[scenario]] block besides the
// [situation] keys it may override (model.SituationTable).
var scenarioTable = []keySpec{
	{key: "name", doc: "the scenario's name, for --scenario and the dashboard's [ and ]; unique", kind: kindText, required: true},
	{key: "weights", doc: "priority_id = weight: the priorities' weights in this scenario, in place of their own", kind: kindWeights, min: 0, max: maxWeight},
}

// payPeriods are the values per takes.
func payPeriods() []string { return []string{"year", "month", "hour"} }

// keyNames lists the keys of a table, for "did you mean" and unknown keys.
func keyNames(table []keySpec) []string {
	names := make([]string, len(table))
	for i, s := range table {
		names[i] = s.key
	}
	return names
}

// specOf returns the spec of key in table; the zero spec when it has none.
func specOf(table []keySpec, key string) keySpec {
	if i := slices.IndexFunc(table, func(s keySpec) bool { return s.key == key }); i >= 0 {
		return table[i]
	}
	return keySpec{}
}

// rangedKey reads the number at path as its spec in table says: within
// its range, reported with its hint.
func (w *walker) rangedKey(path []string, v any, table []keySpec) (float64, bool) {
	s := specOf(table, last(path))
	f, ok := w.ranged(path, v, s.min, s.max, s.minOpen, s.hint)
	if ok && s.maxOpen && f == s.max {
		w.errAt(path, s.hint, "%s = %s is out of range", last(path), fmtNum(f))
		return 0, false
	}
	return f, ok
}
