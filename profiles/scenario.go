package profiles

import (
	"fmt"
	"slices"
	"strings"

	"mutual/model"
)

// This file reads the [[scenario]] blocks, named sets of situation keys,
// and checks, once every file is read, that no two share a name.

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

func (l *loader) buildScenarios(out *Loaded) {
	seen := map[string]Origin{}
	for _, r := range l.m.scenarios {
		if r.s.Name != "" {
			if first, dup := seen[r.s.Name]; dup {
				l.errorAt(r.at, fmt.Sprintf("give each scenario its own name (the first is at %s:%d)", first.File, first.Line()),
					"scenario name %q is used twice", r.s.Name)
			}
			seen[r.s.Name] = r.at
		}
		out.Profile.Scenarios = append(out.Profile.Scenarios, r.s)
		out.Origins.Scenarios = append(out.Origins.Scenarios, r.at)
	}
}
