package profiles

import (
	"fmt"

	"mutual/model"
)

// This file reads the [situation] table, whose keys a [[scenario]] may
// set too, and checks, once every file is read, that the urgency can be
// worked out from it.

// situation reads situation keys from a [situation] table or a scenario
// into settings, each checked as model.SituationTable describes it; skip
// names keys the caller handles itself.
func (w *walker) situation(path []string, t map[string]any, into map[string]setting, skip ...string) {
	readSettings(w, path, t, model.SituationTable(), into, "situation.", skip...)
}

// situationOf turns checked settings into a model situation.
func situationOf(settings map[string]setting) model.Situation {
	var s model.Situation
	for _, k := range model.SituationTable() {
		if v, ok := settings[k.Key]; ok {
			k.Set(&s, v.value.(float64))
		}
	}
	return s
}

func (l *loader) buildSituation(path string, out *Loaded) {
	m := &l.m
	if m.situationAt == nil {
		if m.seen["situation"] {
			return // written, but wrongly: already reported
		}
		if l.missingFromAbsent(path, out, "[situation]", "a [situation] table with savings and monthly_expenses") {
			return
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
