package cli

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"mutual/internal/golden"
	"mutual/model"
	"mutual/profiles"
)

// testSystem is a System with no config directory and a fixed clock, so
// that with no --profile the built-in example opens.
func testSystem(t *testing.T, stdout, stderr *bytes.Buffer) System {
	home := t.TempDir()
	return System{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
		Getenv: func(string) string { return "" }, Home: home,
		Now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
}

func runMutual(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = Run(args, testSystem(t, &out, &errs))
	return code, out.String(), errs.String()
}

// TestDecideAndPrepGolden pins the decide and prep output for the story
// profile, the built-in example and a profile of hostile names. Run
// `go test -update` to rewrite the files, then read the diff.
func TestDecideAndPrepGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"example.decide", []string{"decide", "--today", "2026-11-25"}},
		{"example.decide.json", []string{"decide", "--format", "json", "--today", "2026-11-25"}},
		{"example.prep-globex", []string{"prep", "globex", "--today", "2026-11-25"}},
		{"example.prep-initech", []string{"prep", "initech", "--today", "2026-11-25"}},
		{"example.decide-lose-the-shifts", []string{"decide", "--scenario", "lose the shifts", "--today", "2026-11-25"}},
		{"example.decide-urgency", []string{"decide", "--urgency", "0.9", "--today", "2026-11-25"}},
		{"story.decide", []string{"decide", "--profile", "testdata/decide/story.toml", "--today", "2026-03-02"}},
		{"story.decide.json", []string{"decide", "--profile", "testdata/decide/story.toml", "--format", "json", "--today", "2026-03-02"}},
		{"story.prep-bright", []string{"prep", "bright", "--profile", "testdata/decide/story.toml", "--today", "2026-03-02"}},
		{"story.prep-steady", []string{"prep", "steady", "--profile", "testdata/decide/story.toml", "--today", "2026-03-02"}},
		{"late.decide", []string{"decide", "--profile", "testdata/decide/late.toml", "--today", "2026-12-08"}},
		{"names.decide", []string{"decide", "--profile", "testdata/decide/names.toml", "--today", "2026-11-25"}},
		{"names.decide.json", []string{"decide", "--profile", "testdata/decide/names.toml", "--format", "json", "--today", "2026-11-25"}},
		{"names.prep-evil", []string{"prep", "evil", "--profile", "testdata/decide/names.toml", "--today", "2026-11-25"}},
		{"names.rank.json", []string{"rank", "--profile", "testdata/decide/names.toml", "--format", "json", "--today", "2026-11-25"}},
		{"names.log.json", []string{"log", "--profile", "testdata/decide/names.toml", "--format", "json", "--today", "2026-11-25"}},
		{"broke.decide", []string{"decide", "--profile", "testdata/decide/broke.toml", "--today", "2026-12-01"}},
		{"broke.decide.json", []string{"decide", "--profile", "testdata/decide/broke.toml", "--format", "json", "--today", "2026-12-01"}},
		{"broke.prep-northwind", []string{"prep", "northwind", "--profile", "testdata/decide/broke.toml", "--today", "2026-12-01"}},
		{"comfortable.decide", []string{"decide", "--profile", "testdata/decide/comfortable.toml", "--today", "2026-12-01"}},
		{"comfortable.decide.json", []string{"decide", "--profile", "testdata/decide/comfortable.toml", "--format", "json", "--today", "2026-12-01"}},
		{"twooffers.decide", []string{"decide", "--profile", "testdata/decide/twooffers.toml", "--today", "2026-12-01"}},
		{"twooffers.decide.json", []string{"decide", "--profile", "testdata/decide/twooffers.toml", "--format", "json", "--today", "2026-12-01"}},
		{"twooffers.prep-maple", []string{"prep", "maple", "--profile", "testdata/decide/twooffers.toml", "--today", "2026-12-01"}},
		{"exploding.decide", []string{"decide", "--profile", "testdata/decide/exploding.toml", "--today", "2026-12-01"}},
		{"exploding.decide.json", []string{"decide", "--profile", "testdata/decide/exploding.toml", "--format", "json", "--today", "2026-12-01"}},
		{"exploding.prep-quill", []string{"prep", "quill", "--profile", "testdata/decide/exploding.toml", "--today", "2026-12-01"}},
		{"exploding.explain-quill", []string{"explain", "quill", "--profile", "testdata/decide/exploding.toml", "--today", "2026-12-01"}},
		{"warehouse.decide", []string{"decide", "--profile", "testdata/decide/warehouse.toml", "--today", "2026-12-07"}},
		{"warehouse.decide.json", []string{"decide", "--profile", "testdata/decide/warehouse.toml", "--format", "json", "--today", "2026-12-07"}},
		{"bonus.decide.json", []string{"decide", "--profile", "testdata/decide/bonus.toml", "--format", "json", "--today", "2026-12-07"}},
		{"bonus.prep-warehouse", []string{"prep", "warehouse", "--profile", "testdata/decide/bonus.toml", "--today", "2026-12-07"}},
		{"warehouse.explain-warehouse", []string{"explain", "warehouse", "--profile", "testdata/decide/warehouse.toml", "--today", "2026-12-07"}},
		{"employed.decide", []string{"decide", "--profile", "testdata/decide/employed.toml", "--today", "2026-12-07"}},
		{"employed.decide.json", []string{"decide", "--profile", "testdata/decide/employed.toml", "--format", "json", "--today", "2026-12-07"}},
		{"burned.decide", []string{"decide", "--profile", "testdata/decide/burned.toml", "--today", "2026-12-07"}},
		{"burned.decide.json", []string{"decide", "--profile", "testdata/decide/burned.toml", "--format", "json", "--today", "2026-12-07"}},
		{"insured.decide", []string{"decide", "--profile", "testdata/decide/insured.toml", "--today", "2026-12-07"}},
		{"employed.rank", []string{"rank", "--profile", "testdata/decide/employed.toml", "--today", "2026-12-07"}},
		{"employed.explain-current", []string{"explain", "current job", "--profile", "testdata/decide/employed.toml", "--today", "2026-12-07"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runMutual(t, c.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x202e) {
				t.Errorf("raw control characters reached the output")
			}
			golden.Check(t, filepath.Join("testdata", "decide", c.name+".golden"), out)
		})
	}
}

