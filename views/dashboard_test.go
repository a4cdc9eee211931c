package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/internal/golden"
	"mutual/internal/trials"
	"mutual/model"
	"mutual/views/report"
)

// TestGoldenScreens draws the example at its own urgency (0.55, Acme
// Logistics ahead), after five presses of - (0.30, Globex ahead), with
// the decide page and the Priorities page open, and with a weight moved
// near where the leader would change, at 100×30 and at 80×24, and
// compares whole screens with testdata/screens/. Run `go test ./views -update` to
// rewrite them, then read the diff.
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		for _, tc := range []struct {
			name, keys string
		}{
			{"urgency-0.55", ""},
			{"urgency-0.30", "-----"},
			{"decide", "d"},
			{"priorities", "p"},
			// Fifteen presses of + take strengths to 20, near the 20.4 past
			// which Globex would lead: the header says so.
			{"priorities-strengths-20", "p+++++++++++++++"},
		} {
			name := fmt.Sprintf("example-%s-%dx%d", tc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
				press(d, tc.keys)
				screen := drawOn(t, d, size[0], size[1])
				golden.Check(t, filepath.Join("testdata", "screens", name+".txt"), screenText(screen))
			})
		}
	}
}

// TestHeaderContract checks the line outside tests read: the word urgency
// and its value with two decimals, its source and its parts.
func TestHeaderContract(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	for _, keys := range []string{"", "+", "++", "r"} {
		press(d, keys)
		s := d.Controller().State()
		text := screenText(drawOn(t, d, 80, 24))
		want := "urgency " + report.Urgency(s.Urgency.Value) + " (" + report.UrgencySource(s) + ": runway 3.6 months, uninsured"
		if !strings.Contains(text, want) {
			t.Errorf("after %q the header does not say %q:\n%s", keys, want, text)
		}
	}
}

func TestExampleBannerSaysHowToStart(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	text := screenText(drawOn(t, d, 80, 24))
	for _, want := range []string{"Built-in example", "mutual init"} {
		if !strings.Contains(text, want) {
			t.Errorf("the example's screen does not say %q", want)
		}
	}
	mine, _ := newTestDashboard(t, samProfile(), model.Request{}, false, Hooks{})
	if strings.Contains(screenText(drawOn(t, mine, 80, 24)), "Built-in example") {
		t.Error("a profile of one's own shows the example banner")
	}
}

// TestNoPanicOnAnySize draws the dashboard, each page and each chart at
// every size up to 120×40 (a sample with -short), and checks that a
// terminal under the minimum gets the message.
func TestNoPanicOnAnySize(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	step := trials.N(11, 7, 3)
	screen := tcell.NewSimulationScreen("UTF-8")
	if err := screen.Init(); err != nil {
		t.Fatal(err)
	}
	for _, keys := range []string{"", "\t", "\tv", "?", "?\x1b\r", "\x1bd", "+]"} {
		for _, r := range keys {
			switch r {
			case '\t':
				d.HandleKey(key(tcell.KeyTab, 0))
			case '\r':
				d.HandleKey(key(tcell.KeyEnter, 0))
			case '\x1b':
				d.HandleKey(key(tcell.KeyEscape, 0))
			default:
				d.HandleKey(key(0, r))
			}
		}
		for w := 0; w <= 120; w += step {
			for h := 0; h <= 40; h += step {
				screen.SetSize(w, h)
				screen.Clear()
				d.SetRect(0, 0, w, h)
				d.Draw(screen)
			}
		}
	}
	for _, size := range [][2]int{{1, 1}, {2, 2}, {10, 5}, {MinWidth - 1, MinHeight}, {MinWidth, MinHeight - 1}} {
		text := screenText(drawOn(t, d, size[0], size[1]))
		if size[0] >= 10 && !strings.Contains(strings.ReplaceAll(text, "\n", " "), "Terminal") {
			t.Errorf("at %d×%d no too-small message:\n%s", size[0], size[1], text)
		}
	}
	text := screenText(drawOn(t, d, 40, 12))
	if !strings.Contains(strings.ReplaceAll(text, "\n", " "), fmt.Sprintf("at least %d×%d", MinWidth, MinHeight)) {
		t.Errorf("the too-small message does not state the minimum:\n%s", text)
	}
	if text := screenText(drawOn(t, d, MinWidth, MinHeight)); strings.Contains(text, "too small") {
		t.Errorf("at the minimum size the dashboard says it is too small:\n%s", text)
	}
}

