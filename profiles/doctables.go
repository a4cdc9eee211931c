package profiles

import (
	"fmt"
	"strings"

	"mutual/model"
)

// This file writes the profile's key tables (keys.go), package model's
// tables of settings, and the columns and statuses import reads
// (tracker.go) as rows for the reference in docs/ (profile.md, decide.md,
// commands.md), which internal/docgen rewrites from them. It formats rows;
// the lists of keys stay in their tables.

// DocTables are the profile format's tables as rows of text, by the name
// of the docs region that shows them; the first row of each is its header.
func DocTables() map[string][][]string {
	return map[string][][]string{
		"profile-top":         keyDocRows(topTable),
		"profile-priority":    keyDocRows(priorityTable),
		"profile-opportunity": keyDocRows(opportunityTable),
		"profile-scenario":    keyDocRows(scenarioTable),
		"profile-income":      keyDocRows(incomeTable),
		"profile-cash":        keyDocRows(cashTable),
		"profile-situation":   settingDocRows(model.SituationTable()),
		"profile-model":       settingDocRows(model.ParamTable()),
		"profile-search":      settingDocRows(model.SearchParamTable()),
		"import-columns":      trackerColumnRows(),
		"import-statuses":     trackerStatusRows(),
	}
}

// trackerColumnRows are the columns 'mutual import' reads (tracker.go),
// and what each fills.
func trackerColumnRows() [][]string {
	rows := [][]string{{"column (any case, any of these names)", "becomes"}}
	for _, c := range trackerColumns {
		key, rest, _ := strings.Cut(c.what, " ")
		rows = append(rows, []string{strings.Join(c.names, ", "), strings.TrimSpace("`" + key + "` " + rest)})
	}
	return rows
}

// trackerStatusRows are the statuses 'mutual import' reads as each stage.
func trackerStatusRows() [][]string {
	rows := [][]string{{"stage", "statuses read as it (any case; punctuation is a space)"}}
	for _, st := range model.Stages() {
		if names := trackerStatuses[st]; len(names) > 0 {
			rows = append(rows, []string{"`" + string(st) + "`", strings.Join(names, ", ")})
		}
	}
	return rows
}

// keyDocRows are the rows of one of the profile's own tables.
func keyDocRows(table []keySpec) [][]string {
	rows := [][]string{{"key", "value", "default", "meaning"}}
	for _, s := range table {
		key := "`" + s.key + "`"
		switch s.kind {
		case kindSettings:
			key = "`[" + s.key + "]`"
		case kindBlocks:
			key = "`[[" + s.key + "]]`"
		}
		rows = append(rows, []string{key, kindWords(s), defaultWords(s), s.doc})
	}
	return rows
}

// kindWords says in words what sort of value a key takes.
func kindWords(s keySpec) string {
	switch s.kind {
	case kindNumber:
		return "number, " + rangeWords(s.min, s.max, s.minOpen, s.maxOpen)
	case kindMoney:
		return "money ≥ 0"
	case kindWhole:
		if s.min == s.max {
			return "whole number, " + fmtNum(s.min)
		}
		return "whole number, " + rangeWords(s.min, s.max, s.minOpen, s.maxOpen)
	case kindBool:
		return "true or false"
	case kindDate:
		return "date, 2026-12-14 (no quotes)"
	case kindEnum:
		return "one of " + quotedWords(s.words)
	case kindFiles:
		return "file name, or a list of them"
	case kindPayRange:
		return "[low, high] money"
	case kindRatings:
		return "table: priority id = rating or [low, high]"
	case kindWeights:
		return "table: priority id = weight, " + rangeWords(s.min, s.max, false, false)
	case kindSettings:
		return "table"
	case kindBlocks:
		return "list of blocks"
	case kindHistory:
		return "list of { stage, on }"
	}
	return "text"
}

// defaultWords says what is in force when the key is not written.
func defaultWords(s keySpec) string {
	switch {
	case s.kind == kindSettings || s.kind == kindBlocks:
		return ""
	case s.required:
		return "required"
	case s.defWords != "":
		return s.defWords
	case s.def == nil:
		return "none"
	case s.def == "":
		return `""`
	}
	return fmt.Sprint(s.def)
}

// settingDocRows are the rows of a table of settings.
func settingDocRows[T any](table []model.Setting[T]) [][]string {
	rows := [][]string{{"key", "value", "default", "meaning"}}
	for _, s := range table {
		value := "number, " + rangeWords(s.Min, s.Max, s.MinOpen, s.MaxOpen)
		def := "none"
		switch s.Kind {
		case model.Money:
			value = "money ≥ 0"
		case model.Boolean:
			value = "true or false"
		}
		if s.Default != nil {
			def = fmtNum(*s.Default)
			if s.Kind == model.Boolean {
				def = fmt.Sprint(*s.Default != 0)
			}
		}
		rows = append(rows, []string{"`" + s.Key + "`", value, def, s.Doc})
	}
	return rows
}

// rangeWords writes a range as the docs do: "0 to 1", "more than 0 to 168".
func rangeWords(lo, hi float64, loOpen, hiOpen bool) string {
	from, to := fmtNum(lo), fmtNum(hi)
	if loOpen {
		from = "more than " + from
	}
	if hiOpen {
		to = "less than " + to
	}
	return from + " to " + to
}

// quotedWords lists words as code: `a`, `b`, `c`.
func quotedWords(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "`" + w + "`"
	}
	return strings.Join(quoted, ", ")
}
