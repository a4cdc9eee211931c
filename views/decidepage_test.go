package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// pageText draws the dashboard tall enough that the
// decide page needs no scrolling, and returns the screen as one line of
// text, so that a sentence the page wraps still reads whole.
func pageText(t *testing.T, d *Dashboard) string {
	t.Helper()
	text := screenText(drawOn(t, d, 100, 60))
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimSpace(strings.Trim(l, "│")) + " ")
	}
	return b.String()
}

// TestDecidePageAdvisesOnAcme opens the decide page on the example and
// checks the advice on Acme Logistics, the offer that must be answered by
// 2026-12-01, as the urgency what-ifs move it: wait for Globex at Sam's
// own urgency, accept at 0.80, decline at 0.30.
func TestDecidePageAdvisesOnAcme(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "d")
	text := pageText(t, d)
	for _, want := range []string{
		"Decide: wait or accept (d or esc closes, ↑/↓ scroll)",
		"With 3.6 months of runway the reservation score is 55.3: an offer scoring less is worth declining",
		"months left     0     1     2     3     4     5     6",
		"reservation   any  54.0  54.4  54.9  55.6  56.3  57.2",
		"dashed line marked res 55.3",
		"Acme Logistics (respond by 2026-12-01): WAIT for Globex",
		"Waiting for Globex is worth it while its chance is above 0.30; it is 0.50.",
		"accept now 58.2 · wait for Globex 60.0 · decline and search on 55.3",
		"Values are scores a month, for good: the steady score that would be worth as much.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the decide page does not say %q:\n%s", want, screenText(drawOn(t, d, 100, 60)))
		}
	}
	for _, tc := range []struct{ keys, want string }{
		{"+++++", "Acme Logistics (respond by 2026-12-01): ACCEPT"},
		{"r-----", "Acme Logistics (respond by 2026-12-01): DECLINE"},
		{"r", "Acme Logistics (respond by 2026-12-01): WAIT for Globex"},
	} {
		press(d, tc.keys)
		if d.Controller().Page() != PageDecide {
			t.Fatalf("%q closed the page", tc.keys)
		}
		if text := pageText(t, d); !strings.Contains(text, tc.want) {
			t.Errorf("after %q (urgency %s) the page does not say %q:\n%s", tc.keys, report.Urgency(d.Controller().State().Urgency.Value),
				tc.want, screenText(drawOn(t, d, 100, 60)))
		}
	}
}

// TestDecidePageAsksAboutTheSelected checks the questions part: the
// selected opportunity's questions, most decisive first, with their ask;
// a pointer to the most decisive question when it has none; and a word
// for a closed one.
func TestDecidePageAsksAboutTheSelected(t *testing.T) {
	tests := []struct {
		name, keys string
		want       []string
	}{
		{"the leader has nothing to ask", "", []string{
			"Questions to ask about Acme Logistics, most decisive first",
			"Every rating of Acme Logistics is known: there is nothing to ask.",
			"The most decisive question is about Globex (A manager I'd want to work with)",
		}},
		{"Globex's manager is a range", "j", []string{
			"Questions to ask about Globex, most decisive first",
			"1. A manager I'd want to work with · rated 3–5",
			"swing 5.6 against a margin of 9.0",
			"ask: How do you give feedback to your team, and when did you last change your mind because of it?",
		}},
		{"Hooli has three, the veto first", "jjj", []string{
			"1. A manager I'd want to work with · unknown",
			"swing 11.2 against a margin of 34.7; a low answer vetoes it",
			"2. An environment I'll thrive in · unknown",
			"3. Short commute · unknown",
			`ask: (no question in the profile: add ask = "..." to priority "commute")`,
		}},
		{"a closed one", "jjjjj", []string{"Umbrella Corp is closed (declined): there is nothing to ask."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
			press(d, tt.keys+"d")
			text := pageText(t, d)
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("the decide page does not say %q:\n%s", want, screenText(drawOn(t, d, 100, 60)))
				}
			}
		})
	}
}

