package profiles

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"mutual/internal/golden"
	"mutual/model"
)

// corpus lists the .toml files directly in dir.
func corpus(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no profiles in %s: %v", dir, err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
}

// TestBadProfiles loads every broken profile of the corpus: each must fail
// with messages that name the file, say what is wrong in lower case and
// say how to fix it. The messages are pinned by golden files.
func TestBadProfiles(t *testing.T) {
	t.Chdir("testdata/profiles/bad")
	names := corpus(t, ".")
	if len(names) < 40 {
		t.Fatalf("the corpus has %d broken profiles; it should cover at least 40 ways to break one", len(names))
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			l, err := Load(name)
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Load(%s) = %v, %v; want a *profiles.Error", name, l, err)
			}
			errs := 0
			for _, d := range pe.Diagnostics {
				if d.File == "" {
					t.Errorf("diagnostic without a file: %+v", d)
				}
				if !d.Warning {
					errs++
				}
				if r, _ := utf8.DecodeRuneInString(d.Message); unicode.IsUpper(r) && !strings.HasPrefix(d.Message, "TOML") {
					t.Errorf("message should start in lower case: %q", d.Message)
				}
				if d.Hint == "" {
					t.Errorf("no hint for %q", d.Message)
				}
			}
			if errs == 0 {
				t.Errorf("only warnings; a broken profile must have an error")
			}
			golden.Check(t, strings.TrimSuffix(name, ".toml")+".golden", pe.Error()+"\n")
		})
	}
}

// TestGoodProfiles loads every good profile: no error, and the warnings
// pinned by golden files.
func TestGoodProfiles(t *testing.T) {
	t.Chdir("testdata/profiles/good")
	for _, name := range corpus(t, ".") {
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			l, err := Load(name)
			if err != nil {
				t.Fatalf("Load(%s): %v", name, err)
			}
			var b strings.Builder
			for _, w := range l.Warnings {
				b.WriteString(w.String() + "\nhint: " + w.Hint + "\n")
			}
			golden.Check(t, strings.TrimSuffix(name, ".toml")+".golden", b.String())
			if _, err := model.Evaluate(&l.Profile, model.Request{Today: model.NewDate(2026, 11, 25)}); err != nil {
				t.Errorf("Evaluate: %v", err)
			}
		})
	}
}

