package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/views"
)

// exampleSession opens the built-in example as `mutual --today 2026-11-25`
// does for a user with no profile.
func exampleSession(t *testing.T, args ...string) (*session, options) {
	t.Helper()
	s, opts := firstSession(t, args)
	if !s.example {
		t.Fatal("the session did not open the built-in example")
	}
	return s, opts
}

// simulatedRun is the dashboard running its real event loop on a
// simulated w×h screen.
type simulatedRun struct {
	app    *tview.Application
	screen tcell.SimulationScreen
	stderr bytes.Buffer
	done   chan error
}

func startDashboard(t *testing.T, w, h int, env map[string]string, hooks *views.Hooks, args ...string) *simulatedRun {
	t.Helper()
	s, opts := exampleSession(t, args...)
	return startSession(t, s, opts, w, h, env, hooks)
}

// startSession runs the dashboard's real event loop on a session.
func startSession(t *testing.T, s *session, opts options, w, h int, env map[string]string, hooks *views.Hooks) *simulatedRun {
	t.Helper()
	r := &simulatedRun{app: tview.NewApplication(), screen: tcell.NewSimulationScreen("UTF-8"), done: make(chan error, 1)}
	// The run goes through the pump, as on a terminal.
	pump := newEventPump(r.screen)
	r.app.SetScreen(pump)
	r.screen.SetSize(w, h)
	sys := System{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &r.stderr, Getenv: func(k string) string { return env[k] }}
	run := dashboardRun{app: r.app, screen: pump, sys: sys, hooks: hooks}
	go func() { r.done <- run.run(s, opts) }()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			r.app.Stop()
			<-r.done
		}
	})
	return r
}

// text reads the screen from inside the event loop, where drawing happens.
func (r *simulatedRun) text() string {
	var out string
	r.app.QueueUpdate(func() { out = screenText(r.screen) })
	return out
}

// waitFor waits until the screen shows want.
func (r *simulatedRun) waitFor(t testing.TB, want string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		text := r.text()
		if strings.Contains(text, want) {
			return text
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q:\n%s", want, text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (r *simulatedRun) typeKeys(keys string) {
	for _, c := range keys {
		r.screen.InjectKey(tcell.KeyRune, c, tcell.ModNone)
	}
}

// resize changes the screen's size as a terminal would.
func (r *simulatedRun) resize(w, h int) {
	r.app.QueueUpdate(func() { r.screen.SetSize(w, h) })
	r.app.QueueEvent(tcell.NewEventResize(w, h))
}

// finished waits for the run to end and returns its error.
func (r *simulatedRun) finished(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("the dashboard did not stop")
	}
	return nil
}

// screenText reads the screen back as text, one line a row, trailing
// spaces removed; a wide character counts once.
func screenText(screen tcell.Screen) string {
	w, h := screen.Size()
	var b strings.Builder
	for y := 0; y < h; y++ {
		var row strings.Builder
		for x := 0; x < w; {
			str, _, width := screen.Get(x, y)
			row.WriteString(str)
			x += max(width, 1)
		}
		b.WriteString(strings.TrimRight(row.String(), " ") + "\n")
	}
	return b.String()
}

// TestDashboardSmoke runs the real application loop on a simulated
// screen: it types +, q and y and reads the screen, as a user would.
func TestDashboardSmoke(t *testing.T) {
	r := startDashboard(t, 100, 30, nil, nil)
	r.waitFor(t, "urgency 0.55 (derived: runway 3.6 months, uninsured)")
	r.typeKeys("+")
	r.waitFor(t, "urgency 0.60 (what-if")
	r.resize(20, 8)
	r.waitFor(t, "Terminal too")
	r.resize(80, 24)
	r.waitFor(t, "Ranking at urgency 0.60")
	r.typeKeys("q")
	r.waitFor(t, "q or y quits")
	r.typeKeys("y")
	if err := r.finished(t); err != nil {
		t.Fatalf("the dashboard ended with %v", err)
	}
}

// TestDashboardDecidePage opens the decide page on the real event loop,
// follows a savings what-if on it (the advice and the header's Advice line
// move with the money), survives resizes down to the minimum and back,
// and closes it to find the ranking again.
func TestDashboardDecidePage(t *testing.T) {
	r := startDashboard(t, 100, 30, nil, nil)
	r.waitFor(t, "Advice: Accept Acme Logistics by 2026-12-01")
	r.typeKeys("d")
	r.waitFor(t, "Acme Logistics (respond by 2026-12-01): ACCEPT")
	r.typeKeys(">>>>>")
	r.waitFor(t, "Acme Logistics (respond by 2026-12-01): DECLINE: let it lapse to wait for Globex")
	r.waitFor(t, "Advice: Decline the offer from Acme Logistics and search on")
	r.resize(60, 20)
	r.waitFor(t, "│Advice: Decline the offer from Acme Logistics and")
	r.resize(20, 8)
	r.waitFor(t, "Terminal too")
	r.resize(80, 24)
	r.waitFor(t, "Decide: what to do today")
	r.screen.InjectKey(tcell.KeyEscape, 0, tcell.ModNone)
	r.waitFor(t, "Ranking at urgency")
	r.typeKeys("qy")
	if err := r.finished(t); err != nil {
		t.Fatalf("the dashboard ended with %v", err)
	}
}

// TestViewsFixtureIsTheExample draws the real built-in example and
// compares it with the golden screen the views package draws from its
// hand-written copy of the example, so the two cannot drift apart.
func TestViewsFixtureIsTheExample(t *testing.T) {
	r := startDashboard(t, 100, 30, nil, nil)
	got := r.waitFor(t, "urgency 0.55")
	want, err := os.ReadFile(filepath.Join("..", "..", "views", "testdata", "screens", "example-urgency-0.55-100x30.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the built-in example draws differently from views' copy of it; if the example changed, update "+
			"samProfile in views/fixture_test.go and run go test ./views -update\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDashboardFlags(t *testing.T) {
	r := startDashboard(t, 100, 30, nil, nil, "--urgency", "0.2", "--scenario", "severance lands")
	text := r.waitFor(t, "urgency 0.20 (set by --urgency")
	if !strings.Contains(text, `scenario 1/3 "severance lands"`) {
		t.Errorf("the header does not show the scenario:\n%s", text)
	}
}

// TestDashboardCrashRestoresTheTerminal makes a key panic: the terminal
// must be restored and the user told, in one short message, that it is a
// bug and where to report it; the stack only with MUTUAL_DEBUG.
func TestDashboardCrashRestoresTheTerminal(t *testing.T) {
	for _, debug := range []bool{false, true} {
		env := map[string]string{}
		if debug {
			env["MUTUAL_DEBUG"] = "1"
		}
		hooks := &views.Hooks{Edit: func(int) (*model.Profile, error) { panic("boom") }}
		r := startDashboard(t, 80, 24, env, hooks)
		r.waitFor(t, "urgency 0.55")
		r.typeKeys("e")
		err := r.finished(t)
		var f *failure
		if !errors.As(err, &f) || !strings.Contains(f.msg, "internal error") || !strings.Contains(f.hint, "report") {
			t.Fatalf("debug=%v: err = %#v, want a failure that asks for a report", debug, err)
		}
		if w, h := r.screen.Size(); w != 0 || h != 0 {
			t.Errorf("debug=%v: the screen was not finalised (%d×%d)", debug, w, h)
		}
		stack := strings.Contains(r.stderr.String(), "goroutine")
		if stack != debug {
			t.Errorf("debug=%v: stack on stderr is %v:\n%s", debug, stack, r.stderr.String())
		}
	}
}
