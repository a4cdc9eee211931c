package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/bench/gen"
)

// BenchmarkRawPaste is a raw (unbracketed) paste of 1,000 characters into
// the name field of the New opportunity form on a 30-opportunity profile,
// through the real event loop on a simulated 120×40 screen: each key is a
// key event. "drawn" is the loop as tview runs it alone, a redraw after
// every key; "coalesced" runs on the pump, which draws once the queued
// keys are handled. The ratio of the two is the point.
func BenchmarkRawPaste(b *testing.B) {
	const n = 1000
	paste := keyEvents(strings.Repeat("x", n))
	for _, pumped := range []bool{false, true} {
		name := "drawn"
		if pumped {
			name = "coalesced"
		}
		b.Run(name, func(b *testing.B) {
			sys := quietSystem(b, io.Discard, io.Discard)
			s, opts := openOn(b, sys, "--profile", benchProfile(b, 30, 8), "--today", gen.Today)
			sim := tcell.NewSimulationScreen("UTF-8")
			var screen tcell.Screen = sim
			if pumped {
				screen = newEventPump(sim)
			}
			app := tview.NewApplication()
			app.SetScreen(screen)
			sim.SetSize(120, 40)
			done := make(chan error, 1)
			go func() { done <- dashboardRun{app: app, screen: screen, sys: sys}.run(s, opts) }()
			defer func() { stopper(app, screen).Stop(); <-done }()
			r := &simulatedRun{app: app, screen: sim, done: done}
			r.waitFor(b, "urgency")
			// Each round opens the form, pastes, and cancels: esc is
			// handled after the last key of the paste.
			keys := sim.(queuedScreen).EventQ()
			for b.Loop() {
				keys <- tcell.NewEventKey(tcell.KeyRune, 'a', tcell.ModNone)
				r.waitFor(b, "New opportunity")
				for _, ev := range paste {
					keys <- ev
				}
				keys <- tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone)
				r.waitFor(b, "Cancelled: nothing was written")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/key")
		})
	}
}
