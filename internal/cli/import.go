package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// cmdImport reads a job tracker's or a spreadsheet's CSV export and
// prints the [[opportunity]] blocks it makes, or with --write appends them
// to the file that holds the opportunities, through the same safe save as
// the dashboard. Every row skipped and every value left out is reported
// on stderr with its line; the blocks alone go to stdout, so they can be
// redirected into a file.
func cmdImport(sys System, opts options) error {
	path := opts.args[0]
	stageMap, err := parseStageMap(opts.stageMap)
	if err != nil {
		return err
	}
	data, err := profiles.ReadFile(path)
	if err != nil {
		return &failure{msg: "cannot read " + path + ": " + err.Error()}
	}
	tr, err := profiles.ReadTracker(data, stageMap)
	var noName *profiles.NoNameColumnError
	switch {
	case errors.As(err, &noName):
		return &failure{msg: fmt.Sprintf("%s has no column that names the company; its columns are: %s", path, strings.Join(quoteAll(noName.Columns), ", ")),
			hint: "name the column that holds the employer Company (or Name), then import again"}
	case err != nil:
		return &failure{msg: path + ": " + err.Error()}
	}

	var loaded *profiles.Loaded
	known := 0
	if opts.write {
		if loaded, err = importTarget(sys, opts); err != nil {
			return err
		}
		tr.KeepCurrency(loaded.Profile.Currency)
		tr, known = withoutKnown(tr, loaded.Profile.Opportunities)
	} else if l := existingProfile(sys, opts); l != nil {
		// Printed to be appended (mutual import x.csv >> profile.toml), a
		// name the profile has already would break it: leave those out
		// here too.
		tr.KeepCurrency(l.Profile.Currency)
		tr, known = withoutKnown(tr, l.Profile.Opportunities)
	} else {
		tr, _ = withoutKnown(tr, nil)
	}
	for _, p := range tr.Problems {
		fmt.Fprintf(sys.Stderr, "mutual: %s:%d: %s\n", path, p.Line, p.Message)
	}
	skipped := 0
	for _, p := range tr.Problems {
		if p.Skipped {
			skipped++
		}
	}
	summary := fmt.Sprintf("%d of %d %s of %s imported", len(tr.Opportunities), tr.Rows, plural(tr.Rows, "row"), path)
	if skipped > 0 {
		summary += fmt.Sprintf(", %d skipped", skipped)
	}
	if len(tr.Opportunities) == 0 && known > 0 {
		fmt.Fprintf(sys.Stdout, "nothing new to add to %s (%s)\n", tildePath(loaded.Path, sys.Home), summary)
		return nil
	}
	if len(tr.Opportunities) == 0 {
		hint := "every row was skipped; the lines above say why"
		if tr.Rows == 0 {
			hint = "the file has a header row and nothing under it"
		}
		return &failure{msg: "nothing to import: " + summary, hint: hint}
	}
	if !opts.write {
		blocks, err := profiles.OpportunityBlocks(tr.Opportunities)
		if err != nil {
			return &failure{msg: "cannot write the opportunities: " + err.Error()}
		}
		fmt.Fprint(sys.Stdout, blocks)
		fmt.Fprintf(sys.Stderr, "mutual: %s\n", summary)
		fmt.Fprintf(sys.Stderr, "mutual: columns read: %s\n", strings.Join(tr.Used, ", "))
		if len(tr.Unused) > 0 {
			fmt.Fprintf(sys.Stderr, "mutual: columns not read: %s\n", strings.Join(tr.Unused, ", "))
		}
		return nil
	}
	saved, err := profiles.AddOpportunities(loaded, tr.Opportunities)
	if err != nil {
		return &failure{msg: err.Error(), hint: "nothing was written"}
	}
	fmt.Fprintf(sys.Stdout, "added %d %s to %s (%s)\n", len(tr.Opportunities), plural(len(tr.Opportunities), "opportunity"),
		tildePath(saved.File, sys.Home), summary)
	return nil
}

