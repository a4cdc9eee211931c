package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/golden"
)

// The profile of the editing commands' tests: public priorities in a
// dotfiles repo, private numbers and the opportunities in an include.
const editPublic = `# Public: what I care about.
version = 1
include = ["private.toml"]

[[priority]]
id = "fit" # the only thing
label = "Uses my strengths"
weight = 2

[[priority]]
id = "manager"
weight = 1
`

const editPrivate = `# Private numbers.
[situation]
savings = 9000      # after rent
monthly_expenses = 3100

[[opportunity]]
name = "Acme Logistics"
stage = "applied"   # sent 2 Nov
history = [{ stage = "applied", on = 2026-11-02 }]
pay = 52000
[opportunity.ratings]
fit = 3

# the second
[[opportunity]]
name = "Globex"
stage = "interviewing"
ratings.fit = 4
`

// editLayout is a dotfiles layout: the profile to name, the file that
// holds the opportunities, and its mode.
type editLayout struct {
	name  string
	build func(t *testing.T) (profile, holder string)
	mode  os.FileMode
}

func editLayouts() []editLayout {
	return []editLayout{
		// GNU stow: the profile is a relative link into the repo, the
		// private include a plain file beside the link.
		{"stow", func(t *testing.T) (string, string) {
			root := t.TempDir()
			repo := filepath.Join(root, "dotfiles", "mutual")
			cfg := filepath.Join(root, "home", ".config", "mutual")
			must(t, os.MkdirAll(repo, 0o755))
			must(t, os.MkdirAll(cfg, 0o700))
			must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(editPublic), 0o644))
			must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(editPrivate), 0o640))
			must(t, os.Symlink(filepath.Join("..", "..", "..", "dotfiles", "mutual", "profile.toml"), filepath.Join(cfg, "profile.toml")))
			return filepath.Join(cfg, "profile.toml"), filepath.Join(cfg, "private.toml")
		}, 0o640},
		// stow with the opportunities in the linked file itself: the save
		// lands in the repo and the link stays a link.
		{"stow-link", func(t *testing.T) (string, string) {
			root := t.TempDir()
			repo := filepath.Join(root, "dotfiles", "mutual")
			cfg := filepath.Join(root, "home", ".config", "mutual")
			must(t, os.MkdirAll(repo, 0o755))
			must(t, os.MkdirAll(cfg, 0o700))
			whole := strings.Replace(editPublic, "include = [\"private.toml\"]\n", "", 1) + "\n" + editPrivate
			must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(whole), 0o644))
			must(t, os.Symlink(filepath.Join("..", "..", "..", "dotfiles", "mutual", "profile.toml"), filepath.Join(cfg, "profile.toml")))
			return filepath.Join(cfg, "profile.toml"), filepath.Join(repo, "profile.toml")
		}, 0o644},
		// chezmoi (and yadm): plain files in the config directory.
		{"chezmoi", func(t *testing.T) (string, string) {
			cfg := filepath.Join(t.TempDir(), "home", ".config", "mutual")
			must(t, os.MkdirAll(cfg, 0o700))
			must(t, os.WriteFile(filepath.Join(cfg, "profile.toml"), []byte(editPublic), 0o600))
			must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(editPrivate), 0o600))
			return filepath.Join(cfg, "profile.toml"), filepath.Join(cfg, "private.toml")
		}, 0o600},
	}
}

// editRun runs mutual with a fixed clock and no environment.
func editRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	sys := System{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs,
		Getenv: func(string) string { return "" }, Home: t.TempDir(),
		Now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}
	code := Run(args, sys)
	return code, out.String(), errs.String()
}