// TestFullProfile checks that every key of the format lands where it
// should, includes merged in.
func TestFullProfile(t *testing.T) {
	t.Chdir("testdata/profiles/good")
	l, err := Load("full.toml")
	if err != nil {
		t.Fatal(err)
	}
	p := l.Profile
	if p.Currency != "EUR" || p.Scale != 7 || len(p.Priorities) != 3 || len(p.Opportunities) != 3 || len(p.Scenarios) != 1 {
		t.Fatalf("top level: %+v", p)
	}
	if !slices.Equal(l.Files, []string{"full.toml", filepath.Join("includes", "private.toml")}) {
		t.Errorf("files %v", l.Files)
	}
	s := p.Situation
	if *s.Savings != 12000.50 || *s.MonthlyExpenses != 2800 || *s.MonthlyIncome != 400 || !*s.Insured ||
		*s.ComfortableRunway != 8 || *s.TaxRate != 0.22 || s.Urgency != nil {
		t.Errorf("situation %+v", s)
	}
	if l.Origins.SituationTable != filepath.Join("includes", "private.toml") || l.Origins.Situation["savings"].Line() != 3 {
		t.Errorf("situation origins %+v", l.Origins)
	}
	pr := p.Priorities
	if pr[0].Label != "Uses my real strengths" || pr[0].LowText == "" || pr[0].HighText == "" || pr[0].Ask == "" ||
		pr[1].AtLeast != 3 || pr[2].Weight != 2.5 || pr[2].FromPay == nil || pr[2].FromPay[1] != 80000 {
		t.Errorf("priorities %+v", pr)
	}
	acme := p.Opportunities[0]
	want := model.Opportunity{Name: "Acme Logistics", Stage: model.StageOffer, Per: "month",
		Starts: model.NewDate(2026, 12, 14), Insurance: true, InsuranceWaitDays: 30,
		RespondBy: model.NewDate(2026, 12, 1), DecisionExpected: model.NewDate(2026, 11, 28)}
	if acme.Name != want.Name || acme.Stage != want.Stage || acme.Per != want.Per || acme.Starts != want.Starts ||
		!acme.Insurance || acme.InsuranceWaitDays != 30 || acme.RespondBy != want.RespondBy ||
		acme.DecisionExpected != want.DecisionExpected || *acme.Chance != 0.9 || *acme.Pay != 4300 ||
		*acme.FirstPaycheckDays != 14 || acme.Notes != "Dispatch coordinator.\nDecent people." {
		t.Errorf("acme %+v", acme)
	}
	if r := acme.Ratings["manager"]; r != (model.Rating{Low: 3, High: 6}) || acme.Ratings["strengths"] != (model.Rating{Low: 2, High: 2}) {
		t.Errorf("ratings %+v", acme.Ratings)
	}
	initech := p.Opportunities[1]
	if initech.Per != "hour" || initech.HoursPerWeek != 32 || initech.ContractMonths != 6 || initech.Ratings["strengths"].Low != 6 {
		t.Errorf("initech %+v", initech)
	}
	if p.Opportunities[2].Stage != model.StageRejected {
		t.Errorf("umbrella %+v", p.Opportunities[2])
	}
	sc := p.Scenarios[0].Situation
	if *sc.Savings != 20000 || *sc.MonthlyExpenses != 2500 || *sc.MonthlyIncome != 0 || *sc.Insured || *sc.ComfortableRunway != 4 ||
		*sc.Urgency != 0.5 || *sc.TaxRate != 0.2 {
		t.Errorf("scenario %+v", sc)
	}
	if w := p.Scenarios[0].Weights; len(w) != 2 || w["manager"] != 6 || w["pay"] != 0 {
		t.Errorf("scenario weights %+v", w)
	}
	d := model.DefaultParams()
	if p.Params == d {
		t.Error("[model] overrides were not applied")
	}
	for _, pi := range model.ParamTable() {
		got, _ := pi.Value(p.Params)
		if def, _ := pi.Value(d); got == def {
			t.Errorf("[model] %s was not applied", pi.Key)
		}
		if _, ok := l.Origins.Model[pi.Key]; !ok {
			t.Errorf("no origin for [model] %s", pi.Key)
		}
	}
}

// TestDatesStayDates: a TOML local date is a calendar day, whatever the
// machine's time zone.
func TestDatesStayDates(t *testing.T) {
	for _, tz := range []string{"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		t.Run(tz, func(t *testing.T) {
			t.Setenv("TZ", tz)
			l, err := Parse("p.toml", []byte("[situation]\nurgency = 0.5\n[[priority]]\nid = \"x\"\n[[opportunity]]\nname = \"A\"\nstage = \"offer\"\nstarts = 2026-12-14\nrespond_by = 2026-01-01\n"))
			if err != nil {
				t.Fatal(err)
			}
			o := l.Profile.Opportunities[0]
			if o.Starts != model.NewDate(2026, 12, 14) || o.RespondBy != model.NewDate(2026, 1, 1) {
				t.Errorf("dates moved: %v %v", o.Starts, o.RespondBy)
			}
		})
	}
}

func TestStarterPassesCheck(t *testing.T) {
	l, err := Parse("starter.toml", []byte(Starter))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) > 0 {
		t.Errorf("the starter profile has warnings: %v", l.Warnings)
	}
	if len(l.Profile.Opportunities) == 0 || len(l.Profile.Priorities) == 0 || len(l.Profile.Scenarios) == 0 {
		t.Error("the starter profile should show every section")
	}
}

func TestWriteStarter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new", "profile.toml")
	if err := WriteStarter(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v; want 0600", fi.Mode(), err)
	}
	if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
		t.Errorf("new directory mode %v, want 0700", di.Mode().Perm())
	}
	os.WriteFile(path, []byte("mine"), 0o600)
	if err := WriteStarter(path); err == nil || !strings.Contains(err.Error(), "never overwrites") {
		t.Fatalf("second write: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Error("WriteStarter overwrote a file")
	}
}

