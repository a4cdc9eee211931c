package cli

import (
	"io"
	"strings"
	"testing"
	"time"
)

// quietSystem is a System for tests and benchmarks: nothing to read, no
// environment, a home of its own, and its output where the caller says.
func quietSystem(tb testing.TB, stdout, stderr io.Writer) System {
	return System{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
		Getenv: func(string) string { return "" }, Home: tb.TempDir(), Now: time.Now}
}

// openQuiet opens a session the way `mutual ARGS` does, on a quiet
// system whose environment is env.
func openQuiet(tb testing.TB, env map[string]string, args ...string) (*session, options) {
	tb.Helper()
	sys := quietSystem(tb, io.Discard, io.Discard)
	sys.Getenv = func(k string) string { return env[k] }
	return openOn(tb, sys, args...)
}

// openOn opens a session on sys the way `mutual ARGS` does.
func openOn(tb testing.TB, sys System, args ...string) (*session, options) {
	tb.Helper()
	opts, err := parseArgs(args, sys)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := open(sys, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return s, opts
}