// TestEditingCommands runs rate, stage and add on each dotfiles layout:
// the file that holds the opportunity changes by exactly the lines meant,
// keeps its mode, the profile's link stays a link, and nothing else in the
// tree changes.
func TestEditingCommands(t *testing.T) {
	steps := []struct {
		args []string
		out  string
		edit func(string) string
	}{
		{[]string{"rate", "acme", "manager", "2-4"}, "Acme Logistics: manager 2-4 (was unknown)",
			func(s string) string { return strings.Replace(s, "fit = 3\n", "fit = 3\nmanager = [2, 4]\n", 1) }},
		{[]string{"rate", "Acme Logistics", "Uses my strengths", "5"}, "Acme Logistics: fit 5 (was 3)",
			func(s string) string { return strings.Replace(s, "fit = 3\n", "fit = 5\n", 1) }},
		{[]string{"rate", "globex", "fit", "unknown"}, "Globex: fit unknown (was 4)",
			func(s string) string { return strings.Replace(s, "ratings.fit = 4\n", "", 1) }},
		{[]string{"stage", "acme", "interviewing", "--today", "2026-11-20"}, "Acme Logistics: applied → interviewing on 2026-11-20",
			func(s string) string {
				s = strings.Replace(s, `stage = "applied"   # sent 2 Nov`, `stage = "interviewing" # sent 2 Nov`, 1)
				return strings.Replace(s, `{ stage = "applied", on = 2026-11-02 }]`, `{ stage = "applied", on = 2026-11-02 }, { stage = "interviewing", on = 2026-11-20 }]`, 1)
			}},
		{[]string{"stage", "Globex", "final"}, "Globex: interviewing → final on 2026-11-25",
			func(s string) string {
				return strings.Replace(s, "stage = \"interviewing\"\n", "stage = \"final\"\nhistory = [{ stage = \"final\", on = 2026-11-25 }]\n", 1)
			}},
		{[]string{"add", "Initech Remote", "--stage", "applied", "--pay", "4,500", "--per", "month", "--starts", "2027-01-04",
			"--respond-by", "2026-12-10", "--decision-expected", "2026-12-05", "--insurance"}, "added Initech Remote (applied on 2026-11-25)",
			func(s string) string {
				return s + "\n[[opportunity]]\nname = \"Initech Remote\"\nstage = \"applied\"\npay = 4500\nper = \"month\"\nstarts = 2027-01-04\n" +
					"respond_by = 2026-12-10\ndecision_expected = 2026-12-05\ninsurance = true\nhistory = [{ stage = \"applied\", on = 2026-11-25 }]\n"
			}},
	}
	for _, lay := range editLayouts() {
		t.Run(lay.name, func(t *testing.T) {
			profile, holder := lay.build(t)
			root := filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(profile))))
			holder, _ = filepath.EvalSymlinks(holder)
			linkKind := lkind(t, profile)
			want := read(t, holder)
			for _, st := range steps {
				before := snapshot(t, root)
				code, out, errs := editRun(t, append(st.args, "--profile", profile)...)
				if code != 0 {
					t.Fatalf("%v: exit %d\n%s", st.args, code, errs)
				}
				if !strings.HasPrefix(out, st.out) {
					t.Errorf("%v said %q, want it to begin %q", st.args, out, st.out)
				}
				want = st.edit(want)
				if got := read(t, holder); got != want {
					t.Fatalf("%v: the file is\n%s\nwant\n%s", st.args, got, want)
				}
				after := snapshot(t, root)
				for p, c := range before {
					if real, _ := filepath.EvalSymlinks(p); real != holder && p != holder && after[p] != c {
						t.Errorf("%v changed %s", st.args, p)
					}
				}
				if len(after) != len(before) {
					t.Errorf("%v left files behind: %v", st.args, keys(after))
				}
			}
			if fi, _ := os.Stat(holder); fi.Mode().Perm() != lay.mode {
				t.Errorf("mode %v, want %v kept", fi.Mode().Perm(), lay.mode)
			}
			if k := lkind(t, profile); k != linkKind {
				t.Errorf("the profile was %v and is %v now", linkKind, k)
			}
			// The profile still loads clean, and log lists the moves.
			if code, _, errs := editRun(t, "check", "--strict", profile); code != 0 {
				t.Errorf("check after the edits: %d\n%s", code, errs)
			}
			_, out, _ := editRun(t, "log", "--profile", profile)
			for _, line := range []string{"2026-11-02  Acme Logistics  applied", "2026-11-20  Acme Logistics  interviewing", "2026-11-25  Globex          final",
				"2026-11-25  Initech Remote  applied"} {
				if !strings.Contains(out, line) {
					t.Errorf("log has no line %q:\n%s", line, out)
				}
			}
		})
	}
}

func lkind(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(p)
	must(t, err)
	return fi.Mode().Type()
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	must(t, err)
	return string(b)
}

