package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/profiles"
	"mutual/views"
)

// fileSession opens a real profile file the way `mutual --profile PATH
// --today 2026-11-25` does.
func fileSession(t *testing.T, path string, env map[string]string) (*session, options) {
	t.Helper()
	return openQuiet(t, env, "--today", "2026-11-25", "--profile", path)
}

const liveProfileText = `# my search
version = 1
include = ["private.toml"]

[[priority]]
id = "fit"
weight = 1
`

const livePrivateText = `[situation]
savings = 9000 # after rent
monthly_expenses = 3100

[[opportunity]]
name = "Acme"
stage = "offer"
pay = 52000
ratings.fit = 2

[[opportunity]]
name = "Globex"
stage = "final"
pay = 68000
ratings.fit = 5
`

func writeLiveProfile(t *testing.T) (dir, profile, private string) {
	t.Helper()
	dir = t.TempDir()
	profile, private = filepath.Join(dir, "profile.toml"), filepath.Join(dir, "private.toml")
	must(t, os.WriteFile(profile, []byte(liveProfileText), 0o644))
	must(t, os.WriteFile(private, []byte(livePrivateText), 0o600))
	return dir, profile, private
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestLiveReload edits an include behind the running dashboard through the
// real watcher: a good edit shows within a second or so, a broken one
// keeps the last good numbers with the error and its line, and fixing it
// clears the error.
func TestLiveReload(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	_, profile, private := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "Acme")

	must(t, os.WriteFile(private, []byte(strings.Replace(livePrivateText, `name = "Acme"`, `name = "Acme Logistics"`, 1)), 0o600))
	r.waitFor(t, "Acme Logistics")
	r.waitFor(t, "Profile reloaded.")

	must(t, os.WriteFile(private, []byte(strings.Replace(livePrivateText, "savings = 9000", `savings = "lots"`, 1)), 0o600))
	text := r.waitFor(t, "last good profile: private.toml:2:11: savings must be a number")
	if !strings.Contains(text, "Acme") || !strings.Contains(text, "Showing the last good profile") {
		t.Errorf("a broken edit should keep the last good profile on screen:\n%s", text)
	}
	r.typeKeys("j") // the error stands while the file is broken
	r.waitFor(t, "savings must be a number")

	must(t, os.WriteFile(private, []byte(livePrivateText), 0o600))
	r.waitFor(t, "Fixed: the profile loads again, and is reloaded.")
	r.typeKeys("k")
	deadline := time.Now().Add(2 * time.Second)
	for strings.Contains(r.text(), "savings must be a number") {
		if time.Now().After(deadline) {
			t.Fatalf("the error outlived its fix:\n%s", r.text())
		}
		time.Sleep(20 * time.Millisecond)
	}

	// A broken edit undone, back to the very text on screen, changes
	// nothing to rank, but its error must go all the same.
	must(t, os.WriteFile(private, []byte(strings.Replace(livePrivateText, "savings = 9000", `savings = "lots"`, 1)), 0o600))
	r.waitFor(t, "savings must be a number")
	must(t, os.WriteFile(private, []byte(livePrivateText), 0o600))
	if text := r.waitFor(t, "Fixed: the profile loads again"); strings.Contains(text, "savings must be a number") {
		t.Errorf("the error of an undone edit stayed:\n%s", text)
	}
}

// TestEditOpensTheEditorAndReloads runs a scripted "editor" from the e key:
// it receives the include that defines the selected opportunity, at its
// line, and the dashboard shows the result.
func TestEditOpensTheEditorAndReloads(t *testing.T) {
	dir, profile, private := writeLiveProfile(t)
	log := filepath.Join(dir, "editor.log")
	editor := filepath.Join(dir, "vi") // a name mutual knows takes +LINE
	must(t, os.WriteFile(editor, []byte("#!/bin/sh\necho \"$@\" > "+log+"\nsed -i 's/name = \"Globex\"/name = \"Globex Edited\"/' \"$2\"\n"), 0o755))
	env := map[string]string{"EDITOR": "vi", "VISUAL": editor}
	s, opts := fileSession(t, profile, env)
	r := startSession(t, s, opts, 100, 30, env, nil)
	r.waitFor(t, "Globex")
	r.typeKeys("e") // Globex leads: the selection starts on the leader
	r.waitFor(t, "Globex Edited")
	b, err := os.ReadFile(log)
	must(t, err)
	if args := strings.Fields(string(b)); len(args) != 2 || args[0] != "+11" || args[1] != private {
		t.Errorf("the editor got %q, want +11 and the private include %s", args, private)
	}
}

