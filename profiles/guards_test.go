package profiles

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/model"
)

// The guards of the save path, each with a test that fails when the guard
// is taken out of the code (each was checked so):
//
//	the edit check (checkEdit, called by editKey)    TestEditCheckRefusesAWrongEdit
//	the edit check of an appended block              TestAppendBlockCheckRefusesAWrongBlock
//	one save writes one file                         TestSaveOfSeveralValuesInTwoFilesIsRefused
//	scenarios go where the scenarios are             TestAddScenarioGoesWhereTheScenariosAre, TestAddScenario
//	a saved scenario keeps every situation key       TestAddScenarioKeepsEverySituationKey
//	the byte-order mark is written back              TestSaveKeepsTheByteOrderMark
//	an index that gave up is not edited              TestEditRefusesAnIndexThatGaveUp
//	an outside change during a save                  TestSaveReappliesAChangeMadeDuringTheSave
//	an inline [situation] is not edited as a table   TestSetKeyRefusals
//
// The guards of the write itself, the lock and the watcher are listed in
// saveguards_test.go and watchguards_test.go.
//
// The dashboard's side of a scenario save is in internal/cli
// (TestSaveScenarioKeepsTheScenarioInForce).

// TestEditCheckRefusesAWrongEdit makes an edit with the index of another
// text, so that the value's bytes are looked for in the wrong place: the
// check must see that the result is not the old document with one value
// changed, and refuse it.
func TestEditCheckRefusesAWrongEdit(t *testing.T) {
	src := "[situation]\nsavings = 9000\nurgency = 0.5\n"
	other := newTextIndex("[situation]\nurgency = 0.5\nsavings = 9000\n")
	other.src = src
	out, err := editKey(src, other, "situation", "urgency", 0.7, "0.7")
	if err == nil || !strings.Contains(err.Error(), "change more than it should") {
		t.Fatalf("editKey with a wrong index = %q, %v; want the edit refused", out, err)
	}
	if err := checkEdit(src, strings.Replace(src, "9000", "9001", 1), func(doc map[string]any) {}); err == nil {
		t.Error("checkEdit let a change it was not asked for through")
	}
}

// TestAppendBlockCheckRefusesAWrongBlock: a block whose text does not
// read back as the values it was asked to hold is refused. A name that is
// not UTF-8 is written with U+FFFD in its place, so the file would hold
// another name than the one the user gave; a key given twice would not
// parse at all.
func TestAppendBlockCheckRefusesAWrongBlock(t *testing.T) {
	src := "[situation]\nsavings = 1\n"
	if out, err := appendBlock(src, "scenario", []string{"name"}, []any{"caf\xe9"}); err == nil {
		t.Errorf("a name that is not UTF-8 was written as %q", out)
	}
	if out, err := appendBlock(src, "scenario", []string{"name", "name"}, []any{"a", "b"}); err == nil {
		t.Errorf("a block with a key given twice was written as %q", out)
	}
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	if _, err := AddScenario(l, model.Scenario{Name: "caf\xe9", Situation: model.Situation{Savings: model.Float(1)}}); err == nil {
		t.Error("a scenario whose name is not UTF-8 was saved")
	}
	if got := read(t, filepath.Join(cfg, "private.toml")); got != privateProfile {
		t.Errorf("a refused scenario changed private.toml:\n%s", got)
	}
}

// TestSaveOfSeveralValuesInTwoFilesIsRefused: one save is one edit of
// one file, so values set in two files are refused together, with the
// reason, and neither file is written.
func TestSaveOfSeveralValuesInTwoFilesIsRefused(t *testing.T) {
	cfg, repo := dotfiles(t)
	public := strings.Replace(publicProfile, "include = [\"private.toml\"]\n", "include = [\"private.toml\"]\n\n[situation]\nurgency = 0.5\n", 1)
	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(public), 0o644))
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	_, err = SetSituationValues(l, SituationValue{"savings", 8000.0}, SituationValue{"urgency", 0.7})
	if err == nil || !strings.Contains(err.Error(), "one save writes one file") {
		t.Errorf("savings and urgency in two files: %v; want the save refused as two files", err)
	}
	if read(t, filepath.Join(cfg, "private.toml")) != privateProfile || read(t, filepath.Join(repo, "profile.toml")) != public {
		t.Error("a refused save wrote a file")
	}
}