func TestDecideAndPrepUsage(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"decide writes no csv", []string{"decide", "--format", "csv"}, exitUsage, "'mutual decide' does not write --format csv"},
		{"decide writes no markdown", []string{"decide", "--format", "markdown"}, exitUsage, "hint: use one of: table, json"},
		{"decide takes no arguments", []string{"decide", "acme"}, exitUsage, "'mutual decide' takes no arguments"},
		{"prep needs a name", []string{"prep"}, exitUsage, "'mutual prep' takes the NAME of an opportunity"},
		{"prep takes no --format", []string{"prep", "acme", "--format", "json"}, exitUsage, "--format does not apply to 'mutual prep'"},
		{"prep of nobody", []string{"prep", "nobody"}, exitFailure, `no opportunity named "nobody"`},
		{"decide with a missing profile", []string{"decide", "--profile", "testdata/decide/nope.toml"}, exitFailure, "no such file"},
		{"decide with an unknown scenario", []string{"decide", "--scenario", "nope"}, exitFailure, `no scenario named "nope"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runMutual(t, c.args...)
			if code != c.code || !strings.Contains(errs, c.stderr) || !strings.HasPrefix(errs, "mutual: ") {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, c.code, c.stderr)
			}
		})
	}
}

// TestStoryAdviceFlipsAsSavingsFall follows the story profile's offer as
// the savings run down, were she insured: let lapse while the runway is
// long, to wait for the better process, then, once the savings are low
// enough, accepted. Each answer holds over one stretch of savings.
// (Uninsured, as the profile says, she accepts Steady Co at any savings up
// to $200,000: it insures her while she searches from it and keeps Bright
// Labs alive, and a month without coverage costs uninsured_cost.)
func TestStoryAdviceFlipsAsSavingsFall(t *testing.T) {
	l, err := profiles.Load("testdata/decide/story.toml")
	if err != nil {
		t.Fatal(err)
	}
	var seen []model.Advice
	for savings := 60000.0; savings >= 500; savings -= 500 {
		s, err := model.Evaluate(&l.Profile, model.Request{Today: model.NewDate(2026, 3, 2),
			WhatIf: model.WhatIf{Situation: model.Situation{Savings: model.Float(savings), Insured: model.Bool(true)}}})
		if err != nil {
			t.Fatal(err)
		}
		d := model.Decide(s)
		if len(d.Offers) != 1 {
			t.Fatalf("%d offers advised, want Steady Co's", len(d.Offers))
		}
		o := d.Offers[0]
		if o.Advice != model.AdviceAccept && (o.WaitingFor < 0 || s.Assessments[o.WaitingFor].Name != "Bright Labs") {
			t.Errorf("at %v holding out for %d, want Bright Labs", savings, o.WaitingFor)
		}
		if len(seen) == 0 || seen[len(seen)-1] != o.Advice {
			seen = append(seen, o.Advice)
		}
	}
	// Bright Labs decides after Steady Co's deadline, so the offer cannot
	// be held for it: with savings it lapses, without them it is taken.
	// Taken, it keeps Bright Labs alive (the bridge): it lapses only above
	// about $16,750 of savings.
	if want := []model.Advice{model.AdviceDecline, model.AdviceAccept}; !slices.Equal(seen, want) {
		t.Errorf("as savings fall the advice runs %v, want %v", seen, want)
	}
}
