package views

import (
	"math"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// The example opens at a derived urgency of 0.55 (runway 3.6 months,
// uninsured) with Acme Logistics ahead; Globex leads below 0.43.

// step is one key press and what must hold after it.
type step struct {
	ev *tcell.EventKey
	// effect is the effect the press must ask for.
	effect Effect
	// check, when set, inspects the controller after the press.
	check func(t *testing.T, c *Controller)
}

// press returns a step for rune r that expects no effect.
func pressRune(r rune, check func(*testing.T, *Controller)) step {
	return step{ev: key(0, r), check: check}
}

func urgencyIs(want float64, src model.Source) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		u := c.State().Urgency
		if math.Abs(u.Value-want) > 1e-9 || u.Source != src {
			t.Errorf("urgency %v (%s), want %v (%s)", u.Value, u.Source, want, src)
		}
	}
}

func leaderIs(name string) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		s := c.State()
		if got := s.Assessments[s.Leader()].Name; got != name {
			t.Errorf("leader %q, want %q", got, name)
		}
	}
}

func selectedIs(name string) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		if got := c.State().Assessments[c.Selected()].Name; got != name {
			t.Errorf("selected %q, want %q", got, name)
		}
	}
}

func statusSays(part string) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		if !strings.Contains(c.Status().Text, part) {
			t.Errorf("status %q does not say %q", c.Status().Text, part)
		}
	}
}

func scenarioIs(name string) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		if got := c.ScenarioName(); got != name {
			t.Errorf("scenario %q, want %q", got, name)
		}
	}
}

func pageIs(want Page) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		if got := c.Page(); got != want {
			t.Errorf("page %q, want %q", got, want)
		}
	}
}

func all(checks ...func(*testing.T, *Controller)) func(*testing.T, *Controller) {
	return func(t *testing.T, c *Controller) {
		t.Helper()
		for _, ch := range checks {
			ch(t, c)
		}
	}
}

