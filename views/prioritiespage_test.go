package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// rankingLine is the screen line of the ranking's row at rank r.
func rankingLine(text string, r string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(l, "║"), " "), r+"  ") {
			return l
		}
	}
	return ""
}

// TestPrioritiesPage drives the Priorities page as a person would: p
// opens it beside the chart with the ranking above, + moves the selected
// weight and the ranking follows at once, the leader changes where the
// page said it would, j selects the next priority, r resets, p closes.
func TestPrioritiesPage(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, false, Hooks{})
	c := d.Controller()
	press(d, "p")
	text := screenText(drawOn(t, d, 100, 30))
	for _, want := range []string{"Priorities (p or esc closes)", "▸      5    31%  Uses my real strengths", "Globex leads above 20.5",
		"Score against urgency", "Ranking at urgency 0.55", "+/- weight", "Pay: Acme Logistics keeps the lead down to $34,914"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the page does not say %q:\n%s", want, text)
		}
	}
	if c.KeyContext() != ContextPriorities {
		t.Fatalf("context %d on the page", c.KeyContext())
	}

	press(d, "+")
	text = screenText(drawOn(t, d, 100, 30))
	if !strings.Contains(text, "▸      6    35%  Uses my real strengths (what-if)") || c.State().Urgency.Value != 0.55 {
		t.Fatalf("+ moved the weight to 6 and left the urgency:\n%s", text)
	}
	if !strings.Contains(rankingLine(text, "1"), "Acme Logistics") || !strings.Contains(c.Status().Text, "weighs 6 (what-if)") {
		t.Fatalf("at 6 Acme Logistics still leads; status %q:\n%s", c.Status().Text, text)
	}
	// Past 20.4 (shown as 20.5, where it does) Globex leads, as the page said.
	for range 14 {
		press(d, "+")
	}
	text = screenText(drawOn(t, d, 100, 30))
	if !strings.Contains(text, "▸     20") || !strings.Contains(rankingLine(text, "1"), "Acme Logistics") {
		t.Fatalf("at 20 Acme Logistics still leads:\n%s", text)
	}
	// Near the flip, the page and the status line say what would change
	// the ranking; the header speaks of the advice alone.
	if !strings.Contains(text, "Globex leads above 20.5") || !strings.Contains(text, "Globex would lead above 20.5") {
		t.Errorf("the page does not name the weight that would change the ranking:\n%s", text)
	}
	if strings.Contains(strings.Join(strings.Split(text, "\n")[:5], "\n"), "strengths") {
		t.Errorf("the header speaks of a weight, which is the ranking's:\n%s", text)
	}
	press(d, "+")
	text = screenText(drawOn(t, d, 100, 30))
	if !strings.Contains(rankingLine(text, "1"), "Globex") || !strings.Contains(c.Status().Text, "Globex now leads") {
		t.Fatalf("at 21 Globex leads; status %q:\n%s", c.Status().Text, text)
	}
	// The weight never goes below 0.
	press(d, "j")
	if c.Priority() != 1 {
		t.Fatalf("j selects priority %d", c.Priority())
	}
	for range 6 {
		press(d, "-")
	}
	if w := c.State().Profile.Priorities[1].Weight; w != 0 || !strings.Contains(c.Status().Text, "already 0") {
		t.Fatalf("manager weighs %v; status %q", w, c.Status().Text)
	}
	press(d, "r")
	if c.Unsaved() || c.State().Profile.Priorities[0].Weight != 5 || c.Page() != PagePriorities {
		t.Fatalf("r resets the weights and stays on the page: %+v", c.State().Profile.Priorities)
	}
	// Escape, then the keys for everywhere are back.
	d.HandleKey(tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone))
	press(d, "+")
	if c.Page() != PageNone || c.State().Urgency.Source != model.SourceWhatIf || c.State().Profile.Priorities[0].Weight != 5 {
		t.Fatalf("after esc, + moves the urgency: page %q, urgency from %s", c.Page(), c.State().Urgency.Source)
	}
}

