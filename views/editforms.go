package views

import (
	"strconv"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the keys that change the profile from the dashboard:
// i opens the Ratings form of the selected opportunity, t its Stage
// picker, a the New opportunity form, and u undoes the last write. The
// forms read what is typed with the model's readers (model.ParseRating,
// model.NewOpportunity), the ones 'mutual rate' and 'mutual add' use, and
// write through the host's hooks, which call the same profiles functions
// as those commands.

// The forms are pages of the registry ([Pages]) that are built afresh
// each time they open, over whatever the dashboard shows, and take every
// key until they close.
const (
	// FormNone is no form.
	FormNone = PageNone
	// FormRatings rates the selected opportunity on every priority.
	FormRatings Page = "ratings"
	// FormStage moves the selected opportunity to another stage.
	FormStage Page = "stage"
	// FormNewOpportunity adds an opportunity.
	FormNewOpportunity Page = "new opportunity"
)

// EffectForm and EffectUndo are the effects of the editing keys: open the
// form the controller names, and undo the last write.
const (
	EffectForm Effect = iota + 100
	EffectUndo
)

// Form is the form the controller has open, or FormNone.
func (c *Controller) Form() Page { return c.form }

// formContext is the key context of the open form, as registered: the
// Stage picker's own, where the keys that select a row choose, or a
// form's.
func (c *Controller) formContext() KeyContext {
	spec, _ := pageSpec(c.pages, c.form)
	return spec.Context
}

// CloseForm closes the open form.
func (c *Controller) CloseForm() { c.form = FormNone }

// applyEdit carries out the editing intents; ok is false for any other.
func (c *Controller) applyEdit(in Intent) (Effect, bool) {
	switch in {
	case IntentUndo:
		return EffectUndo, true
	case IntentFormNext, IntentFormPrev, IntentFormSubmit:
		return EffectNone, true // a form's own keys; no form is open
	}
	return EffectNone, false
}

// forms is the dashboard's part in the editing keys: the form on screen
// (the host keeps the last write, for undo).
type forms struct {
	page *formPage
}

// doEdit carries out the effect of an editing key.
func (d *Dashboard) doEdit(effect Effect) {
	switch effect {
	case EffectForm:
		d.openForm()
	case EffectUndo:
		d.undo()
	}
}

// cannotWrite says why the dashboard cannot write into the profile, or "".
func (d *Dashboard) cannotWrite() string {
	switch {
	case d.example:
		return "The example is not a file: run 'mutual init' to start your own profile."
	case d.hooks.Rate == nil || d.hooks.Stage == nil || d.hooks.Add == nil:
		return "There is no profile file to write into here."
	}
	return ""
}

func (d *Dashboard) openForm() {
	if why := d.cannotWrite(); why != "" {
		d.ctl.CloseForm()
		d.ctl.SetStatus(Status{Text: why})
		return
	}
	spec, _ := pageSpec(d.ctl.pages, d.ctl.Form())
	title := spec.Title
	if spec.unselected != nil {
		title += ": " + d.selectedName()
	}
	d.forms.page = spec.form(d, title)
	d.forms.page.open()
	d.ctl.SetStatus(Status{})
}

// closeForm closes the form and says st.
func (d *Dashboard) closeForm(st Status) {
	d.forms.page = nil
	d.ctl.CloseForm()
	d.ctl.SetStatus(st)
}

// formKey hands a key to the open form: the key table's esc for forms
// cancels, every other key goes to the field (so typing never fires a
// dashboard key).
func (d *Dashboard) formKey(in Intent, ev *tcell.EventKey) {
	if in == IntentClose {
		d.closeForm(Status{Text: "Cancelled: nothing was written."})
		return
	}
	d.forms.page.handle(ev)
}

// wrote shows p after a write the form made, closes the form and says
// what was written where; a nil p means the file held it all already,
// and already says so ("Inline is at interviewing already").
func (d *Dashboard) wrote(p *model.Profile, what, already, file string, err error) {
	if err != nil {
		d.forms.page.message = "Not written: " + report.Clean(err.Error())
		return
	}
	if p == nil {
		d.closeForm(Status{Text: already + "; nothing was written."})
		return
	}
	d.forms.page = nil
	d.ctl.CloseForm()
	d.beforeSave = nil
	if err := d.ctl.Reload(p, true); err != nil {
		_ = d.ctl.Reload(p, false)
	}
	d.ctl.SetProblem("")
	d.ctl.SetStatus(Status{Text: what + " in " + report.Clean(file) + " (" + d.keys.KeyLabel(IntentUndo) + " undoes it)."})
}

// selectedName is the selected opportunity's name.
func (d *Dashboard) selectedName() string {
	return d.ctl.State().Assessments[d.ctl.Selected()].Name
}

// formNote says how to move through a form and leave it.
func (d *Dashboard) formNote() string {
	k := d.keys.KeyLabel
	return k(IntentFormNext) + " moves on, " + k(IntentFormSubmit) + " on Save writes, " + k(IntentClose) + " cancels."
}

// ratingsForm is the Ratings form of the selected opportunity: one field
// per priority, holding its rating as 'mutual rate' takes it.
func (d *Dashboard) ratingsForm(title string) *formPage {
	sel := d.ctl.Selected()
	p := d.ctl.Profile()
	o := p.Opportunities[sel]
	scale := p.Scale
	note := "A number from 1 to " + strconv.Itoa(scale) + ", a range like 2-4 when unsure, or empty for unknown. "
	for _, pr := range p.Priorities {
		if pr.FromPay != nil {
			note += "A field showing \"from pay\" is rated from the pay; a value typed there replaces it with a hand rating. "
			break
		}
	}
	fp := newFormPage(d.styles, title, note+d.formNote())
	// A rating is a few characters: the labels get the room.
	fp.fields = fieldRoom{least: fieldWidth, most: fieldWidth, errRoom: ratingErrRoom}
	fp.form = styledForm(d.styles)
	fields := make([]*tview.InputField, len(p.Priorities))
	for k, pr := range p.Priorities {
		r, known := o.Ratings[pr.ID]
		k, id := k, pr.ID
		f := tview.NewInputField().SetText(model.RatingText(r, known)).SetFieldWidth(fieldWidth)
		if pr.FromPay != nil {
			f.SetPlaceholder(fromPayText(pr, &o, scale))
			f.SetPlaceholderStyle(d.styles.Dim.Underline(true))
		}
		f.SetChangedFunc(func(text string) {
			_, _, err := model.ParseRating(id, text, scale)
			fp.setError(k, errText(err))
		})
		fields[k] = f
		fp.addItem(pr.Name(), f)
	}
	fp.form.AddButton("Save", func() {
		var values []model.RatingValue
		for k, pr := range p.Priorities {
			r, known, err := model.ParseRating(pr.ID, fields[k].GetText(), scale)
			fp.setError(k, errText(err))
			values = append(values, model.RatingValue{ID: pr.ID, Rating: r, Known: known})
		}
		if fp.hasErrors() {
			fp.message = "Fix the fields marked ← first; nothing was written."
			return
		}
		np, file, err := d.hooks.Rate(o.Name, values)
		d.wrote(np, "Rated "+report.Clean(o.Name), report.Clean(o.Name)+"'s ratings are so already", file, err)
	})
	fp.form.AddButton("Cancel", func() { d.closeForm(Status{Text: "Cancelled: nothing was written."}) })
	return fp
}

// ratingErrRoom is the room beside a rating for its error: "← "3.5x" is
// not a rating".
const ratingErrRoom = 26

// fromPayText is what the field of a priority rated from pay shows while
// it has no hand rating: the rating the pay gives ("from pay: 3.2"), or
// that no pay is given.
func fromPayText(pr model.Priority, o *model.Opportunity, scale int) string {
	r, from := model.RatingFor(pr, o, scale)
	if from != model.FromPay {
		return "from pay: none"
	}
	return "from pay: " + r.String()
}

// stageForm is the Stage picker: every stage, the one it is at marked.
func (d *Dashboard) stageForm(title string) *formPage {
	sel := d.ctl.Selected()
	o := d.ctl.Profile().Opportunities[sel]
	k := d.keys.KeyLabel
	fp := newFormPage(d.styles, title,
		"Where it stands now; the move is kept with today's date in its history. "+k(IntentUp)+"/"+k(IntentDown)+" choose, "+
			k(IntentFormSubmit)+" moves it, "+k(IntentClose)+" cancels.")
	fp.list = styledList(d.styles)
	// The picker's own rows of the key table say which keys choose: the
	// ones that select a row everywhere else.
	fp.list.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		switch d.keys.ResolveIn(ev, ContextPicker) {
		case IntentUp:
			return tcell.NewEventKey(tcell.KeyUp, 0, tcell.ModNone)
		case IntentDown:
			return tcell.NewEventKey(tcell.KeyDown, 0, tcell.ModNone)
		case IntentFormSubmit:
			return tcell.NewEventKey(tcell.KeyEnter, 0, tcell.ModNone)
		}
		return nil
	})
	for n, st := range model.Stages() {
		text := string(st)
		if st == o.Stage {
			text += "  (now)"
			defer fp.list.SetCurrentItem(n)
		}
		st := st
		fp.list.AddItem(text, "", 0, func() {
			np, file, err := d.hooks.Stage(o.Name, st)
			name := report.Clean(o.Name)
			d.wrote(np, "Moved "+name+" to "+string(st), name+" is at "+string(st)+" already", file, err)
		})
	}
	return fp
}

