package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/views/report"
)

// This file has the helpers that draw widgets on a simulated screen and
// read it back, the way gdu tests its views.

// fakeApp stands in for the tview application: it counts Stop calls.
type fakeApp struct{ stopped int }

func (a *fakeApp) Stop() { a.stopped++ }

// exampleInfo names the example the way the command line does.
func exampleInfo() report.Info {
	return report.Info{Profile: "(built-in example)", Today: exampleToday()}
}

// newTestDashboard returns a dashboard on the example (or on p, when not
// nil) for req, and its stand-in application.
func newTestDashboard(t *testing.T, p *model.Profile, req model.Request, noColor bool, hooks Hooks) (*Dashboard, *fakeApp) {
	t.Helper()
	example := p == nil
	if example {
		p = samProfile()
	}
	if req.Today.IsZero() {
		req.Today = exampleToday()
	}
	app := &fakeApp{}
	d, err := NewDashboard(app, p, req, Options{Info: exampleInfo(), Example: example, Styles: NewStyles(noColor)}, hooks)
	if err != nil {
		t.Fatal(err)
	}
	return d, app
}

// drawOn draws p on a fresh simulated screen of w×h cells and returns it.
func drawOn(t testing.TB, p tview.Primitive, w, h int) tcell.SimulationScreen {
	t.Helper()
	screen := tcell.NewSimulationScreen("UTF-8")
	if err := screen.Init(); err != nil {
		t.Fatal(err)
	}
	screen.SetSize(w, h)
	p.SetRect(0, 0, w, h)
	p.Draw(screen)
	return screen
}

// screenLines reads the screen back as text, one string a row, trailing
// spaces removed; a wide character counts once.
func screenLines(screen tcell.Screen) []string {
	w, h := screen.Size()
	lines := make([]string, h)
	for y := 0; y < h; y++ {
		var b strings.Builder
		for x := 0; x < w; {
			str, _, width := screen.Get(x, y)
			b.WriteString(str)
			x += max(width, 1)
		}
		lines[y] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// screenText is the whole screen as text.
func screenText(screen tcell.Screen) string { return strings.Join(screenLines(screen), "\n") + "\n" }

// press sends each rune of keys to the dashboard as a key press.
func press(d *Dashboard, keys string) {
	for _, r := range keys {
		d.HandleKey(key(tcell.KeyRune, r))
	}
}
