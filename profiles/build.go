package profiles

import (
	"fmt"
	"slices"
	"strings"
)

// This file builds the profile once every file is read: the top-level
// values, then each table's: the defaults it fills in and the checks that
// need every file, which live in the table's own file.

// build checks what needs every file at once and returns the profile.
func (l *loader) build(path string) *Loaded {
	m := &l.m
	out := &Loaded{Path: path, Files: l.files, Contents: l.contents}
	p := &out.Profile
	p.Version, p.Scale = 1, 5
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
	l.buildModel(out)
	l.buildSearch(out)
	l.buildSituation(path, out)
	l.buildPriorities(path, out)
	l.buildOpportunities(out)
	l.buildScenarios(out)
	l.buildLedger(out)
	return out
}

func (l *loader) errorAt(at Origin, hint, format string, args ...any) {
	line, col := at.Position()
	l.ds.add(Diagnostic{File: at.File, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// missingFromAbsent handles a table the profile lacks (what names it, and
// what it needs holds a phrase for the hint) when an optional include is
// absent, which most likely holds it. For 'mutual check' (LoadPartial)
// the profile is partial and nothing is reported; otherwise the error
// names the absent include, so rank and the dashboard say what is
// missing and where it would come from. It reports whether it handled it:
// false when no optional include is absent.
func (l *loader) missingFromAbsent(path string, out *Loaded, what, needs string) bool {
	if len(l.notes) == 0 {
		return false
	}
	if l.partialOK {
		out.Partial = true
		return true
	}
	var names []string
	for i, n := range l.notes {
		names = append(names, fmt.Sprintf("%q (%s)", l.absentPaths[i], n.Where()))
	}
	l.errorAt(Origin{File: path}, fmt.Sprintf("create the optional include with %s, or add it to %s; 'mutual check' checks the rest on its own", needs, path),
		"the profile has no %s; it would come from the optional include %s, which is absent", what, strings.Join(names, ", "))
	return true
}