// hostileProfile has names that test alignment and literal display: a
// wide-script name, a tview colour tag, and an escape sequence.
func hostileProfile() *model.Profile {
	p := samProfile()
	p.Opportunities[0].Name = "日本語の会社"
	p.Opportunities[1].Name = "[red]Globex[-]"
	p.Opportunities[2].Name = "Evil\x1b[31m Corp"
	p.Scenarios[0].Name = "[::b]bold"
	return p
}

func TestWideAndHostileNames(t *testing.T) {
	d, _ := newTestDashboard(t, hostileProfile(), model.Request{}, false, Hooks{})
	screen := drawOn(t, d, 100, 30)
	text := screenText(screen)
	for _, want := range []string{"日本語の会社", "[red]Globex[-]", `Evil\x1b[31m Corp`} {
		if !strings.Contains(text, want) {
			t.Errorf("the screen does not show %q literally:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("an escape character reached the screen")
	}
	// Every row's score ends in the same column, whatever the name's width.
	col := -1
	for y := 0; y < 30; y++ {
		row := cellRow(screen, y)
		for _, name := range []string{"日本語の会社", "[red]Globex[-]", `Evil\x1b[31m Corp`, "Hooli"} {
			at := strings.Index(row, name)
			if at < 0 || !strings.Contains(row, "║") {
				continue
			}
			// The stage, then the score (an offer in hand's stage has its
			// mark after it).
			fields := strings.Fields(strings.Replace(row[at+len(name):], " "+inHandMark, "", 1))
			if len(fields) < 2 {
				continue
			}
			end := cellColumn(screen, y, fields[1]) + report.Width(fields[1])
			if col >= 0 && end != col {
				t.Errorf("the score of %q ends at column %d, others at %d:\n%s", name, end, col, text)
			}
			col = end
		}
	}
	if col < 0 {
		t.Fatalf("no rows found:\n%s", text)
	}
	press(d, "]")
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, `"[::b]bold"`) {
		t.Errorf("the scenario name is not shown literally:\n%s", text)
	}
	press(d, "d")
	text = screenText(drawOn(t, d, 100, 90))
	for _, want := range []string{"日本語の会社 (respond by 2026-12-01): DECLINE", "Waiting for [red]Globex[-] is worth it", `about Evil\x1b[31m Corp`} {
		if !strings.Contains(text, want) {
			t.Errorf("the decide page does not show %q literally:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("an escape character reached the decide page")
	}
}

// cellRow is row y as a string of one cell a character, with a wide
// character's second cell dropped (as screenLines does).
func cellRow(screen tcell.Screen, y int) string { return screenLines(screen)[y] }

// cellColumn is the screen column where text first appears in row y.
func cellColumn(screen tcell.Screen, y int, text string) int {
	w, _ := screen.Size()
	for x := 0; x < w; x++ {
		var b strings.Builder
		for cx := x; cx < w && report.Width(b.String()) < report.Width(text); {
			str, _, width := screen.Get(cx, y)
			b.WriteString(str)
			cx += max(width, 1)
		}
		if b.String() == text {
			return x
		}
	}
	return -1
}

// TestColoursRespectTheTerminal checks that no cell paints a background
// (the terminal's own shows through) and that with NO_COLOR no cell has a
// colour at all, while the selection still shows, in reverse video.
func TestColoursRespectTheTerminal(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		d, _ := newTestDashboard(t, nil, model.Request{}, noColor, Hooks{})
		for _, keys := range []string{"", "v", "?", "?d"} {
			press(d, keys)
			screen := drawOn(t, d, 100, 30)
			reversed := 0
			for y := 0; y < 30; y++ {
				for x := 0; x < 100; x++ {
					_, style, _ := screen.Get(x, y)
					fg, bg, attr := style.Decompose()
					if bg != tcell.ColorDefault {
						t.Fatalf("NO_COLOR=%v, keys %q: cell %d,%d paints background %v", noColor, keys, x, y, bg)
					}
					if noColor && fg != tcell.ColorDefault {
						t.Fatalf("NO_COLOR: keys %q: cell %d,%d has colour %v", keys, x, y, fg)
					}
					if attr&tcell.AttrReverse != 0 {
						reversed++
					}
				}
			}
			if keys == "" && reversed == 0 {
				t.Errorf("NO_COLOR=%v: the selected row does not show", noColor)
			}
		}
	}
	if got := NewStyles(false).Theme().PrimitiveBackgroundColor; got != tcell.ColorDefault {
		t.Errorf("the tview theme paints a background: %v", got)
	}
}

func TestPasteFiresNoKeys(t *testing.T) {
	d, app := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	d.PasteHandler()("q+++y", func(tview.Primitive) {})
	if app.stopped != 0 || d.Controller().Unsaved() {
		t.Fatalf("a paste acted as keys: stopped %d, unsaved %v", app.stopped, d.Controller().Unsaved())
	}
	if !strings.Contains(d.Controller().Status().Text, "Pasted text is ignored") {
		t.Errorf("status %q", d.Controller().Status().Text)
	}
}

func TestQuitStopsTheApplication(t *testing.T) {
	d, app := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "+q")
	if app.stopped != 0 {
		t.Fatal("quit without asking about the what-if")
	}
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "q or y quits") {
		t.Errorf("the question is not on screen:\n%s", text)
	}
	press(d, "y")
	if app.stopped != 1 {
		t.Fatalf("stopped %d times, want 1", app.stopped)
	}
}

