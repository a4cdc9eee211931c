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
	ratedAt string
	staged  model.Stage
	added   *model.Opportunity
	undone  int
}

func (h *editHooks) hooks() Hooks {
	return Hooks{
		Rate: func(name string, r []model.RatingValue) (*model.Profile, string, error) {
			h.rated, h.ratedAt = r, name
			p := samProfile()
			sel := named(p, name)
			for _, v := range r {
				if v.Known {
					p.Opportunities[sel].Ratings[v.ID] = v.Rating
				} else {
					delete(p.Opportunities[sel].Ratings, v.ID)
				}
			}
			return p, "private.toml", nil
		},
		Stage: func(name string, st model.Stage) (*model.Profile, string, error) {
			h.staged = st
			p := samProfile()
			sel := named(p, name)
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
	if h.ratedAt != d.Controller().State().Assessments[sel].Name || len(h.rated) != len(samProfile().Priorities) {
		t.Fatalf("rate got %d for %q", len(h.rated), h.ratedAt)
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
	// The form's items: the name, a field for each key the table gives
	// the form, then Save.
	items, insurance := 1, 0
	for _, f := range model.OpportunityFields() {
		if f.Form != "" {
			if f.Key == model.FieldInsurance {
				insurance = items
			}
			items++
		}
	}
	special(d, tcell.KeyTab, items-2) // from Pay to Save
	special(d, tcell.KeyEnter, 1)
	if h.added != nil || !strings.Contains(strings.Join(screenLines(drawOn(t, d, 80, 24)), "\n"), "Fix the fields marked") {
		t.Fatal("a Save with errors should write nothing and say why")
	}
	special(d, tcell.KeyBacktab, items) // back to Name
	special(d, tcell.KeyBackspace2, 6)
	press(d, "Hooli 2")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyBackspace2, 5)
	press(d, "applied")
	special(d, tcell.KeyTab, 1)
	special(d, tcell.KeyBackspace2, 4)
	press(d, "$61k")                      // money as import reads it
	special(d, tcell.KeyTab, insurance-2) // from Pay to Insurance
	press(d, " ")
	special(d, tcell.KeyTab, items-insurance) // to Save
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

// fieldLine is the row of the form's field labelled label, its runs of
// spaces made one: the last row that starts with the label, since the
// note above the fields may name it too.
func fieldLine(lines []string, label string) string {
	row := ""
	for _, l := range lines {
		if l := strings.Join(strings.Fields(strings.Trim(l, "║│")), " "); strings.HasPrefix(l, label) {
			row = l
		}
	}
	return row
}

// formText is the text inside the form's frame as one line, so that a
// note reads whole however it wraps.
func formText(lines []string) string {
	var words []string
	for _, l := range lines {
		words = append(words, strings.Fields(strings.Trim(l, "║│╔╚═"))...)
	}
	return strings.Join(words, " ")
}

// TestNewOpportunityEnterMovesOnPastInsurance: enter moves on in every
// field of the New opportunity form, the Insurance box too, so one enter
// too many never ticks it; the box shows [ ] and [x] with NO_COLOR; space
// ticks it and y and n set it.
func TestNewOpportunityEnterMovesOnPastInsurance(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	press(d, "a")
	if note := formText(screenLines(drawOn(t, d, 80, 24))); !strings.Contains(note, "space ticks Insurance") {
		t.Errorf("the form does not say how to tick Insurance:\n%s", note)
	}
	press(d, "Wayne Enterprises")
	special(d, tcell.KeyEnter, 8) // through every field to Insurance
	if l := fieldLine(screenLines(drawOn(t, d, 80, 24)), "Insurance"); l != "Insurance [ ]" {
		t.Errorf("an unchecked box should show [ ]: %q", l)
	}
	special(d, tcell.KeyEnter, 1) // on to Save, the box left alone
	if l := fieldLine(screenLines(drawOn(t, d, 80, 24)), "Insurance"); !strings.Contains(l, "[ ]") {
		t.Errorf("enter on the box ticked it: %q", l)
	}
	special(d, tcell.KeyEnter, 1) // Save
	if h.added == nil || h.added.Name != "Wayne Enterprises" || h.added.Insurance {
		t.Fatalf("ten enters should save Wayne Enterprises uninsured, added %+v", h.added)
	}

	h = &editHooks{}
	d, _ = newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	press(d, "a")
	press(d, "Wayne Enterprises")
	special(d, tcell.KeyTab, 8)
	for _, step := range []struct{ keys, want string }{{"y", "[x]"}, {"n", "[ ]"}, {" ", "[x]"}, {"y", "[x]"}} {
		press(d, step.keys)
		if l := fieldLine(screenLines(drawOn(t, d, 80, 24)), "Insurance"); !strings.Contains(l, step.want) {
			t.Errorf("after %q the box shows %q, want %s", step.keys, l, step.want)
		}
	}
	special(d, tcell.KeyEnter, 2)
	if h.added == nil || !h.added.Insurance {
		t.Fatalf("a ticked box should save insurance = true, added %+v", h.added)
	}
}

// TestFormsUseTheWidth: a name longer than 14 characters shows in full
// once typed, and a priority's label has the room there is beside its
// rating: in full at 80 and 100 columns when it fits, cut with … only
// when it does not.
func TestFormsUseTheWidth(t *testing.T) {
	h := &editHooks{}
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
		press(d, "a")
		press(d, "Wayne Enterprises")
		special(d, tcell.KeyTab, 1)
		if l := fieldLine(screenLines(drawOn(t, d, size[0], size[1])), "Name"); !strings.Contains(l, "Wayne Enterprises") {
			t.Errorf("%dx%d: the Name field shows %q", size[0], size[1], l)
		}
	}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	press(d, "a")
	for _, r := range "Wayne Enterprises International Holdings of Gotham City" {
		press(d, string(r))
		drawOn(t, d, 80, 24) // as the terminal does after every key: the field scrolls with the cursor
	}
	special(d, tcell.KeyTab, 1)
	if l := fieldLine(screenLines(drawOn(t, d, 80, 24)), "Name"); !strings.HasPrefix(l, "Name Wayne Enterprises") {
		t.Errorf("a name longer than its field should show from its start once left: %q", l)
	}
	special(d, tcell.KeyBacktab, 1)
	special(d, tcell.KeyBackspace2, len(" of Gotham City"))
	special(d, tcell.KeyTab, 1)
	if l := fieldLine(screenLines(drawOn(t, d, 80, 24)), "Name"); !strings.HasPrefix(l, "Name Wayne Enterprises") {
		t.Errorf("back in the field, backspace should delete from the end: %q", l)
	}
	special(d, tcell.KeyTab, 8)
	special(d, tcell.KeyEnter, 1)
	if h.added == nil || h.added.Name != "Wayne Enterprises International Holdings" {
		t.Errorf("added %+v, want Wayne Enterprises International Holdings", h.added)
	}
	h.added = nil
	long := "A commute short enough to walk the dog at lunch"
	p := samProfile()
	p.Priorities[4].Label = long
	for _, tt := range []struct {
		w, h int
		want string
	}{
		{80, 24, "A commute short enough to walk the…"}, // cut to the room beside a rating and its error
		{100, 30, long},
	} {
		d, _ := newTestDashboard(t, p, model.Request{}, true, h.hooks())
		press(d, "i")
		lines := screenLines(drawOn(t, d, tt.w, tt.h))
		if l := fieldLine(lines, "A manager"); !strings.Contains(l, "A manager I'd want to work with 4") {
			t.Errorf("%dx%d: the manager's row is %q", tt.w, tt.h, l)
		}
		if l := fieldLine(lines, "A commute"); !strings.Contains(l, tt.want+" 3") {
			t.Errorf("%dx%d: the commute's row is %q, want %q and its rating", tt.w, tt.h, l, tt.want)
		}
	}
}

// TestRatingsFromPay: a priority rated from pay shows the rating the pay
// gives in its field, the form says a value typed replaces it with a
// hand rating, and a Save leaves it to pay unless a value is typed.
func TestRatingsFromPay(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	if n := d.selectedName(); n != "Acme Logistics" {
		t.Fatalf("the test expects Acme Logistics selected, not %s", n)
	}
	press(d, "i")
	lines := screenLines(drawOn(t, d, 80, 24))
	if l := fieldLine(lines, "Pays enough to save again"); !strings.Contains(l, "from pay: 2.2") { // $52,000 on 40,000..80,000
		t.Errorf("the pay-based rating is not shown: %q", l)
	}
	if !strings.Contains(formText(lines), "a value typed there replaces it with a hand rating") {
		t.Errorf("the form does not say that typing replaces the pay rating:\n%s", strings.Join(lines, "\n"))
	}
	special(d, tcell.KeyTab, 5)
	special(d, tcell.KeyEnter, 1) // Save, nothing typed
	for _, v := range h.rated {
		if v.ID == "pay" && v.Known {
			t.Errorf("a Save with nothing typed rated pay by hand: %+v", v)
		}
	}
	press(d, "i")
	special(d, tcell.KeyTab, 3)
	press(d, "4")
	special(d, tcell.KeyTab, 2)
	special(d, tcell.KeyEnter, 1)
	for _, v := range h.rated {
		if v.ID == "pay" && (!v.Known || v.Rating != (model.Rating{Low: 4, High: 4})) {
			t.Errorf("a typed 4 should rate pay by hand: %+v", v)
		}
	}
}

// TestStagePickerKeys: the picker's footer names the keys that work
// there (↑/↓ j/k, enter, esc), not the form's tab; j chooses the stage
// below; picking the stage it is at says so plainly; the help page lists
// the picker's keys.
func TestStagePickerKeys(t *testing.T) {
	h := &editHooks{}
	hooks := h.hooks()
	stage := hooks.Stage
	hooks.Stage = func(name string, st model.Stage) (*model.Profile, string, error) {
		if p := samProfile(); p.Opportunities[named(p, name)].Stage == st {
			return nil, "", nil // as profiles.SetStage does: nothing to write
		}
		return stage(name, st)
	}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, hooks)
	press(d, "t")
	lines := screenLines(drawOn(t, d, 80, 24))
	if f := lines[23]; !strings.Contains(f, "↑/↓ j/k stage") || !strings.Contains(f, "enter move") || !strings.Contains(f, "esc cancel") ||
		strings.Contains(f, "tab") {
		t.Errorf("the picker's footer: %q", f)
	}
	special(d, tcell.KeyEnter, 1) // on offer, where it is
	if st := d.Controller().Status().Text; st != "Acme Logistics is at offer already; nothing was written." {
		t.Errorf("picking the stage it is at says %q", st)
	}
	press(d, "t")
	press(d, "j")
	special(d, tcell.KeyEnter, 1)
	if h.staged != model.StageAccepted {
		t.Errorf("j then enter moved it to %q, want accepted", h.staged)
	}
	press(d, "?")
	help := strings.Join(screenLines(drawOn(t, d, 120, 90)), "\n")
	if !strings.Contains(help, "In the Stage picker") || !strings.Contains(help, "the stage below") {
		t.Errorf("the help page does not list the picker's keys:\n%s", help)
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

// TestFormStatusGivesNoDashboardTip: with a form open the status line
// does not suggest + and -, which there type into the field.
func TestFormStatusGivesNoDashboardTip(t *testing.T) {
	h := &editHooks{}
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, h.hooks())
	for _, k := range []string{"i", "a"} {
		press(d, k)
		text := strings.Join(screenLines(drawOn(t, d, 80, 24)), "\n")
		if strings.Contains(text, "Try +") || !strings.Contains(text, "keys type into the form") {
			t.Errorf("%s: the status line:\n%s", k, text)
		}
		d.HandleKey(key(tcell.KeyEscape, 0))
	}
}

// named is the index of the opportunity called name in p, as the hooks'
// host finds it.
func named(p *model.Profile, name string) int {
	for i, o := range p.Opportunities {
		if o.Name == name {
			return i
		}
	}
	panic("no opportunity named " + name)
}
