package profiles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/model"
)

func TestSetKey(t *testing.T) {
	cases := []struct {
		name, src, table, key string
		value                 any
		want                  string
	}{
		{"replace keeps comments and spacing",
			"# mine\n[situation]\nsavings   = 9000   # after the move\nurgency = 0.5 # by hand\n\n[[priority]]\nid = \"x\"\n",
			"situation", "urgency", 0.65,
			"# mine\n[situation]\nsavings   = 9000   # after the move\nurgency = 0.65 # by hand\n\n[[priority]]\nid = \"x\"\n"},
		{"insert after the table's last key, before the blank line",
			"[situation]\nsavings = 9000 # cash\n\n# priorities\n[[priority]]\nid = \"x\"\n",
			"situation", "urgency", 0.6,
			"[situation]\nsavings = 9000 # cash\nurgency = 0.6\n\n# priorities\n[[priority]]\nid = \"x\"\n"},
		{"insert into an empty table",
			"[situation]\n[[priority]]\nid = \"x\"\n",
			"situation", "insured", true,
			"[situation]\ninsured = true\n[[priority]]\nid = \"x\"\n"},
		{"append a missing table",
			"[[priority]]\nid = \"x\"\n",
			"situation", "savings", 1200.5,
			"[[priority]]\nid = \"x\"\n\n[situation]\nsavings = 1200.5\n"},
		{"no newline at the end",
			"[situation]\nsavings = 1",
			"situation", "urgency", 0.3,
			"[situation]\nsavings = 1\nurgency = 0.3"},
		{"windows line endings stay",
			"[situation]\r\nsavings = 1\r\n",
			"situation", "urgency", 0.3,
			"[situation]\r\nsavings = 1\r\nurgency = 0.3\r\n"},
		{"a multi-line value is replaced whole",
			"[situation]\nsavings = 1\n[model]\nx = [\n  1,\n  2, # two\n]\n",
			"model", "x", 3.0,
			"[situation]\nsavings = 1\n[model]\nx = 3\n"},
		{"the key after a table of arrays is not confused with it",
			"[[scenario]]\nname = \"a\"\nurgency = 0.1\n[situation]\nsavings = 2\n",
			"situation", "urgency", 0.9,
			"[[scenario]]\nname = \"a\"\nurgency = 0.1\n[situation]\nsavings = 2\nurgency = 0.9\n"},
		{"dotted key at the top level is replaced where it is",
			"situation.savings = 5 # dotted\n[[priority]]\nid = \"x\"\n",
			"situation", "savings", 6.0,
			"situation.savings = 6 # dotted\n[[priority]]\nid = \"x\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := setKey(c.src, c.table, c.key, c.value)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
	for _, src := range []string{
		"situation = { savings = 1 }\n",
		"situation.savings = 5\n",
	} {
		if _, err := setKey(src, "situation", "urgency", 0.5); err == nil {
			t.Errorf("adding a key to %q should be refused, not guessed", src)
		}
	}
}

func TestAppendBlock(t *testing.T) {
	got, err := appendBlock("[situation]\nsavings = 1 # keep\n", "scenario", []string{"name", "urgency"}, []any{"what \"if\"", 0.7})
	if err != nil {
		t.Fatal(err)
	}
	want := "[situation]\nsavings = 1 # keep\n\n[[scenario]]\nname = \"what \\\"if\\\"\"\nurgency = 0.7\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// dotfiles builds a temp "dotfiles repo" managed GNU-stow style: the
// profile is a relative symlink into the repo, and the private include is
// a plain file beside the link (chezmoi and yadm write plain files: the
// private file is one).
func dotfiles(t *testing.T) (cfg, repo string) {
	t.Helper()
	root := t.TempDir()
	repo = filepath.Join(root, "dotfiles", "mutual")
	cfg = filepath.Join(root, "home", ".config", "mutual")
	must(t, os.MkdirAll(repo, 0o755))
	must(t, os.MkdirAll(cfg, 0o700))
	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(publicProfile), 0o644))
	must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(privateProfile), 0o640))
	must(t, os.Symlink(filepath.Join("..", "..", "..", "dotfiles", "mutual", "profile.toml"), filepath.Join(cfg, "profile.toml")))
	return cfg, repo
}

