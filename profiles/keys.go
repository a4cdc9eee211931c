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
// described by model.Setting, and the blocks [[priority]] and
// [[opportunity]] by model.Field (model.PriorityFields,
// model.OpportunityFields): their specs here are made from those, not
// written again.

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
const maxScale = model.MaxScale

// maxWeight bounds a priority's weight: weights are relative, and a figure
// beyond it is a typo.
const maxWeight = model.MaxWeight

// topTable describes the top level of a profile file.
var topTable = []keySpec{
	{key: "version", doc: "the profile format's version; only 1 exists", kind: kindWhole, min: 1, max: 1, def: int64(1),
		hint: "this mutual reads version = 1 profiles; upgrade mutual or fix the number"},
	{key: "currency", doc: "display only: USD, CAD, AUD and NZD show $, EUR €, GBP £, JPY ¥, others after the number", kind: kindText, def: ""},
	{key: "scale", doc: "ratings run from 1 to scale", kind: kindWhole, min: 2, max: maxScale, def: int64(5),
		hint: "use a whole number from 2 to 100; 5 is usual"},
	{key: "include", doc: "other files merged in, in order, after this one; paths relative to this file", kind: kindFiles},
	{key: "optional_include", doc: "like include, merged after it, but a file that does not exist is left out with a note: a private file git ignores", kind: kindFiles},
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

// priorityFields are the keys of a [[priority]] block: the one table of
// them.
var priorityFields = model.PriorityFields()

// priorityTable describes a [[priority]] block, from priorityFields.
var priorityTable = specsOf(priorityFields)

// opportunityFields are the keys of an [[opportunity]] block: the one
// table of them, which the loader, the writer and tracker import read.
var opportunityFields = model.OpportunityFields()

// opportunityTable describes an [[opportunity]] block, from
// opportunityFields.
var opportunityTable = specsOf(opportunityFields)

// specsOf is the spec of each row of a block's table of fields.
func specsOf[T any](fields []model.Field[T]) []keySpec {
	out := make([]keySpec, len(fields))
	for i, f := range fields {
		out[i] = keySpec{key: f.Key, doc: f.Doc, kind: kindOf(f.Kind), min: f.Min, max: f.Max, minOpen: f.MinOpen, maxOpen: f.MaxOpen,
			words: f.Words, def: f.Default, defWords: f.DefaultWords, required: f.Required, hint: f.Hint}
	}
	return out
}

// kindOf is how the walker reads, and the schema describes, a value of
// the model's kind k.
func kindOf(k model.Kind) valueKind {
	switch k {
	case model.Number:
		return kindNumber
	case model.Money:
		return kindMoney
	case model.Boolean:
		return kindBool
	case model.Whole:
		return kindWhole
	case model.DateKind:
		return kindDate
	case model.Enum:
		return kindEnum
	case model.PayRange:
		return kindPayRange
	case model.RatingTable:
		return kindRatings
	case model.MoveList:
		return kindHistory
	}
	return kindText
}

// scenarioTable describes the keys of a [[scenario]] block besides the
// [situation] keys it may override (model.SituationTable).
var scenarioTable = []keySpec{
	{key: "name", doc: "the scenario's name, for --scenario and the dashboard's [ and ]; unique", kind: kindText, required: true},
	{key: "weights", doc: "priority_id = weight: the priorities' weights in this scenario, in place of their own", kind: kindWeights, min: 0, max: maxWeight},
}

// payPeriods are the values per takes.
func payPeriods() []string { return model.PayPeriods() }

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