// newOpportunityForm is the New opportunity form: the fields 'mutual
// add' takes, each checked as it is typed.
func (d *Dashboard) newOpportunityForm(title string) *formPage {
	fp := newFormPage(d.styles, title,
		"Only the name is needed; pay is gross, dates are YYYY-MM-DD; space ticks Insurance (y or n too). "+d.formNote())
	// A name wants room: the fields take what the labels and the errors
	// beside them leave.
	fp.fields = fieldRoom{least: fieldWidth, most: 40, errRoom: newOpportunityErrRoom}
	fp.form = styledForm(d.styles)
	var in model.OpportunityInput
	// The fields are the name and the keys the field table gives the
	// form: a text field each, a checkbox for a true or false.
	type field struct {
		label, key, hint string
		kind             model.Kind
	}
	fields := []field{{label: "Name", key: model.FieldName}}
	for _, f := range model.OpportunityFields() {
		if f.Form != "" {
			fields = append(fields, field{label: f.Form, key: f.Key, hint: f.Placeholder, kind: f.Kind})
		}
	}
	touched := make([]bool, len(fields))
	today := d.ctl.base.Today
	check := func(all bool) (model.Opportunity, bool) {
		o, errs := model.NewOpportunity(d.ctl.Profile(), in, today)
		for n, f := range fields {
			if f.kind == model.Boolean {
				continue // a checkbox cannot be wrong
			}
			msg := ""
			for _, e := range errs {
				if e.Field == f.key {
					msg = e.Message
					break
				}
			}
			if !touched[n] && !all {
				msg = ""
			}
			fp.setError(n, msg)
		}
		return o, len(errs) == 0
	}
	for n, f := range fields {
		n, f := n, f
		if f.kind == model.Boolean {
			fp.addItem(f.label, d.checkbox(func(on bool) { in.Set(f.key, strconv.FormatBool(on)) }))
			continue
		}
		input := tview.NewInputField().SetFieldWidth(fieldWidth).SetPlaceholder(f.hint)
		input.SetPlaceholderStyle(d.styles.Dim.Underline(true))
		input.SetChangedFunc(func(text string) {
			if f.key == model.FieldName {
				in.Name = text
			} else {
				in.Set(f.key, text)
			}
			touched[n] = true
			check(false)
		})
		fp.addItem(f.label, input)
	}
	fp.form.AddButton("Save", func() {
		o, ok := check(true)
		if !ok {
			fp.message = "Fix the fields marked ← first; nothing was written."
			return
		}
		np, file, err := d.hooks.Add(o)
		d.wrote(np, "Added "+report.Clean(o.Name)+" ("+string(o.Stage)+")", "The profile has "+report.Clean(o.Name)+" already", file, err)
		if err == nil && np != nil {
			for i, a := range d.ctl.State().Assessments {
				if a.Name == o.Name {
					d.ctl.Select(i)
				}
			}
		}
	})
	fp.form.AddButton("Cancel", func() { d.closeForm(Status{Text: "Cancelled: nothing was written."}) })
	return fp
}

