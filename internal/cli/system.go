package cli

import (
	"io"
	"time"
)

// System is everything a run touches outside itself: the standard
// streams, the environment, the home directory, the clock, whether stdout
// is a terminal and how the dashboard is run on one. The root's main.go
// builds the real one from the process; tests build their own, so a whole
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
