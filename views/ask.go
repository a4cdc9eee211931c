package views

import (
	"fmt"

	"mutual/views/report"
)

// This file holds the questions the status line asks (quit with what-ifs
// unsaved? save them where?) and how a key answers them.

// question is what the status line is asking.
type question int

const (
	askNothing question = iota
	askQuit
	askSave
)

// Asking reports whether the status line is asking a question (to quit,
// or where to save).
func (c *Controller) Asking() bool { return c.asking != askNothing }

// askQuit asks whether to quit with the what-ifs unsaved.
func (c *Controller) askQuit() {
	c.asking = askQuit
	c.status = Status{Kind: StatusWarn, Text: fmt.Sprintf("Quit without saving your what-if (%s)? %s or %s quits, any other key stays.",
		report.WhatIfWords(c.state), c.key(IntentQuit), c.key(IntentConfirm))}
}

// askSave asks where to save the what-ifs: into [situation], or as a new
// scenario.
func (c *Controller) askSave() {
	c.asking = askSave
	where := "into [situation] (fixed by hand)"
	if sc, ok := c.profile.Scenario(c.ScenarioName()); ok && sc.Situation.Urgency != nil {
		where = "into [situation] (this scenario's own urgency still wins)"
	}
	w := c.state.Request.WhatIf
	if w.Urgency == nil {
		where = "into [situation]"
	}
	if len(w.Weights) > 0 {
		// [situation] has no weights: only a scenario keeps them.
		where += " (the weights stay a what-if)"
		if w.Urgency == nil && w.Situation.IsZero() {
			where = "nothing: weights go only into a scenario"
		}
	}
	c.status = Status{Kind: StatusWarn, Text: fmt.Sprintf("Save %s? %s: %s · %s: as a new scenario · other keys cancel.",
		report.WhatIfWords(c.state), c.key(IntentConfirm), where, c.key(IntentSaveScenario))}
}

// answer takes intent in as the answer to the question being asked: the
// keys that say yes (for quitting, quit again too) carry it out, and any
// other key cancels it and says so.
func (c *Controller) answer(in Intent) Effect {
	asked := c.asking
	c.asking, c.status = askNothing, Status{}
	switch asked {
	case askQuit:
		if in == IntentQuit || in == IntentConfirm || in == IntentQuitNow {
			return EffectQuit
		}
		c.status = Status{Text: "Not quitting: your what-ifs are still here."}
	case askSave:
		switch in {
		case IntentConfirm:
			return EffectSave
		case IntentSaveScenario:
			return EffectSaveScenario
		case IntentQuitNow:
			return EffectQuit
		}
		c.status = Status{Text: "Not saved: your what-ifs are still here."}
	}
	return EffectNone
}