// TestEditingCommandsRefuseBadInput: every kind of bad input exits 1 with
// what is wrong and a hint, and writes nothing at all.
func TestEditingCommandsRefuseBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"rate", "Acme", "fit", "9"}, `"9" is outside 1..5`},
		{[]string{"rate", "Acme", "fit", "4-2"}, "runs backwards"},
		{[]string{"rate", "Acme", "fit", "high"}, `"high" is not a rating`},
		{[]string{"rate", "Acme", "fitt", "3"}, `did you mean "fit"?`},
		{[]string{"rate", "Acmee Logistic", "fit", "3"}, `did you mean "Acme Logistics"?`},
		{[]string{"rate", "o", "fit", "3"}, "matches more than one opportunity"},
		{[]string{"stage", "Acme", "intervewing"}, `did you mean "interviewing"?`},
		{[]string{"stage", "Nope", "final"}, `no opportunity named "Nope"`},
		{[]string{"add", "acme logistics"}, `the profile has "Acme Logistics" already`},
		{[]string{"add", "New", "--pay", "lots"}, `--pay: "lots" is not an amount`},
		{[]string{"add", "New", "--pay", "20", "--per", "hour"}, "--hours-per-week: pay by the hour needs the hours a week"},
		{[]string{"add", "New", "--per", "week"}, `--per: "week" is not a pay period`},
		{[]string{"add", "New", "--starts", "next monday"}, `--starts: "next monday" is not a date`},
		{[]string{"add", "New", "--stage", "hired"}, `--stage: "hired" is not a stage`},
		{[]string{"rate", "Acme", "fit", ""}, `is empty; nothing was written`},
	}
	for _, lay := range editLayouts() {
		for _, c := range cases {
			t.Run(lay.name+"/"+strings.Join(c.args, " "), func(t *testing.T) {
				profile, _ := lay.build(t)
				root := filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(profile))))
				before := snapshot(t, root)
				code, _, errs := editRun(t, append(c.args, "--profile", profile)...)
				if code != 1 {
					t.Errorf("exit %d, want 1\n%s", code, errs)
				}
				if !strings.Contains(errs, c.want) || !strings.Contains(errs, "hint: ") || !strings.HasPrefix(errs, "mutual: ") {
					t.Errorf("stderr is\n%s\nwant %q and a hint", errs, c.want)
				}
				after := snapshot(t, root)
				if len(after) != len(before) {
					t.Errorf("files appeared: %v", keys(after))
				}
				for p, content := range before {
					if after[p] != content {
						t.Errorf("%s was written", p)
					}
				}
			})
		}
	}
	// No profile at all: nothing to write into, and the example is not one.
	code, _, errs := editRun(t, "stage", "Acme", "final")
	if code != 1 || !strings.Contains(errs, "mutual init") {
		t.Errorf("with no profile: %d\n%s", code, errs)
	}
}

// TestLogGolden pins mutual log in each of its formats on a profile with
// moves and one opportunity due a follow-up.
func TestLogGolden(t *testing.T) {
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile.toml")
	text := strings.Replace(editPublic, "include = [\"private.toml\"]\n", "", 1) + "\n" + editPrivate +
		"history = [{ stage = \"applied\", on = 2026-10-30 }, { stage = \"interviewing\", on = 2026-11-21 }]\n" +
		"\n[[opportunity]]\nname = \"Quiet Co\"\nstage = \"applied\"\n"
	must(t, os.WriteFile(profile, []byte(text), 0o600))
	for _, format := range []string{"table", "csv", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := editRun(t, "log", "--profile", profile, "--format", format, "--today", "2026-11-25")
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			out = strings.ReplaceAll(out, dir, "DIR")
			golden.Check(t, filepath.Join("testdata", "log", "log."+format+".golden"), out)
		})
	}
}

// TestCompletionKnowsTheEditingCommands: the scripts complete rate's
// opportunity and priority, stage's opportunity and stage, and
// complete-names lists the priorities.
func TestCompletionKnowsTheEditingCommands(t *testing.T) {
	for shell, script := range map[string]string{"bash": bashCompletion(), "zsh": zshCompletion(), "fish": fishCompletion()} {
		for _, want := range []string{"priorities", "interviewing", "rate", "stage", "add", "log", "--respond-by"} {
			if !strings.Contains(script, want) {
				t.Errorf("the %s script has no %q", shell, want)
			}
		}
	}
	profile, _ := editLayouts()[0].build(t)
	code, out, errs := editRun(t, "complete-names", "priorities", "--profile", profile, "--", "m")
	if code != 0 || out != "manager\n" {
		t.Errorf("complete-names priorities m: %d %q %s", code, out, errs)
	}
}

