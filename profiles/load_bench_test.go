package profiles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"

	"mutual/bench/gen"
)

// BenchmarkLoad loads the generated 2,000 × 30 profile; compare its ns/op
// and B/op with BenchmarkLoadFloor, a bare decode of the same file into
// generic maps, which every load pays first.
func BenchmarkLoad(b *testing.B) {
	path := writeBenchProfile(b, 2000, 30)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFloor(b *testing.B) {
	path := writeBenchProfile(b, 2000, 30)
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

func writeBenchProfile(b *testing.B, opportunities, priorities int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "profile.toml")
	if err := os.WriteFile(path, gen.Profile(opportunities, priorities), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// TestGeneratedProfileLoads keeps the benchmark's generator honest: what
// it writes is a valid profile with no warnings, so the benchmarks time
// the ordinary path, not the error path.
func TestGeneratedProfileLoads(t *testing.T) {
	l, err := Parse("generated.toml", gen.Profile(50, 12))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) > 0 {
		t.Fatalf("warnings: %v", l.Warnings)
	}
	if got := len(l.Profile.Opportunities); got != 50 {
		t.Fatalf("%d opportunities, want 50", got)
	}
}