// TestKeys runs key → intent → new state as a table: each case presses
// keys on a fresh controller for the example and checks the effect asked
// for and the state after each press.
func TestKeys(t *testing.T) {
	derived := 0.55
	tests := []struct {
		name  string
		req   model.Request
		steps []step
	}{
		{"+ moves the urgency up one step, as a what-if", model.Request{}, []step{
			pressRune('+', all(urgencyIs(0.60, model.SourceWhatIf), leaderIs("Acme Logistics"), statusSays("urgency 0.60 (what-if)"))),
			pressRune('=', urgencyIs(0.65, model.SourceWhatIf)),
		}},
		{"- moves it down, and the leader changes below 0.43", model.Request{}, []step{
			pressRune('-', urgencyIs(0.50, model.SourceWhatIf)),
			pressRune('-', urgencyIs(0.45, model.SourceWhatIf)),
			pressRune('-', all(urgencyIs(0.40, model.SourceWhatIf), leaderIs("Globex"),
				statusSays("Globex now leads, ahead of Acme Logistics"),
				func(t *testing.T, c *Controller) {
					if c.Status().Kind != StatusNews {
						t.Errorf("a leader change is news, got kind %d", c.Status().Kind)
					}
				})),
		}},
		{"the urgency stays within 0..1", model.Request{}, []step{
			pressRune('+', nil), pressRune('+', nil), pressRune('+', nil), pressRune('+', nil), pressRune('+', nil),
			pressRune('+', nil), pressRune('+', nil), pressRune('+', nil), pressRune('+', nil),
			pressRune('+', all(urgencyIs(1, model.SourceWhatIf), statusSays("top"))),
		}},
		{"r resets to the derived urgency", model.Request{}, []step{
			pressRune('-', nil), pressRune('-', nil), pressRune('-', leaderIs("Globex")),
			pressRune('r', all(func(t *testing.T, c *Controller) {
				if c.Unsaved() || c.State().Urgency.Source != model.SourceDerived || math.Abs(c.State().Urgency.Value-derived) > 1e-9 {
					t.Errorf("after r: urgency %v (%s), unsaved %v", c.State().Urgency.Value, c.State().Urgency.Source, c.Unsaved())
				}
			}, leaderIs("Acme Logistics"), statusSays("What-ifs reset"))),
			pressRune('r', statusSays("No what-ifs")),
		}},
		{"r goes back to --urgency, not to the derived value", model.Request{Urgency: model.Float(0.2)}, []step{
			pressRune('+', urgencyIs(0.25, model.SourceWhatIf)),
			pressRune('r', urgencyIs(0.2, model.SourceFlag)),
		}},
		{"] and [ cycle none → first → … → last → none", model.Request{}, []step{
			pressRune(']', all(scenarioIs("severance lands"), statusSays(`Scenario "severance lands" (1 of 3)`))),
			pressRune(']', scenarioIs("partner's insurance")),
			pressRune(']', scenarioIs("lose the shifts")),
			pressRune(']', all(scenarioIs(""), statusSays("No scenario"))),
			pressRune('[', scenarioIs("lose the shifts")),
			pressRune('[', scenarioIs("partner's insurance")),
		}},
		{"a scenario re-evaluates: severance lengthens the runway", model.Request{}, []step{
			pressRune(']', func(t *testing.T, c *Controller) {
				if got := c.State().Urgency.RunwayMonths; math.Abs(got-6) > 1e-9 {
					t.Errorf("runway %v months, want 6", got)
				}
			}),
		}},
		{"a scenario keeps the what-if urgency and says so", model.Request{}, []step{
			pressRune('+', nil),
			pressRune(']', all(scenarioIs("severance lands"), urgencyIs(0.60, model.SourceWhatIf), statusSays("what-if holds the urgency"))),
		}},
		{"--scenario starts on that scenario", model.Request{Scenario: "lose the shifts"}, []step{
			pressRune(']', scenarioIs("")),
		}},
		{"j, k and the arrows move the selection, which stops at the ends", model.Request{}, []step{
			pressRune('k', selectedIs("Acme Logistics")),
			pressRune('j', selectedIs("Globex")),
			{ev: key(tcell.KeyDown, 0), check: selectedIs("Initech (contract)")},
			{ev: key(tcell.KeyUp, 0), check: selectedIs("Globex")},
			pressRune('j', nil), pressRune('j', nil), pressRune('j', nil),
			pressRune('j', selectedIs("Umbrella Corp")),
			pressRune('j', selectedIs("Umbrella Corp")),
		}},
		{"the selection follows its opportunity when the ranking changes", model.Request{}, []step{
			pressRune('j', selectedIs("Globex")),
			pressRune('-', nil), pressRune('-', nil), pressRune('-', leaderIs("Globex")),
			pressRune('j', selectedIs("Acme Logistics")),
		}},
		{"enter opens the details page, enter or esc closes it", model.Request{}, []step{
			{ev: key(tcell.KeyEnter, 0), check: func(t *testing.T, c *Controller) {
				if c.Page() != PageDetails {
					t.Errorf("page %q, want details", c.Page())
				}
			}},
			{ev: key(tcell.KeyDown, 0), effect: EffectScrollDown},
			{ev: key(tcell.KeyEnter, 0), check: func(t *testing.T, c *Controller) {
				if c.Page() != PageNone {
					t.Errorf("page %q, want none", c.Page())
				}
			}},
			{ev: key(tcell.KeyEnter, 0)},
			{ev: key(tcell.KeyEscape, 0), check: func(t *testing.T, c *Controller) {
				if c.Page() != PageNone {
					t.Errorf("esc left page %q open", c.Page())
				}
			}},
		}},
		{"? opens and closes the help", model.Request{}, []step{
			pressRune('?', func(t *testing.T, c *Controller) {
				if c.Page() != PageHelp {
					t.Errorf("page %q, want help", c.Page())
				}
			}),
			{ev: key(0, 'k'), effect: EffectScrollUp},
			pressRune('?', func(t *testing.T, c *Controller) {
				if c.Page() != PageNone {
					t.Errorf("page %q, want none", c.Page())
				}
			}),
		}},
		{"d opens the decide page, d or esc closes it; ↑/↓ scroll it and what-ifs still work", model.Request{}, []step{
			pressRune('d', pageIs(PageDecide)),
			{ev: key(tcell.KeyDown, 0), effect: EffectScrollDown, check: selectedIs("Acme Logistics")},
			{ev: key(0, 'k'), effect: EffectScrollUp, check: selectedIs("Acme Logistics")},
			pressRune('+', all(pageIs(PageDecide), urgencyIs(0.60, model.SourceWhatIf))),
			pressRune(']', all(pageIs(PageDecide), scenarioIs("severance lands"))),
			pressRune('d', pageIs(PageNone)),
			pressRune('d', nil),
			{ev: key(tcell.KeyEscape, 0), check: pageIs(PageNone)},
		}},
		{"d and the other pages take each other's place", model.Request{}, []step{
			pressRune('d', pageIs(PageDecide)),
			pressRune('?', pageIs(PageHelp)),
			pressRune('d', pageIs(PageDecide)),
			{ev: key(tcell.KeyEnter, 0), check: pageIs(PageDetails)},
			pressRune('d', pageIs(PageDecide)),
			{ev: key(tcell.KeyTab, 0), check: all(pageIs(PageDecide), statusSays("esc closes this page"))},
		}},
		{"tab cycles the panes; in the details pane ↑/↓ scroll", model.Request{}, []step{
			{ev: key(tcell.KeyTab, 0), check: func(t *testing.T, c *Controller) {
				if c.Pane() != PaneDetails {
					t.Errorf("pane %d, want details", c.Pane())
				}
			}},
			{ev: key(tcell.KeyDown, 0), effect: EffectScrollDown, check: selectedIs("Acme Logistics")},
			{ev: key(tcell.KeyTab, 0), check: func(t *testing.T, c *Controller) {
				if c.Pane() != PaneChart {
					t.Errorf("pane %d, want chart", c.Pane())
				}
			}},
			{ev: key(tcell.KeyDown, 0), check: selectedIs("Globex")},
			{ev: key(tcell.KeyTab, 0), check: func(t *testing.T, c *Controller) {
				if c.Pane() != PaneRanking {
					t.Errorf("pane %d, want ranking", c.Pane())
				}
			}},
			{ev: tcell.NewEventKey(tcell.KeyBacktab, 0, tcell.ModNone), check: func(t *testing.T, c *Controller) {
				if c.Pane() != PaneChart {
					t.Errorf("shift+tab: pane %d, want chart", c.Pane())
				}
			}},
		}},
		{"v switches the chart", model.Request{}, []step{
			pressRune('v', func(t *testing.T, c *Controller) {
				if c.Chart() != ChartScatter {
					t.Errorf("chart %d, want scatter", c.Chart())
				}
			}),
			pressRune('v', func(t *testing.T, c *Controller) {
				if c.Chart() != ChartScore {
					t.Errorf("chart %d, want score", c.Chart())
				}
			}),
		}},
		{"q quits at once when nothing is unsaved", model.Request{}, []step{
			{ev: key(0, 'q'), effect: EffectQuit},
		}},
		{"q asks once with a what-if; q again quits", model.Request{}, []step{
			pressRune('+', nil),
			pressRune('q', all(statusSays("Quit without saving"), func(t *testing.T, c *Controller) {
				if !c.Asking() {
					t.Error("not asking")
				}
			})),
			{ev: key(0, 'q'), effect: EffectQuit},
		}},
		{"y confirms quitting", model.Request{}, []step{
			pressRune('-', nil),
			pressRune('q', nil),
			{ev: key(0, 'y'), effect: EffectQuit},
		}},
		{"any other key cancels, and does nothing else", model.Request{}, []step{
			pressRune('+', nil),
			pressRune('q', nil),
			pressRune('+', all(urgencyIs(0.60, model.SourceWhatIf), statusSays("Not quitting"), func(t *testing.T, c *Controller) {
				if c.Asking() {
					t.Error("still asking")
				}
			})),
			pressRune('y', urgencyIs(0.60, model.SourceWhatIf)),
		}},
		{"ctrl+c quits without asking", model.Request{}, []step{
			pressRune('+', nil),
			{ev: tcell.NewEventKey(tcell.KeyCtrlC, 0, tcell.ModCtrl), effect: EffectQuit},
		}},
		{"e asks the host to edit", model.Request{}, []step{
			{ev: key(0, 'e'), effect: EffectEdit},
		}},
		{"s asks a scenario's name, only when there is a what-if", model.Request{}, []step{
			pressRune('s', statusSays("Nothing to save")),
			pressRune('+', nil),
			pressRune('s', statusSays("as a new scenario: type its name, enter saves, esc cancels (S writes over [situation] instead)")),
		}},
		{"S asks the host where [situation] is, only when there is a what-if", model.Request{}, []step{
			pressRune('S', statusSays("Nothing to save")),
			pressRune('+', nil),
			{ev: key(0, 'S'), effect: EffectSave},
		}},
		{"> and < move the savings by a month of burn, and the urgency follows", model.Request{}, []step{
			pressRune('+', nil),
			pressRune('>', statusSays("savings $11,500, runway 4.6 months (what-if)")),
			pressRune('>', statusSays("savings $14,000, runway 5.6 months (what-if)")),
			pressRune('<', statusSays("savings $11,500")),
		}},
		{"R asks the host to reload", model.Request{}, []step{
			{ev: key(0, 'R'), effect: EffectReload},
		}},
		{"an unknown key points at the help", model.Request{}, []step{
			pressRune('x', statusSays("? lists the keys")),
		}},
	}
	km := DefaultKeymap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.Today = exampleToday()
			c, err := NewController(samProfile(), req, DefaultKeymap())
			if err != nil {
				t.Fatal(err)
			}
			for k, st := range tt.steps {
				if got := c.Apply(km.Resolve(st.ev)); got != st.effect {
					t.Fatalf("press %d (%s): effect %d, want %d", k+1, st.ev.Name(), got, st.effect)
				}
				if st.check != nil {
					st.check(t, c)
				}
			}
		})
	}
}