// TestABrokenEditFromTheDashboard: an edit that breaks the profile shows
// the error with the hint 'mutual check' gives; e then opens the file at
// the error's line, not at the selected opportunity's; and an edit that
// puts the last good text back says it is fixed.
func TestABrokenEditFromTheDashboard(t *testing.T) {
	dir, profile, private := writeLiveProfile(t)
	log, good, broken := filepath.Join(dir, "editor.log"), filepath.Join(dir, "good"), filepath.Join(dir, "broken")
	editor := filepath.Join(dir, "vi")
	script := "#!/bin/sh\necho \"$@\" >> " + log + "\n" +
		"if [ -f " + broken + " ]; then cp " + good + " \"$2\"; rm " + broken + "\n" +
		"else cp \"$2\" " + good + "; sed -i 's/savings = 9000 # after rent/savings = \"lots\"/' \"$2\"; touch " + broken + "; fi\n"
	must(t, os.WriteFile(editor, []byte(script), 0o755))
	// The hint as 'mutual check' gives it for the same text.
	must(t, os.WriteFile(filepath.Join(dir, "probe.toml"), []byte("version = 1\n"+strings.Replace(livePrivateText, "savings = 9000 # after rent", `savings = "lots"`, 1)), 0o600))
	var pe *profiles.Error
	_, err := profiles.Load(filepath.Join(dir, "probe.toml"))
	hint := ""
	if errors.As(err, &pe) {
		for _, d := range pe.Diagnostics {
			if strings.Contains(d.Message, "savings must be a number") {
				hint = d.Hint
			}
		}
	}
	if hint == "" {
		t.Fatalf("the broken text gives no hint to compare with: %v", err)
	}

	env := map[string]string{"VISUAL": editor}
	s, opts := fileSession(t, profile, env)
	r := startSession(t, s, opts, 100, 30, env, nil)
	r.waitFor(t, "Globex")
	r.typeKeys("e")
	r.waitFor(t, "private.toml:2:11: savings must be a number")
	if text := r.waitFor(t, "; hint:"); !strings.Contains(strings.Join(strings.Fields(text), " "), "; hint: "+hint) {
		t.Errorf("the hint %q is not shown:\n%s", hint, text)
	}
	r.typeKeys("e")
	r.waitFor(t, "Fixed: the profile loads again")
	b, err := os.ReadFile(log)
	must(t, err)
	calls := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(calls) != 2 || calls[1] != "+2 "+private {
		t.Errorf("the editor was called with %q; the second call should open the error's line, +2 %s", calls, private)
	}
	if got := readFile(t, private); got != livePrivateText {
		t.Errorf("private.toml is not back:\n%s", got)
	}
}

func TestEditorCommand(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		vars map[string]string
		line int
		want string
	}{
		{nil, 12, "vi +12 f.toml"},
		{map[string]string{"EDITOR": "nano"}, 3, "nano +3 f.toml"},
		{map[string]string{"EDITOR": "nano", "VISUAL": "code --wait"}, 3, "code --wait f.toml"},
		{map[string]string{"EDITOR": "/usr/bin/nvim"}, 0, "/usr/bin/nvim f.toml"},
	}
	for _, c := range cases {
		if got := strings.Join(editorCommand(env(c.vars), "f.toml", c.line), " "); got != c.want {
			t.Errorf("%v: %q, want %q", c.vars, got, c.want)
		}
	}
}

// TestSaveFromTheDashboard presses + then S, which shows old and new
// before writing over [situation], and + then s, which saves a new
// scenario under the name typed: the urgency lands in the include that
// holds [situation], the scenario is appended there too, and nothing else
// in either file moves.
func TestSaveFromTheDashboard(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "urgency 0.64")
	r.typeKeys("+S")
	r.waitFor(t, "Write over [situation] in private.toml: urgency derived (0.64) → fixed by hand at 0.65")
	r.typeKeys("y")
	r.waitFor(t, "Saved urgency 0.65 over [situation] in private.toml.")
	want := strings.Replace(livePrivateText, "monthly_expenses = 3100\n", "monthly_expenses = 3100\nurgency = 0.65\n", 1)
	if got := readFile(t, private); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
	if got := readFile(t, profile); got != liveProfileText {
		t.Errorf("profile.toml changed:\n%s", got)
	}

	r.typeKeys("-s")
	r.waitFor(t, "Scenario name:")
	r.typeKeys("lean week")
	r.screen.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
	r.waitFor(t, `Saved as scenario "lean week"`)
	l, err := profiles.Load(profile)
	must(t, err)
	sc, ok := l.Profile.Scenario("lean week")
	if !ok || sc.Situation.Urgency == nil || *sc.Situation.Urgency != 0.6 {
		t.Errorf("saved scenario %+v", sc)
	}
	if !strings.HasPrefix(readFile(t, private), want) {
		t.Error("appending the scenario changed the lines above it")
	}
	r.typeKeys("q")
	if err := r.finished(t); err != nil {
		t.Errorf("quit after saving: %v", err)
	}
}