// TestEditRefusesAnIndexThatGaveUp: an index that stopped part way knows
// nothing of the keys after that point, so no edit is made from it.
func TestEditRefusesAnIndexThatGaveUp(t *testing.T) {
	src := "[situation]\nmonthly_expenses = 3100\n\n[model]\ntax_rate = 0.3\n"
	ix := newTextIndex(src[:strings.Index(src, "[model]")])
	ix.src, ix.truncated = src, true
	out, err := editKey(src, ix, "model", "tax_rate", 0.2, "0.2")
	if err == nil || !strings.Contains(err.Error(), "cannot edit in place") {
		t.Errorf("editKey from an index that gave up = %q, %v; want it refused", out, err)
	}
	// A real text the parser reads and the index does not: a byte-order
	// mark the loader would have taken off (the parser skips it itself).
	src = "\uFEFF[situation]\nsavings = 9000\n"
	if out, err := setKey(src, "situation", "savings", 8000.0); err == nil || !strings.Contains(err.Error(), "cannot edit in place") {
		t.Errorf("setKey on a text the index gave up on = %q, %v; want it refused", out, err)
	}
}

// TestSetKeyRefusals: what setKey will not guess at is refused with the
// real reason.
func TestSetKeyRefusals(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"situation = { savings = 1 }\n", "[situation] is written inline, as situation = { ... } on line 1"},
		{"version = 1\nsituation.savings = 5\n", "[situation] is written with dotted keys (situation.savings on line 2)"},
	} {
		_, err := setKey(c.src, "situation", "urgency", 0.5)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("setKey(%q): %v; want %q", c.src, err, c.want)
		}
	}
	// A table with only tables under it is not "dotted keys": [situation]
	// may follow its sub-tables.
	got, err := setKey("[situation.extra]\nnote = 1\n", "situation", "urgency", 0.5)
	if want := "[situation.extra]\nnote = 1\n\n[situation]\nurgency = 0.5\n"; err != nil || got != want {
		t.Errorf("setKey under [situation.extra] = %q, %v; want %q", got, err, want)
	}
}

// TestSaveWithNaNElsewhere: nan is not == itself, so a check that
// compared with == refused every save of a file holding one.
func TestSaveWithNaNElsewhere(t *testing.T) {
	src := "[situation]\nsavings = 9000\n\n[extra]\nodd = nan\nlist = [1.5, nan, -nan]\n"
	got, err := setKey(src, "situation", "savings", 8000.0)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(src, "9000", "8000", 1); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSaveOfSeveralValuesIsOneEdit: when the second value cannot be
// saved, the first is not written either.
func TestSaveOfSeveralValuesIsOneEdit(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	private := filepath.Join(cfg, "private.toml")
	if _, err := SetSituationValues(l, SituationValue{"savings", 8000.0}, SituationValue{"urgency", 1.5}); err == nil {
		t.Fatal("urgency 1.5 was saved")
	}
	if got := read(t, private); got != privateProfile {
		t.Errorf("a failed save wrote part of itself:\n%s", got)
	}
	saved, err := SetSituationValues(l, SituationValue{"savings", 8000.0}, SituationValue{"urgency", 0.7})
	must(t, err)
	sit := saved.Loaded.Profile.Situation
	if *sit.Savings != 8000 || *sit.Urgency != 0.7 {
		t.Errorf("saved %+v", sit)
	}
}

func TestSaveKeepsTheByteOrderMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.toml")
	bom := "\uFEFF"
	must(t, os.WriteFile(path, []byte(bom+privateProfile+"[[priority]]\nid = \"fit\"\n"), 0o600))
	l, err := Load(path)
	must(t, err)
	saved, err := SetSituation(l, "urgency", 0.4)
	must(t, err)
	got := read(t, path)
	if !strings.HasPrefix(got, bom) || strings.HasPrefix(got, bom+bom) || !strings.Contains(got, "urgency = 0.4\n") {
		t.Errorf("after the save the file begins %q", got[:min(len(got), 20)])
	}
	if !bytes.Equal(saved.Loaded.Contents[path], []byte(got)) {
		t.Error("the loaded contents are not what was written")
	}
}