func TestNewControllerRefusesAnUnknownScenario(t *testing.T) {
	_, err := NewController(samProfile(), model.Request{Today: exampleToday(), Scenario: "lottery"}, DefaultKeymap())
	if err == nil || !strings.Contains(err.Error(), "lottery") {
		t.Fatalf("err = %v, want one naming the scenario", err)
	}
}

func TestReloadKeepsSelectionScenarioAndWhatIf(t *testing.T) {
	c, err := NewController(samProfile(), model.Request{Today: exampleToday()}, DefaultKeymap())
	if err != nil {
		t.Fatal(err)
	}
	km := DefaultKeymap()
	for _, r := range "j]+" {
		c.Apply(km.Resolve(key(0, r)))
	}
	p := samProfile()
	p.Opportunities = append([]model.Opportunity{{Name: "New lead", Stage: model.StageLead}}, p.Opportunities...)
	if err := c.Reload(p, true); err != nil {
		t.Fatal(err)
	}
	selectedIs("Globex")(t, c)
	scenarioIs("severance lands")(t, c)
	urgencyIs(0.30, model.SourceWhatIf)(t, c) // severance: 0.25 derived, one step up
	if err := c.Reload(samProfile(), false); err != nil {
		t.Fatal(err)
	}
	if c.Unsaved() {
		t.Error("what-if kept after a reload that drops it")
	}
}

