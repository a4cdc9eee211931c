// Command mutual weighs job opportunities by fit against the urgency of
// needing a paycheck, and shows at what urgency, runway and savings the
// answer would change.
//
// This file is wiring only: it builds the real system (the process's
// streams and environment, the home directory, the clock, whether stdout
// is a terminal, the dashboard on that terminal) and hands the command
// line to the command layer, internal/cli, whose package doc is the map
// of the commands. The exit code is the command layer's answer.
package main

import (
	"os"
	"time"

	"golang.org/x/term"

	"mutual/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=…"; left
// empty, mutual reports the development version and its VCS revision.
var version string

func main() {
	home, _ := os.UserHomeDir()
	os.Exit(cli.Run(os.Args[1:], cli.System{
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		Environ:          os.Environ,
		Home:             home,
		Now:              time.Now,
		StdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		StderrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		Dashboard:        cli.TerminalDashboard,
		Version:          version,
	}))
}
