package cli

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"mutual/internal/golden"
)

// TestMain lets the test binary double as the mutual command, so the
// scripts under testdata/script run the real program end to end.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"mutual": mutualMain})
}

// mutualMain is the root's main function, which a test cannot import:
// the same system main.go builds, from the process, handed to Run, and
// the process exited with its code. Only the version differs: a test
// binary reports the development version, as a build from a checkout does.
func mutualMain() {
	os.Exit(Run(os.Args[1:], ProcessSystem("")))
}

// TestScripts runs the command-line scripts. Their expected outputs live
// inside the .txtar files; `go test -update` rewrites them.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       golden.Updating(),
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits CODE PROG ARGS... runs a program and checks its exit code.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROG [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("bad exit code %q", args[0])
				}
				code := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("%v", err)
					}
					code = ee.ExitCode()
				}
				if code != want {
					ts.Fatalf("exit code %d, want %d", code, want)
				}
			},
			// mode PERM FILE checks a file's permission bits.
			"mode": func(ts *testscript.TestScript, neg bool, args []string) {
				fi, err := os.Stat(ts.MkAbs(args[1]))
				if err != nil {
					ts.Fatalf("%v", err)
				}
				if got := strconv.FormatUint(uint64(fi.Mode().Perm()), 8); got != args[0] {
					ts.Fatalf("%s has mode %s, want %s", args[1], got, args[0])
				}
			},
		},
	})
}
