package cli

import (
	"path/filepath"
	"testing"

	"mutual/internal/golden"
)

// TestBreakEvensGolden pins what every command says would change the
// answer on a close call (testdata/breakevens/close.toml): the weight
// flips, the break-even pay in each opportunity's own period, how sure
// each place is, the pay nobody has given (relief counts no income, and
// the pay question is asked with the rest), and a scenario's weights.
// Run `go test -update` to rewrite the files, then read the diff.
func TestBreakEvensGolden(t *testing.T) {
	profile := filepath.Join("testdata", "breakevens", "close.toml")
	cases := []struct {
		name string
		args []string
	}{
		{"rank", []string{"rank"}},
		{"rank.json", []string{"rank", "--format", "json"}},
		{"rank.csv", []string{"rank", "--format", "csv"}},
		{"rank-growth-first", []string{"rank", "--scenario", "growth first"}},
		{"explain-offer", []string{"explain", "offer a"}},
		{"explain-quiet", []string{"explain", "quiet"}},
		{"prep-final", []string{"prep", "final b"}},
		{"prep-quiet", []string{"prep", "quiet"}},
		{"decide", []string{"decide"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append(c.args, "--profile", profile, "--today", "2026-11-25")
			code, out, errs := runMutual(t, args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			golden.Check(t, filepath.Join("testdata", "breakevens", "close."+c.name+".golden"), out)
		})
	}
}
