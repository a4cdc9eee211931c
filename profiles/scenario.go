package profiles

import (
	"slices"
	"strings"

	"mutual/model"
)

// This file reads the [[scenario]] blocks: named sets of situation keys.

type rawScenario struct {
	s  model.Scenario
	at Origin
}

func (w *walker) scenario(path []string, t map[string]any) {
	w.block, _ = t["name"].(string)
	defer func() { w.block = "" }()
	rs := rawScenario{at: w.at(path...)}
	if v, ok := t["name"]; ok {
		if s, ok := w.str(append(slices.Clone(path), "name"), v); ok {
			rs.s.Name = strings.TrimSpace(s)
		}
	}
	if rs.s.Name == "" {
		w.errAt(path, `give every scenario a name, for example name = "severance lands"`, "a [[scenario]] has no name")
	}
	settings := map[string]setting{}
	w.situation(path, t, settings, "name")
	rs.s.Situation = situationOf(settings)
	w.m.scenarios = append(w.m.scenarios, rs)
}
