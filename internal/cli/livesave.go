package cli

import (
	"path/filepath"

	"mutual/model"
	"mutual/profiles"
	"mutual/views"
)

// place says where a save from the dashboard would write and what git
// knows of that file (see views.Hooks.Place): the same check 'mutual
// check' makes for money in files git tracks, made before the money is
// written rather than at the next commit.
func (lp *liveProfile) place(w model.WhatIf, over string, situation bool) views.SavePlace {
	l := lp.s.loaded
	var file string
	var sit model.Situation
	if situation {
		sit = w.Situation
		file = profiles.SituationFile(l, "savings")
		if w.Situation.IsZero() && w.Urgency != nil {
			file = profiles.SituationFile(l, "urgency")
		}
	} else {
		if sc, ok := l.Profile.Scenario(over); ok {
			sit = sc.Situation
		}
		sit = sit.Overlay(w.Situation)
		file = profiles.ScenarioFile(l)
	}
	out := views.SavePlace{File: lp.short(file)}
	for _, k := range model.SituationTable() {
		if _, set := k.Value(sit); set && k.Kind == model.Money {
			out.Money = append(out.Money, k.Key)
		}
	}
	if len(out.Money) == 0 || l.TrackedMoneyOK {
		return out
	}
	repo, tracked := profiles.GitTracked(file)
	if !tracked {
		return out
	}
	out.Repo = repo
	// The include git does not track: the one with [situation] first,
	// since that is where the money already is, then any other.
	candidates := append([]string{l.Origins.SituationTable}, l.Files...)
	for _, f := range candidates {
		if f == "" || f == file {
			continue
		}
		if _, t := profiles.GitTracked(f); !t {
			out.Private = lp.short(f)
			break
		}
	}
	return out
}

// profileFile is the name the profile uses for file (as Loaded.Files
// holds it), for a file the dashboard named relative to the profile's
// directory.
func (lp *liveProfile) profileFile(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return file
	}
	for _, f := range lp.s.loaded.Files {
		if fa, err := filepath.Abs(f); err == nil && fa == abs {
			return f
		}
	}
	return file
}
