package cli

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// System is everything a run touches outside itself: the standard
// streams, the environment, the home directory, the clock, whether stdout
// is a terminal and how the dashboard is run on one. The root's main.go
// runs on the real one, [ProcessSystem]; tests build their own, so a whole
// run, dashboard included, happens in memory. Nothing in this package
// reaches for the process's streams or environment but through it.
type System struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Environ is the whole environment, as KEY=value lines, for the
	// programs a run starts (the dashboard's editor); nil lets them
	// inherit the process's own.
	Environ func() []string
	// Home is the user's home directory, "" when there is none.
	Home string
	Now  func() time.Time
	// StdoutIsTerminal reports whether stdout is a terminal: the
	// dashboard draws only then, and prints the ranking otherwise.
	StdoutIsTerminal bool
	// StderrIsTerminal reports whether stderr is a terminal: a command
	// that takes more than a second says there what it is doing.
	StderrIsTerminal bool
	// Dashboard runs the interactive dashboard on a loaded session:
	// TerminalDashboard on the real terminal; tests pass stand-ins.
	Dashboard func(System, *session, options) error
	// Version is what --version prints: the version main was built with
	// (-ldflags "-X main.version=…"), or "" for a build from a checkout,
	// which reports the development version and its VCS revision.
	Version string
}

// ProcessSystem is the real system, built from the process: its streams
// and environment, the user's home directory, the wall clock, whether
// stdout is a terminal, and the dashboard on that terminal. main.go runs
// on it, and so does the test binary when the scripts run it as mutual,
// so the two cannot drift apart. version is what --version prints (see
// [System.Version]).
func ProcessSystem(version string) System {
	home, _ := os.UserHomeDir()
	return System{
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		Environ:          os.Environ,
		Home:             home,
		Now:              time.Now,
		StdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		StderrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Dashboard:        TerminalDashboard,
		Version:          version,
	}
}
