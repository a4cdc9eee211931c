package cli

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
)

// TestEveryBrokenProfileEveryCommand runs check, rank and the dashboard on
// every broken profile of the corpus: each must exit 1 within a second
// with a message that starts with "mutual:", names the file and the line,
// gives a hint, and shows neither a panic nor a stack trace.
func TestEveryBrokenProfileEveryCommand(t *testing.T) {
	dir, err := filepath.Abs("../../profiles/testdata/profiles/bad")
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	if len(names) < 40 {
		t.Fatalf("only %d broken profiles", len(names))
	}
	t.Chdir(dir)
	for _, path := range names {
		name := filepath.Base(path)
		for _, args := range [][]string{{"check", name}, {"rank", "--profile", name}, {"--profile", name}, {"explain", "x", "--profile", name}} {
			var stdout, stderr bytes.Buffer
			dashboardRan := false
			sys := System{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
				Getenv: func(string) string { return "" }, Home: t.TempDir(), Now: time.Now,
				StdoutIsTerminal: true,
				Dashboard: func(System, *session, options) error {
					dashboardRan = true
					return nil
				}}
			start := time.Now()
			code := Run(args, sys)
			took := time.Since(start)
			what := strings.Join(args, " ")
			if code != exitFailure || dashboardRan {
				t.Errorf("mutual %s: exit %d (dashboard ran: %v), want 1", what, code, dashboardRan)
			}
			if took > time.Second {
				t.Errorf("mutual %s took %v", what, took)
			}
			msg := stderr.String()
			if !strings.HasPrefix(msg, "mutual: ") || !strings.Contains(msg, strings.TrimSuffix(name, ".toml")) && !strings.Contains(msg, "includes/") {
				t.Errorf("mutual %s: the message does not name the file:\n%s", what, msg)
			}
			if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine") {
				t.Errorf("mutual %s: %s", what, msg)
			}
			// Each error names its line and says how to fix it, unless
			// what is wrong is a table that is not there at all (or the
			// line is the count of those left for the next run).
			if !strings.Contains(msg, "\nhint: ") {
				t.Errorf("mutual %s: no hint:\n%s", what, msg)
			}
			for _, l := range strings.Split(msg, "\n") {
				if rest, ok := strings.CutPrefix(l, "mutual: "); ok && !strings.HasPrefix(rest, "warning: ") &&
					!placed.MatchString(rest) && !strings.Contains(rest, ": the profile has no ") && !strings.Contains(rest, " more problems") {
					t.Errorf("mutual %s: an error without its line: %s", what, l)
				}
			}
		}
	}
}

// placed is how an error names its place: file:line, or file:line:column.
var placed = regexp.MustCompile(`^[^:\s]+\.(toml|txt):\d+(:\d+)?: `)

// TestKeyStorm types hundreds of random keys into the real event loop,
// resizing down to 1×1 and back between them: the dashboard must survive
// and still quit cleanly.
func TestKeyStorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 7))
	r := startDashboard(t, 100, 30, nil, nil)
	r.waitFor(t, "urgency 0.55")
	keys := []rune("jk+-=r[]v?nyRsex 0123456789qQ/\\<>")
	specials := []tcell.Key{tcell.KeyEnter, tcell.KeyTab, tcell.KeyBacktab, tcell.KeyEscape, tcell.KeyUp, tcell.KeyDown,
		tcell.KeyLeft, tcell.KeyRight, tcell.KeyPgUp, tcell.KeyPgDn, tcell.KeyHome, tcell.KeyEnd, tcell.KeyF1, tcell.KeyBackspace}
	sizes := [][2]int{{1, 1}, {2, 2}, {10, 5}, {59, 19}, {60, 20}, {80, 24}, {100, 30}, {300, 100}, {0, 0}}
	for i := 0; i < 600; i++ {
		switch n := rng.IntN(20); {
		case n == 0:
			sz := sizes[rng.IntN(len(sizes))]
			r.resize(sz[0], sz[1])
		case n < 4:
			r.screen.InjectKey(specials[rng.IntN(len(specials))], 0, tcell.ModNone)
		default:
			k := keys[rng.IntN(len(keys))]
			if k == 'q' || k == 'Q' {
				continue // quitting is the end of the storm, below
			}
			r.screen.InjectKey(tcell.KeyRune, k, tcell.ModNone)
		}
	}
	r.resize(100, 30)
	r.text() // the loop has drained the keys
	r.screen.InjectKey(tcell.KeyEscape, 0, tcell.ModNone)
	r.screen.InjectKey(tcell.KeyCtrlC, 0, tcell.ModNone)
	if err := r.finished(t); err != nil {
		t.Fatalf("after the storm: %v (stderr %s)", err, r.stderr.String())
	}
}

// TestEverySuiteDocumentIsNormalInput runs check and rank on every invalid
// document of the TOML compliance suite (vendored under profiles/testdata):
// each exits 1 within a second, names the file and the line of the
// mistake, and gives a hint; never a panic.
func TestEverySuiteDocumentIsNormalInput(t *testing.T) {
	dir, err := filepath.Abs("../../profiles/testdata/toml-test/invalid")
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*", "*.toml"))
	if len(names) < 400 {
		t.Fatalf("only %d invalid documents", len(names))
	}
	line := regexp.MustCompile(`(?m)^mutual: ([^:\n]+\.toml):(\d+)(:\d+)?: \S`)
	for _, path := range names {
		for _, args := range [][]string{{"check", path}, {"rank", "--profile", path}} {
			var stdout, stderr bytes.Buffer
			sys := System{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
				Getenv: func(string) string { return "" }, Home: t.TempDir(), Now: time.Now}
			start := time.Now()
			code := Run(args, sys)
			if took := time.Since(start); took > time.Second {
				t.Errorf("mutual %s took %v", args[0], took)
			}
			msg := stderr.String()
			m := line.FindStringSubmatch(msg)
			if code != exitFailure || m == nil || m[1] != path || !strings.Contains(msg, "\nhint: ") ||
				strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine") {
				t.Errorf("mutual %s %s: exit %d, want 1 with file:line and a hint:\n%s", args[0], path, code, msg)
			}
		}
	}
}
