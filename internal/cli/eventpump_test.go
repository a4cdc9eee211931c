package cli

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// floodedTerminal is a simulated screen that finishes as tcell's terminal
// screen does: its input goroutine posts each event into the event
// channel and waits while the channel is full, and Fini closes the
// screen's stop channel and then waits for that goroutine to end.
type floodedTerminal struct {
	tcell.SimulationScreen
	stopInput chan struct{}
	inputDone chan struct{}
}

func newFloodedTerminal() *floodedTerminal {
	return &floodedTerminal{SimulationScreen: tcell.NewSimulationScreen("UTF-8"),
		stopInput: make(chan struct{}), inputDone: make(chan struct{})}
}

// flood posts events from an input goroutine of the screen's own, one
// after the other, each waiting for room, until they are all posted or
// the screen is finished.
func (t *floodedTerminal) flood(events []tcell.Event) {
	go func() {
		defer close(t.inputDone)
		for _, ev := range events {
			select {
			case <-t.stopInput:
				return
			default:
			}
			t.EventQ() <- ev // tcell's parser posts without a look at quit
		}
		<-t.stopInput
	}()
}

func (t *floodedTerminal) EventQ() chan tcell.Event {
	return t.SimulationScreen.(queuedScreen).EventQ()
}

func (t *floodedTerminal) StopQ() <-chan struct{} {
	return t.SimulationScreen.(queuedScreen).StopQ()
}

func (t *floodedTerminal) Fini() {
	t.SimulationScreen.Fini()
	close(t.stopInput)
	<-t.inputDone
}

// keyEvents are the keys of text, as a raw paste delivers them.
func keyEvents(text string) []tcell.Event {
	evs := make([]tcell.Event, 0, len(text))
	for _, r := range text {
		evs = append(evs, tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone))
	}
	return evs
}

// TestQuitWithInputQueued stops the dashboard while a thousand keys of a
// paste are still queued behind the stop: by q inside the paste, and by a
// signal (the same stop, from another goroutine) in the middle of it. The
// dashboard must end within a second and finish its screen. Without the
// pump, tview's Stop waits for the screen's input goroutine, which waits
// for room in a channel nobody reads: it never ends.
func TestQuitWithInputQueued(t *testing.T) {
	paste := strings.Repeat("jk", 500)
	for _, tc := range []struct {
		name   string
		keys   string
		signal bool
	}{
		{"q inside a paste", "jjq" + paste, false},
		{"q after a paste", paste + "q", false},
		{"a signal during a paste", paste + paste + paste, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term, pump, app, r := pumpedExample(t)
			done := r.done

			term.flood(keyEvents(tc.keys))
			start := time.Now()
			if tc.signal {
				time.Sleep(time.Millisecond)
				stopper(app, pump).Stop()
			}
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("the dashboard ended with %v", err)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("the dashboard did not end with input queued")
			}
			if took := time.Since(start); took > time.Second {
				t.Errorf("the dashboard took %v to end, want under a second", took)
			}
			if w, h := term.Size(); w != 0 || h != 0 {
				t.Errorf("the screen was not finished (%d×%d)", w, h)
			}
		})
	}
}

// TestRawPasteIsDrawnOnce pastes a thousand keys raw (each a key event)
// and counts the draws made while they are handled: the pump draws when
// the queue is empty, so a burst costs a few draws, not a thousand.
// BenchmarkRawPaste measures what that saves.
func TestRawPasteIsDrawnOnce(t *testing.T) {
	term, _, app, r := pumpedExample(t)
	var draws int
	app.QueueUpdate(func() { app.SetAfterDrawFunc(func(tcell.Screen) { draws++ }) })

	term.flood(keyEvents(strings.Repeat("j", 1000) + "q"))
	if err := r.finished(t); err != nil {
		t.Fatalf("the dashboard ended with %v", err)
	}
	if draws > 50 {
		t.Errorf("a paste of 1,000 keys was drawn %d times, want a few", draws)
	}
	t.Logf("a paste of 1,000 keys was drawn %d times", draws)
}

// pumpedExample runs the built-in example's dashboard on an event pump over
// a flooded terminal of 100×30, as the terminal dashboard runs, and waits
// for its first screen.
func pumpedExample(t *testing.T) (*floodedTerminal, tcell.Screen, *tview.Application, *simulatedRun) {
	t.Helper()
	s, opts := exampleSession(t)
	term := newFloodedTerminal()
	pump := newEventPump(term)
	app := tview.NewApplication()
	app.SetScreen(pump)
	term.SetSize(100, 30)
	sys := System{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() { done <- dashboardRun{app: app, screen: pump, sys: sys}.run(s, opts) }()
	r := &simulatedRun{app: app, screen: term.SimulationScreen, done: done}
	r.waitFor(t, "urgency 0.55")
	return term, pump, app, r
}