// importTarget loads the profile that --write appends to: it must be a
// file of the user's own.
func importTarget(sys System, opts options) (*profiles.Loaded, error) {
	choice, err := profiles.Choose(opts.profile, profiles.Env{Getenv: sys.Getenv, Home: sys.Home})
	if err != nil {
		return nil, &failure{msg: err.Error()}
	}
	if !choice.Exists() {
		return nil, &failure{msg: "no profile at " + choice.Path + " to write to",
			hint: "run 'mutual init' first, or leave out --write to print the blocks"}
	}
	l, err := profiles.Load(choice.Path)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// existingProfile is the profile the flags or the environment name, when
// one exists and loads; nil otherwise (printing needs none).
func existingProfile(sys System, opts options) *profiles.Loaded {
	l, err := importTarget(sys, opts)
	if err != nil {
		return nil
	}
	return l
}

// withoutKnown leaves out the rows whose name the profile already has, as
// skipped, and counts them: importing the same export again adds only
// what is new. A row whose name is nearly one the profile has, or one an
// earlier row of the export has, is kept and flagged, so that two entries
// for one opportunity are not made in silence.
func withoutKnown(tr *profiles.Tracker, known []model.Opportunity) (*profiles.Tracker, int) {
	out := *tr
	n := 0
	out.Opportunities, out.Lines = nil, nil
	names := make([]string, len(known))
	for i, k := range known {
		names[i] = k.Name
	}
	// The rows kept so far, so that two rows of one export that are
	// likely one opportunity are flagged too.
	var imported []string
	lineOf := map[string]int{}
	for i, o := range tr.Opportunities {
		if slices.ContainsFunc(names, func(k string) bool { return strings.EqualFold(k, o.Name) }) {
			out.Problems = append(out.Problems, profiles.TrackerProblem{Line: tr.Lines[i], Skipped: true,
				Message: fmt.Sprintf("%q is in the profile already; skipped", o.Name)})
			n++
			continue
		}
		if like := profiles.LikelySame(o.Name, names); like != "" {
			out.Problems = append(out.Problems, profiles.TrackerProblem{Line: tr.Lines[i],
				Message: fmt.Sprintf("%q is likely %q, which the profile has; kept under its own name (if they are one opportunity, delete one of the two)", o.Name, like)})
		} else if like := profiles.LikelySame(o.Name, imported); like != "" {
			out.Problems = append(out.Problems, profiles.TrackerProblem{Line: tr.Lines[i],
				Message: fmt.Sprintf("%q is likely %q, the row on line %d; kept under its own name (if they are one opportunity, delete one of the two)", o.Name, like, lineOf[like])})
		}
		imported = append(imported, o.Name)
		lineOf[o.Name] = tr.Lines[i]
		out.Opportunities, out.Lines = append(out.Opportunities, o), append(out.Lines, tr.Lines[i])
	}
	slices.SortStableFunc(out.Problems, func(a, b profiles.TrackerProblem) int { return a.Line - b.Line })
	return &out, n
}

// parseStageMap reads --stage-map values: STATUS=STAGE pairs, joined by
// commas. A STAGE that is not a stage is bad usage.
func parseStageMap(values []string) (map[string]model.Stage, error) {
	out := map[string]model.Stage{}
	for _, v := range values {
		for _, pair := range strings.Split(v, ",") {
			status, stage, ok := strings.Cut(pair, "=")
			if !ok {
				return nil, &usageError{msg: fmt.Sprintf("--stage-map %q is not STATUS=STAGE", pair),
					hint: "for example --stage-map 'Ghosted=rejected,Phone call=interviewing'"}
			}
			st := model.Stage(strings.ToLower(strings.TrimSpace(stage)))
			if !st.Valid() {
				hint := "stages: " + strings.Join(stageNames(), ", ")
				if s := closest(string(st), stageNames()); s != "" {
					hint = fmt.Sprintf("did you mean %q? %s", s, hint)
				}
				return nil, &usageError{msg: fmt.Sprintf("--stage-map: %q is not a stage", stage), hint: hint}
			}
			out[profiles.FoldTrackerName(status)] = st
		}
	}
	return out, nil
}

func stageNames() []string {
	var out []string
	for _, s := range model.Stages() {
		out = append(out, string(s))
	}
	return out
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