func TestEditAndSaveWithoutHooks(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "e")
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "mutual init") || !strings.Contains(text, "not a file you can edit") {
		t.Errorf("e on the example:\n%s", text)
	}
	mine, _ := newTestDashboard(t, samProfile(), model.Request{}, false, Hooks{})
	press(mine, "e")
	if text := screenText(drawOn(t, mine, 100, 30)); !strings.Contains(text, "no editor hook") {
		t.Errorf("e without a hook:\n%s", text)
	}
	press(mine, "+s") // says at once that there is nowhere to save, without asking where
	if mine.Controller().Asking() {
		t.Error("s asked where to save with nowhere to save")
	}
	if text := screenText(drawOn(t, mine, 100, 30)); !strings.Contains(text, "no profile file to save into") || !strings.Contains(text, "--urgency 0.60") {
		t.Errorf("s without a hook:\n%s", text)
	}
}

func TestHooksReachTheHost(t *testing.T) {
	var saved model.WhatIf
	edited, editedSel := 0, -2
	hooks := Hooks{
		Edit: func(sel int) (*model.Profile, error) {
			edited, editedSel = edited+1, sel
			p := samProfile()
			p.Opportunities[1].Name = "Globex International"
			return p, nil
		},
		Save: func(w model.WhatIf) (*model.Profile, string, error) {
			saved = w
			p := samProfile()
			p.Situation.Urgency = w.Urgency
			return p, "private.toml", nil
		},
	}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	press(d, "e")
	if edited != 1 || editedSel != d.Controller().State().Leader() || !strings.Contains(screenText(drawOn(t, d, 100, 30)), "Globex International") {
		t.Fatalf("edit: called %d times for %d; screen does not show the reloaded profile", edited, editedSel)
	}
	press(d, "++S")
	if saved.Urgency != nil {
		t.Fatal("S saved before the question was answered")
	}
	// The question shows what changes, old and new, and that the urgency
	// becomes fixed by hand.
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "Write over [situation] in [situation]'s file: urgency derived (0.55)") ||
		!strings.Contains(text, "fixed by hand at 0.65") || !strings.Contains(text, "y writes, any other key cancels.") {
		t.Errorf("S does not show old and new before writing:\n%s", text)
	}
	press(d, "y")
	if saved.Urgency == nil || report.Urgency(*saved.Urgency) != "0.65" {
		t.Fatalf("save got %+v, want urgency 0.65", saved)
	}
	c := d.Controller()
	if c.Unsaved() || c.State().Urgency.Source != model.SourceProfile || report.Urgency(c.State().Urgency.Value) != "0.65" {
		t.Errorf("after saving: unsaved %v, urgency %v from %s", c.Unsaved(), c.State().Urgency.Value, c.State().Urgency.Source)
	}
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "Saved urgency 0.65 over [situation] in private.toml.") {
		t.Errorf("no word of the save:\n%s", text)
	}
}