// TestSaveReappliesAChangeMadeDuringTheSave changes the file while the
// save is under way (after the new file is written, before it replaces
// the old one): the outside change must survive, with the edit made on
// it.
func TestSaveReappliesAChangeMadeDuringTheSave(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	private := filepath.Join(cfg, "private.toml")
	outside := strings.Replace(privateProfile, "savings = 9000", "savings = 7000", 1)
	changed := false
	w := atomicWriter{crash: func(step string) bool {
		if step == "sync" && !changed {
			changed = true
			must(t, os.WriteFile(private, []byte(outside), 0o640))
		}
		return false
	}}
	saved, err := setSituation(l, w, []SituationValue{{"urgency", 0.8}})
	must(t, err)
	want := strings.Replace(outside, "monthly_expenses = 3100\n", "monthly_expenses = 3100\nurgency = 0.8\n", 1)
	if got := read(t, private); got != want || !saved.Reapplied {
		t.Errorf("reapplied %v; private.toml is\n%s\nwant\n%s", saved.Reapplied, got, want)
	}
	noTemps(t, cfg)

	// A file that keeps changing is refused, not written over.
	n := 0
	w = atomicWriter{crash: func(step string) bool {
		if step == "sync" {
			n++
			must(t, os.WriteFile(private, []byte(outside+strings.Repeat("#\n", n)), 0o640))
		}
		return false
	}}
	if _, err := setSituation(saved.Loaded, w, []SituationValue{{"urgency", 0.9}}); err == nil {
		t.Error("a save over a file that kept changing went through")
	}
	if got := read(t, private); got != outside+strings.Repeat("#\n", n) {
		t.Errorf("the last outside change was written over:\n%s", got)
	}
}

// TestAddScenarioGoesWhereTheScenariosAre: a new scenario joins the file
// that already holds the scenarios, even when [situation] is elsewhere,
// and never the public main file.
func TestAddScenarioGoesWhereTheScenariosAre(t *testing.T) {
	cfg, repo := dotfiles(t)
	scenarios := filepath.Join(cfg, "scenarios.toml")
	must(t, os.WriteFile(scenarios, []byte("[[scenario]]\nname = \"severance\"\nsavings = 15000\n"), 0o600))
	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(strings.Replace(publicProfile, `["private.toml"]`, `["private.toml", "scenarios.toml"]`, 1)), 0o644))
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	public := read(t, filepath.Join(repo, "profile.toml"))
	saved, err := AddScenario(l, model.Scenario{Name: "lean", Situation: model.Situation{Savings: model.Float(3000)}})
	must(t, err)
	if saved.File != scenarios {
		t.Errorf("the scenario went to %s, want %s", saved.File, scenarios)
	}
	if read(t, filepath.Join(cfg, "private.toml")) != privateProfile || read(t, filepath.Join(repo, "profile.toml")) != public {
		t.Error("a file other than the scenarios' changed")
	}
}

// TestAddScenarioKeepsEverySituationKey saves a scenario that sets every
// [situation] key and reads it back whole.
func TestAddScenarioKeepsEverySituationKey(t *testing.T) {
	cfg, _ := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	var sit model.Situation
	for i, k := range model.SituationTable() {
		v := 0.1 + 0.01*float64(i)
		if k.Kind == model.Boolean {
			v = 1
		}
		k.Set(&sit, v)
	}
	saved, err := AddScenario(l, model.Scenario{Name: "everything", Situation: sit})
	must(t, err)
	got, ok := saved.Loaded.Profile.Scenario("everything")
	if !ok {
		t.Fatal("the scenario does not load")
	}
	for _, k := range model.SituationTable() {
		want, _ := k.Value(sit)
		if v, ok := k.Value(got.Situation); !ok || v != want {
			t.Errorf("%s: saved %v (%v), want %v", k.Key, v, ok, want)
		}
	}
}
