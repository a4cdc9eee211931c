package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=…"; builds
// from a checkout report the VCS revision instead.
var version = "0.1.0-dev"

// Main runs mutual on the process's own arguments and exits with its code.
// It is the old main function, kept whole while the package moves; the
// next change hands the wiring back to the root's main.go.
func Main() {
	os.Exit(run(os.Args[1:], realSystem()))
}

// system is everything a run touches outside itself, so tests can replace
// all of it.
type system struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	home           string
	now            func() time.Time
	// stdoutIsTerminal reports whether stdout is a terminal (the dashboard
	// draws only then).
	stdoutIsTerminal bool
	// dashboard runs the interactive dashboard; tests replace it.
	dashboard func(*session, options) error
}

func realSystem() system {
	home, _ := os.UserHomeDir()
	return system{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, home: home, now: time.Now,
		stdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		dashboard:        runDashboard,
	}
}

func run(args []string, sys system) (code int) {
	opts, err := parseArgs(args, sys)
	if err != nil {
		return report(sys, err)
	}
	if opts.version {
		fmt.Fprintln(sys.stdout, "mutual", buildVersion())
		return exitOK
	}
	if opts.help {
		fmt.Fprint(sys.stdout, helpText(opts.command))
		return exitOK
	}
	cmd := commandByName(opts.command)
	if err := cmd.run(sys, opts); err != nil {
		return report(sys, err)
	}
	return exitOK
}

func buildVersion() string {
	if version != "0.1.0-dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return version
	}
	if dirty {
		rev += "+dirty"
	}
	return version + " (" + rev + ")"
}