// TestAnUndoneBrokenEditClearsItsProblem: the editor leaves the file
// broken, then the user puts it back as it was: nothing changed, but the
// problem it raised leaves the status line.
func TestAnUndoneBrokenEditClearsItsProblem(t *testing.T) {
	broken := true
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, Hooks{
		Edit: func(int) (*model.Profile, error) {
			if broken {
				return nil, errors.New("private.toml:2:11: savings must be a number")
			}
			return nil, nil // the file is the one on screen again
		},
	})
	press(d, "e")
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "savings must be a number") {
		t.Fatalf("the broken edit is not shown:\n%s", text)
	}
	broken = false
	press(d, "e")
	if text := screenText(drawOn(t, d, 100, 30)); strings.Contains(text, "savings must be a number") || !strings.Contains(text, "Fixed: the profile loads again") {
		t.Errorf("the problem of an undone edit stayed:\n%s", text)
	}
	press(d, "e")
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, "The profile did not change.") {
		t.Errorf("an edit that changed nothing:\n%s", text)
	}
}

// scenarioSaver is a SaveScenario hook that records what it was asked to
// save and returns the profile with the new scenario in it.
type scenarioSaver struct {
	w          model.WhatIf
	over, name string
	file       string
	calls      int
}

func (s *scenarioSaver) save(w model.WhatIf, over, name, file string) (*model.Profile, string, error) {
	s.w, s.over, s.name, s.file = w, over, name, file
	s.calls++
	p := samProfile()
	p.Scenarios = append(p.Scenarios, model.Scenario{Name: name, Situation: w.Situation, Weights: w.Weights})
	if w.Urgency != nil {
		p.Scenarios[len(p.Scenarios)-1].Situation.Urgency = w.Urgency
	}
	if file == "" {
		file = "profile.toml"
	}
	return p, file, nil
}

// TestSaveIsANewScenarioByDefault: s asks a name, typing it fires no
// hotkeys, an empty name or one a scenario has is refused, and the real
// [situation] is never written by s.
func TestSaveIsANewScenarioByDefault(t *testing.T) {
	sv := &scenarioSaver{}
	hooks := Hooks{
		Save: func(model.WhatIf) (*model.Profile, string, error) {
			t.Fatal("s wrote over [situation]")
			return nil, "", nil
		},
		SaveScenario: sv.save,
	}
	d, app := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, ">s")
	if !c.Typing() {
		t.Fatal("s does not ask a name")
	}
	lines := screenLines(drawOn(t, d, 100, 30))
	if got := lines[len(lines)-2]; !strings.HasPrefix(got, "Scenario name:") {
		t.Errorf("the name is not asked on the footer: %q", got)
	}
	if got := lines[len(lines)-1]; got != "enter done  esc cancel" {
		t.Errorf("the footer while typing offers %q", got)
	}
	d.HandleKey(key(tcell.KeyEnter, 0))
	if !c.Typing() || !strings.Contains(c.Status().Text, "A scenario needs a name") {
		t.Fatalf("an empty name: typing %v, %q", c.Typing(), c.Status().Text)
	}
	press(d, "severance lands")
	d.HandleKey(key(tcell.KeyEnter, 0))
	if sv.calls != 0 || !strings.Contains(c.Status().Text, `already has a scenario named "severance lands"`) {
		t.Fatalf("a name taken: saved %d, %q", sv.calls, c.Status().Text)
	}
	for range "severance lands" {
		d.HandleKey(key(tcell.KeyBackspace2, 0))
	}
	// q, +, r, s and ] are hotkeys elsewhere: here they are the name.
	press(d, "q+r s]")
	if app.stopped != 0 || c.State().Request.WhatIf.Urgency != nil || c.ScenarioName() != "" {
		t.Fatal("typing the name fired hotkeys")
	}
	if lines := screenLines(drawOn(t, d, 100, 30)); !strings.Contains(lines[len(lines)-2], "Scenario name: q+r s]") {
		t.Errorf("the name typed is not shown: %q", lines[len(lines)-2])
	}
	d.HandleKey(key(tcell.KeyEnter, 0))
	if sv.calls != 1 || sv.name != "q+r s]" || sv.w.Situation.Savings == nil || *sv.w.Situation.Savings != 11500 || sv.file != "" {
		t.Fatalf("saved %d times: %+v", sv.calls, sv)
	}
	if c.Unsaved() || c.ScenarioName() != "q+r s]" || c.Typing() {
		t.Errorf("after saving: unsaved %v, scenario %q", c.Unsaved(), c.ScenarioName())
	}
	if !strings.Contains(c.Status().Text, `Saved as scenario "q+r s]" in profile.toml`) || !strings.Contains(c.Status().Text, "the real [situation] is unchanged") {
		t.Errorf("status %q", c.Status().Text)
	}
	// esc cancels a name half typed, and saves nothing.
	press(d, "+sabc")
	d.HandleKey(key(tcell.KeyEscape, 0))
	if c.Typing() || sv.calls != 1 || !c.Unsaved() || !strings.Contains(c.Status().Text, "Not saved") {
		t.Errorf("esc: typing %v, saved %d, %q", c.Typing(), sv.calls, c.Status().Text)
	}
}

