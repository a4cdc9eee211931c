package profiles

import (
	"fmt"
	"slices"
	"strings"

	"mutual/model"
)

// This file reads the [[scenario]] blocks, named sets of situation keys
// and priority weights, and checks, once every file is read, that no two
// share a name and that every weight is a priority's.

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
	w.situation(path, t, settings, "name", "weights")
	rs.s.Situation = situationOf(settings)
	if v, ok := t["weights"]; ok {
		p := append(slices.Clone(path), "weights")
		if wt, ok := w.weightsTable(p, v); ok {
			rs.s.Weights = make(map[string]float64, len(wt))
			for id, x := range wt {
				if f, ok := w.weight(append(slices.Clone(p), id), x); ok {
					rs.s.Weights[id] = f
				}
			}
		}
	}
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
		l.checkScenarioWeights(r, out.Profile.Priorities)
		out.Profile.Scenarios = append(out.Profile.Scenarios, r.s)
		out.Origins.Scenarios = append(out.Origins.Scenarios, r.at)
	}
}

// weightsTable reads a scenario's weights = { id = number, ... }.
func (w *walker) weightsTable(path []string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		w.errAt(path, `write the weights as a table of priority ids: weights = { manager = 6, pay = 2 }`,
			"weights must be a table, not %s", describe(v))
	}
	return t, ok
}

// checkScenarioWeights reports, in id order, a scenario weight for an id
// no priority has, and weights that would leave every priority at 0.
func (l *loader) checkScenarioWeights(r rawScenario, prs []model.Priority) {
	if len(r.s.Weights) == 0 || len(prs) == 0 {
		return
	}
	ids := make([]string, len(prs))
	total := 0.0
	for k, pr := range prs {
		ids[k] = pr.ID
		if v, ok := r.s.Weights[pr.ID]; ok {
			total += v
		} else {
			total += pr.Weight
		}
	}
	for _, id := range sortedKeys(r.s.Weights) {
		if slices.Contains(ids, id) {
			continue
		}
		hint := "weigh only priorities the profile has: " + strings.Join(ids, ", ")
		if s := suggest(id, ids); s != "" {
			hint = fmt.Sprintf("did you mean %q? priorities: %s", s, strings.Join(ids, ", "))
		}
		l.errorAt(r.at.child("weights", id), hint, "scenario %q weighs %q, but no priority has that id", r.s.Name, id)
	}
	if total == 0 {
		l.errorAt(r.at.child("weights"), "leave at least one priority with a weight above 0",
			"scenario %q gives every priority weight 0, so nothing counts toward fit", r.s.Name)
	}
}
