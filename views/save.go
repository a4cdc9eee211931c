package views

import (
	"strconv"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the dashboard's side of saving: asking the host where a
// save would go, and carrying the save out once the user has chosen (the
// questions themselves are in ask.go).

// nowhereToSave says there is no file to save into, and how to come back
// to this view instead.
func (d *Dashboard) nowhereToSave() {
	u := report.Urgency(d.ctl.State().Urgency.Value)
	d.ctl.SetStatus(Status{Text: "There is no profile file to save into: to come back to this view, start mutual with --urgency " + u + "."})
}

// save writes over [situation]: first it shows the old and the new values
// (and what git would see), and writes only once the user said yes.
func (d *Dashboard) save() {
	if d.hooks.Save == nil {
		d.nowhereToSave()
		return
	}
	w := d.ctl.State().Request.WhatIf
	if _, _, _, checked := d.ctl.Pending(); !checked {
		place := SavePlace{File: "[situation]'s file"}
		if d.hooks.Place != nil {
			place = d.hooks.Place(w, d.ctl.ScenarioName(), true)
		}
		d.ctl.AskSituation(place)
		d.ctl.logStatus()
		return
	}
	d.ctl.pending = pendingSave{}
	// What goes into [situation]: the savings and the urgency, not the
	// weights.
	st := *d.ctl.State()
	st.Request.WhatIf.Weights = nil
	what := report.WhatIfWords(&st)
	before := &whatIfView{scenario: d.ctl.ScenarioName(), whatIf: w}
	p, file, err := d.hooks.Save(w)
	if err != nil {
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Not saved: " + report.Clean(err.Error())})
		return
	}
	d.beforeSave = before
	if err := d.ctl.Reload(p, false); err != nil {
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Saved, but the profile did not reload: " + report.Clean(err.Error())})
		return
	}
	d.ctl.SetProblem("")
	text := "Saved " + what + " over [situation] in " + report.Clean(file) + "."
	if len(w.Weights) > 0 {
		// [situation] holds no weights: they stay a what-if, for a
		// scenario to keep.
		if err := d.ctl.evaluate(model.WhatIf{Weights: w.Weights}); err == nil {
			text += " The weights stay a what-if: " + d.keys.KeyLabel(IntentSave) + " keeps them in a scenario."
		}
	}
	if st := d.ctl.State(); st.Urgency.Source == model.SourceScenario {
		text += " Scenario " + strconv.Quote(report.Clean(d.ctl.ScenarioName())) + " sets its own (" + report.Urgency(st.Urgency.Value) + "): " +
			d.keys.scenarioKeys() + " leaves it."
	}
	d.ctl.SetStatus(Status{Text: text})
}

// saveScenario writes the what-ifs as the new scenario named: when it
// holds money and git tracks the file it would go into, it says so first
// and offers the include git does not track.
func (d *Dashboard) saveScenario() {
	if d.hooks.SaveScenario == nil {
		d.ctl.SetStatus(Status{Text: "There is no profile file to save into."})
		return
	}
	w := d.ctl.State().Request.WhatIf
	_, name, file, checked := d.ctl.Pending()
	if !checked && d.hooks.Place != nil {
		if place := d.hooks.Place(w, d.ctl.ScenarioName(), false); place.Repo != "" && len(place.Money) > 0 {
			d.ctl.AskTracked(place)
			d.ctl.logStatus()
			return
		}
	}
	d.ctl.pending = pendingSave{}
	before := &whatIfView{scenario: d.ctl.ScenarioName(), whatIf: w}
	p, saved, err := d.hooks.SaveScenario(w, d.ctl.ScenarioName(), name, file)
	if err != nil {
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Not saved: " + report.Clean(err.Error())})
		return
	}
	d.beforeSave = before
	if err := d.ctl.ReloadWithScenario(p, name); err != nil {
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Saved, but the profile did not reload: " + report.Clean(err.Error())})
		return
	}
	d.ctl.SetProblem("")
	d.ctl.SetStatus(Status{Text: "Saved as scenario " + strconv.Quote(report.Clean(name)) + " in " + report.Clean(saved) + "; it is in force now (" +
		d.keys.scenarioKeys() + " cycle; the real [situation] is unchanged)."})
}
