package profiles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/model"
)

// aimProfile has two opportunities; the edits below aim at Globex, the
// second, while an editor inserts another one above both.
const aimProfile = `version = 1
[situation]
savings = 9000
monthly_expenses = 3100

[[priority]]
id = "fit"

[[opportunity]]
name = "Acme"
stage = "offer"
ratings.fit = [2, 4]

[[opportunity]]
name = "Globex"
stage = "applied"
ratings.fit = 3
`

const aimInserted = "[[opportunity]]\nname = \"Initech\"\nstage = \"lead\"\n\n"

// TestEditsAimAtTheNameNotThePosition: a save redone on a file that
// changed on disk finds its opportunity by name in the new text, so an
// opportunity inserted above it moves nothing onto its neighbour; and a
// name that is gone is refused with nothing written.
func TestEditsAimAtTheNameNotThePosition(t *testing.T) {
	on := model.NewDate(2026, 11, 25)
	edits := []struct {
		name string
		do   func(l *Loaded) (*Saved, error)
		want func(src string) string
	}{
		{"rate", func(l *Loaded) (*Saved, error) {
			return SetRatings(l, "Globex", RatingValue{ID: "fit", Rating: model.Rating{Low: 4, High: 4}, Known: true})
		}, func(src string) string { return strings.Replace(src, "ratings.fit = 3\n", "ratings.fit = 4\n", 1) }},
		{"stage", func(l *Loaded) (*Saved, error) { return SetStage(l, "Globex", model.StageFinal, on) },
			func(src string) string {
				return strings.Replace(src, "stage = \"applied\"\n", "stage = \"final\"\nhistory = [{ stage = \"final\", on = 2026-11-25 }]\n", 1)
			}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "profile.toml")
			must(t, os.WriteFile(path, []byte(aimProfile), 0o600))
			l, err := Load(path)
			must(t, err)
			outside := strings.Replace(aimProfile, "[[opportunity]]\nname = \"Acme\"", aimInserted+"[[opportunity]]\nname = \"Acme\"", 1)
			must(t, os.WriteFile(path, []byte(outside), 0o600))
			saved, err := e.do(l)
			must(t, err)
			if got, want := read(t, path), e.want(outside); got != want {
				t.Fatalf("the file is\n%s\nwant\n%s", got, want)
			}
			if !saved.Reapplied {
				t.Error("the save did not say the file had changed on disk")
			}

			// The name gone: refused, nothing written.
			gone := strings.Replace(outside, "name = \"Globex\"", "name = \"Globex Corp\"", 1)
			must(t, os.WriteFile(path, []byte(gone), 0o600))
			if _, err := e.do(l); err == nil || !strings.Contains(err.Error(), `"Globex"`) {
				t.Errorf("a save aimed at a name that is gone: %v", err)
			}
			if read(t, path) != gone {
				t.Error("a refused save wrote the file")
			}

			// The name now twice: refused, nothing written.
			twice := outside + "\n[[opportunity]]\nname = \"Globex\"\nstage = \"lead\"\n"
			must(t, os.WriteFile(path, []byte(twice), 0o600))
			if _, err := e.do(l); err == nil || !strings.Contains(err.Error(), `"Globex" is used twice`) || !strings.Contains(err.Error(), "nothing was saved") {
				t.Errorf("a save aimed at a name now given twice: %v", err)
			}
			if read(t, path) != twice {
				t.Error("a refused save wrote the file")
			}
		})
	}
}

// TestTheEditCheckLooksAtTheName: an edit aimed at a place that holds
// another opportunity than the one named is refused by the check after
// the edit, whatever found the place.
func TestTheEditCheckLooksAtTheName(t *testing.T) {
	elem := []string{"opportunity", "0"}
	if _, err := editRatings(aimProfile, elem, "Globex", []RatingValue{{ID: "fit", Rating: model.Rating{Low: 4, High: 4}, Known: true}}); err == nil ||
		!strings.Contains(err.Error(), `not "Globex"`) {
		t.Errorf("a rating aimed at Acme's place for Globex: %v", err)
	}
	if _, err := editStage(aimProfile, elem, "Globex", model.StageFinal, model.NewDate(2026, 11, 25)); err == nil {
		t.Error("a move aimed at Acme's place for Globex went through")
	}
}