// TestDecidePageScrollsAndCloses checks that at 80×24 the page scrolls
// with ↓ to the questions, and that esc brings the chart back.
func TestDecidePageScrollsAndCloses(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "jd")
	if text := screenText(drawOn(t, d, 80, 24)); strings.Contains(text, "ask: How do you give feedback") || !strings.Contains(text, "▼") {
		t.Fatalf("at 80×24 the whole page fits, or nothing says there is more:\n%s", text)
	}
	for range 30 {
		d.HandleKey(key(tcell.KeyDown, 0))
	}
	text := screenText(drawOn(t, d, 80, 24))
	if !strings.Contains(text, "ask: How do you give feedback") || !strings.Contains(text, "▲") {
		t.Errorf("scrolled to the end, the page does not show the question and that there is more above:\n%s", text)
	}
	if c := d.Controller(); c.State().Assessments[c.Selected()].Name != "Globex" {
		t.Error("scrolling the page moved the selection")
	}
	d.HandleKey(key(tcell.KeyEscape, 0))
	if text := screenText(drawOn(t, d, 80, 24)); !strings.Contains(text, "Ranking at urgency") {
		t.Errorf("esc did not close the page:\n%s", text)
	}
}

// TestDecideIsSolvedOnlyWhileThePageIsOpen checks that a what-if with the
// page closed does not pay for the whole decision, and one with the page
// open gets a fresh one.
func TestDecideIsSolvedOnlyWhileThePageIsOpen(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	c := d.Controller()
	solved := func() bool { return c.decision.state == c.State() }
	for _, tc := range []struct {
		keys string
		want bool
	}{
		{"+", false},
		{"d", true},
		{"+", true},
		{"]", true},
		{"d+", false},
	} {
		press(d, tc.keys)
		drawOn(t, d, 100, 30)
		if got := solved(); got != tc.want {
			t.Errorf("after %q: the whole decision solved for the state in force is %v, want %v", tc.keys, got, tc.want)
		}
	}
}

// TestDecidePageOnUnusualProfiles checks what the page says with no offer
// to decide on, no opportunity at all, and no runway limit.
func TestDecidePageOnUnusualProfiles(t *testing.T) {
	noDeadline := samProfile()
	for k := range noDeadline.Opportunities {
		noDeadline.Opportunities[k].RespondBy = model.Date{}
	}
	empty := samProfile()
	empty.Opportunities = nil
	rich := samProfile()
	rich.Situation.MonthlyIncome = model.Float(5000)
	tests := []struct {
		name string
		p    *model.Profile
		want []string
	}{
		{"no deadline", noDeadline, []string{"(none: an offer with respond_by = YYYY-MM-DD gets advice here)", "Questions to ask about Acme Logistics"}},
		{"empty", empty, []string{"(none: an offer with respond_by = YYYY-MM-DD gets advice here)", "No opportunity selected."}},
		{"rich", rich, []string{"Nothing burns the savings, so the runway never runs out"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := newTestDashboard(t, tt.p, model.Request{}, false, Hooks{})
			press(d, "d")
			text := pageText(t, d)
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("the decide page does not say %q:\n%s", want, screenText(drawOn(t, d, 100, 60)))
				}
			}
			if tt.name == "rich" && strings.Contains(text, "months left") {
				t.Errorf("with no runway limit the page shows a table by months:\n%s", text)
			}
		})
	}
}

// TestDecidePageSaysWhyAFixedUrgencyFlattensTheReservation checks the
// note that explains why + raises the reservation score: a what-if fixes
// the urgency at every month of runway.
func TestDecidePageSaysWhyAFixedUrgencyFlattensTheReservation(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "d")
	if text := pageText(t, d); strings.Contains(text, "however little runway is left") {
		t.Errorf("a derived urgency gets the note for a fixed one:\n%s", text)
	}
	press(d, "+")
	want := "The urgency is a what-if, so it stays 0.60 however little runway is left: a month of searching scores the same " +
		"at every month, and the reservation hardly falls. Derived from the situation it would be 0.55 now, and rise as the " +
		"runway runs down. r brings it back."
	if text := pageText(t, d); !strings.Contains(text, want) {
		t.Errorf("the page does not say %q:\n%s", want, screenText(drawOn(t, d, 100, 60)))
	}
}