// TestUrgencyStepsAreExact checks that every urgency + and - reach is a
// multiple of the step, so --urgency with two decimals reproduces it.
func TestUrgencyStepsAreExact(t *testing.T) {
	c, err := NewController(samProfile(), model.Request{Today: exampleToday()}, DefaultKeymap())
	if err != nil {
		t.Fatal(err)
	}
	km := DefaultKeymap()
	for _, r := range "+++++++++++--------------------------" {
		c.Apply(km.Resolve(key(0, r)))
		v := c.State().Urgency.Value
		if k := v / UrgencyStep; math.Abs(k-math.Round(k)) > 1e-9 || v < 0 || v > 1 {
			t.Fatalf("urgency %v is not a step on 0..1", v)
		}
	}
	urgencyIs(0, model.SourceWhatIf)(t, c)
}

// TestSearchModelIsSolvedOncePerState checks what keeps what-ifs cheap:
// the reservation is solved once for each new state, however often it is
// asked for, and the whole decision (which weighs every offer against
// every process) only when asked for.
func TestSearchModelIsSolvedOncePerState(t *testing.T) {
	c, err := NewController(samProfile(), model.Request{Today: exampleToday()}, DefaultKeymap())
	if err != nil {
		t.Fatal(err)
	}
	km := DefaultKeymap()
	first := c.Brief()
	if c.Brief() != first {
		t.Error("the reservation was solved twice for one state")
	}
	if c.decision.state != nil || len(first.Questions) != 0 {
		t.Error("the whole decision was solved before anyone asked for it")
	}
	for _, o := range first.Offers {
		if o.Weighed {
			t.Errorf("the brief decision weighed %d's levers", o.Index)
		}
	}
	c.Apply(km.Resolve(key(0, 'j'))) // a new selection is not a new state
	if c.Brief() != first {
		t.Error("moving the selection solved the reservation again")
	}
	c.Apply(km.Resolve(key(0, '+')))
	moved := c.Brief()
	if moved == first || report.Num(moved.Now.Score) == report.Num(first.Now.Score) {
		t.Errorf("after a what-if the reservation is still %s", report.Num(moved.Now.Score))
	}
	if c.decision.state == c.State() {
		t.Error("a what-if solved the whole decision with no page asking for it")
	}
	whole := c.Decision()
	if c.Decision() != whole || c.Brief() != whole {
		t.Error("the whole decision is not kept, or not reused for the reservation")
	}
	if whole.Now != moved.Now || len(whole.Offers) == 0 {
		t.Errorf("the whole decision says reservation %v with %d offers; the cheap one %v", whole.Now, len(whole.Offers), moved.Now)
	}
}
