package profiles

import (
	"fmt"
	"slices"

	"mutual/model"
)

// This file reads the [situation] table, whose keys a [[scenario]] may
// set too, and checks, once every file is read, that the urgency can be
// worked out from it.

var situationKeys = []string{"savings", "monthly_expenses", "monthly_income", "insured", "comfortable_runway", "urgency", "tax_rate"}

// situation reads situation keys from a [situation] table or a scenario
// into settings; skip names keys the caller handles itself.
func (w *walker) situation(path []string, t map[string]any, into map[string]setting, skip ...string) {
	kp := pathsUnder(path)
	for k, v := range t {
		if slices.Contains(skip, k) {
			continue
		}
		p := kp.of(k)
		var val any
		var ok bool
		switch k {
		case "savings", "monthly_expenses", "monthly_income":
			val, ok = w.money(p, v)
		case "insured":
			val, ok = w.boolean(p, v)
		case "comfortable_runway":
			val, ok = w.ranged(p, v, 0, 1200, true, "months of runway at which urgency from cash is zero; must be more than 0 (6 is usual)")
		case "urgency":
			val, ok = w.ranged(p, v, 0, 1, false, "urgency runs from 0 (no pressure) to 1 (need a paycheck now)")
		case "tax_rate":
			val, ok = w.ranged(p, v, 0, 0.99, false, "the share of gross pay lost to tax, from 0 to 0.99 (0.25 is 25%)")
		default:
			known := situationKeys
			if len(skip) > 0 {
				known = append(slices.Clone(situationKeys), skip...)
			}
			w.unknownKey(path, k, known)
			continue
		}
		if ok {
			w.set(into, k, val, p, "situation.")
		}
	}
}

// situationOf turns checked settings into a model situation.
func situationOf(settings map[string]setting) model.Situation {
	var s model.Situation
	num := func(k string) *float64 {
		if v, ok := settings[k]; ok {
			return model.Float(v.value.(float64))
		}
		return nil
	}
	s.Savings, s.MonthlyExpenses, s.MonthlyIncome = num("savings"), num("monthly_expenses"), num("monthly_income")
	s.ComfortableRunway, s.Urgency, s.TaxRate = num("comfortable_runway"), num("urgency"), num("tax_rate")
	if v, ok := settings["insured"]; ok {
		s.Insured = model.Bool(v.value.(bool))
	}
	return s
}

func (l *loader) buildSituation(path string, out *Loaded) {
	m := &l.m
	if m.situationAt == nil {
		if m.seen["situation"] {
			return // written, but wrongly: already reported
		}
		l.errorAt(Origin{File: path}, "add a [situation] table with savings and monthly_expenses (see mutual init for an example)",
			"the profile has no [situation]")
		return
	}
	out.Origins.SituationTable = m.situationAt.File
	out.Origins.Situation = map[string]Origin{}
	for k, v := range m.situation {
		out.Origins.Situation[k] = v.at
	}
	sit := situationOf(m.situation)
	out.Profile.Situation = sit
	if sit.Urgency != nil {
		return
	}
	for _, k := range []string{"savings", "monthly_expenses"} {
		if _, ok := m.situation[k]; !ok && !m.situationSeen[k] {
			l.errorAt(*m.situationAt, fmt.Sprintf("add %s = ... to [situation], or fix the urgency by hand with urgency = 0.5", k),
				"[situation] has no %s, so urgency cannot be worked out", k)
		}
	}
}
