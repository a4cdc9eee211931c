package profiles

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
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

// nestingBefore is nesting as it was before it was made faster, kept to
// prove the two agree.
func nestingBefore(src string) (int, int) {
	depth, deepest, at, line := 0, 0, 0, 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			line++
		case '"', '\'':
			delim := src[i : i+1]
			if strings.HasPrefix(src[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			i += len(delim)
			for i < len(src) && !strings.HasPrefix(src[i:], delim) {
				if src[i] == '\\' && c == '"' {
					i++
				} else if src[i] == '\n' {
					line++
					if len(delim) == 1 {
						break
					}
				}
				i++
			}
			i += len(delim) - 1
		case '[', '{':
			depth++
			if depth > deepest {
				deepest, at = depth, line
			}
		case ']', '}':
			depth--
		}
	}
	return deepest, at
}

func TestNestingUnchanged(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob("testdata/profiles/*/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(data))
	}
	inputs = append(inputs, string(gen.Profile(20, 5)))
	r := rand.New(rand.NewPCG(7, 7))
	const alphabet = "\"'\\\n#[]{}a= "
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		d1, l1 := nesting(in)
		d2, l2 := nestingBefore(in)
		if d1 != d2 || l1 != l2 {
			t.Fatalf("nesting(%q) = %d, %d; before it was %d, %d", in, d1, l1, d2, l2)
		}
	}
}
