package views

import (
	"errors"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// editHooks records what the forms write and hands back the profile as
// written.
type editHooks struct {
	rated   []model.RatingValue
	ratedAt int
	staged  model.Stage
	added   *model.Opportunity
	undone  int
}

func (h *editHooks) hooks() Hooks {
	return Hooks{
		Rate: func(sel int, r []model.RatingValue) (*model.Profile, string, error) {
			h.rated, h.ratedAt = r, sel
			p := samProfile()
			for _, v := range r {
				if v.Known {
					p.Opportunities[sel].Ratings[v.ID] = v.Rating
				} else {
					delete(p.Opportunities[sel].Ratings, v.ID)
				}
			}
			return p, "private.toml", nil
		},
		Stage: func(sel int, st model.Stage) (*model.Profile, string, error) {
			h.staged = st
			p := samProfile()
			p.Opportunities[sel].Stage = st
			return p, "private.toml", nil
		},
		Add: func(o model.Opportunity) (*model.Profile, string, error) {
			h.added = &o
			p := samProfile()
			p.Opportunities = append(p.Opportunities, o)
			return p, "private.toml", nil
		},
		Undo: func() (*model.Profile, string, error) {
			h.undone++
			if h.undone > 1 {
				return nil, "", errors.New("private.toml changed since that save")
			}
			return samProfile(), "private.toml", nil
		},
	}
}

func special(d *Dashboard, k tcell.Key, n int) {
	for range n {
		d.HandleKey(key(k, 0))
	}
}

func lineWith(lines []string, part string) string {
	for _, l := range lines {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// TestRatingsForm drives i at 80×24: the form is titled Ratings, holds
// every priority prefilled as mutual rate writes it, shows an error
// beside a bad value as it is typed, types q and + into the field rather
// than quitting or moving the urgency, and writes the ratings on Save.
func TestRatingsForm(t *testing.T) {
	h := &editHooks{}
	d, app := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	sel := d.Controller().Selected()
	press(d, "i")
	lines := screenLines(drawOn(t, d, 80, 24))
	title := lineWith(lines, "Ratings: ")
	if title == "" || !strings.Contains(title, d.Controller().State().Assessments[sel].Name) {
		t.Fatalf("no Ratings title:\n%s", strings.Join(lines, "\n"))
	}
	o := samProfile().Opportunities[sel]
	for _, pr := range samProfile().Priorities {
		l := lineWith(lines, pr.Label[:min(len(pr.Label), 20)])
		r, known := o.Ratings[pr.ID]
		if l == "" || known && !strings.Contains(l, model.RatingText(r, true)) {
			t.Errorf("priority %s is not prefilled with %q: %q", pr.ID, model.RatingText(r, known), l)
		}
	}
	if d.Controller().KeyContext() != ContextForm || !strings.Contains(lines[23], "esc cancel") {
		t.Errorf("the footer is not the form's: %q", lines[23])
	}
	// The first field holds strengths = 2: make it 9, see the error.
	special(d, tcell.KeyBackspace2, 1)
	press(d, "9")
	if l := lineWith(screenLines(drawOn(t, d, 80, 24)), "Uses my real strengths"); !strings.Contains(l, `← "9" is outside 1..5`) {
		t.Errorf("no error beside the field: %q", l)
	}
	special(d, tcell.KeyBackspace2, 1)
	press(d, "q+")
	if app.stopped != 0 || d.Controller().Unsaved() {
		t.Fatal("keys typed into a form fired dashboard keys")
	}
	special(d, tcell.KeyBackspace2, 2)
	press(d, "3-4")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyBackspace2, 1) // manager 4 → unknown
	special(d, tcell.KeyTab, len(samProfile().Priorities)-1)
	special(d, tcell.KeyEnter, 1) // Save
	if h.ratedAt != sel || len(h.rated) != len(samProfile().Priorities) {
		t.Fatalf("rate got %d for %d", len(h.rated), h.ratedAt)
	}
	got := map[string]model.RatingValue{}
	for _, v := range h.rated {
		got[v.ID] = v
	}
	if v := got["strengths"]; !v.Known || v.Rating != (model.Rating{Low: 3, High: 4}) {
		t.Errorf("strengths written as %+v, want 3-4", v)
	}
	if got["manager"].Known {
		t.Error("an emptied field should write the rating as unknown")
	}
	lines = screenLines(drawOn(t, d, 80, 24))
	if lineWith(lines, "Ratings: ") != "" || !strings.Contains(strings.Join(lines, "\n"), "Rated "+o.Name+" in private.toml (u undoes it).") {
		t.Errorf("after Save the form should close and say so:\n%s", strings.Join(lines, "\n"))
	}
	if r := d.Controller().State().Profile.Opportunities[sel].Ratings["strengths"]; r != (model.Rating{Low: 3, High: 4}) {
		t.Errorf("the dashboard shows strengths %v after the write", r)
	}
}

// TestStagePicker drives t: every stage, the one now marked; enter moves
// it; esc cancels with nothing written.
func TestStagePicker(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	sel := d.Controller().Selected()
	press(d, "t")
	lines := screenLines(drawOn(t, d, 80, 24))
	if lineWith(lines, "Stage: ") == "" || lineWith(lines, "offer  (now)") == "" || lineWith(lines, "rejected") == "" {
		t.Fatalf("the Stage picker:\n%s", strings.Join(lines, "\n"))
	}
	d.HandleKey(key(tcell.KeyEscape, 0))
	if h.staged != "" || d.Controller().Form() != FormNone {
		t.Fatal("esc should close the picker with nothing written")
	}
	press(d, "t")
	special(d, tcell.KeyDown, 1)
	special(d, tcell.KeyEnter, 1)
	if h.staged != model.StageAccepted {
		t.Errorf("moved to %q, want accepted (the stage below offer)", h.staged)
	}
	if st := d.Controller().State().Assessments[sel].Stage; st != model.StageAccepted {
		t.Errorf("the ranking shows %s after the move", st)
	}
}

// TestNewOpportunityForm drives a: errors beside the fields as typed, a
// refused Save, then a good one that adds and selects the opportunity.
func TestNewOpportunityForm(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	press(d, "a")
	press(d, "globex") // the profile has Globex
	special(d, tcell.KeyTab, 1)
	press(d, "hired")
	special(d, tcell.KeyTab, 1)
	press(d, "lots")
	lines := screenLines(drawOn(t, d, 80, 24))
	for field, want := range map[string]string{"Name": `the profile has "Globex" already`, "Stage": `"hired" is not a stage`, "Pay": `"lots" is not an amount`} {
		if l := lineWith(lines, field+" "); !strings.Contains(l, "← "+want) {
			t.Errorf("%s: %q, want %q beside it", field, l, want)
		}
	}
	if lineWith(lines, "New opportunity") == "" {
		t.Error("no New opportunity title")
	}
	special(d, tcell.KeyTab, 7) // to Save
	special(d, tcell.KeyEnter, 1)
	if h.added != nil || !strings.Contains(strings.Join(screenLines(drawOn(t, d, 80, 24)), "\n"), "Fix the fields marked") {
		t.Fatal("a Save with errors should write nothing and say why")
	}
	special(d, tcell.KeyBacktab, 9) // back to Name
	special(d, tcell.KeyBackspace2, 6)
	press(d, "Hooli 2")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyBackspace2, 5)
	press(d, "applied")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyBackspace2, 4)
	press(d, "61000")
	special(d, tcell.KeyTab, 6) // to Insurance
	press(d, " ")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyEnter, 1)
	if h.added == nil || h.added.Name != "Hooli 2" || h.added.Stage != model.StageApplied || *h.added.Pay != 61000 || !h.added.Insurance ||
		len(h.added.History) != 1 || h.added.History[0].On != exampleToday() {
		t.Fatalf("added %+v", h.added)
	}
	c := d.Controller()
	if c.State().Assessments[c.Selected()].Name != "Hooli 2" {
		t.Error("the new opportunity should be selected")
	}
}

