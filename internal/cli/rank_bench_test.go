package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"

	"mutual/bench/gen"
)

// The in-process half of bench/run.sh: `mutual rank --format json` on the
// generated 2,000 × 30 profile, from the command line to the last byte,
// against its floor, a bare decode of the same file into generic maps.
// Compare the two ns/op; bench/run.sh measures the same as whole processes.

func benchProfile(b *testing.B, opportunities, priorities int) string {
	return benchFile(b, gen.Profile(opportunities, priorities))
}

// benchFile writes a generated profile to a file of the benchmark's own.
func benchFile(b *testing.B, data []byte) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "profile.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchRank runs `mutual rank --format json` on the profile at path,
// once a loop.
func benchRank(b *testing.B, path string) {
	sys := quietSystem(b, io.Discard, io.Discard)
	args := []string{"rank", "--format", "json", "--profile", path, "--today", gen.Today}
	b.ReportAllocs()
	for b.Loop() {
		if code := Run(args, sys); code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
}

func BenchmarkRankJSON(b *testing.B) { benchRank(b, benchProfile(b, 2000, 30)) }

func BenchmarkRankJSONFloor(b *testing.B) {
	path := benchProfile(b, 2000, 30)
	b.ReportAllocs()
	for b.Loop() {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var doc map[string]any
		if _, err := toml.Decode(string(data), &doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRankJSONLedger is BenchmarkRankJSON on the same profile with
// 40 dated entries ([[income]] and [[cash]]): what the ledger costs rank
// (bench/run.sh holds it to 1.15× rank without them).
func BenchmarkRankJSONLedger(b *testing.B) {
	benchRank(b, benchFile(b, gen.ProfileWithLedger(2000, 30, 40)))
}
