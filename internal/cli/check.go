package cli

import (
	"errors"
	"fmt"
	"slices"

	"mutual/model"
	"mutual/profiles"
)

// cmdCheck validates profiles: the chosen one, or every PATH given. It
// prints one line per file and fails on any error, or with --strict on any
// warning too.
func cmdCheck(sys System, opts options) error {
	paths := opts.args
	if len(paths) == 0 {
		choice, err := profiles.Choose(opts.profile, profiles.Env{Getenv: sys.Getenv, Home: sys.Home})
		if err != nil {
			return &failure{msg: err.Error()}
		}
		if choice.From == "default" && !choice.Exists() {
			return &failure{msg: "no profile at " + choice.Path, hint: "run 'mutual init' to write one, or name one: mutual check PATH"}
		}
		paths = []string{choice.Path}
	}
	failed := 0
	for _, path := range paths {
		if !checkOne(sys, opts, path) {
			failed++
		}
	}
	if failed > 0 {
		what := "profile"
		if len(paths) > 1 {
			what = fmt.Sprintf("%d of %d profiles", failed, len(paths))
		}
		return &silentFailure{msg: what + " failed the check"}
	}
	return nil
}

func checkOne(sys System, opts options, path string) bool {
	// An absent optional include leaves a partial profile: check what is
	// there (a dotfiles repository's public part, in a fresh clone).
	l, err := profiles.LoadPartial(path)
	if err != nil {
		printError(sys, err)
		var pe *profiles.Error
		if errors.As(err, &pe) {
			errs, warns := 0, 0
			for _, d := range pe.Diagnostics {
				if d.Warning {
					warns++
				} else {
					errs++
				}
			}
			counts := fmt.Sprintf("%d %s", errs, plural(errs, "error"))
			if warns > 0 {
				counts += fmt.Sprintf(", %d %s", warns, plural(warns, "warning"))
			}
			fmt.Fprintf(sys.Stdout, "%s: invalid (%s)\n", path, counts)
		}
		return false
	}
	l.Warnings = append(l.Warnings, profiles.TrackedMoney(l)...)
	l.Warnings = append(l.Warnings, profiles.FutureMoves(l, opts.today)...)
	l.Warnings = append(l.Warnings, profiles.PastCash(l, opts.today)...)
	for _, w := range slices.Concat(l.Notes, l.Warnings) {
		fmt.Fprintf(sys.Stderr, "mutual: %s\n", w)
		if w.Hint != "" {
			fmt.Fprintf(sys.Stderr, "hint: %s\n", w.Hint)
		}
	}
	// Every scenario must evaluate too, when the profile is whole.
	p := &l.Profile
	for _, sc := range append([]model.Scenario{{}}, p.Scenarios...) {
		if l.Partial {
			break
		}
		if _, err := model.Evaluate(p, model.Request{Today: opts.today, Scenario: sc.Name}); err != nil {
			fmt.Fprintf(sys.Stderr, "mutual: %s: %v\n", path, err)
			return false
		}
	}
	status := "ok"
	if n := len(l.Warnings); n > 0 {
		status = fmt.Sprintf("ok with %d %s", n, plural(n, "warning"))
		if opts.strict {
			status = fmt.Sprintf("failed: %d %s (--strict)", n, plural(n, "warning"))
		}
	}
	fmt.Fprintf(sys.Stdout, "%s: %s (%d %s, %d %s, %d %s", path, status,
		len(p.Priorities), plural(len(p.Priorities), "priority"),
		len(p.Opportunities), plural(len(p.Opportunities), "opportunity"),
		len(p.Scenarios), plural(len(p.Scenarios), "scenario"))
	if len(l.Files) > 1 {
		fmt.Fprintf(sys.Stdout, ", %d %s", len(l.Files)-1, plural(len(l.Files)-1, "include"))
	}
	if n := len(l.Notes); n > 0 {
		fmt.Fprintf(sys.Stdout, ", %d optional %s absent", n, plural(n, "include"))
	}
	fmt.Fprintln(sys.Stdout, ")")
	return !(opts.strict && len(l.Warnings) > 0)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	switch word {
	case "priority":
		return "priorities"
	case "opportunity":
		return "opportunities"
	}
	return word + "s"
}
