package cli

import (
	"sync"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// Stopping waits for the terminal's input to fall quiet for inputQuiet,
// but never longer than stopWait, before it finishes the screen.
const (
	inputQuiet = 50 * time.Millisecond
	stopWait   = 500 * time.Millisecond
)

// maxQueuedKeys is how many key events the pump holds for the event loop
// before it drops further keys (never a paste's start or end, a resize or
// a mouse event): a paste of 64K characters into a terminal program is a
// mistake, and holding every key of it would only cost memory.
const maxQueuedKeys = 1 << 16

// eventPump stands between the terminal's screen and the tview
// application. It takes each event from the screen the moment the screen
// makes it, and holds it until the application's loop asks for it.
//
// Why it is there: tcell turns the terminal's bytes into events on a
// goroutine that blocks while its event channel (256 events) is full, and
// tview moves them into a channel of its own (100 events) on a goroutine
// that takes the application's lock before each event. Application.Stop
// holds that lock while it calls Screen.Fini, and Fini waits for tcell's
// goroutines to end. With a few hundred keys still queued when q (or a
// signal) stops the dashboard, tcell's goroutine waits for room in its
// channel, tview's mover waits for the lock, and Stop waits for tcell:
// the dashboard never exits and the terminal stays in raw mode. The pump
// always empties tcell's channel, whatever the application is doing, so
// Fini returns and the terminal is restored; once the screen is finished
// it hands the application no more events.
//
// It also lets the application coalesce redraws (see coalesce): a draw is
// skipped while more input is waiting, and made once the queue is empty,
// so a raw paste of thousands of keys costs one redraw, not thousands.
type eventPump struct {
	queuedScreen

	mu sync.Mutex
	// queue holds the events the loop has not taken yet; keys counts the
	// key events in it.
	queue []tcell.Event
	keys  int
	// wake has a value when the queue may have grown.
	wake chan struct{}
	// finished is closed once Fini has returned: the pump stops.
	finished chan struct{}
	start    sync.Once
	finish   sync.Once

	// The coalescing of redraws (all nil or false until coalesce).
	coalescing bool
	// drawn is the key the pump hands the loop after the last event of a
	// burst: the loop's draw for it is the one made.
	drawn *tcell.EventKey
	// owed is true when events were handed out since the last drawn key;
	// inFlight counts drawn keys handed out and not yet seen by the loop;
	// pasting is true between a paste's start and its end, when tview
	// reads keys as text and a drawn key would be lost in it.
	owed     bool
	inFlight int
	pasting  bool
	// skipShow is set when a draw was skipped: the Show that follows it
	// would put a cleared screen on the terminal.
	skipShow bool

	// stopping is set once the dashboard is to end: events are dropped,
	// not queued. lastInput is when the screen last made an event.
	stopping  bool
	lastInput time.Time
	stopOnce  sync.Once
}

// queuedScreen is a tcell screen with its event channel in sight: both of
// tcell's screens (the terminal's and the simulated one) are.
type queuedScreen interface {
	tcell.Screen
	// EventQ is the channel the screen posts its events to.
	EventQ() chan tcell.Event
	// StopQ is closed when the screen is finished.
	StopQ() <-chan struct{}
}

// newEventPump wraps screen; the pump starts when the screen is
// initialised (tview's SetScreen does it). A screen whose events cannot
// be reached is returned as it is.
func newEventPump(screen tcell.Screen) tcell.Screen {
	q, ok := screen.(queuedScreen)
	if !ok {
		return screen
	}
	return &eventPump{queuedScreen: q, wake: make(chan struct{}, 1), finished: make(chan struct{})}
}

// Init initialises the screen and starts taking its events.
func (p *eventPump) Init() error {
	if err := p.queuedScreen.Init(); err != nil {
		return err
	}
	p.start.Do(func() { go p.run(p.queuedScreen.EventQ()) })
	return nil
}

// run moves every event the screen makes into the queue, until the screen
// is finished: while Fini waits for the screen's goroutines, they may
// still be posting events, and they must never wait for room.
func (p *eventPump) run(events <-chan tcell.Event) {
	for {
		select {
		case ev := <-events:
			p.push(ev)
		case <-p.finished:
			return
		}
	}
}

func (p *eventPump) push(ev tcell.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastInput = time.Now()
	if p.stopping {
		return
	}
	if _, ok := ev.(*tcell.EventKey); ok {
		if p.keys >= maxQueuedKeys {
			return
		}
		p.keys++
	}
	p.queue = append(p.queue, ev)
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// stopped reports whether the screen has been finished (or is being).
func (p *eventPump) stopped() bool {
	select {
	case <-p.queuedScreen.StopQ():
		return true
	default:
		return false
	}
}

// PollEvent hands the application's loop the next event, waiting for one;
// nil once the screen is finished, whatever is still queued (tview then
// ends its loop). When coalescing, the last event of a burst is followed
// by the pump's drawn key.
func (p *eventPump) PollEvent() tcell.Event {
	for {
		if p.stopped() {
			return nil
		}
		p.mu.Lock()
		if len(p.queue) > 0 {
			ev := p.queue[0]
			p.queue[0] = nil
			p.queue = p.queue[1:]
			switch ev := ev.(type) {
			case *tcell.EventKey:
				p.keys--
			case *tcell.EventPaste:
				p.pasting = ev.Start()
			}
			p.owed = true
			p.mu.Unlock()
			return ev
		}
		if p.coalescing && p.owed && !p.pasting {
			p.owed = false
			p.inFlight++
			p.mu.Unlock()
			return p.drawn
		}
		p.mu.Unlock()
		select {
		case <-p.wake:
		case <-p.queuedScreen.StopQ():
		}
	}
}

func (p *eventPump) isStopping() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopping
}

// HasPendingEvent reports whether an event is queued for the loop.
func (p *eventPump) HasPendingEvent() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue) > 0
}