// TestSaveOverSituationShowsOldAndNew: S shows every value it would
// write, old and new, before writing; a savings what-if leaves the urgency
// derived, so the save cannot fix it by hand; any key but y cancels.
func TestSaveOverSituationShowsOldAndNew(t *testing.T) {
	var saved []model.WhatIf
	hooks := Hooks{
		Save: func(w model.WhatIf) (*model.Profile, string, error) {
			saved = append(saved, w)
			p := samProfile()
			p.Situation.Savings = w.Situation.Savings
			return p, "private.toml", nil
		},
		Place: func(w model.WhatIf, _ string, situation bool) SavePlace {
			return SavePlace{File: "private.toml", Money: []string{"savings"}}
		},
	}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, ">S")
	text := c.Status().Text
	for _, want := range []string{"Write over [situation] in private.toml: savings $9,000 → $11,500;", "urgency stays derived (0.55 → 0.43)",
		"y writes, any other key cancels."} {
		if !strings.Contains(text, want) {
			t.Errorf("the question does not say %q:\n%s", want, text)
		}
	}
	press(d, "x")
	if len(saved) != 0 || !c.Unsaved() {
		t.Fatal("a key other than y wrote")
	}
	press(d, "Sy")
	if len(saved) != 1 || saved[0].Urgency != nil || *saved[0].Situation.Savings != 11500 {
		t.Fatalf("saved %+v", saved)
	}
	if c.Unsaved() || c.State().Urgency.Source != model.SourceDerived {
		t.Errorf("after the save the urgency is %s, what-ifs %v", c.State().Urgency.Source, c.Unsaved())
	}
}

// TestSaveWarnsOfMoneyGitTracks: a scenario with money bound for a file
// git tracks is not written until the user chose: the include git does
// not track (y), or that file anyway (w).
func TestSaveWarnsOfMoneyGitTracks(t *testing.T) {
	sv := &scenarioSaver{}
	hooks := Hooks{SaveScenario: sv.save, Place: func(model.WhatIf, string, bool) SavePlace {
		return SavePlace{File: "profile.toml", Money: []string{"savings"}, Repo: "/home/sam/dotfiles", Private: "private.toml"}
	}}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, ">slean")
	d.HandleKey(key(tcell.KeyEnter, 0))
	if sv.calls != 0 || !c.Asking() {
		t.Fatal("money went into a tracked file without a word")
	}
	text := c.Status().Text
	for _, want := range []string{"Git tracks profile.toml (in /home/sam/dotfiles)", "y: write it into private.toml instead", "w: into profile.toml anyway"} {
		if !strings.Contains(text, want) {
			t.Errorf("the warning does not say %q:\n%s", want, text)
		}
	}
	press(d, "y")
	if sv.calls != 1 || sv.file != "private.toml" || sv.name != "lean" {
		t.Fatalf("y saved %+v", sv)
	}
	press(d, ">slean2")
	d.HandleKey(key(tcell.KeyEnter, 0))
	press(d, "w")
	if sv.calls != 2 || sv.file != "profile.toml" {
		t.Fatalf("w saved %+v", sv)
	}
}

