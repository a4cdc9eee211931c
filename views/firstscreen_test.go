package views

import (
	"strings"
	"testing"

	"mutual/model"
)

// TestFirstScreenReadsPlainly: the fixes a first reader asked for, each
// on the screen it was missing from.
func TestFirstScreenReadsPlainly(t *testing.T) {
	flat := func(d *Dashboard, w, h int) string {
		return strings.Join(strings.Fields(strings.NewReplacer("│", " ", "║", " ").Replace(screenText(drawOn(t, d, w, h)))), " ")
	}
	// A runway under a month says how many days it is.
	p := samProfile()
	p.Situation.Savings = model.Float(250)
	d, _ := newTestDashboard(t, p, model.Request{}, true, Hooks{})
	if text := flat(d, 100, 30); !strings.Contains(text, "runway 0.1 months (about 3 days)") {
		t.Errorf("a runway of 0.1 months is not put in days:\n%s", text)
	}
	// "rank 1 of 4" beside six rows says why the count is smaller.
	d, _ = newTestDashboard(t, samProfile(), model.Request{}, true, Hooks{})
	if text := flat(d, 70, 40); !strings.Contains(text, "rank 1 of 4 at urgency 0.55; 2 not ranked") {
		t.Errorf("the rank does not say the table has unranked rows:\n%s", text)
	}
	// An offer with no deadline says so.
	press(d, "jjjj")
	if name := nameOf(d.Controller().State(), d.Controller().Selected()); name != "Vandelay Industries" {
		t.Fatalf("selected %q", name)
	}
	if text := flat(d, 100, 30); !strings.Contains(text, "No deadline given for this offer") {
		t.Errorf("an offer without respond_by says nothing of it:\n%s", text)
	}
	// With no need, the details do not speak of relieving one.
	d, _ = newTestDashboard(t, samProfile(), model.Request{Urgency: model.Float(0)}, true, Hooks{})
	if text := flat(d, 70, 40); strings.Contains(text, "relieve your need") || !strings.Contains(text, "with no urgent need now its relief does not count") {
		t.Errorf("at urgency 0 the details still speak of need:\n%s", text)
	}
	// ▲ has "now" under it even where the urgency is at an end of the
	// axis.
	if text := flat(d, 100, 30); !strings.Contains(text, "now 0.00") {
		t.Errorf("▲ at urgency 0 is not labelled now:\n%s", text)
	}
}

// TestAdviceChangeForEveryVerdict: the line under Advice says what would
// change an advice to accept, to decline and search on, and to hold, in
// savings, and no more than fits.
func TestAdviceChangeForEveryVerdict(t *testing.T) {
	for _, tc := range []struct {
		savings float64
		hold    bool // Acme's deadline after Globex decides
		advice  string
		want    string
	}{
		{9000, false, "Advice: Accept Acme Logistics", "Holding out for Globex would win with more than $12,163 of savings (you have $9,000)."},
		{21500, false, "Advice: Decline the offer from Acme Logistics and search on", "Accepting Acme Logistics now would win with less than $12,163 of savings (you have $21,500)."},
		{9000, true, "Advice: Hold the offer from Acme Logistics until Globex decides", "Accepting Acme Logistics now would win with less than $3,338 of savings (you have $9,000)."},
	} {
		p := samProfile()
		p.Situation.Savings = model.Float(tc.savings)
		if tc.hold {
			p.Opportunities[0].RespondBy = model.NewDate(2026, 12, 12)
		}
		d, _ := newTestDashboard(t, p, model.Request{}, true, Hooks{})
		lines := screenLines(drawOn(t, d, 100, 30))
		if !strings.HasPrefix(lines[2], tc.advice) || lines[3] != tc.want {
			t.Errorf("savings %v:\n%s\n%s", tc.savings, lines[2], lines[3])
		}
		for w := 60; w <= 160; w += 5 {
			lines := screenLines(drawOn(t, d, w, 30))
			if !strings.Contains(lines[3], "$") {
				t.Errorf("savings %v at %d columns: %q", tc.savings, w, lines[3])
			}
		}
	}
}
