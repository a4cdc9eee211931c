package cli

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/profiles"
	"mutual/views"
	"mutual/views/report"
)

// cmdDashboard opens the dashboard, or prints the ranking table when
// stdout is not a terminal (piped into a file or another program).
func cmdDashboard(sys System, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	if !sys.StdoutIsTerminal {
		s.notes(sys)
		return report.WriteRank(sys.Stdout, s.state, s.reportInfo(opts), "table")
	}
	return sys.Dashboard(sys, s, opts)
}

// TerminalDashboard runs the interactive dashboard on the terminal: it is
// the System's Dashboard in a real run. It builds the screen and the
// application here, and passes them in, so tests can run the same code on
// a simulated screen (see dashboardRun).
func TerminalDashboard(sys System, s *session, opts options) error {
	// The terminal's type comes from the system, as everything else does
	// (tcell itself still reads a few settings of its own, such as
	// COLORTERM and LINES, from the process).
	ti, err := tcell.LookupTerminfo(sys.Getenv("TERM"))
	var screen tcell.Screen
	if err == nil {
		screen, err = tcell.NewTerminfoScreenFromTtyTerminfo(nil, ti)
	}
	if err != nil {
		return &failure{msg: "cannot draw the dashboard on this terminal: " + err.Error(),
			hint: "run 'mutual rank' to print the ranking instead"}
	}
	// The pump keeps tcell's input flowing whatever the event loop does,
	// so a quit with a paste still queued ends (see eventPump).
	pump := newEventPump(screen)
	app := tview.NewApplication()
	app.SetScreen(pump)

	// A kill or a closed terminal ends the loop the way q does, so the
	// terminal is restored rather than left in the dashboard's mode.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGHUP, os.Interrupt)
	stopped := make(chan os.Signal, 1)
	go func() {
		if sig, ok := <-signals; ok {
			stopped <- sig
			stopper(app, pump).Stop()
		}
	}()
	defer func() {
		signal.Stop(signals)
		close(signals)
	}()

	err = dashboardRun{app: app, screen: pump, sys: sys}.run(s, opts)
	select {
	case sig := <-stopped:
		return &failure{msg: "the dashboard was stopped by a signal (" + sig.String() + ")"}
	default:
	}
	return err
}

// dashboardRun is one run of the dashboard: the application and screen it
// runs on, and the system it reads the environment from, runs the editor
// on and reports a crash to.
type dashboardRun struct {
	app    *tview.Application
	screen tcell.Screen
	sys    System
	// hooks, when not nil, replace the hooks the run would offer (tests
	// use it to reach the crash path).
	hooks *views.Hooks
}

// run shows the session's profile until the user quits. A panic anywhere
// in the event loop restores the terminal and becomes a short message
// with exit code 1; the stack goes to stderr only when MUTUAL_DEBUG is set.
func (r dashboardRun) run(s *session, opts options) (err error) {
	styles := views.NewStyles(r.sys.Getenv("NO_COLOR") != "")
	// tview reads its theme when a widget is made: the terminal's own
	// background, not tview's black.
	tview.Styles = styles.Theme()
	r.app.EnablePaste(true).EnableMouse(opts.mouse)
	if p, ok := r.screen.(*eventPump); ok {
		p.coalesce(r.app)
	}

	live := &liveProfile{s: s, app: r.app, sys: r.sys}
	hooks := live.hooks()
	if r.hooks != nil {
		hooks = *r.hooks
	}
	d, err := views.NewDashboard(stopper(r.app, r.screen), &s.loaded.Profile, s.request, views.Options{
		Info: s.reportInfo(opts), Example: s.example, Styles: styles, Status: startStatus(s),
		Later: func(f func()) { go r.app.QueueUpdateDraw(f) },
	}, hooks)
	if err != nil {
		r.screen.Fini()
		return &failure{msg: err.Error()}
	}
	r.app.SetRoot(d, true)
	if stop := live.watch(d); stop != nil {
		defer stop()
	}

	defer func() {
		p := recover()
		if p == nil {
			return
		}
		r.app.Stop()
		r.screen.Fini()
		if r.sys.Getenv("MUTUAL_DEBUG") != "" {
			fmt.Fprintf(r.sys.Stderr, "panic: %v\n\n%s\n", p, debug.Stack())
		}
		err = &failure{
			msg: "the dashboard stopped on an internal error (the terminal is restored; your profile is untouched)",
			hint: "this is a bug in mutual: please report it as an issue in mutual's repository (see 'Reporting a bug' in the README), " +
				"with what you pressed and the output of 'mutual --version'; MUTUAL_DEBUG=1 adds the details",
		}
	}()
	return r.app.Run()
}

// stopper is how the dashboard's q ends app: through the pump when app
// runs on one, so that a quit with input still queued ends (see
// eventPump.stop), else app's own Stop.
func stopper(app *tview.Application, screen tcell.Screen) views.Application {
	if p, ok := screen.(*eventPump); ok {
		return stopFunc(func() { p.stop(app) })
	}
	return app
}

// stopFunc is a function that stops the dashboard.
type stopFunc func()

// Stop calls f.
func (f stopFunc) Stop() { f() }

// startStatus is the status line's first message: the profile's warnings,
// which the dashboard would otherwise hide behind the screen.
func startStatus(s *session) views.Status {
	text := warningLine(s.loaded.Warnings, func(file string) string { return file })
	if text == "" {
		return views.Status{}
	}
	return views.Status{Kind: views.StatusWarn, Text: text}
}

// warningLine is a profile's warnings in one line for the status line, as
// the dashboard opens and after every reload: the first, with its file
// (named by short) and line and its hint, and how many more there are;
// "" when there are none.
func warningLine(ws []profiles.Diagnostic, short func(string) string) string {
	if len(ws) == 0 {
		return ""
	}
	w := ws[0]
	w.Warning = false // "Warning: " says it, once
	if w.File != "" {
		w.File = short(w.File)
	}
	text := "Warning: " + w.String()
	if len(ws) > 1 {
		text += fmt.Sprintf(" (and %d more: 'mutual check' lists them)", len(ws)-1)
	}
	if w.Hint != "" {
		text += "; hint: " + w.Hint
	}
	return text
}