func TestReloadKeyAndStandingProblem(t *testing.T) {
	broken := true
	hooks := Hooks{Reload: func() (*model.Profile, error) {
		if broken {
			return nil, errors.New("private.toml:5:11: savings must be a number, not a string")
		}
		p := samProfile()
		p.Opportunities[0].Notes = "Fixed."
		return p, nil
	}}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	press(d, "R")
	text := screenText(drawOn(t, d, 100, 30))
	if !strings.Contains(text, "Showing the last good profile: private.toml:5:11") || !strings.Contains(text, "Acme Logistics") {
		t.Fatalf("a broken reload should keep the data and say why:\n%s", text)
	}
	press(d, "j") // the problem stands until it is fixed
	if !strings.Contains(d.Controller().Status().Text, "private.toml:5:11") {
		t.Errorf("the problem went away on a key press: %q", d.Controller().Status().Text)
	}
	broken = false
	press(d, "R")
	if st := d.Controller().Status().Text; st != "Fixed: the profile loads again, and is reloaded." {
		t.Errorf("after the fix the status is %q", st)
	}
	press(d, "k")
	if st := d.Controller().Status().Text; strings.Contains(st, "private.toml") {
		t.Errorf("the problem outlived its fix: %q", st)
	}
}

func TestReloadFromOutsideKeepsTheView(t *testing.T) {
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, Hooks{})
	press(d, "j+")
	p := samProfile()
	p.Opportunities[1].Notes = "They called back."
	if err := d.Reload(p); err != nil {
		t.Fatal(err)
	}
	text := screenText(drawOn(t, d, 100, 30))
	for _, want := range []string{"They called back.", "urgency 0.60 (what-if", "Profile reloaded."} {
		if !strings.Contains(text, want) {
			t.Errorf("after a reload the screen does not say %q:\n%s", want, text)
		}
	}
}

func TestPagesShowHelpAndDetails(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "?")
	text := screenText(drawOn(t, d, 100, 60))
	for _, b := range DefaultKeymap() {
		if !strings.Contains(text, b.Label()+" ") {
			t.Errorf("the help page does not list %q", b.Label())
		}
	}
	press(d, "?j")
	d.HandleKey(key(tcell.KeyEnter, 0))
	text = screenText(drawOn(t, d, 100, 60))
	for _, want := range []string{"Details: Globex", "Where the answer changes", "in money: Globex ahead while runway is above 4.5 months"} {
		if !strings.Contains(text, want) {
			t.Errorf("the details page does not say %q:\n%s", want, text)
		}
	}
}

func TestDetailPaneSaysWhatToAskAndWhereItChanges(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "jj") // Initech: the manager is unknown and has a floor
	screen := drawOn(t, d, 220, 80)
	text := screenText(screen)
	for _, want := range []string{
		"A manager I'd want to work with at least 2; rated 1–5: at risk",
		"ask: How do you give feedback to your team",
		"with Acme Logistics at urgency 0.26 (both 55.4): Initech (contract) ahead below",
		"31%",
		"income",
		"timeliness",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("details of Initech do not say %q:\n%s", want, text)
		}
	}
	press(d, "kk")
	if text := screenText(drawOn(t, d, 220, 80)); !strings.Contains(text, "Globex leads while runway is above 4.5 months (about $2,324 more savings).") {
		t.Errorf("the leader sentence is missing:\n%s", text)
	}
}

func TestMouseSelectsARow(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	screen := drawOn(t, d, 100, 30)
	y := -1
	for row, l := range screenLines(screen) {
		if strings.Contains(l, "Hooli") && strings.Contains(l, "║") {
			y = row
		}
	}
	if y < 0 {
		t.Fatal("no Hooli row")
	}
	ev := tcell.NewEventMouse(10, y, tcell.Button1, tcell.ModNone)
	if consumed, _ := d.MouseHandler()(tview.MouseLeftClick, ev, func(tview.Primitive) {}); !consumed {
		t.Fatal("the click was not consumed")
	}
	if c := d.Controller(); c.State().Assessments[c.Selected()].Name != "Hooli" {
		t.Errorf("selected %q", c.State().Assessments[c.Selected()].Name)
	}
}