// TestFollowUpInRank: an application with no move for follow_up_days is
// flagged follow up in rank's FLAGS and its JSON; one with a recent move,
// or none written, is not; [search] follow_up_days moves the line.
func TestFollowUpInRank(t *testing.T) {
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile.toml")
	text := strings.Replace(editPublic, "include = [\"private.toml\"]\n", "", 1) + "\n" + editPrivate +
		"history = [{ stage = \"interviewing\", on = 2026-11-21 }]\n\n[[opportunity]]\nname = \"Quiet Co\"\nstage = \"applied\"\n"
	must(t, os.WriteFile(profile, []byte(text), 0o600))
	_, out, _ := editRun(t, "rank", "--profile", profile, "--today", "2026-11-25")
	if l := lineOf(out, "Acme Logistics"); !strings.Contains(l, "  follow up: applied, no move since 2026-11-02 (23 days)") {
		t.Errorf("Acme is not flagged:\n%s", out)
	}
	for _, name := range []string{"Globex", "Quiet Co"} {
		if l := lineOf(out, name); strings.Contains(l, "follow up") {
			t.Errorf("%s is flagged: %s", name, l)
		}
	}
	_, out, _ = editRun(t, "rank", "--profile", profile, "--today", "2026-11-25", "--format", "json")
	if !strings.Contains(out, `"follow_up": {`) || !strings.Contains(out, `"last_move": "2026-11-02"`) || !strings.Contains(out, `"days": 23`) {
		t.Errorf("rank json has no follow_up for Acme:\n%s", out)
	}
	must(t, os.WriteFile(profile, []byte(strings.Replace(text, "[situation]", "[search]\nfollow_up_days = 30\n\n[situation]", 1)), 0o600))
	_, out, errs := editRun(t, "rank", "--profile", profile, "--today", "2026-11-25")
	if strings.Contains(out, "follow up") {
		t.Errorf("with follow_up_days = 30 nothing is due:\n%s\n%s", out, errs)
	}
}

func lineOf(text, part string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// TestEditingCommandsRefuseWhatWouldGoWrong: the mistakes a person makes
// at a shell are refused before anything is written: words after add's
// NAME (a value that lost its flag), a flag whose value is another flag,
// a negative rating (read as the value it is, not as a flag), a move dated before the last one in
// the history, and a file its owner locked read-only.
func TestEditingCommandsRefuseWhatWouldGoWrong(t *testing.T) {
	lay := editLayouts()[0]
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add", "Hooli", "50000"}, 2, "did you mean mutual add Hooli --pay 50000?"},
		{[]string{"add", "Wayne", "Enterprises"}, 2, `quote a name of several words: mutual add "Wayne Enterprises"`},
		{[]string{"add", "New", "--pay", "--stage", "lead"}, 2, "flag --pay needs a value"},
		{[]string{"rate", "Acme", "fit", "-1"}, 1, `"-1" is outside 1..5`},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			profile, _ := lay.build(t)
			root := filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(profile))))
			before := snapshot(t, root)
			code, _, errs := editRun(t, append(c.args, "--profile", profile)...)
			if code != c.code || !strings.Contains(errs, c.want) || !strings.Contains(errs, "hint: ") {
				t.Errorf("exit %d, stderr\n%s\nwant exit %d and %q with a hint", code, errs, c.code, c.want)
			}
			for p, content := range before {
				if snapshot(t, root)[p] != content {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
	t.Run("a move dated before the last", func(t *testing.T) {
		profile, _ := lay.build(t)
		if code, _, errs := editRun(t, "stage", "Acme", "final", "--today", "2026-12-05", "--profile", profile); code != 0 {
			t.Fatalf("the first move: exit %d\n%s", code, errs)
		}
		code, _, errs := editRun(t, "stage", "Acme", "accepted", "--today", "2026-12-03", "--profile", profile)
		if code != 1 || !strings.Contains(errs, "last moved on 2026-12-05") {
			t.Errorf("exit %d, stderr\n%s", code, errs)
		}
	})
	t.Run("a read-only file", func(t *testing.T) {
		profile, private := lay.build(t)
		for _, f := range []string{profile, private} {
			real, err := filepath.EvalSymlinks(f)
			must(t, err)
			must(t, os.Chmod(real, 0o444))
		}
		root := filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(profile))))
		before := snapshot(t, root)
		code, _, errs := editRun(t, "rate", "Acme", "fit", "4", "--profile", profile)
		if code != 1 || !strings.Contains(errs, "read-only") {
			t.Errorf("exit %d, stderr\n%s", code, errs)
		}
		for p, content := range before {
			if snapshot(t, root)[p] != content {
				t.Errorf("%s was written", p)
			}
		}
	})
}

// TestImportPrintsOnlyWhatIsNew: import without --write, printed to be
// appended to the profile, leaves out a name the profile has already, as
// --write does, so that appending never breaks the profile.
func TestImportPrintsOnlyWhatIsNew(t *testing.T) {
	profile, _ := editLayouts()[0].build(t)
	csv := filepath.Join(t.TempDir(), "jobs.csv")
	must(t, os.WriteFile(csv, []byte("Company,Status\nAcme Logistics,Offer\nNewco,Applied\n"), 0o600))
	code, out, errs := editRun(t, "import", csv, "--profile", profile)
	if code != 0 || strings.Contains(out, "Acme Logistics") || !strings.Contains(out, `name = "Newco"`) ||
		!strings.Contains(errs, `"Acme Logistics" is in the profile already; skipped`) {
		t.Errorf("exit %d, stdout\n%s\nstderr\n%s", code, out, errs)
	}
}
