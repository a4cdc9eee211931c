package cli

import (
	"fmt"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// This file holds what the commands that change one opportunity share:
// the profile they write into (never the built-in example), how a NAME
// finds its opportunity (as explain finds it), and how a save is
// reported. Each command is a file of its own: rate.go, stage.go, add.go.

// writable loads the profile a command writes into: a file of the user's
// own. The built-in example is not one.
func writable(sys System, opts options) (*profiles.Loaded, error) {
	env := profiles.Env{Getenv: sys.Getenv, Home: sys.Home}
	choice, err := profiles.Choose(opts.profile, env)
	if err != nil {
		return nil, &failure{msg: err.Error()}
	}
	if !choice.Exists() {
		hint := "run 'mutual init' to start a profile of your own, then change it"
		if h := choice.NameHint(env); h != "" {
			hint = h
		}
		return nil, &failure{msg: "no profile at " + choice.Path + " to change", hint: hint}
	}
	// A dotfiles clone whose private optional include is absent can still
	// be edited: the edit checks the profile as the partial one it is.
	return profiles.LoadPartial(choice.Path)
}

// findOpportunity resolves NAME as explain does (the exact name, else
// one name in another case, else the one name it is part of), with a
// "did you mean" when none is found.
func findOpportunity(l *profiles.Loaded, name string) (int, error) {
	i, err := model.FindName(l.Profile.Opportunities, name)
	if err == nil {
		return i, nil
	}
	names := make([]string, len(l.Profile.Opportunities))
	for k, o := range l.Profile.Opportunities {
		names[k] = o.Name
	}
	hint := "run 'mutual rank' to see the names"
	if s := closest(name, names); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	return -1, &failure{msg: err.Error(), hint: hint}
}

// saveFailed is a refused save, as a command reports it.
func saveFailed(err error) error {
	if _, ok := err.(*profiles.Error); ok {
		return err
	}
	return &failure{msg: err.Error(), hint: "nothing was written"}
}

// savedLine ends a command's report of a save: where it went.
func savedLine(sys System, s *profiles.Saved) string {
	where := tildePath(s.File, sys.Home)
	if s.Reapplied {
		where += " (it had changed on disk: the change was made on its new content)"
	}
	return "in " + where
}

// stageArg reads a stage as typed, with a "did you mean" when it is none.
func stageArg(text string) (model.Stage, error) {
	st := model.Stage(strings.ToLower(strings.TrimSpace(text)))
	if st.Valid() {
		return st, nil
	}
	hint := "stages: " + strings.Join(stageNames(), ", ")
	if s := closest(string(st), stageNames()); s != "" {
		hint = fmt.Sprintf("did you mean %q? %s", s, hint)
	}
	return "", &failure{msg: fmt.Sprintf("%s is not a stage", strconv.Quote(text)), hint: hint}
}