// TestUnusualProfiles draws profiles at the edges: nothing to rank,
// everything closed or vetoed, income covering expenses (no runway to
// speak of), and more opportunities than the ranking can show.
func TestUnusualProfiles(t *testing.T) {
	many := samProfile()
	for k := 0; k < 30; k++ {
		o := many.Opportunities[k%4]
		o.Name = fmt.Sprintf("%s #%d", o.Name, k)
		many.Opportunities = append(many.Opportunities, o)
	}
	empty := samProfile()
	empty.Opportunities = nil
	closed := samProfile()
	for k := range closed.Opportunities {
		closed.Opportunities[k].Stage = model.StageWithdrawn
	}
	vetoed := samProfile()
	vetoed.Opportunities = vetoed.Opportunities[3:4]
	rich := samProfile()
	rich.Situation.MonthlyIncome = model.Float(5000)
	rich.Scenarios = nil
	for name, p := range map[string]*model.Profile{"many": many, "empty": empty, "closed": closed, "vetoed": vetoed, "rich": rich} {
		t.Run(name, func(t *testing.T) {
			d, _ := newTestDashboard(t, p, model.Request{}, false, Hooks{})
			for _, keys := range []string{"", "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj", "+-r][v", "?", "?", "d", "+d"} {
				press(d, keys)
				for _, size := range [][2]int{{100, 30}, {80, 24}, {60, 20}} {
					drawOn(t, d, size[0], size[1])
				}
				d.HandleKey(key(tcell.KeyEnter, 0))
				drawOn(t, d, 80, 24)
				d.HandleKey(key(tcell.KeyEscape, 0))
			}
			text := screenText(drawOn(t, d, 80, 24))
			switch name {
			case "many":
				if c := d.Controller(); !strings.Contains(text, nameOf(c.State(), c.Selected())) {
					t.Errorf("the selected row scrolled out of sight:\n%s", text)
				}
			case "empty":
				if !strings.Contains(text, "No opportunities yet") {
					t.Errorf("an empty profile does not say what to do:\n%s", text)
				}
			case "rich":
				if !strings.Contains(text, "runway unbounded") {
					t.Errorf("no burn: the header should say the runway is unbounded:\n%s", text)
				}
			}
		})
	}
}

// TestUndoOfASaveBringsTheWhatIfsBack: u after s takes the scenario out
// of the file and puts the screen back as it was before the save: the
// what-ifs in force again, no scenario, and the status says so.
func TestUndoOfASaveBringsTheWhatIfsBack(t *testing.T) {
	sv := &scenarioSaver{}
	hooks := Hooks{
		SaveScenario: sv.save,
		Undo:         func() (*model.Profile, string, error) { return samProfile(), "profile.toml", nil },
	}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, "+")
	want := c.State().Urgency.Value
	press(d, "s")
	press(d, "hurry")
	d.HandleKey(key(tcell.KeyEnter, 0))
	if sv.calls != 1 || c.ScenarioName() != "hurry" || c.State().Request.WhatIf.Urgency != nil {
		t.Fatalf("the save: calls %d, scenario %q, what-if %+v", sv.calls, c.ScenarioName(), c.State().Request.WhatIf)
	}
	press(d, "u")
	if c.ScenarioName() != "" || c.State().Request.WhatIf.Urgency == nil || c.State().Urgency.Value != want {
		t.Fatalf("after u: scenario %q, what-if %+v, urgency %v (want %v)", c.ScenarioName(), c.State().Request.WhatIf, c.State().Urgency.Value, want)
	}
	if st := c.Status().Text; !strings.Contains(st, "the what-ifs are back too") {
		t.Errorf("undo said %q", st)
	}
	if !c.Unsaved() {
		t.Error("the what-ifs brought back should count as unsaved again")
	}
}
