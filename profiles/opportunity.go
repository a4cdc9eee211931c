package profiles

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"mutual/model"
)

// This file reads the [[opportunity]] blocks with their ratings and, once
// every file is read, checks their names, and their ratings against the
// priorities and the scale. The keys, their kinds and their ranges are
// in model.OpportunityFields: a key of a simple kind is read as its row
// says, with no case of its own here.

type rawOpportunity struct {
	o  model.Opportunity
	at Origin
	// written lists every priority id rated, valid or not.
	written []string
	// lowest and highest are the ends of its ratings, and 1 when it has
	// none: enough to tell, once the scale is known, that none is out of
	// range without looking at each again.
	lowest, highest float64
}

func (w *walker) opportunity(path []string, t map[string]any) {
	w.block, _ = t["name"].(string)
	defer func() { w.block = "" }()
	ro := rawOpportunity{at: w.at(path...), lowest: 1, highest: 1}
	o := &ro.o
	kp := pathsUnder(path)
	for k, v := range t {
		p := kp.of(k)
		switch k {
		case "name":
			if s, ok := w.str(p, v); ok {
				o.Name = strings.TrimSpace(s)
			}
		case "stage":
			if s, ok := w.str(p, v); ok {
				o.Stage = model.Stage(strings.ToLower(strings.TrimSpace(s)))
				if !o.Stage.Valid() {
					hint := "use one of: " + stageList()
					if sug := suggest(s, stageStrings()); sug != "" {
						hint = fmt.Sprintf("did you mean %q? stages: %s", sug, stageList())
					}
					w.errAt(p, hint, "stage %q is not a stage", s)
				}
			}
		case "per":
			if s, ok := w.str(p, v); ok {
				o.Per = strings.ToLower(strings.TrimSpace(s))
				if !slices.Contains(payPeriods(), o.Per) {
					w.errAt(p, `use "year", "month" or "hour"`, "per = %q is not a pay period", s)
				}
			}
		case "history":
			o.History = w.history(p, v)
		case "ratings":
			if rt, ok := w.table(p, v); ok {
				o.Ratings = make(map[string]model.Rating, len(rt))
				ro.written = make([]string, 0, len(rt))
				for id, rv := range rt {
					ro.written = append(ro.written, id)
					if r, ok := w.rating(append(p, id), rv); ok {
						o.Ratings[id] = r
						ro.lowest, ro.highest = min(ro.lowest, r.Low), max(ro.highest, r.High)
					}
				}
			}
		default:
			if f, ok := model.FieldOf(opportunityFields, k); ok && f.Settable() {
				if v, ok := w.fieldValue(p, v, f.Kind, opportunityTable); ok {
					f.Set(o, v)
				}
				continue
			}
			w.unknownKey(path, k, keyNames(opportunityTable))
		}
	}
	if _, written := t["name"]; !written {
		w.errAt(path, `give every opportunity a name, for example name = "Acme Logistics"`, "an [[opportunity]] has no name")
	}
	if _, written := t["stage"]; !written {
		w.errAt(path, "add a stage, one of: "+stageList(), "opportunity %q has no stage", o.Name)
	}
	if _, written := t["hours_per_week"]; o.Per == "hour" && !written && o.Pay != nil {
		w.errAt(append(slices.Clone(path), "per"), "add hours_per_week, for example hours_per_week = 20", "opportunity %q is paid by the hour but has no hours_per_week", o.Name)
	}
	w.m.opportunities = append(w.m.opportunities, ro)
}

// fieldValue reads the value at path as a key of the kind k, within
// the range its row in table gives, as the row's Set takes it.
func (w *walker) fieldValue(path []string, v any, k model.Kind, table []keySpec) (any, bool) {
	switch k {
	case model.Number:
		return w.rangedKey(path, v, table)
	case model.Money:
		return w.money(path, v)
	case model.DateKind:
		return w.date(path, v)
	case model.Boolean:
		return w.boolean(path, v)
	case model.Text:
		return w.str(path, v)
	}
	w.errAt(path, "change it by hand", "%s cannot be read", last(path))
	return nil, false
}

