package profiles

import (
	"errors"
	"strings"
	"testing"

	"mutual/model"
)

const ledgerBase = `version = 1
[situation]
savings = 3200
monthly_expenses = 2700

[[priority]]
id = "craft"
`

// TestLedgerKeysLoad: [[income]], [[cash]] and an offer's money keys load
// into the profile.
func TestLedgerKeysLoad(t *testing.T) {
	src := ledgerBase + `
[[income]]
name = "unemployment benefits"
monthly = 1600
from = 2026-11-01
until = 2027-01-10
ends_with_job = true

[[cash]]
name = "severance"
amount = -400.5
on = 2026-12-20

[[opportunity]]
name = "Warehouse"
stage = "offer"
signing_bonus = 1000
signing_bonus_days = 14
clawback_months = 0
upfront_cost = 1800
monthly_cost = 220
ratings = { craft = 3 }
`
	l, err := Parse("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := l.Profile
	want := model.Income{Name: "unemployment benefits", Monthly: 1600, From: model.NewDate(2026, 11, 1), Until: model.NewDate(2027, 1, 10), EndsWithJob: true}
	if len(p.Incomes) != 1 || p.Incomes[0] != want {
		t.Fatalf("incomes %+v", p.Incomes)
	}
	if len(p.Cash) != 1 || p.Cash[0] != (model.CashItem{Name: "severance", Amount: -400.5, On: model.NewDate(2026, 12, 20)}) {
		t.Fatalf("cash %+v", p.Cash)
	}
	o := p.Opportunities[0]
	if *o.SigningBonus != 1000 || *o.SigningBonusDays != 14 || *o.ClawbackMonths != 0 || o.UpfrontCost != 1800 || o.MonthlyCost != 220 {
		t.Fatalf("opportunity %+v", o)
	}
	if len(l.Warnings) != 0 {
		t.Fatalf("warnings %v", l.Warnings)
	}
	if w := PastCash(l, model.NewDate(2026, 12, 21)); len(w) != 1 || w[0].Line != 19 || !w[0].Warning {
		t.Fatalf("past cash: %+v", w)
	}
	if w := PastCash(l, model.NewDate(2026, 12, 20)); len(w) != 0 {
		t.Fatalf("cash dated today is not past: %+v", w)
	}
}

// TestLedgerKeysRefused: bad values are errors at their line.
func TestLedgerKeysRefused(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		line            int
	}{
		{"until before from", "[[income]]\nmonthly = 10\nfrom = 2027-01-10\nuntil = 2027-01-01\n", "before it starts", 12},
		{"negative monthly", "[[income]]\nmonthly = -10\n", "monthly = -10 is negative", 10},
		{"no monthly", "[[income]]\nname = \"x\"\n", "has no monthly", 9},
		{"nan", "[[income]]\nmonthly = nan\n", "finite", 10},
		{"cash without on", "[[cash]]\namount = 5\n", "has no on date", 9},
		{"cash inf", "[[cash]]\namount = -inf\non = 2027-01-01\n", "finite", 10},
		{"cash not a date", "[[cash]]\namount = 5\non = 5\n", "must be a date", 11},
		{"bonus negative", "[[opportunity]]\nname = \"a\"\nstage = \"offer\"\nsigning_bonus = -1\n", "negative", 12},
		{"clawback too long", "[[opportunity]]\nname = \"a\"\nstage = \"offer\"\nclawback_months = 5000\n", "out of range", 12},
		{"monthly cost nan", "[[opportunity]]\nname = \"a\"\nstage = \"offer\"\nmonthly_cost = nan\n", "finite", 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("p.toml", []byte(ledgerBase+"\n"+c.src))
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("no error: %v", err)
			}
			for _, d := range pe.Diagnostics {
				if !d.Warning && strings.Contains(d.Message, c.want) {
					if d.Line != c.line {
						t.Fatalf("%q at line %d, want %d", d.Message, d.Line, c.line)
					}
					return
				}
			}
			t.Fatalf("no error saying %q: %v", c.want, err)
		})
	}
}

// TestLedgerSurvivesSaves: saving a situation value and a stage move
// keeps the [[income]] and [[cash]] blocks and an offer's money keys as
// written, and they load back the same; an opportunity written by add
// carries its money keys.
func TestLedgerSurvivesSaves(t *testing.T) {
	src := ledgerBase + `
[[income]]
name = "benefits" # until the state's 26 weeks run out
monthly = 1600
until = 2027-01-10
ends_with_job = true

[[cash]]
name = "severance"
amount = 4000
on = 2027-01-20

[[opportunity]]
name = "Warehouse"
stage = "offer"
signing_bonus = 1000
upfront_cost = 1800
ratings = { craft = 3 }
`
	path := t.TempDir() + "/p.toml"
	if err := WriteFileAtomic(path, []byte(src)); err != nil {
		t.Fatal(err)
	}
	l, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SetSituation(l, "savings", 2500.0); err != nil {
		t.Fatal(err)
	}
	if l, err = Load(path); err != nil {
		t.Fatal(err)
	}
	if _, err := SetStage(l, l.Profile.Opportunities[0].Name, model.StageAccepted, model.NewDate(2026, 12, 8)); err != nil {
		t.Fatal(err)
	}
	after, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(after.Contents[path])
	for _, want := range []string{"[[income]]\nname = \"benefits\" # until the state's 26 weeks run out", "[[cash]]\nname = \"severance\"\namount = 4000", "signing_bonus = 1000\nupfront_cost = 1800"} {
		if !strings.Contains(text, want) {
			t.Errorf("the saved file lost %q:\n%s", want, text)
		}
	}
	p := after.Profile
	if len(p.Incomes) != 1 || len(p.Cash) != 1 || *p.Opportunities[0].SigningBonus != 1000 || p.Opportunities[0].UpfrontCost != 1800 {
		t.Fatalf("reloaded %+v %+v %+v", p.Incomes, p.Cash, p.Opportunities[0])
	}
	blocks, err := OpportunityBlocks([]model.Opportunity{{Name: "New", Stage: model.StageOffer, SigningBonus: model.Float(500), MonthlyCost: 120}})
	if err != nil || !strings.Contains(blocks, "signing_bonus = 500") || !strings.Contains(blocks, "monthly_cost = 120") {
		t.Fatalf("add writes %q, %v", blocks, err)
	}
}