// TestSaveWarnsWhenGitTracksTheMoney: the profile's scenarios live in a
// file git tracks, and the new one holds savings; the dashboard says so
// before writing and offers the include git ignores, and y writes there.
func TestSaveWarnsWhenGitTracksTheMoney(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir, profile, private := writeLiveProfile(t)
	main := liveProfileText + "\n[[scenario]]\nname = \"calm\"\ninsured = true\n"
	must(t, os.WriteFile(profile, []byte(main), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("private.toml\n"), 0o644))
	for _, args := range [][]string{{"init", "-q"}, {"add", "profile.toml", ".gitignore"}} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "urgency 0.64")
	r.typeKeys(">s")
	r.waitFor(t, "Scenario name:")
	r.typeKeys("windfall")
	r.screen.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
	r.waitFor(t, "Git tracks profile.toml")
	r.waitFor(t, "y: write it into private.toml")
	if got := readFile(t, profile); got != main {
		t.Fatalf("profile.toml was written before the answer:\n%s", got)
	}
	r.typeKeys("y")
	r.waitFor(t, `Saved as scenario "windfall" in private.toml`)
	if got := readFile(t, profile); got != main {
		t.Errorf("profile.toml changed:\n%s", got)
	}
	if got := readFile(t, private); !strings.HasPrefix(got, livePrivateText) || !strings.Contains(got, "name = \"windfall\"\nsavings = 12100") {
		t.Errorf("private.toml is\n%s", got)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}

var _ = model.Float

// TestSavingsWhatIf presses > until the leader changes and saves the
// savings: the status says so, and the line lands in [situation].
func TestSavingsWhatIf(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "urgency 0.64")
	r.typeKeys(">")
	r.waitFor(t, "savings $12,100, runway 3.9 months (what-if)")
	r.typeKeys("S")
	r.waitFor(t, "savings $9,000 → $12,100; urgency stays derived (0.64 →")
	r.typeKeys("y")
	r.waitFor(t, "Saved savings $12,100 over [situation] in private.toml.")
	if got, want := readFile(t, private), strings.Replace(livePrivateText, "savings = 9000 # after rent", "savings = 12100 # after rent", 1); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
}

// TestAFailedSaveWritesNothing: savings and urgency saved together are one
// edit. Here the urgency is kept in the main file and the savings in the
// include, so the save is refused, and neither file changes: the screen,
// which keeps the what-ifs as what-ifs, and the disk still agree.
func TestAFailedSaveWritesNothing(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	main := liveProfileText + "\n[situation]\nurgency = 0.5\n"
	must(t, os.WriteFile(profile, []byte(main), 0o644))
	s, _ := fileSession(t, profile, nil)
	lp := &liveProfile{s: s}
	if _, _, err := lp.save(model.WhatIf{Urgency: model.Float(0.7), Situation: model.Situation{Savings: model.Float(5000)}}); err == nil {
		t.Fatal("savings and urgency in two files were saved")
	}
	if readFile(t, private) != livePrivateText || readFile(t, profile) != main {
		t.Error("a failed save wrote part of itself")
	}
	if sit := lp.s.loaded.Profile.Situation; *sit.Savings != 9000 || *sit.Urgency != 0.5 {
		t.Errorf("after a failed save the session holds %+v", sit)
	}
}