// newOpportunityErrRoom is the room beside a field of the New
// opportunity form for its error: `← the profile has "Globex" already`.
const newOpportunityErrRoom = 36

// checkbox is a form's checkbox that reads with NO_COLOR ("[ ]", "[x]").
// Space ticks and unticks it, y and n set it; enter moves on, as it
// does in every other field, rather than tick it.
func (d *Dashboard) checkbox(changed func(bool)) *tview.Checkbox {
	c := tview.NewCheckbox().SetUncheckedString(tview.Escape("[ ]")).SetCheckedString(tview.Escape("[x]"))
	c.SetActivatedStyle(d.styles.Selected)
	c.SetChangedFunc(changed)
	c.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		switch {
		case ev.Key() == tcell.KeyEnter:
			return tcell.NewEventKey(tcell.KeyTab, 0, tcell.ModNone)
		case ev.Key() == tcell.KeyRune && (ev.Rune() == 'y' || ev.Rune() == 'Y'):
			c.SetChecked(true)
			return nil
		case ev.Key() == tcell.KeyRune && (ev.Rune() == 'n' || ev.Rune() == 'N'):
			c.SetChecked(false)
			return nil
		}
		return ev
	})
	return c
}

// undo takes back the last write made from the dashboard.
func (d *Dashboard) undo() {
	if d.hooks.Undo == nil {
		text := "There is nothing to undo here."
		if d.example {
			text = "The example is never written: nothing to undo."
		}
		d.ctl.SetStatus(Status{Text: text})
		return
	}
	p, file, err := d.hooks.Undo()
	switch {
	case err != nil:
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Not undone: " + report.Clean(err.Error())})
	case p == nil:
		d.ctl.SetStatus(Status{Text: "Nothing to undo: no write from the dashboard since it opened or the last undo."})
	case d.beforeSave != nil:
		// The write was a save of the what-ifs: the screen goes back to
		// what it was before it, what-ifs and scenario and all.
		v := d.beforeSave
		d.beforeSave = nil
		text := "Undone: " + report.Clean(file) + " is back as it was before the save, and the what-ifs are back too."
		if err := d.ctl.Restore(p, v.scenario, v.whatIf); err != nil {
			_ = d.ctl.Reload(p, false)
			text = "Undone: " + report.Clean(file) + " is back as it was before the save; the what-ifs could not be put back (" +
				report.Clean(err.Error()) + ")."
		}
		d.ctl.SetProblem("")
		d.ctl.SetStatus(Status{Text: text})
	default:
		if err := d.ctl.Reload(p, true); err != nil {
			_ = d.ctl.Reload(p, false)
		}
		d.ctl.SetProblem("")
		d.ctl.SetStatus(Status{Text: "Undone: " + report.Clean(file) + " is back as it was before the last write."})
	}
}

// whatIfView is what a save of the what-ifs leaves behind: the scenario
// that was in force and the what-ifs themselves.
type whatIfView struct {
	scenario string
	whatIf   model.WhatIf
}

// Restore shows profile p with the scenario named in force (none for
// "") and the what-ifs w, as the screen was before a save that an undo
// took back.
func (c *Controller) Restore(p *model.Profile, scenario string, w model.WhatIf) error {
	if err := c.Reload(p, false); err != nil {
		return err
	}
	prev := c.scenario
	c.scenario = scenarioIndex(p, scenario)
	if err := c.evaluate(w); err != nil {
		c.scenario = prev
		_ = c.evaluate(model.WhatIf{})
		return err
	}
	return nil
}

// errText is an input error's message with its hint, or "".
func errText(err error) string {
	if err == nil {
		return ""
	}
	if ie, ok := err.(*model.InputError); ok {
		return ie.Message // the hint is longer than the room beside a field
	}
	return err.Error()
}