// stop ends app, which runs on the pump, whatever is queued: the events
// still waiting are dropped (the keys of a paste behind q do nothing), and
// the screen is finished once the terminal's input has fallen quiet.
//
// The wait is there because tcell's reader of the terminal can itself be
// caught: it hands chunks of input to tcell's parser through a channel of
// ten, and when Fini stops the parser while that channel is full (a paste
// still arriving), the reader waits for room forever and so does Fini.
// Once no event has come for inputQuiet the channel is empty. stop
// returns at once: it may be called from the event loop (q) or from any
// goroutine (a signal); a second call does nothing.
func (p *eventPump) stop(app interface{ Stop() }) {
	p.stopOnce.Do(func() {
		p.mu.Lock()
		p.stopping = true
		clear(p.queue)
		p.queue, p.keys = nil, 0
		p.mu.Unlock()
		go func() {
			deadline := time.Now().Add(stopWait)
			for time.Now().Before(deadline) {
				p.mu.Lock()
				quiet := time.Since(p.lastInput) >= inputQuiet
				p.mu.Unlock()
				if quiet {
					break
				}
				time.Sleep(inputQuiet / 5)
			}
			app.Stop()
		}()
	})
}

// Fini finishes the screen, taking its events until it has, and then
// stops the pump.
func (p *eventPump) Fini() {
	p.queuedScreen.Fini()
	p.finish.Do(func() { close(p.finished) })
}

// busy reports whether a draw now would be followed by another: input is
// queued, or the drawn key is yet to come. Once busy, it stays busy until
// the loop takes the drawn key.
func (p *eventPump) busy() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.coalescing && (len(p.queue) > 0 || p.owed || p.inFlight > 0)
}

// Clear clears the screen, unless the draw it begins is to be skipped
// (tview clears before it asks whether to draw): the draw that is made
// clears it.
func (p *eventPump) Clear() {
	if !p.busy() {
		p.queuedScreen.Clear()
	}
}

// Show puts the drawn screen on the terminal, unless the draw was skipped.
func (p *eventPump) Show() {
	p.mu.Lock()
	skip := p.skipShow
	p.skipShow = false
	p.mu.Unlock()
	if !skip {
		p.queuedScreen.Show()
	}
}

// coalesce makes app skip its redraws while input is waiting, and keys
// that arrive after the screen was finished do nothing. tview draws after
// every key; the dashboard's draw costs a few milliseconds, so a raw
// paste of a few thousand characters would take seconds. app must run on
// the pump, and coalesce must be called before app.Run.
func (p *eventPump) coalesce(app *tview.Application) {
	p.mu.Lock()
	p.coalescing = true
	p.drawn = tcell.NewEventKey(tcell.KeyF64, 0, tcell.ModCtrl|tcell.ModAlt|tcell.ModShift|tcell.ModMeta)
	p.mu.Unlock()
	next := app.GetInputCapture()
	app.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		if ev == p.drawn {
			p.mu.Lock()
			p.inFlight--
			p.mu.Unlock()
			return nil // tview draws when a capture takes a key
		}
		if p.stopped() || p.isStopping() {
			return nil // the keys queued behind q do nothing
		}
		if next != nil {
			return next(ev)
		}
		return ev
	})
	before := app.GetBeforeDrawFunc()
	app.SetBeforeDrawFunc(func(screen tcell.Screen) bool {
		if p.busy() {
			p.mu.Lock()
			p.skipShow = true
			p.mu.Unlock()
			return true // a later draw, for the drawn key, will show it all
		}
		return before != nil && before(screen)
	})
}
