package profiles

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mutual/model"
)

// This file reads the [[priority]] blocks and, once every file is read,
// checks their ids, deal-breaker floors and weights together.

type rawPriority struct {
	p  model.Priority
	at Origin
	// atLeast is the floor as written, checked against the scale once all
	// files are read; atLeastAt is where, zero when not written.
	atLeast   float64
	atLeastAt Origin
	weightAt  Origin
	idWritten bool
}

func (w *walker) priority(path []string, t map[string]any) {
	w.block, _ = t["id"].(string)
	defer func() { w.block = "" }()
	rp := rawPriority{p: model.Priority{Weight: 1}, at: w.at(path...)}
	rp.weightAt = rp.at
	kp := pathsUnder(path)
	for k, v := range t {
		p := kp.of(k)
		switch k {
		case "id":
			rp.idWritten = true
			if s, ok := w.str(p, v); ok {
				rp.p.ID = strings.TrimSpace(s)
			}
		case "weight":
			rp.weightAt = w.at(p...)
			if f, ok := w.weight(p, v); ok {
				rp.p.Weight = f
			}
		case "at_least":
			if f, ok := w.number(p, v); ok {
				rp.atLeast, rp.atLeastAt = f, w.at(p...)
			}
		case "from_pay":
			rp.p.FromPay = w.payRange(p, v)
		default:
			if f, ok := model.FieldOf(priorityFields, k); ok && f.Settable() {
				if v, ok := w.fieldValue(p, v, f.Kind, priorityTable); ok {
					f.Set(&rp.p, v)
				}
				continue
			}
			w.unknownKey(path, k, keyNames(priorityTable))
		}
	}
	if rp.p.ID == "" && !rp.idWritten {
		w.errAt(path, `give every priority an id, for example id = "manager"; ratings refer to it`, "a [[priority]] has no id")
	}
	w.m.priorities = append(w.m.priorities, rp)
}

// weight reads a priority's weight: a number from 0 to a billion. A
// scenario's weights are read the same way.
func (w *walker) weight(p []string, v any) (float64, bool) {
	f, ok := w.number(p, v)
	switch {
	case !ok:
		return 0, false
	case f < 0:
		w.errAt(p, "weights are zero or more; use 0 to ignore a priority", "%s = %s is negative", last(p), fmtNum(f))
		return 0, false
	case f > 1e9:
		w.errAt(p, "weights are relative; small numbers like 1 to 10 are plenty", "%s = %s is implausibly large", last(p), fmtNum(f))
		return 0, false
	}
	return f, true
}

func (w *walker) payRange(path []string, v any) *[2]float64 {
	hint := "write the yearly gross pay that rates 1 and the pay that rates the top: from_pay = [40000, 90000]"
	list, ok := v.([]any)
	if !ok || len(list) != 2 {
		w.errAt(path, hint, "from_pay must be a list of two amounts, not %s", describe(v))
		return nil
	}
	var r [2]float64
	for i := range list {
		f, ok := w.money(append(slices.Clone(path), strconv.Itoa(i)), list[i])
		if !ok {
			return nil
		}
		r[i] = f
	}
	if r[0] >= r[1] {
		w.errAt(path, hint, "from_pay = [%s, %s] must go from lower to higher pay", fmtNum(r[0]), fmtNum(r[1]))
		return nil
	}
	return &r
}

func (l *loader) buildPriorities(path string, out *Loaded) {
	p := &out.Profile
	rs := l.m.priorities
	if len(rs) == 0 {
		if l.m.seen["priority"] {
			return // written, but wrongly: already reported
		}
		if l.missingFromAbsent(path, out, "[[priority]]", "at least one [[priority]] with an id and a weight") {
			return
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