const publicProfile = `# Public: what I care about.
version = 1
include = ["private.toml"]

[[priority]]
id = "fit" # the only thing
weight = 2
`

const privateProfile = `# Private numbers.
[situation]
savings = 9000      # after rent
monthly_expenses = 3100

[[opportunity]]
name = "Acme"
stage = "offer"
ratings.fit = 3
`

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}

func TestSaveIntoPrivateInclude(t *testing.T) {
	cfg, repo := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	saved, err := SetSituation(l, "urgency", 0.7)
	must(t, err)
	if saved.File != filepath.Join(cfg, "private.toml") || saved.Reapplied {
		t.Errorf("saved %+v", saved)
	}
	want := strings.Replace(privateProfile, "monthly_expenses = 3100\n", "monthly_expenses = 3100\nurgency = 0.7\n", 1)
	if got := read(t, filepath.Join(cfg, "private.toml")); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
	if got := read(t, filepath.Join(repo, "profile.toml")); got != publicProfile {
		t.Error("the public file changed")
	}
	if fi, _ := os.Stat(filepath.Join(cfg, "private.toml")); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", fi.Mode().Perm())
	}
	if *saved.Loaded.Profile.Situation.Urgency != 0.7 {
		t.Error("the returned profile does not show the save")
	}
	noTemps(t, cfg)
}

func TestSaveThroughFileSymlink(t *testing.T) {
	cfg, repo := dotfiles(t)
	// Move everything into the public file to save through the link.
	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(strings.Replace(publicProfile, "include = [\"private.toml\"]\n", "", 1)+privateProfile), 0o644))
	link := filepath.Join(cfg, "profile.toml")
	l, err := Load(link)
	must(t, err)
	before := read(t, link)
	_, err = SetSituation(l, "savings", 8500.0)
	must(t, err)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the profile is no longer a symlink: %v %v", fi.Mode(), err)
	}
	want := strings.Replace(before, "savings = 9000      # after rent", "savings = 8500      # after rent", 1)
	if got := read(t, filepath.Join(repo, "profile.toml")); got != want {
		t.Errorf("target is\n%s\nwant\n%s", got, want)
	}
	if fi, _ := os.Stat(filepath.Join(repo, "profile.toml")); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 kept", fi.Mode().Perm())
	}
	noTemps(t, repo)
	noTemps(t, cfg)
}

func TestSaveThroughDirectorySymlink(t *testing.T) {
	// stow --no-folding off: the whole ~/.config/mutual is a link.
	root := t.TempDir()
	repo := filepath.Join(root, "dotfiles", "mutual")
	must(t, os.MkdirAll(repo, 0o755))
	must(t, os.MkdirAll(filepath.Join(root, "home", ".config"), 0o755))
	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(privateProfile+"[[priority]]\nid = \"fit\"\n"), 0o600))
	cfg := filepath.Join(root, "home", ".config", "mutual")
	must(t, os.Symlink(filepath.Join("..", "..", "dotfiles", "mutual"), cfg))
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	_, err = SetSituation(l, "insured", true)
	must(t, err)
	if fi, _ := os.Lstat(cfg); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the directory link was replaced")
	}
	if got := read(t, filepath.Join(repo, "profile.toml")); !strings.Contains(got, "monthly_expenses = 3100\ninsured = true\n") {
		t.Errorf("target is\n%s", got)
	}
	if fi, _ := os.Stat(filepath.Join(repo, "profile.toml")); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	noTemps(t, repo)
}

