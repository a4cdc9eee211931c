package profiles

import (
	"slices"
	"strconv"
)

// This file reads the top level of a profile file: version, currency,
// scale, include, optional_include and tracked_money_ok, and hands each
// table to the walker that reads it. The keys and their ranges are in
// topTable (keys.go).

// document walks a whole file and returns its includes: those of include,
// then those of optional_include.
func (w *walker) document(doc map[string]any) []includeRef {
	var includes, optional []includeRef
	for _, k := range w.keys(nil, doc) {
		v := doc[k]
		path := []string{k}
		w.m.seen[k] = true
		switch k {
		case "version":
			if n, ok := w.integer(path, v); ok {
				if n != 1 {
					w.errAt(path, "this mutual reads version = 1 profiles; upgrade mutual or fix the number", "profile version %d is not supported", n)
				}
				w.setTop(k, int64(1), path)
			}
		case "currency":
			if s, ok := w.str(path, v); ok {
				w.setTop(k, s, path)
			}
		case "scale":
			if n, ok := w.integer(path, v); ok {
				if s := specOf(topTable, k); float64(n) < s.min || float64(n) > s.max {
					w.errAt(path, s.hint, "scale %d is out of range", n)
				} else {
					w.setTop(k, n, path)
				}
			}
		case "include":
			includes = w.includes(path, v, false)
		case "optional_include":
			optional = w.includes(path, v, true)
		case "tracked_money_ok":
			if b, ok := w.boolean(path, v); ok {
				w.setTop(k, b, path)
			}
		case "situation":
			if t, ok := w.table(path, v); ok {
				at := w.at(path...)
				if w.m.situationAt == nil {
					w.m.situationAt = &at
				}
				for sk := range t {
					w.m.situationSeen[sk] = true
				}
				w.situation(path, t, w.m.situation)
			}
		case "model":
			if t, ok := w.table(path, v); ok {
				w.modelTable(path, t)
			}
		case "search":
			if t, ok := w.table(path, v); ok {
				w.searchTable(path, t)
			}
		case "income", "cash":
			w.ledgerBlocks(path, v)
		case "priority", "opportunity", "scenario":
			tables, ok := w.tables(path, v)
			if !ok {
				continue
			}
			if k == "opportunity" {
				w.m.opportunities = slices.Grow(w.m.opportunities, len(tables))
			}
			for i, t := range tables {
				p := []string{k, strconv.Itoa(i)}
				switch k {
				case "priority":
					w.priority(p, t)
				case "opportunity":
					w.opportunity(p, t)
				case "scenario":
					w.scenario(p, t)
				}
				// Nothing reads the decoded table again: let the
				// collector have it while the rest is walked, so the
				// decoded file and the profile built from it are not
				// both held whole at the peak.
				tables[i] = nil
			}
		default:
			w.unknownKey(nil, k, keyNames(topTable))
		}
	}
	return append(includes, optional...)
}

// setTop records a top-level scalar; two files may agree but not differ.
func (w *walker) setTop(key string, v any, path []string) {
	w.set(w.m.top, key, v, path, "")
}