func TestExampleMovesWithToday(t *testing.T) {
	for _, today := range []model.Date{exampleAnchor, model.NewDate(2027, 6, 30)} {
		l, err := Example(today)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Warnings) > 0 {
			t.Errorf("the example has warnings: %v", l.Warnings)
		}
		acme := l.Profile.Opportunities[0]
		if got := today.DaysUntil(acme.RespondBy); got != 6 {
			t.Errorf("today %v: Acme's offer expires in %d days, want 6", today, got)
		}
		s, err := model.Evaluate(&l.Profile, model.Request{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		// The story: Acme leads now, Globex with more runway.
		if s.Assessments[s.Leader()].Name != "Acme Logistics" || len(s.LeaderChanges) == 0 || len(s.Closed) != 1 || len(s.Vetoed) != 1 {
			t.Errorf("the example no longer tells its story: leader %s, changes %v", s.Assessments[s.Leader()].Name, s.LeaderChanges)
		}
	}
}

func TestChoose(t *testing.T) {
	env := func(vars map[string]string) Env {
		return Env{Getenv: func(k string) string { return vars[k] }, Home: "/home/sam"}
	}
	cases := []struct {
		name, flag string
		vars       map[string]string
		want       Choice
	}{
		{"default", "", nil, Choice{"/home/sam/.config/mutual/profile.toml", "default"}},
		{"xdg", "", map[string]string{"XDG_CONFIG_HOME": "/cfg"}, Choice{"/cfg/mutual/profile.toml", "default"}},
		{"relative xdg is ignored", "", map[string]string{"XDG_CONFIG_HOME": "cfg"}, Choice{"/home/sam/.config/mutual/profile.toml", "default"}},
		{"env path", "", map[string]string{"MUTUAL_PROFILE": "/p/x.toml"}, Choice{"/p/x.toml", "MUTUAL_PROFILE"}},
		{"env name", "", map[string]string{"MUTUAL_PROFILE": "work"}, Choice{"/home/sam/.config/mutual/work.toml", "MUTUAL_PROFILE"}},
		{"flag beats env", "me.toml", map[string]string{"MUTUAL_PROFILE": "work"}, Choice{"me.toml", "--profile"}},
		{"flag name", "side", map[string]string{"XDG_CONFIG_HOME": "/cfg"}, Choice{"/cfg/mutual/side.toml", "--profile"}},
		{"flag relative path", "dir/p", nil, Choice{"dir/p", "--profile"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Choose(c.flag, env(c.vars))
			if err != nil || got != c.want {
				t.Errorf("Choose = %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
	if _, err := Choose("", Env{Getenv: func(string) string { return "" }}); err == nil {
		t.Error("no home and no XDG_CONFIG_HOME should be an error")
	}
}

func TestIncludesAreRelativeToTheIncludingFile(t *testing.T) {
	// A stow-style link: the profile is a symlink into a dotfiles repo, the
	// private include sits beside the link, not beside the target.
	root := t.TempDir()
	repo := filepath.Join(root, "dotfiles")
	cfg := filepath.Join(root, "config")
	os.MkdirAll(repo, 0o755)
	os.MkdirAll(cfg, 0o755)
	os.WriteFile(filepath.Join(repo, "profile.toml"), []byte("include = [\"private.toml\"]\n[[priority]]\nid = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(cfg, "private.toml"), []byte("[situation]\nurgency = 0.4\n"), 0o600)
	link := filepath.Join(cfg, "profile.toml")
	if err := os.Symlink(filepath.Join("..", "dotfiles", "profile.toml"), link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	l, err := Load(link)
	if err != nil {
		t.Fatal(err)
	}
	if *l.Profile.Situation.Urgency != 0.4 {
		t.Errorf("urgency %v", l.Profile.Situation.Urgency)
	}
}

func TestNumbersAreFinite(t *testing.T) {
	// Whatever a profile says, nothing that loads produces NaN or Inf.
	for _, text := range []string{
		"[situation]\nsavings = 0\nmonthly_expenses = 0\n[[priority]]\nid = \"x\"\n[[opportunity]]\nname = \"A\"\nstage = \"offer\"\npay = 0\n",
		"scale = 100\n[situation]\nsavings = 1e12\nmonthly_expenses = 1e-300\n[[priority]]\nid = \"x\"\nweight = 1e-300\n[[opportunity]]\nname = \"A\"\nstage = \"lead\"\npay = 1e12\nper = \"hour\"\nhours_per_week = 168\n",
	} {
		l, err := Parse("p.toml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		s, err := model.Evaluate(&l.Profile, model.Request{Today: model.NewDate(2026, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Assessments {
			for _, v := range []float64{a.Fit.Value, a.Fit.Low, a.Fit.High, a.Relief.Value, a.Score(s.Urgency.Value)} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("%q: non-finite number in %+v", text, a)
				}
			}
		}
	}
}
