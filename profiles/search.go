package profiles

import (
	"fmt"
	"slices"

	"mutual/model"
)

// searchTable reads the [search] table: the assumptions of the search
// model behind 'mutual decide', each checked against its range in
// model.SearchParamTable.
func (w *walker) searchTable(path []string, t map[string]any) {
	if w.m.search == nil {
		w.m.search = map[string]setting{}
	}
	table := model.SearchParamTable()
	known := make([]string, len(table))
	for i, p := range table {
		known[i] = p.Key
	}
	for _, k := range w.keys(path, t) {
		p := append(slices.Clone(path), k)
		i := slices.IndexFunc(table, func(pi model.SearchParamInfo) bool { return pi.Key == k })
		if i < 0 {
			w.unknownKey(path, k, known)
			continue
		}
		pi := table[i]
		hint := fmt.Sprintf("%s: %s", pi.Doc, searchRange(pi))
		f, ok := w.ranged(p, t[k], pi.Min, pi.Max, pi.MinOpen, hint)
		if ok && pi.MaxOpen && f == pi.Max {
			w.errAt(p, hint, "%s = %s is out of range", k, fmtNum(f))
			ok = false
		}
		if ok {
			w.set(w.m.search, k, f, p, "search.")
		}
	}
}

// searchRange says in words the range a [search] setting may take.
func searchRange(pi model.SearchParamInfo) string {
	lo, hi := "at least", "at most"
	if pi.MinOpen {
		lo = "more than"
	}
	if pi.MaxOpen {
		hi = "less than"
	}
	return fmt.Sprintf("%s %s and %s %s", lo, fmtNum(pi.Min), hi, fmtNum(pi.Max))
}

// buildSearch fills the profile's search assumptions: the defaults, with
// what [search] sets over them.
func (l *loader) buildSearch(out *Loaded) {
	p := &out.Profile
	p.Search = model.DefaultSearchParams()
	for _, pi := range model.SearchParamTable() {
		if v, ok := l.m.search[pi.Key]; ok {
			pi.Set(&p.Search, v.value.(float64))
		}
	}
	poor, good := l.m.search["poor_fit_months"], l.m.search["good_fit_months"]
	if p.Search.GoodFitMonths < p.Search.PoorFitMonths {
		at := good.at
		if at.File == "" {
			at = poor.at
		}
		l.errorAt(at, "a better fit should last at least as long as a poor one; raise good_fit_months or lower poor_fit_months",
			"search.good_fit_months = %s is less than search.poor_fit_months = %s",
			fmtNum(p.Search.GoodFitMonths), fmtNum(p.Search.PoorFitMonths))
	}
}
