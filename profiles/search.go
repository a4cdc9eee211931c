package profiles

import (
	"mutual/model"
)

// This file reads the [search] table: the assumptions of the search model
// behind 'mutual decide', and the checks between them once every file is
// read.

// searchTable reads the [search] table: the assumptions of the search
// model behind 'mutual decide', each checked against its range in
// model.SearchParamTable.
func (w *walker) searchTable(path []string, t map[string]any) {
	if w.m.search == nil {
		w.m.search = map[string]setting{}
	}
	readSettings(w, path, t, model.SearchParamTable(), w.m.search, "search.")
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
