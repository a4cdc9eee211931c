package profiles

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/model"
)

// seedCorpus adds every profile under testdata as a fuzz seed.
func seedCorpus(f *testing.F) {
	for _, dir := range []string{"testdata/profiles/bad", "testdata/profiles/good"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(Starter))
	f.Add(example)
	// The compliance suite, and the kind of document that once hid deep
	// brackets from the depth guard behind a string's closing quotes.
	suiteDocs, _ := filepath.Glob("testdata/toml-test/*/*/*.toml")
	for _, n := range suiteDocs {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`a = ["""x"""", ` + strings.Repeat("[", 100) + "\n"))
	f.Add([]byte(`a = ['''x'''', ` + strings.Repeat("[", 100) + "\n"))
}

// FuzzLoad feeds arbitrary bytes to the loader: it must answer with a
// profile or a *Error whose every diagnostic has a message and a file,
// never panic; and whatever loads must evaluate to finite numbers.
func FuzzLoad(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		l, err := Parse("fuzz.toml", data)
		if d := time.Since(start); d > time.Second {
			t.Fatalf("loading %d bytes took %v", len(data), d)
		}
		if err != nil {
			pe, ok := err.(*Error)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, d := range pe.Diagnostics {
				if d.Message == "" || d.File == "" {
					t.Fatalf("empty diagnostic %+v", d)
				}
			}
			return
		}
		checkEvaluates(t, &l.Profile)
	})
}

func checkEvaluates(t *testing.T, p *model.Profile) {
	t.Helper()
	for _, sc := range append([]model.Scenario{{}}, p.Scenarios...) {
		s, err := model.Evaluate(p, model.Request{Today: model.NewDate(2026, 11, 25), Scenario: sc.Name})
		if err != nil {
			t.Fatalf("Evaluate: %v", err)
		}
		finite := func(what string, v float64) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s is %v", what, v)
			}
		}
		finite("urgency", s.Urgency.Value)
		for _, a := range s.Assessments {
			finite("fit", a.Fit.Value)
			finite("relief", a.Relief.Value)
			if a.Fit.Value < -1e-9 || a.Fit.Value > 100+1e-9 || a.Relief.Value < -1e-9 || a.Relief.Value > 100+1e-9 {
				t.Fatalf("out of 0..100: fit %v relief %v", a.Fit.Value, a.Relief.Value)
			}
		}
		for k := 1; k < len(s.Ranked); k++ {
			if s.Ranked[k].Score > s.Ranked[k-1].Score+1e-9 {
				t.Fatalf("ranking out of order: %+v", s.Ranked)
			}
		}
		for _, c := range s.LeaderChanges {
			if !(c.Urgency > 0 && c.Urgency < 1) {
				t.Fatalf("leader change outside (0, 1): %+v", c)
			}
		}
		for _, sp := range s.RunwayLeaders() {
			finite("runway span", sp.From)
		}
	}
}

// FuzzSetKey edits arbitrary TOML: an edit either is refused or changes
// exactly the one value (setKey checks that itself by parsing; this makes
// sure the check and the index never panic, and that text outside the
// edited line survives byte for byte).
func FuzzSetKey(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := string(data)
		for _, c := range []struct {
			table, key string
			value      any
		}{{"situation", "urgency", 0.65}, {"situation", "savings", 1234.5}, {"situation", "insured", true}, {"", "version", int64(1)}} {
			out, err := setKey(src, c.table, c.key, c.value)
			if err != nil {
				continue
			}
			// Whatever came before the first changed byte is untouched, and
			// so is whatever came after the last one.
			i := 0
			for i < len(src) && i < len(out) && src[i] == out[i] {
				i++
			}
			j := 0
			for j < len(src)-i && j < len(out)-i && src[len(src)-1-j] == out[len(out)-1-j] {
				j++
			}
			changed := out[i : len(out)-j]
			if strings.Count(changed, "\n") > 4 {
				t.Fatalf("an edit of one value changed several lines: %q", changed)
			}
		}
		if _, err := appendBlock(src, "scenario", []string{"name", "savings"}, []any{"fuzz", 1.0}); err == nil {
			return
		}
	})
}

// FuzzTextIndex feeds arbitrary text to the key index, valid TOML or not:
// it must never panic, every span it records must lie in the text, and
// the TOML 1.0 table rules must read any index without panicking.
func FuzzTextIndex(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ix := newTextIndex(string(data))
		for _, e := range ix.entries {
			if e.keyStart > e.keyEnd || e.valStart > e.valEnd || e.valEnd > len(data) {
				t.Fatalf("bad span %+v in %d bytes", e, len(data))
			}
			ix.position(e.valEnd)
		}
		tableRules(ix)
	})
}
