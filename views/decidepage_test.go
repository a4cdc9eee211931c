package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// pageText draws the dashboard tall enough that the
// decide page needs no scrolling (90 rows), and returns the screen as one line of
// text, so that a sentence the page wraps still reads whole.
func pageText(t *testing.T, d *Dashboard) string {
	t.Helper()
	text := screenText(drawOn(t, d, 100, 90))
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimSpace(strings.Trim(l, "│")) + " ")
	}
	return b.String()
}

// TestDecidePageAdvisesOnAcme opens the decide page on the example and
// checks the advice on Acme Logistics, the offer that must be answered by
// 2026-12-01, as the savings what-ifs move it: accept at Sam's own $9,000,
// search on (letting Acme go) with five months of burn more, accept again
// once they are reset. An urgency what-if leaves the advice alone, and the
// page says why.
func TestDecidePageAdvisesOnAcme(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "d")
	text := pageText(t, d)
	for _, want := range []string{
		"Decide: what to do today (d or esc closes, ↑/↓ scroll)",
		"Advice: Accept the offer from Acme Logistics by 2026-12-01. It pays from 2026-12-28, and the money lasts until then.",
		"Holding out would be worth it with more than $12,163 of savings; you have $9,000.",
		"Acme Logistics (respond by 2026-12-01): ACCEPT",
		"Waiting for Globex would be worth it only with a chance above 0.69; it is 0.50.",
		"lever: Ask Acme Logistics to extend the deadline to 2026-12-09, when Globex decides",
		"The money on each path",
		"1 accept Acme Logistics  2 Globex, if yes  3 search on",
		"months left     0     1     2     3     4     5     6",
		"Processes to wait for",
		"Globex (final) decides 2026-12-09, chance 0.50",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the decide page does not say %q:\n%s", want, screenText(drawOn(t, d, 100, 60)))
		}
	}
	for _, tc := range []struct{ keys, want string }{
		{">>>>>", "Acme Logistics (respond by 2026-12-01): DECLINE: let it lapse to wait for Globex"},
		{"r", "Acme Logistics (respond by 2026-12-01): ACCEPT"},
		{"+++", "Acme Logistics (respond by 2026-12-01): ACCEPT"},
		{"", "The urgency is a what-if (0.70): decide follows your money, not the urgency"},
		{"", "A savings what-if (< >) moves the advice. r brings it back."},
	} {
		press(d, tc.keys)
		if d.Controller().Page() != PageDecide {
			t.Fatalf("%q closed the page", tc.keys)
		}
		if text := pageText(t, d); !strings.Contains(text, tc.want) {
			t.Errorf("after %q (savings %v) the page does not say %q:\n%s", tc.keys, d.Controller().State().Situation.Savings,
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
	for range 90 {
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
		{"no deadline", noDeadline, []string{"Acme Logistics (no deadline given: counted as answered by 2026-12-02; ask for the date)",
			"Questions to ask about Acme Logistics"}},
		{"empty", empty, []string{"(none in hand: an opportunity with stage = \"offer\" gets advice here)", "No opportunity selected."}},
		{"rich", rich, []string{"With nothing burning the savings", "nothing burns the savings"}},
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

// TestDecidePageLaysOutOnce draws the decide page twice with nothing
// changed: the second draw reuses the lines the first laid out (with
// thousands of offers, laying them out takes longer than a frame). A new
// decision or width lays it out again.
func TestDecidePageLaysOutOnce(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	press(d, "d")
	drawOn(t, d, 100, 40)
	page := d.pages[PageDecide].(*DecidePage)
	first := page.built.lines
	if len(first) == 0 {
		t.Fatal("the decide page laid nothing out")
	}
	drawOn(t, d, 100, 40)
	if again := page.built.lines; &again[0] != &first[0] {
		t.Error("the decide page was laid out again with nothing changed")
	}
	press(d, ">")
	text := pageText(t, d)
	if &page.built.lines[0] == &first[0] {
		t.Error("a savings what-if did not lay the decide page out again")
	}
	if !strings.Contains(text, "what-if") {
		t.Errorf("the page does not follow the what-if:\n%s", text)
	}
}

// TestDecidePageSaysItIsWorking: a decision slow to solve is solved after
// a frame that says the page is weighing it (issue 25.9: at 60,000
// opportunities the page took seconds to open with no word), and then
// shown; closing the page before the solve runs solves nothing.
func TestDecidePageSaysItIsWorking(t *testing.T) {
	var queued []func()
	later := func(f func()) { queued = append(queued, f) }
	d, err := NewDashboard(&fakeApp{}, samProfile(), model.Request{Today: exampleToday()},
		Options{Info: exampleInfo(), Styles: NewStyles(true), Later: later}, Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	page := d.pages[PageDecide].(*DecidePage)
	page.slow = 1
	press(d, "d")
	text := pageText(t, d)
	if !strings.Contains(text, "Working out what to do today: weighing 6 opportunities…") || len(queued) != 1 {
		t.Fatalf("a slow decision should first say it is working (%d solves queued):\n%s", len(queued), text)
	}
	if d.ctl.DecisionSolved() {
		t.Fatal("the decision was solved before the frame that says it is working")
	}
	press(d, ">") // another what-if while it waits: still one solve queued
	if len(queued) != 1 {
		t.Fatalf("%d solves queued, want 1", len(queued))
	}
	queued[0]()
	text = pageText(t, d)
	if strings.Contains(text, "Working out") || !strings.Contains(text, "Acme") {
		t.Fatalf("once solved the page should show the decision:\n%s", text)
	}

	queued = nil
	press(d, "r")
	press(d, "d") // closes the page
	press(d, "d") // opens it: a new state, so a new solve waits
	if len(queued) != 1 {
		t.Fatalf("%d solves queued, want 1", len(queued))
	}
	press(d, "d") // closed before the solve runs
	queued[0]()
	if d.ctl.DecisionSolved() {
		t.Error("a solve for a page already closed still ran")
	}
}
