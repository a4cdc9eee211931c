package profiles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The public half of a dotfiles profile: what you care about, and an
// optional include for the money, which git ignores.
const publicHalf = `version = 1
optional_include = ["private.toml"]

[[priority]]
id = "fit"
`

const privateHalf = `[situation]
savings = 9000
monthly_expenses = 3100

[[opportunity]]
name = "Acme"
stage = "offer"
pay = 52000
ratings = { fit = 3 }
`

// writeProfile writes files (name → content) into a new directory and
// returns the path of profile.toml there.
func writeProfile(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "profile.toml")
}

// TestOptionalIncludePresent: a file that exists is merged as include
// merges it, with no note.
func TestOptionalIncludePresent(t *testing.T) {
	path := writeProfile(t, map[string]string{"profile.toml": publicHalf, "private.toml": privateHalf})
	for name, load := range map[string]func(string) (*Loaded, error){"Load": Load, "LoadPartial": LoadPartial} {
		l, err := load(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(l.Files) != 2 || len(l.Profile.Opportunities) != 1 || l.Profile.Situation.Savings == nil {
			t.Errorf("%s: the include is not merged: files %v, %d opportunities", name, l.Files, len(l.Profile.Opportunities))
		}
		if len(l.Notes) != 0 || len(l.Warnings) != 0 || l.Partial {
			t.Errorf("%s: notes %v, warnings %v, partial %v; want none", name, l.Notes, l.Warnings, l.Partial)
		}
	}
}

// TestOptionalIncludeAbsent: an absent optional include is a note, never a
// warning; check (LoadPartial) reads the rest as a partial profile, and
// Load, which rank and the dashboard use, says what is missing and where
// it would come from.
func TestOptionalIncludeAbsent(t *testing.T) {
	path := writeProfile(t, map[string]string{"profile.toml": publicHalf})

	l, err := LoadPartial(path)
	if err != nil {
		t.Fatalf("LoadPartial: %v", err)
	}
	if !l.Partial || len(l.Warnings) != 0 || len(l.Notes) != 1 {
		t.Fatalf("partial %v, warnings %v, notes %v; want partial, no warning, one note", l.Partial, l.Warnings, l.Notes)
	}
	note := l.Notes[0]
	if !note.Note || note.Warning || note.Line != 2 || !strings.HasPrefix(note.String(), "note: ") ||
		!strings.Contains(note.Message, `optional include "`) || !strings.Contains(note.Message, "private.toml") {
		t.Errorf("note = %+v (%s)", note, note)
	}

	_, err = Load(path)
	if err == nil {
		t.Fatal("Load of a profile without [situation] succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"the profile has no [situation]", "optional include", "private.toml", "which is absent", "hint: create the optional include"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

// TestOptionalIncludeAbsentButWhole: when the public file has everything,
// an absent optional include leaves a whole profile, with its note.
func TestOptionalIncludeAbsentButWhole(t *testing.T) {
	path := writeProfile(t, map[string]string{"profile.toml": publicHalf + "[situation]\nsavings = 1\nmonthly_expenses = 1\n"})
	l, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if l.Partial || len(l.Notes) != 1 || len(l.Warnings) != 0 {
		t.Errorf("partial %v, notes %v, warnings %v", l.Partial, l.Notes, l.Warnings)
	}
}

// TestOptionalIncludeStillChecked: what is not an absent file is an error
// as for include: a plain include that is missing, a symlink whose target
// is missing, a directory, a value that is no file name; and a partial
// profile is still checked for everything else.
func TestOptionalIncludeStillChecked(t *testing.T) {
	cases := []struct {
		name, profile, want string
		setup               func(dir string)
	}{
		{name: "plain include missing", profile: "version = 1\ninclude = [\"private.toml\"]\n[[priority]]\nid = \"fit\"\n", want: "no such file"},
		{name: "not a list", profile: "version = 1\noptional_include = 3\n[[priority]]\nid = \"fit\"\n", want: "optional_include must be a list of file names"},
		{name: "empty name", profile: "version = 1\noptional_include = [\"\"]\n[[priority]]\nid = \"fit\"\n", want: "optional_include entries must be file names"},
		{name: "dangling symlink", profile: publicHalf, want: "is a symlink to", setup: func(dir string) {
			if err := os.Symlink(filepath.Join(dir, "gone.toml"), filepath.Join(dir, "private.toml")); err != nil {
				t.Skip(err)
			}
		}},
		{name: "directory", profile: publicHalf, want: "is a directory", setup: func(dir string) {
			os.Mkdir(filepath.Join(dir, "private.toml"), 0o700)
		}},
		{name: "bad value in the rest", profile: publicHalf + "weight = -1\n", want: "weight"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeProfile(t, map[string]string{"profile.toml": c.profile})
			if c.setup != nil {
				c.setup(filepath.Dir(path))
			}
			_, err := LoadPartial(path)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("LoadPartial: %v; want an error with %q", err, c.want)
			}
		})
	}
}