// TestSaveScenarioKeepsTheScenarioInForce saves the what-ifs made over a
// scenario: the new scenario keeps every situation key the one in force
// had (tax_rate and comfortable_runway too), with the what-ifs on top.
func TestSaveScenarioKeepsTheScenarioInForce(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	must(t, os.WriteFile(private, []byte(livePrivateText+"\n[[scenario]]\nname = \"lean\"\nsavings = 4000\ntax_rate = 0.3\ncomfortable_runway = 4\ninsured = true\n"), 0o600))
	s, _ := fileSession(t, profile, nil)
	lp := &liveProfile{s: s}
	name := "leaner"
	p, _, err := lp.saveScenario(model.WhatIf{Urgency: model.Float(0.7), Situation: model.Situation{MonthlyIncome: model.Float(500)}}, "lean", name, "")
	must(t, err)
	sc, ok := p.Scenario(name)
	if !ok {
		t.Fatalf("no scenario %q", name)
	}
	got := sc.Situation
	if got.Savings == nil || *got.Savings != 4000 || got.TaxRate == nil || *got.TaxRate != 0.3 ||
		got.ComfortableRunway == nil || *got.ComfortableRunway != 4 || got.Insured == nil || !*got.Insured ||
		got.Urgency == nil || *got.Urgency != 0.7 || got.MonthlyIncome == nil || *got.MonthlyIncome != 500 {
		t.Errorf("saved scenario %+v", got)
	}
}

// blockedApp stands for the tview application once the dashboard has
// quit: a queued update is never run, and QueueUpdateDraw never returns.
type blockedApp struct{ queued chan struct{} }

func (a blockedApp) QueueUpdateDraw(func()) *tview.Application {
	a.queued <- struct{}{}
	select {}
}

// runningApp runs a queued update at once, as a live event loop would.
type runningApp struct{}

func (runningApp) QueueUpdateDraw(f func()) *tview.Application { f(); return nil }

// TestFollowReturnsAfterQuit: a change reported while the dashboard is
// quitting queues an update that tview will never run; follow must still
// return as soon as done closes, and the update must not run.
func TestFollowReturnsAfterQuit(t *testing.T) {
	changes, failures, done := make(chan struct{}, 1), make(chan error), make(chan struct{})
	app := blockedApp{queued: make(chan struct{}, 1)}
	returned := make(chan struct{})
	ran := false
	go func() {
		follow(changes, failures, done, app, func() { ran = true }, func(error) {})
		close(returned)
	}()
	changes <- struct{}{}
	<-app.queued
	close(done)
	select {
	case <-returned:
	case <-time.After(time.Second):
		t.Fatal("follow is still waiting for an event loop that has quit")
	}
	if ran {
		t.Error("the update ran after quit")
	}
}

// TestFollowReportsAFailure: the watcher's own failure reaches the event
// loop, where it is shown.
func TestFollowReportsAFailure(t *testing.T) {
	changes, failures, done := make(chan struct{}), make(chan error, 1), make(chan struct{})
	got := make(chan error, 1)
	go follow(changes, failures, done, runningApp{}, func() {}, func(err error) { got <- err })
	failures <- errors.New("queue overflow")
	select {
	case err := <-got:
		if err.Error() != "queue overflow" {
			t.Errorf("got %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("the failure was not reported")
	}
	close(done)
}

// TestWatcherFailureShowsOnScreen: when watching fails, the status line
// says so and names the reload key that still works.
func TestWatcherFailureShowsOnScreen(t *testing.T) {
	_, profile, _ := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	app := tview.NewApplication()
	d, err := views.NewDashboard(app, &s.loaded.Profile, s.request, views.Options{Info: s.reportInfo(opts), Styles: views.NewStyles(true)}, views.Hooks{})
	must(t, err)
	lp := &liveProfile{s: s, app: app}
	lp.watchFailed(d, "Watching the profile for changes failed", errors.New("queue overflow"))
	screen := tcell.NewSimulationScreen("UTF-8")
	must(t, screen.Init())
	screen.SetSize(120, 30)
	d.SetRect(0, 0, 120, 30)
	d.Draw(screen)
	screen.Show()
	if text := screenText(screen); !strings.Contains(text, "Watching the profile for changes failed (queue overflow): press R to reload after editing.") {
		t.Errorf("the screen does not say the watcher failed:\n%s", text)
	}
}

// TestLookPathUsesTheSystemsPath: the editor is found on the PATH the
// system gives, not the process's.
func TestLookPathUsesTheSystemsPath(t *testing.T) {
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "myeditor"), []byte("#!/bin/sh\n"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "notes"), []byte("not a program\n"), 0o644))
	if got, err := lookPath("/nowhere"+string(filepath.ListSeparator)+dir, "myeditor"); err != nil || got != filepath.Join(dir, "myeditor") {
		t.Errorf("lookPath = %q, %v", got, err)
	}
	if _, err := lookPath(dir, "notes"); err == nil {
		t.Error("a file that is not executable was taken for the editor")
	}
	if _, err := lookPath("", "myeditor"); err == nil {
		t.Error("found without a PATH")
	}
	if got, _ := lookPath("", "/usr/bin/vi"); got != "/usr/bin/vi" {
		t.Errorf("a path was looked up: %q", got)
	}
}

