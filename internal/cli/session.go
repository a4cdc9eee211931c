package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"mutual/model"
	"mutual/profiles"
	"mutual/views/report"
)

// session is a loaded and evaluated profile, ready for a view.
type session struct {
	choice  profiles.Choice
	loaded  *profiles.Loaded
	example bool
	// exampleAsked reports that --example asked for the example, so there
	// is nothing to explain about it.
	exampleAsked bool
	// home is the user's home directory, for writing paths as ~/….
	home    string
	state   *model.State
	request model.Request
}

// profileLabel is how views name the profile: its path, or the example.
func (s *session) profileLabel() string {
	if s.example {
		return profiles.ExampleName
	}
	return tildePath(s.loaded.Path, s.home)
}

// tildePath writes a path inside the home directory as ~/…: shorter in a
// header line, and the way people name their config.
func tildePath(path, home string) string {
	if home == "" || !filepath.IsAbs(path) {
		return path
	}
	rel, err := filepath.Rel(home, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.Join("~", rel)
}

// open finds, loads and evaluates the profile. With no profile found and
// none named, it opens the built-in example; exampleNote says so on
// stderr.
func open(sys System, opts options) (*session, error) {
	env := profiles.Env{Getenv: sys.Getenv, Home: sys.Home}
	choice, err := profiles.Choose(opts.profile, env)
	if err != nil {
		return nil, &failure{msg: err.Error()}
	}
	s := &session{choice: choice, exampleAsked: opts.example, home: sys.Home}
	if opts.example || choice.From == "default" && !choice.Exists() {
		s.example = true
		s.loaded, err = profiles.Example(opts.today)
	} else if hint := choice.NameHint(env); hint != "" {
		return nil, &failure{msg: choice.Path + ": no such file", hint: hint}
	} else {
		s.loaded, err = profiles.Load(choice.Path)
	}
	if err != nil {
		return nil, err
	}
	s.request = model.Request{Today: opts.today, Scenario: opts.scenario, Urgency: opts.urgency}
	s.state, err = model.Evaluate(&s.loaded.Profile, s.request)
	if err != nil {
		return nil, &failure{msg: err.Error(), hint: "scenarios are [[scenario]] blocks in the profile; check the name's spelling"}
	}
	return s, nil
}

// notes prints the example notice and the profile's notes and warnings on
// stderr.
func (s *session) notes(sys System) {
	if s.example && !s.exampleAsked {
		fmt.Fprintf(sys.Stderr, "mutual: no profile at %s; showing the built-in example\nhint: run 'mutual init' to start your own\n", s.choice.Path)
	}
	for _, w := range slices.Concat(s.loaded.Notes, s.loaded.Warnings) {
		fmt.Fprintf(sys.Stderr, "mutual: %s\n", w)
		if w.Hint != "" {
			fmt.Fprintf(sys.Stderr, "hint: %s\n", w.Hint)
		}
	}
}

func (s *session) reportInfo(opts options) report.Info {
	return report.Info{Profile: s.profileLabel(), Today: opts.today}
}

// openOpportunity opens the profile and finds the opportunity the
// arguments name (several words make one name), for explain and prep.
func openOpportunity(sys System, opts options) (*session, int, error) {
	s, err := open(sys, opts)
	if err != nil {
		return nil, 0, err
	}
	i, err := s.state.Find(strings.Join(opts.args, " "))
	if err != nil {
		return nil, 0, &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return s, i, nil
}
