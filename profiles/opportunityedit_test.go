package profiles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/model"
)

// TestEditRatingsEveryWay: a rating is set, added and removed however the
// file writes the ratings, and nothing else in the text moves.
func TestEditRatingsEveryWay(t *testing.T) {
	head := "[[priority]]\nid = \"fit\"\n[[priority]]\nid = \"pay\"\n\n"
	cases := []struct {
		name, block string
		v           RatingValue
		want        string
	}{
		{"table: replace keeps the comment",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3 # gut feeling\n",
			RatingValue{ID: "fit", Rating: model.Rating{Low: 4, High: 4}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 4 # gut feeling\n"},
		{"table: a range",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\n",
			RatingValue{ID: "fit", Rating: model.Rating{Low: 2, High: 4}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = [2, 4]\n"},
		{"table: a new id after the last",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\n\n[[opportunity]]\nname = \"B\"\nstage = \"lead\"\n",
			RatingValue{ID: "pay", Rating: model.Rating{Low: 5, High: 5}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\npay = 5\n\n[[opportunity]]\nname = \"B\"\nstage = \"lead\"\n"},
		{"table: unknown removes the line",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\npay = 2 # low\n",
			RatingValue{ID: "pay"},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\n"},
		{"inline: replace",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3, pay = 1 }\n",
			RatingValue{ID: "pay", Rating: model.Rating{Low: 2, High: 2}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3, pay = 2 }\n"},
		{"inline: add",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3 }\n",
			RatingValue{ID: "pay", Rating: model.Rating{Low: 2, High: 3}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3, pay = [2, 3] }\n"},
		{"inline: remove the first",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3, pay = 1 }\n",
			RatingValue{ID: "fit"},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { pay = 1 }\n"},
		{"inline: remove the last",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3, pay = 1 }\n",
			RatingValue{ID: "pay"},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings = { fit = 3 }\n"},
		{"dotted: add beside the last",
			"[[opportunity]]\nname = \"A\"\nratings.fit = 3\nstage = \"lead\"\n",
			RatingValue{ID: "pay", Rating: model.Rating{Low: 4, High: 4}, Known: true},
			"[[opportunity]]\nname = \"A\"\nratings.fit = 3\nratings.pay = 4\nstage = \"lead\"\n"},
		{"dotted: the only one removed",
			"[[opportunity]]\nname = \"A\"\nratings.fit = 3\nstage = \"lead\"\n",
			RatingValue{ID: "fit"},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n"},
		{"none yet: a table of its own at the end of the block, before the next",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\" # new\n\n# the next one\n[[opportunity]]\nname = \"B\"\nstage = \"lead\"\n",
			RatingValue{ID: "fit", Rating: model.Rating{Low: 2, High: 2}, Known: true},
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\" # new\n[opportunity.ratings]\nfit = 2\n\n# the next one\n[[opportunity]]\nname = \"B\"\nstage = \"lead\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := editRatings(head+c.block, []string{"opportunity", "0"}, "A", []RatingValue{c.v})
			if err != nil {
				t.Fatal(err)
			}
			if got != head+c.want {
				t.Errorf("got\n%s\nwant\n%s", got, head+c.want)
			}
		})
	}
}

// TestEditStageKeepsHistory: a move sets the stage and adds to the
// history, however the list is written; a first move starts it below the
// stage line.
func TestEditStageKeepsHistory(t *testing.T) {
	on := model.NewDate(2026, 11, 25)
	cases := []struct{ name, src, want string }{
		{"a first move",
			"[[opportunity]]\nname = \"A\"\nstage = \"applied\" # sent the CV\npay = 1\n",
			"[[opportunity]]\nname = \"A\"\nstage = \"interviewing\" # sent the CV\nhistory = [{ stage = \"interviewing\", on = 2026-11-25 }]\npay = 1\n"},
		{"one line",
			"[[opportunity]]\nname = \"A\"\nstage = \"applied\"\nhistory = [{ stage = \"applied\", on = 2026-11-02 }] # by mail\n",
			"[[opportunity]]\nname = \"A\"\nstage = \"interviewing\"\nhistory = [{ stage = \"applied\", on = 2026-11-02 }, { stage = \"interviewing\", on = 2026-11-25 }] # by mail\n"},
		{"one move a line, trailing comma",
			"[[opportunity]]\nname = \"A\"\nstage = \"applied\"\nhistory = [\n    { stage = \"applied\", on = 2026-11-02 }, # first\n]\n",
			"[[opportunity]]\nname = \"A\"\nstage = \"interviewing\"\nhistory = [\n    { stage = \"applied\", on = 2026-11-02 }, # first\n    { stage = \"interviewing\", on = 2026-11-25 },\n]\n"},
		{"one move a line, no trailing comma",
			"[[opportunity]]\nname = \"A\"\nstage = \"applied\"\nhistory = [\n  { stage = \"applied\", on = 2026-11-02 }\n]\n",
			"[[opportunity]]\nname = \"A\"\nstage = \"interviewing\"\nhistory = [\n  { stage = \"applied\", on = 2026-11-02 },\n  { stage = \"interviewing\", on = 2026-11-25 }\n]\n"},
		{"empty list",
			"[[opportunity]]\nname = \"A\"\nstage = \"applied\"\nhistory = []\n",
			"[[opportunity]]\nname = \"A\"\nstage = \"interviewing\"\nhistory = [{ stage = \"interviewing\", on = 2026-11-25 }]\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := editStage(c.src, []string{"opportunity", "0"}, "A", model.StageInterviewing, on)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	if _, err := editStage("[[opportunity]]\nname = \"A\"\nstage = \"applied\"\n[[opportunity.history]]\nstage = \"applied\"\non = 2026-11-02\n",
		[]string{"opportunity", "0"}, "A", model.StageFinal, on); err == nil {
		t.Error("a history written as [[opportunity.history]] blocks should be left to the user")
	}
}

// chezmoiStyle builds a dotfiles layout as chezmoi and yadm leave it:
// plain files in the config directory (chezmoi copies its source state
// there), the private one with a mode of its own.
func chezmoiStyle(t *testing.T) (cfg string) {
	t.Helper()
	cfg = filepath.Join(t.TempDir(), "home", ".config", "mutual")
	must(t, os.MkdirAll(cfg, 0o700))
	must(t, os.WriteFile(filepath.Join(cfg, "profile.toml"), []byte(publicProfile), 0o644))
	must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(privateProfile), 0o600))
	return cfg
}

// TestOpportunityEditsInDotfiles: rate, stage, add and undo on a
// stow-style repo (the profile a symlink into it, the opportunity in the
// plain private include), on a link whose target holds the opportunity,
// and on chezmoi-style plain files: the file that defines the opportunity
// changes by exactly the lines meant, its mode stays, links stay links,
// and the other file is untouched.
func TestOpportunityEditsInDotfiles(t *testing.T) {
	type layout struct {
		name string
		// build returns the profile to load, the file the opportunity is
		// in (as written on disk) and the other file.
		build func(t *testing.T) (profile, holder, other string)
		mode  os.FileMode
	}
	layouts := []layout{
		{"stow, private include", func(t *testing.T) (string, string, string) {
			cfg, repo := dotfiles(t)
			return filepath.Join(cfg, "profile.toml"), filepath.Join(cfg, "private.toml"), filepath.Join(repo, "profile.toml")
		}, 0o640},
		{"stow, through the link", func(t *testing.T) (string, string, string) {
			cfg, repo := dotfiles(t)
			pub := strings.Replace(publicProfile, "include = [\"private.toml\"]\n", "", 1) + "\n" + privateProfile
			must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(pub), 0o644))
			must(t, os.Remove(filepath.Join(cfg, "private.toml")))
			must(t, os.WriteFile(filepath.Join(cfg, "other.toml"), []byte("# not part of it\n"), 0o600))
			return filepath.Join(cfg, "profile.toml"), filepath.Join(repo, "profile.toml"), filepath.Join(cfg, "other.toml")
		}, 0o644},
		{"chezmoi, plain files", func(t *testing.T) (string, string, string) {
			cfg := chezmoiStyle(t)
			return filepath.Join(cfg, "profile.toml"), filepath.Join(cfg, "private.toml"), filepath.Join(cfg, "profile.toml")
		}, 0o600},
	}
	on := model.NewDate(2026, 11, 25)
	for _, lay := range layouts {
		t.Run(lay.name, func(t *testing.T) {
			profile, holder, other := lay.build(t)
			linkBefore, _ := os.Lstat(profile)
			original, otherBefore := read(t, holder), read(t, other)
			l, err := Load(profile)
			must(t, err)
			i, err := model.FindName(l.Profile.Opportunities, "acme")
			must(t, err)

			saved, err := SetRatings(l, "Acme", RatingValue{ID: "fit", Rating: model.Rating{Low: 2, High: 4}, Known: true})
			must(t, err)
			want := strings.Replace(original, "ratings.fit = 3\n", "ratings.fit = [2, 4]\n", 1)
			if got := read(t, holder); got != want {
				t.Fatalf("after rate:\n%s\nwant\n%s", got, want)
			}
			saved, err = SetStage(saved.Loaded, "Acme", model.StageAccepted, on)
			must(t, err)
			want = strings.Replace(want, "stage = \"offer\"\n", "stage = \"accepted\"\nhistory = [{ stage = \"accepted\", on = 2026-11-25 }]\n", 1)
			if got := read(t, holder); got != want {
				t.Fatalf("after stage:\n%s\nwant\n%s", got, want)
			}
			if h := saved.Loaded.Profile.Opportunities[i].History; len(h) != 1 || h[0].On != on || h[0].Stage != model.StageAccepted {
				t.Errorf("the history loads as %+v", h)
			}
			o, errs := model.NewOpportunity(&saved.Loaded.Profile, model.OpportunityInput{Name: "Globex", Values: map[string]string{"stage": "applied", "pay": "61000", "insurance": "true"}}, on)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			added, err := AddOpportunities(saved.Loaded, []model.Opportunity{o})
			must(t, err)
			wantAdded := want + "\n[[opportunity]]\nname = \"Globex\"\nstage = \"applied\"\npay = 61000\nper = \"year\"\ninsurance = true\nhistory = [{ stage = \"applied\", on = 2026-11-25 }]\n"
			if got := read(t, holder); got != wantAdded {
				t.Fatalf("after add:\n%s\nwant\n%s", got, wantAdded)
			}
			if _, err := Undo(added.Loaded, added); err != nil {
				t.Fatal(err)
			}
			if got := read(t, holder); got != want {
				t.Fatalf("after undo:\n%s\nwant\n%s", got, want)
			}
			if fi, _ := os.Stat(holder); fi.Mode().Perm() != lay.mode {
				t.Errorf("mode %v, want %v kept", fi.Mode().Perm(), lay.mode)
			}
			if linkAfter, _ := os.Lstat(profile); linkAfter.Mode().Type() != linkBefore.Mode().Type() {
				t.Errorf("the profile was %v and is %v now", linkBefore.Mode().Type(), linkAfter.Mode().Type())
			}
			if holder != other && read(t, other) != otherBefore {
				t.Error("the other file changed")
			}
			noTemps(t, filepath.Dir(holder))
		})
	}
}

// TestUndoRefusesAChangedFile: undo puts a file back only while it holds
// what the save wrote.
func TestUndoRefusesAChangedFile(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	saved, err := SetRatings(l, "Acme", RatingValue{ID: "fit", Rating: model.Rating{Low: 5, High: 5}, Known: true})
	must(t, err)
	private := filepath.Join(cfg, "private.toml")
	edited := read(t, private) + "# mine\n"
	must(t, os.WriteFile(private, []byte(edited), 0o640))
	if _, err := Undo(saved.Loaded, saved); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("undo over an outside change: %v", err)
	}
	if read(t, private) != edited {
		t.Error("a refused undo wrote the file")
	}
}

// TestOpportunityEditRefusals: what would not load, or means nothing, is
// refused with nothing written.
func TestOpportunityEditRefusals(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	private := filepath.Join(cfg, "private.toml")
	if _, err := SetRatings(l, "Acme", RatingValue{ID: "fit", Rating: model.Rating{Low: 9, High: 9}, Known: true}); err == nil {
		t.Error("a rating outside the scale should be refused")
	}
	if _, err := SetRatings(l, "Acme", RatingValue{ID: "nope", Rating: model.Rating{Low: 2, High: 2}, Known: true}); err == nil {
		t.Error("a rating of no priority should be refused")
	}
	if _, err := SetStage(l, "Acme", "hired", model.NewDate(2026, 11, 25)); err == nil {
		t.Error("a stage that is none should be refused")
	}
	if _, err := SetStage(l, "Nobody", model.StageFinal, model.NewDate(2026, 11, 25)); err == nil {
		t.Error("an opportunity that is none should be refused")
	}
	if s, err := SetStage(l, "Acme", model.StageOffer, model.NewDate(2026, 11, 25)); s != nil || err != nil {
		t.Errorf("a move to the stage it is at: %v, %v; want nothing written", s, err)
	}
	if read(t, private) != privateProfile {
		t.Error("a refused edit wrote the file")
	}
	ex, err := Example(model.NewDate(2026, 11, 25))
	must(t, err)
	if _, err := SetStage(ex, ex.Profile.Opportunities[0].Name, model.StageFinal, model.NewDate(2026, 11, 25)); err != ErrExample {
		t.Errorf("editing the example: %v", err)
	}
}

// TestFutureMoves: a move dated after today is warned of at its
// opportunity, once; a move today or before is not.
func TestFutureMoves(t *testing.T) {
	src := "version = 1\n[situation]\nurgency = 0.5\n[[priority]]\nid = \"growth\"\n\n" +
		"[[opportunity]]\nname = \"Now\"\nstage = \"applied\"\nhistory = [{ stage = \"applied\", on = 2026-12-01 }]\n\n" +
		"[[opportunity]]\nname = \"Typo\"\nstage = \"final\"\nhistory = [{ stage = \"applied\", on = 2027-11-01 }, { stage = \"final\", on = 2027-11-02 }]\n"
	l, err := Parse("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	today, _ := model.ParseDate("2026-12-01")
	ds := FutureMoves(l, today)
	if len(ds) != 1 || !ds[0].Warning || ds[0].Line != 12 || !strings.Contains(ds[0].Message, `"Typo" has a move to applied dated 2027-11-01`) {
		t.Fatalf("FutureMoves = %+v", ds)
	}
}

// TestReplaceValueKeepsCommentsAligned: a value rewritten before a
// comment leaves the comment in its column when the spaces allow, and one
// space before it when the value grew past it.
func TestReplaceValueKeepsCommentsAligned(t *testing.T) {
	for _, c := range []struct{ src, lit, want string }{
		{"savings = 8000      # cash\n", "11000", "savings = 11000     # cash\n"},
		{"savings = 11000     # cash\n", "800", "savings = 800       # cash\n"},
		{"stage = \"applied\"   # sent\n", "\"interviewing\"", "stage = \"interviewing\" # sent\n"},
		{"savings = 8000\n", "11000", "savings = 11000\n"},
		{"savings = 8000 #x\n", "9", "savings = 9    #x\n"},
	} {
		start := strings.Index(c.src, "= ") + 2
		end := start + strings.IndexAny(c.src[start:], " \n")
		if got := replaceValue(c.src, start, end, c.lit); got != c.want {
			t.Errorf("replaceValue(%q, %q) = %q, want %q", c.src, c.lit, got, c.want)
		}
	}
}
