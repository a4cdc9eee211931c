package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/bench/gen"
	"mutual/internal/trials"
)

// TestLargeProfileRanksInSeconds: a pipeline of 20,000 opportunities ×
// 40 priorities (8 MB of TOML) ranks, as JSON, in seconds; the everyday
// run tries 5,000 of them, the long run (MUTUAL_LONG=1) all 20,000. The
// bound is loose on purpose: bench/ measures the real budgets as ratios.
func TestLargeProfileRanksInSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and ranks a profile of thousands of opportunities")
	}
	n := trials.N(0, 5000, 20000)
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, gen.Profile(n, 40), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	start := time.Now()
	code := Run([]string{"rank", "--format", "json", "--today", gen.Today, "--profile", path}, quietSystem(t, &out, &errs))
	took := time.Since(start)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if took > 20*time.Second {
		t.Errorf("ranking %d opportunities took %v", n, took)
	}
	t.Logf("%d × 40 ranked in %v (%d bytes of JSON)", n, took, out.Len())
}

// TestTooLargeIsRefused: a profile over 16 MiB is refused by its size,
// before a byte of it is read into memory.
func TestTooLargeIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.toml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(17 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	for _, args := range [][]string{{"check", path}, {"rank", "--profile", path}} {
		var errs bytes.Buffer
		start := time.Now()
		if code := Run(args, quietSystem(t, io.Discard, &errs)); code != exitFailure {
			t.Errorf("%v: exit %d", args, code)
		}
		if !strings.Contains(errs.String(), "is larger than 16 MiB") || time.Since(start) > time.Second {
			t.Errorf("%v: %q after %v", args, errs.String(), time.Since(start))
		}
	}
}