// history reads a list of stage moves, each { stage = "...", on = date }.
func (w *walker) history(path []string, v any) []model.Move {
	hint := `write each move as { stage = "applied", on = 2026-11-02 }, in a list: history = [{ ... }, { ... }]`
	list, ok := v.([]map[string]any)
	if !ok {
		if xs, isList := v.([]any); isList && len(xs) == 0 {
			return nil
		}
		if xs, isList := v.([]any); isList {
			for _, x := range xs {
				t, isTable := x.(map[string]any)
				if !isTable {
					w.errAt(path, hint, "history must be a list of { stage, on } tables, not a list holding %s", describe(x))
					return nil
				}
				list = append(list, t)
			}
		} else {
			w.errAt(path, hint, "history must be a list of { stage, on } tables, not %s", describe(v))
			return nil
		}
	}
	out := make([]model.Move, 0, len(list))
	for k, t := range list {
		p := append(slices.Clone(path), strconv.Itoa(k))
		var m model.Move
		for key, val := range t {
			kp := append(slices.Clone(p), key)
			switch key {
			case "stage":
				if s, ok := w.str(kp, val); ok {
					m.Stage = model.Stage(strings.ToLower(strings.TrimSpace(s)))
					if !m.Stage.Valid() {
						hint := "use one of: " + stageList()
						if sug := suggest(s, stageStrings()); sug != "" {
							hint = fmt.Sprintf("did you mean %q? stages: %s", sug, stageList())
						}
						w.errAt(kp, hint, "stage %q in history is not a stage", s)
					}
				}
			case "on":
				m.On, _ = w.date(kp, val)
			default:
				w.unknownKey(p, key, []string{"stage", "on"})
			}
		}
		if _, ok := t["stage"]; !ok {
			w.errAt(p, hint, "a move in history must have a stage")
		}
		if _, ok := t["on"]; !ok {
			w.errAt(p, hint, "a move in history must have a day (on = 2026-11-02)")
		}
		out = append(out, m)
	}
	return out
}

func stageStrings() []string {
	stages := model.Stages()
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = string(s)
	}
	return out
}

func stageList() string { return strings.Join(stageStrings(), ", ") }

// rating reads a number or a [low, high] range; the scale is checked once
// all files are read.
func (w *walker) rating(path []string, v any) (model.Rating, bool) {
	hint := "write a rating like 4, or a range like [2, 4] when unsure; leave it out when unknown"
	switch x := v.(type) {
	case int64, float64:
		f, ok := w.number(path, v)
		return model.Rating{Low: f, High: f}, ok
	case []any:
		if len(x) != 2 {
			w.errAt(path, hint, "the range for %q must have two numbers, not %d", last(path), len(x))
			return model.Rating{}, false
		}
		for _, e := range x {
			switch e.(type) {
			case int64, float64:
			default:
				w.errAt(path, hint, "the range for %q must hold two numbers, not %s", last(path), describe(e))
				return model.Rating{}, false
			}
		}
		// Two finite numbers (the usual range) need no element's path:
		// it is built only to report one.
		if lo, hi, ok := finitePair(x[0], x[1]); ok && lo <= hi {
			return model.Rating{Low: lo, High: hi}, true
		}
		elem := append(slices.Clone(path), "0")
		lo, ok1 := w.number(elem, x[0])
		elem[len(path)] = "1"
		hi, ok2 := w.number(elem, x[1])
		if !ok1 || !ok2 {
			return model.Rating{}, false
		}
		if lo > hi {
			w.errAt(path, fmt.Sprintf("write the lower end first: [%s, %s]", fmtNum(hi), fmtNum(lo)), "the range [%s, %s] for %q runs backwards", fmtNum(lo), fmtNum(hi), last(path))
			return model.Rating{}, false
		}
		return model.Rating{Low: lo, High: hi}, true
	}
	w.errAt(path, hint, "rating %q must be a number or a range, not %s", last(path), describe(v))
	return model.Rating{}, false
}

// finitePair is a and b as numbers, when both are finite TOML numbers.
func finitePair(a, b any) (float64, float64, bool) {
	num := func(v any) (float64, bool) {
		switch x := v.(type) {
		case int64:
			return float64(x), true
		case float64:
			return x, !math.IsNaN(x) && !math.IsInf(x, 0)
		}
		return 0, false
	}
	lo, ok1 := num(a)
	hi, ok2 := num(b)
	return lo, hi, ok1 && ok2
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
	var current *Origin
	for _, r := range l.m.opportunities {
		o := r.o
		if o.Stage == model.StageCurrent {
			if current != nil {
				l.errorAt(r.at, fmt.Sprintf("only one job is the one you hold now (the first is at %s:%d); give this one another stage", current.File, current.Line()),
					"%q is a second current job", o.Name)
			} else {
				at := r.at
				current = &at
			}
		}
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

// FutureMoves warns of each opportunity whose history holds a move dated
// after today: most likely a typo (2027 for 2026), and one that keeps the
// opportunity from being flagged for a follow-up until that day. The
// loader does not know today; check asks with it.
func FutureMoves(l *Loaded, today model.Date) []Diagnostic {
	var out []Diagnostic
	for i, o := range l.Profile.Opportunities {
		for _, m := range o.History {
			if !today.Before(m.On) || i >= len(l.Origins.Opportunities) {
				continue
			}
			at := l.Origins.Opportunities[i]
			line, col := at.Position()
			out = append(out, Diagnostic{File: at.File, Line: line, Col: col, Warning: true,
				Message: fmt.Sprintf("%q has a move to %s dated %s, after today (%s)", o.Name, m.Stage, m.On, today),
				Hint:    "check the date in its history: a move not made yet also keeps it from being flagged for a follow-up until then"})
			break
		}
	}
	return out
}