// TestSaveWeightsAsScenario: s on the Priorities page saves the what-ifs,
// the weights with them, as a new scenario; with no weight moved it says
// how to move one.
func TestSaveWeightsAsScenario(t *testing.T) {
	var saved model.WhatIf
	hooks := Hooks{SaveScenario: func(w model.WhatIf, _, name, _ string) (*model.Profile, string, error) {
		saved = w
		p := samProfile()
		p.Scenarios = append(p.Scenarios, model.Scenario{Name: name, Weights: w.Weights})
		return p, "profile.toml", nil
	}}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, "ps")
	if saved.Weights != nil || !strings.Contains(c.Status().Text, "No weight to save: + and - move the selected weight first.") {
		t.Fatalf("nothing to save: %q", c.Status().Text)
	}
	press(d, "jj++swhat-if 1")
	d.HandleKey(key(tcell.KeyEnter, 0))
	if len(saved.Weights) != 1 || saved.Weights["environment"] != 5 {
		t.Fatalf("saved %+v", saved.Weights)
	}
	if c.Unsaved() || c.ScenarioName() != "what-if 1" || c.State().Profile.Priorities[2].Weight != 5 {
		t.Fatalf("after saving, the scenario holds the weight: scenario %q, weights %+v", c.ScenarioName(), c.State().Profile.Priorities)
	}
}

// TestSaveIntoSituationKeepsWeights: [situation] has no weights, so a save
// there writes the urgency and leaves the weights a what-if, and the
// question and the news say so; with only weights moved, the question
// says that only a scenario keeps them.
func TestSaveIntoSituationKeepsWeights(t *testing.T) {
	var saved model.WhatIf
	hooks := Hooks{Save: func(w model.WhatIf) (*model.Profile, string, error) {
		saved = w
		p := samProfile()
		p.Situation.Urgency = w.Urgency
		return p, "profile.toml", nil
	}}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, false, hooks)
	c := d.Controller()
	press(d, "p+")
	d.HandleKey(tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone))
	press(d, "S")
	if !strings.Contains(c.Status().Text, "Nothing for [situation]: only the weights moved, and they go into a scenario (s).") {
		t.Fatalf("with only a weight moved S says %q", c.Status().Text)
	}
	press(d, "+S")
	if !strings.Contains(c.Status().Text, "urgency derived (0.55) → fixed by hand at 0.60") || !strings.Contains(c.Status().Text, "The weights stay a what-if.") {
		t.Fatalf("the question says %q", c.Status().Text)
	}
	press(d, "y")
	if saved.Urgency == nil || c.State().Request.WhatIf.Urgency != nil || c.State().Request.WhatIf.Weights["strengths"] != 6 ||
		c.State().Profile.Priorities[0].Weight != 6 {
		t.Fatalf("after the save the what-ifs are %+v", c.State().Request.WhatIf)
	}
	if text := c.Status().Text; !strings.Contains(text, "Saved urgency 0.60 over [situation]") || !strings.Contains(text, "The weights stay a what-if") {
		t.Fatalf("the news says %q", text)
	}
}

// TestPayUnknownIsSaid: an opportunity with no pay has a ? after its
// relief in the ranking at 80 columns, and the details say that relief
// counts no income.
func TestPayUnknownIsSaid(t *testing.T) {
	p := samProfile()
	hooli := -1
	for k, o := range p.Opportunities {
		if o.Name == "Hooli" {
			hooli, p.Opportunities[k].Pay = k, nil
		}
	}
	d, _ := newTestDashboard(t, p, model.Request{}, false, Hooks{})
	c := d.Controller()
	text := screenText(drawOn(t, d, 80, 24))
	row := ""
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "Hooli") {
			row = l
		}
	}
	if !strings.Contains(row, "? at risk") {
		t.Errorf("Hooli's row has no ? after its relief: %q\n%s", row, text)
	}
	c.Select(hooli)
	d.sync()
	text = screenText(drawOn(t, d, 100, 40))
	if !strings.Contains(text, "relief 2.4 (pay") || !strings.Contains(text, "(pay unknown: relief counts no") {
		t.Errorf("the details do not say relief counts no income:\n%s", text)
	}
}