func TestSaveAfterAnOutsideChange(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	private := filepath.Join(cfg, "private.toml")
	edited := strings.Replace(privateProfile, "savings = 9000", "savings = 7000", 1) + "# added in my editor\n"
	must(t, os.WriteFile(private, []byte(edited), 0o640))
	saved, err := SetSituation(l, "urgency", 0.8)
	must(t, err)
	if !saved.Reapplied {
		t.Error("the save should say it was made on the changed file")
	}
	want := strings.Replace(edited, "monthly_expenses = 3100\n", "monthly_expenses = 3100\nurgency = 0.8\n", 1)
	if got := read(t, private); got != want {
		t.Errorf("the outside change was lost or the edit misplaced:\n%s", got)
	}

	// A file broken on disk since is refused, untouched.
	must(t, os.WriteFile(private, []byte("[situation\nbroken"), 0o640))
	if _, err := SetSituation(saved.Loaded, "urgency", 0.9); err == nil {
		t.Error("saving over a broken outside edit should be refused")
	}
	if got := read(t, private); got != "[situation\nbroken" {
		t.Error("a refused save wrote the file")
	}
}

func TestSaveRefusesAnInvalidResult(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	if _, err := SetSituation(l, "urgency", 1.5); err == nil || !strings.Contains(err.Error(), "would not be valid") {
		t.Errorf("saving urgency 1.5: %v", err)
	}
	if got := read(t, filepath.Join(cfg, "private.toml")); got != privateProfile {
		t.Error("an invalid save wrote the file")
	}
	if _, err := SetSituation(l, "salary", 1.0); err == nil {
		t.Error("an unknown situation key should be refused")
	}
	ex, err := Example(model.NewDate(2026, 11, 25))
	must(t, err)
	if _, err := SetSituation(ex, "urgency", 0.5); err != ErrExample {
		t.Errorf("saving the example: %v", err)
	}
}

func TestAddScenario(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	saved, err := AddScenario(l, model.Scenario{Name: "what-if 2026-11-25", Situation: model.Situation{Urgency: model.Float(0.6), Savings: model.Float(12000)}})
	must(t, err)
	want := privateProfile + "\n[[scenario]]\nname = \"what-if 2026-11-25\"\nsavings = 12000\nurgency = 0.6\n"
	if got := read(t, saved.File); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, ok := saved.Loaded.Profile.Scenario("what-if 2026-11-25"); !ok {
		t.Error("the new scenario does not load")
	}
	if _, err := AddScenario(saved.Loaded, model.Scenario{Name: "what-if 2026-11-25"}); err == nil {
		t.Error("a duplicate scenario name should be refused")
	}
}

// TestCrashAtEveryStep stops a save at each step, as a crash would: the
// file is then the old one or the new one, whole, and the next save
// leaves no temporary file behind.
func TestCrashAtEveryStep(t *testing.T) {
	for _, step := range []string{"create", "write", "chmod", "sync", "rename", "syncdir"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "profile.toml")
			old, new := "savings = 1\n", "savings = 2\n"
			must(t, os.WriteFile(path, []byte(old), 0o640))
			w := atomicWriter{crash: func(s string) bool { return s == step }}
			if err := w.write(path, []byte(new)); err != errCrash {
				t.Fatalf("write: %v", err)
			}
			if got := read(t, path); got != old && got != new {
				t.Fatalf("after a crash at %s the file is %q", step, got)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
				t.Errorf("mode %v", fi.Mode().Perm())
			}
			must(t, WriteFileAtomic(path, []byte(new)))
			if got := read(t, path); got != new {
				t.Errorf("the next save wrote %q", got)
			}
			noTemps(t, dir)
		})
	}
}

func TestWriteFileAtomicNewFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.toml")
	must(t, WriteFileAtomic(path, []byte("x = 1\n")))
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v, want 0600", fi.Mode().Perm())
	}
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".mutual-save-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestWriteStopsWhenTheFileChangedMeanwhile: a write prepared against
// one content does not replace a file that now holds another.
func TestWriteStopsWhenTheFileChangedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("savings = 2 # edited meanwhile\n"), 0o600))
	err := atomicWriter{expect: []byte("savings = 1\n")}.write(path, []byte("savings = 3\n"))
	if err != errChangedOnDisk {
		t.Fatalf("write: %v", err)
	}
	if got := read(t, path); got != "savings = 2 # edited meanwhile\n" {
		t.Errorf("the outside change was overwritten: %q", got)
	}
	noTemps(t, dir)
}

// TestStaleTempsOnly: a save clears leftovers of crashed saves, not the
// temporary file of another mutual saving at the same moment.
func TestStaleTempsOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("x = 1\n"), 0o600))
	live := filepath.Join(dir, ".profile.toml.mutual-save-1-123") // pid 1 is always running
	dead := filepath.Join(dir, ".profile.toml.mutual-save-2147483646-123")
	must(t, os.WriteFile(live, []byte("x = 2\n"), 0o600))
	must(t, os.WriteFile(dead, []byte("x = 3\n"), 0o600))
	must(t, WriteFileAtomic(path, []byte("x = 4\n")))
	if _, err := os.Stat(live); err != nil {
		t.Error("another process's save in progress lost its temporary file")
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("a dead process's leftover was kept")
	}
}

// TestAddScenarioWithWeights: a scenario's weights are written as one
// inline table, in the profile's order of priorities, and load back.
func TestAddScenarioWithWeights(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	saved, err := AddScenario(l, model.Scenario{Name: "weights 2026-11-25", Weights: map[string]float64{"fit": 3.5}})
	must(t, err)
	want := privateProfile + "\n[[scenario]]\nname = \"weights 2026-11-25\"\nweights = { fit = 3.5 }\n"
	if got := read(t, saved.File); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	sc, ok := saved.Loaded.Profile.Scenario("weights 2026-11-25")
	if !ok || len(sc.Weights) != 1 || sc.Weights["fit"] != 3.5 {
		t.Errorf("the new scenario loads as %+v", sc)
	}
	// A weight for an id the profile does not have would not load, so it
	// is not written.
	if _, err := AddScenario(saved.Loaded, model.Scenario{Name: "bad", Weights: map[string]float64{"nope": 1}}); err == nil {
		t.Error("a weight for no priority should be refused")
	}
	if got := read(t, saved.File); got != want {
		t.Errorf("a refused save changed the file:\n%s", got)
	}
}

func TestInlineTableLiteral(t *testing.T) {
	got, err := tomlLiteral(inlineTable{keys: []string{"manager", "my pay"}, values: []float64{6, 0.25}})
	if err != nil || got != `{ manager = 6, "my pay" = 0.25 }` {
		t.Errorf("got %q, %v", got, err)
	}
	out, err := appendBlock("", "scenario", []string{"name", "weights"}, []any{"w", inlineTable{keys: []string{"a", "b"}, values: []float64{1, 2.5}}})
	if err != nil || out != "[[scenario]]\nname = \"w\"\nweights = { a = 1, b = 2.5 }\n" {
		t.Errorf("appendBlock: %q, %v", out, err)
	}
}

// TestSaveRefusesAReadOnlyFile: a file its owner may not write is locked
// on purpose, and a save (a rename over it, which the mode would not
// stop) must leave it as it is and say why, through a symlink too.
func TestSaveRefusesAReadOnlyFile(t *testing.T) {
	cfg, _ := dotfiles(t)
	private := filepath.Join(cfg, "private.toml")
	must(t, os.Chmod(private, 0o444))
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	before := read(t, private)
	_, err = SetSituation(l, "urgency", 0.7)
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), "chmod u+w") {
		t.Fatalf("a save into a read-only file: %v", err)
	}
	if read(t, private) != before {
		t.Error("the read-only file changed")
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444 kept", fi.Mode().Perm())
	}
	noTemps(t, cfg)
}
