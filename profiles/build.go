package profiles

import (
	"fmt"
	"slices"
	"strings"

	"mutual/model"
)

// build checks what needs every file at once and returns the profile.
func (l *loader) build(path string) *Loaded {
	m := &l.m
	out := &Loaded{Path: path, Files: l.files, Contents: l.contents}
	p := &out.Profile
	p.Version, p.Scale, p.Params = 1, 5, model.DefaultParams()
	if v, ok := m.top["scale"]; ok {
		p.Scale = int(v.value.(int64))
	}
	if v, ok := m.top["tracked_money_ok"]; ok {
		out.TrackedMoneyOK = v.value.(bool)
	}
	if v, ok := m.top["currency"]; ok {
		p.Currency = v.value.(string)
	}
	if _, ok := m.top["version"]; !ok {
		l.ds.add(Diagnostic{File: path, Line: 1, Warning: true, Message: "the profile does not say its version",
			Hint: "add version = 1 as the first line, so a future mutual knows how to read it"})
	}
	out.Origins.Model = map[string]Origin{}
	for _, pi := range model.ParamTable() {
		if v, ok := m.model[pi.Key]; ok {
			*pi.Field(&p.Params) = v.value.(float64)
			out.Origins.Model[pi.Key] = v.at
		}
	}

	l.buildSearch(out)
	l.buildSituation(path, out)
	l.buildPriorities(path, out)
	l.buildOpportunities(out)
	l.buildScenarios(out)
	return out
}

func (l *loader) errorAt(at Origin, hint, format string, args ...any) {
	line, col := at.Position()
	l.ds.add(Diagnostic{File: at.File, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
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

func (l *loader) buildPriorities(path string, out *Loaded) {
	p := &out.Profile
	rs := l.m.priorities
	if len(rs) == 0 {
		if l.m.seen["priority"] {
			return // written, but wrongly: already reported
		}
		l.errorAt(Origin{File: path}, "add at least one [[priority]] with an id and a weight; if this file is an include, check the profile that includes it",
			"the profile has no [[priority]], so fit cannot be worked out")
		return
	}
	seen := map[string]Origin{}
	total := 0.0
	for _, r := range rs {
		pr := r.p
		if pr.ID != "" {
			if first, dup := seen[pr.ID]; dup {
				l.errorAt(r.at, fmt.Sprintf("give each priority its own id (the first is at %s:%d)", first.File, first.Line()),
					"priority id %q is used twice", pr.ID)
			}
			seen[pr.ID] = r.at
		}
		if r.atLeastAt.File != "" {
			if r.atLeast < 1 || r.atLeast > float64(p.Scale) {
				l.errorAt(r.atLeastAt, fmt.Sprintf("a deal-breaker floor is a rating from 1 to %d; remove at_least for no floor", p.Scale),
					"at_least = %s for %q is outside 1..%d", fmtNum(r.atLeast), pr.ID, p.Scale)
			} else {
				pr.AtLeast = r.atLeast
			}
		}
		total += pr.Weight
		p.Priorities = append(p.Priorities, pr)
		out.Origins.Priorities = append(out.Origins.Priorities, r.at)
	}
	if total == 0 {
		l.errorAt(rs[0].weightAt, "give at least one priority a weight above 0; weights are relative, like 1 to 5",
			"every priority has weight 0, so nothing counts toward fit")
	}
}

func (l *loader) buildOpportunities(out *Loaded) {
	p := &out.Profile
	ids := make([]string, 0, len(p.Priorities))
	isID := make(map[string]bool, len(p.Priorities))
	for _, pr := range p.Priorities {
		if !isID[pr.ID] {
			ids = append(ids, pr.ID)
		}
		isID[pr.ID] = true
	}
	seen := make(map[string]Origin, len(l.m.opportunities))
	if n := len(l.m.opportunities); n > 0 {
		p.Opportunities = make([]model.Opportunity, 0, n)
		out.Origins.Opportunities = make([]Origin, 0, n)
	}
	rated := map[string]bool{}
	for _, r := range l.m.opportunities {
		o := r.o
		if o.Name != "" {
			folded := strings.ToLower(o.Name)
			if first, dup := seen[folded]; dup {
				l.errorAt(r.at, fmt.Sprintf("give each opportunity its own name (the first is at %s:%d); add the team or city to tell them apart", first.File, first.Line()),
					"opportunity name %q is used twice", o.Name)
			}
			seen[folded] = r.at
		}
		// One pass over the ids written marks them rated and tells whether
		// any rates no priority; with the ends of the ratings it tells
		// whether anything needs reporting. Only then are the ratings
		// walked in id order, with their places, to report each.
		bad := r.lowest < 1 || r.highest > float64(p.Scale)
		for _, id := range r.written {
			if !rated[id] {
				rated[id] = true // written, even if wrongly: no second warning
			}
			bad = bad || !isID[id]
		}
		if bad {
			l.reportRatings(&r, ids, isID, p.Scale)
		}
		p.Opportunities = append(p.Opportunities, o)
		out.Origins.Opportunities = append(out.Origins.Opportunities, r.at)
	}
	if len(p.Opportunities) == 0 {
		return
	}
	for i, pr := range p.Priorities {
		if !rated[pr.ID] && pr.FromPay == nil && pr.Weight > 0 && pr.ID != "" {
			at := out.Origins.Priorities[i]
			line, col := at.Position()
			l.ds.add(Diagnostic{File: at.File, Line: line, Col: col, Warning: true,
				Message: fmt.Sprintf("no opportunity rates priority %q, so it only widens every fit interval", pr.ID),
				Hint:    fmt.Sprintf("rate it under [opportunity.ratings] as %s = 3, or give it weight = 0", pr.ID)})
		}
	}
}

// reportRatings reports, in id order, each rating of r that rates no
// priority or is outside 1..scale.
func (l *loader) reportRatings(r *rawOpportunity, ids []string, isID map[string]bool, scale int) {
	o := &r.o
	for _, id := range sortedKeys(o.Ratings) {
		rt := o.Ratings[id]
		at := r.at.child("ratings", id)
		if len(ids) == 0 {
			continue // no priorities at all: reported once above
		}
		if !isID[id] {
			hint := "rate only priorities the profile has: " + strings.Join(ids, ", ")
			if s := suggest(id, ids); s != "" {
				hint = fmt.Sprintf("did you mean %q? priorities: %s", s, strings.Join(ids, ", "))
			}
			l.errorAt(at, hint, "%q rates %q, but no priority has that id", o.Name, id)
			continue
		}
		if rt.Low < 1 || rt.High > float64(scale) {
			l.errorAt(at, fmt.Sprintf("ratings run from 1 to %d (scale = %d); use a number in that range, or a range like [2, 4]", scale, scale),
				"rating %s for %q in %q is outside 1..%d", rt, id, o.Name, scale)
		}
	}
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

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