// TestUndoTakesBackASave: u undoes the dashboard's last write whatever
// made it, a save of the what-ifs (a new scenario, or over [situation])
// as much as a form's; the file is back byte for byte.
func TestUndoTakesBackASave(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	for _, how := range []string{"scenario", "situation"} {
		s, _ := fileSession(t, profile, nil)
		lp := &liveProfile{s: s}
		before := map[string][]byte{}
		for _, f := range []string{profile, private} {
			data, err := os.ReadFile(f)
			must(t, err)
			before[f] = data
		}
		var err error
		if how == "scenario" {
			_, _, err = lp.saveScenario(model.WhatIf{Urgency: model.Float(0.7)}, "", "hurry", "")
		} else {
			_, _, err = lp.save(model.WhatIf{Situation: model.Situation{Savings: model.Float(12345)}})
		}
		must(t, err)
		if lp.lastWrite == nil {
			t.Fatalf("%s: the save left nothing for u to undo", how)
		}
		_, _, err = lp.undo()
		must(t, err)
		for f, data := range before {
			got, err := os.ReadFile(f)
			must(t, err)
			if string(got) != string(data) {
				t.Errorf("%s: after undo %s holds\n%s\nwant\n%s", how, f, got, data)
			}
		}
	}
}

// TestLiveReloadSeesAnOptionalIncludeArrive: an optional include that is
// absent when the dashboard opens is watched too, and merged once it is
// written (a dotfiles clone whose private file is copied in later).
func TestLiveReloadSeesAnOptionalIncludeArrive(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	dir := t.TempDir()
	profile, extra := filepath.Join(dir, "profile.toml"), filepath.Join(dir, "extra.toml")
	must(t, os.WriteFile(profile, []byte(strings.Replace(liveProfileText, `include = ["private.toml"]`, `optional_include = ["extra.toml"]`, 1)+
		"[situation]\nsavings = 9000\nmonthly_expenses = 3100\n\n[[opportunity]]\nname = \"Acme\"\nstage = \"offer\"\nratings.fit = 2\n"), 0o644))
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "Acme")

	must(t, os.WriteFile(extra, []byte("[[opportunity]]\nname = \"Globex\"\nstage = \"final\"\nratings.fit = 5\n"), 0o600))
	r.waitFor(t, "Globex")
}

// TestReloadReportsWarnings makes an edit that loads with a warning (a
// misspelt key, so a deal-breaker silently goes): the reload must say so
// on the status line and keep it in the Messages log, as check would, not
// just "Profile reloaded.". A dashboard opened on such a file says
// "Warning" once.
func TestReloadReportsWarnings(t *testing.T) {
	_, profile, _ := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 120, 30, nil, nil)
	r.waitFor(t, "Acme")

	must(t, os.WriteFile(profile, []byte(strings.Replace(liveProfileText, "weight = 1", "weight = 1\nat_leas = 2", 1)), 0o644))
	r.typeKeys("R") // the watcher would do it too; R is the same reload
	want := `Profile reloaded. Warning: profile.toml:8:1: unknown key "at_leas"`
	r.waitFor(t, want)
	r.typeKeys("L")
	if text := r.waitFor(t, "Messages"); !strings.Contains(text, `unknown key "at_leas"`) {
		t.Errorf("the Messages log lacks the warning:\n%s", text)
	}

	s2, opts2 := fileSession(t, profile, nil)
	r2 := startSession(t, s2, opts2, 160, 30, nil, nil)
	text := r2.waitFor(t, `unknown key "at_leas"`)
	if strings.Contains(strings.ToLower(text), "warning: warning") {
		t.Errorf("the first status says warning twice:\n%s", text)
	}
	if !strings.Contains(text, `Warning: `) {
		t.Errorf("the first status does not say it is a warning:\n%s", text)
	}
}