// TestUndoAndTheExample: u undoes once and says why not after; in the
// built-in example the forms do not open and say how to start one's own.
func TestUndoAndTheExample(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	press(d, "u")
	if st := d.Controller().Status().Text; !strings.HasPrefix(st, "Undone:") {
		t.Errorf("undo said %q", st)
	}
	press(d, "u")
	if st := d.Controller().Status().Text; !strings.Contains(st, "changed since") {
		t.Errorf("a refused undo said %q", st)
	}
	ex, _ := newTestDashboard(t, nil, model.Request{}, true, Hooks{})
	for _, k := range []string{"i", "t", "a", "u"} {
		press(ex, k)
		if ex.Controller().Form() != FormNone || !strings.Contains(ex.Controller().Status().Text, "example") {
			t.Errorf("%s in the example: form %v, %q", k, ex.Controller().Form(), ex.Controller().Status().Text)
		}
	}
	press(ex, "i")
	if !strings.Contains(ex.Controller().Status().Text, "mutual init") {
		t.Error("the example should say how to start one's own profile")
	}
}

// TestFollowUpInTheRanking: an application with no move for
// follow_up_days reads "follow up" in the dashboard's ranking.
func TestFollowUpInTheRanking(t *testing.T) {
	p := samProfile()
	p.Search = model.DefaultSearchParams()
	for i := range p.Opportunities {
		if p.Opportunities[i].Name == "Hooli" {
			p.Opportunities[i].History = []model.Move{{Stage: model.StageApplied, On: exampleToday().AddDays(-12)}}
			p.Opportunities[i].Ratings["manager"] = model.Rating{Low: 4, High: 4} // not at risk: the flag is its own
		}
	}
	d, _ := newTestDashboard(t, p, model.Request{}, true, Hooks{})
	l := lineWith(screenLines(drawOn(t, d, 120, 30)), "Hooli")
	// The whole reason does not fit at this width: its short form does,
	// rather than a reason cut short.
	if !strings.Contains(l, "follow up: 12 days quiet") {
		t.Errorf("Hooli's row: %q", l)
	}
}

// TestFollowUpIsNotHiddenBehindAtRisk: an application both at risk and
// quiet for follow_up_days says both in the ranking where the reasons do
// not fit, rather than only the weightier marker; where the two words do
// not fit either, the weightier one shows whole, and the details say both.
func TestFollowUpIsNotHiddenBehindAtRisk(t *testing.T) {
	p := samProfile()
	p.Search = model.DefaultSearchParams()
	for i := range p.Opportunities {
		if p.Opportunities[i].Name == "Hooli" {
			p.Opportunities[i].History = []model.Move{{Stage: model.StageApplied, On: exampleToday().AddDays(-12)}}
		}
	}
	d, _ := newTestDashboard(t, p, model.Request{}, true, Hooks{})
	if l := lineWith(screenLines(drawOn(t, d, 100, 30)), "Hooli"); !strings.Contains(l, "at risk, follow up") {
		t.Errorf("at 100 columns Hooli's row hides a marker: %q", l)
	}
	if l := lineWith(screenLines(drawOn(t, d, 80, 24)), "Hooli"); !strings.HasSuffix(strings.TrimRight(l, " ║"), "at risk") || strings.Contains(l, "…") {
		t.Errorf("at 80 columns Hooli's row: %q", l)
	}
}
