package views

import (
	"fmt"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the questions the status line asks (quit with what-ifs
// unsaved? write over [situation]? write money where git can see it?),
// the name a new scenario is saved under, and how a key answers them.
//
// A save is a scenario unless the user asks for [situation] by its own
// key: a what-if is imagined, and writing it over the real numbers is a
// choice made with the old and the new values in sight.

// question is what the status line is asking.
type question int

const (
	askNothing question = iota
	askQuit
	// askSituation shows what writing over [situation] would change.
	askSituation
	// askTracked warns that the save would put money in a file git
	// tracks.
	askTracked
)

// typing is the line being typed on the status line, if any.
type typing int

const (
	typingNothing typing = iota
	// typingName is the name of the scenario the what-ifs are saved as.
	typingName
	// typingFilter is the ranking's filter by name.
	typingFilter
)

// SavePlace is where a save would write, as the host sees it before
// writing: the file, the money figures it would write there, and what git
// knows of that file.
type SavePlace struct {
	// File is the file the save would write, as the status line names it.
	File string
	// Money names the money figures the save would write ("savings"), if
	// any.
	Money []string
	// Repo is the git repository that tracks File; "" when none does or
	// git is not installed.
	Repo string
	// Private is a file of the profile that git does not track, where a
	// new scenario can go instead; "" when there is none.
	Private string
}

// pendingSave is the save being asked about.
type pendingSave struct {
	// situation is a write over [situation]; otherwise a new scenario.
	situation bool
	// name is the new scenario's name.
	name string
	// file is where the save goes; "" is where the host would put it.
	file string
	// checked reports that git's view of the file has been asked about
	// (or needed no question), so the save may go ahead.
	checked bool
}

// Asking reports whether the status line is asking a question (to quit,
// or whether to write).
func (c *Controller) Asking() bool { return c.asking != askNothing }

// Typing reports whether a line is being typed on the status line (a
// scenario's name, the filter): then every key is text but the typing
// context's own.
func (c *Controller) Typing() bool { return c.typing != typingNothing }

// Typed is the text of the line being typed.
func (c *Controller) Typed() string { return c.typed }

// TypingPrompt is the label in front of the line being typed.
func (c *Controller) TypingPrompt() string {
	if c.typing == typingFilter {
		return "Filter by name: "
	}
	return "Scenario name: "
}

// Type sets the text of the line being typed; the filter follows it as
// it is typed.
func (c *Controller) Type(text string) {
	c.typed = text
	if c.typing == typingFilter {
		c.setFilter(text)
	}
}

// Pending is the save being asked about or carried out: into [situation]
// or a new scenario, its name, and the file it goes to ("" for the
// host's own choice).
func (c *Controller) Pending() (situation bool, name, file string, checked bool) {
	p := c.pending
	return p.situation, p.name, p.file, p.checked
}

// askQuit asks whether to quit with the what-ifs unsaved.
func (c *Controller) askQuit() {
	c.asking = askQuit
	c.status = Status{Kind: StatusWarn, Text: fmt.Sprintf("Quit without saving your what-if (%s)? %s or %s quits, any other key stays.",
		report.WhatIfWords(c.state), c.key(IntentQuit), c.key(IntentConfirm))}
}

// startNaming asks for the name of the scenario the what-ifs are saved
// as, into file ("" for the usual place).
func (c *Controller) startNaming(file string) {
	c.typing, c.typed = typingName, ""
	c.pending = pendingSave{file: file}
	c.status = Status{Text: fmt.Sprintf("Save %s as a new scenario: type its name, %s saves, %s cancels (%s writes over [situation] instead).",
		report.WhatIfWords(c.state), c.key(IntentSubmit), c.key(IntentClose), c.key(IntentSaveSituation))}
}

// submitName takes the name typed: it must not be empty, nor the name of
// a scenario the profile has.
func (c *Controller) submitName() Effect {
	name := strings.TrimSpace(c.typed)
	switch {
	case name == "":
		c.status = Status{Kind: StatusWarn, Text: "A scenario needs a name: type one, or " + c.key(IntentClose) + " cancels."}
		return EffectNone
	case scenarioIndex(c.profile, name) >= 0:
		c.status = Status{Kind: StatusWarn, Text: "The profile already has a scenario named " + strconv.Quote(report.Clean(name)) +
			": type another name, or " + c.key(IntentClose) + " cancels."}
		return EffectNone
	}
	c.typing = typingNothing
	c.pending.name = name
	c.status = Status{}
	return EffectSaveScenario
}

// typedKey answers a key of the typing context: enter, esc, and ↑/↓ while
// filtering.
func (c *Controller) typedKey(in Intent) Effect {
	switch in {
	case IntentSubmit:
		if c.typing == typingName {
			return c.submitName()
		}
		c.typing = typingNothing
		c.status = c.filterNews()
	case IntentClose:
		if c.typing == typingFilter {
			c.typing = typingNothing
			c.clearFilter()
			break
		}
		c.typing, c.pending = typingNothing, pendingSave{}
		c.status = Status{Text: "Not saved: your what-ifs are still here."}
	case IntentUp, IntentDown:
		if c.typing == typingFilter {
			return c.upDown(in == IntentUp)
		}
	}
	return EffectNone
}

// situationWrite is the situation path's first step: say what there is to
// write, or that there is nothing for [situation].
func (c *Controller) situationWrite() Effect {
	w := c.state.Request.WhatIf
	if !c.Unsaved() {
		c.status = Status{Text: "Nothing to save: make a what-if first (" + c.key(IntentUrgencyUp) + " and " + c.key(IntentUrgencyDown) + " the urgency, " +
			c.key(IntentSavingsUp) + " and " + c.key(IntentSavingsDown) + " the savings)."}
		return EffectNone
	}
	if w.Urgency == nil && w.Situation.IsZero() {
		c.status = Status{Text: "Nothing for [situation]: only the weights moved, and they go into a scenario (" + c.key(IntentSave) + ")."}
		return EffectNone
	}
	c.pending = pendingSave{situation: true}
	return EffectSave
}

// AskSituation shows, before anything is written over [situation] in
// place.File, every value it would change, old and new, the urgency's
// source among them; and, when git tracks that file and money is among
// them, says so.
func (c *Controller) AskSituation(place SavePlace) {
	c.asking = askSituation
	c.pending.situation = true
	c.privateFile = ""
	changes := c.situationChanges()
	text := "Write over [situation] in " + report.Clean(place.File) + ": " + strings.Join(changes, "; ") + "."
	if len(c.state.Request.WhatIf.Weights) > 0 {
		text += " The weights stay a what-if."
	}
	if sc, ok := c.profile.Scenario(c.ScenarioName()); ok && sc.Situation.Urgency != nil {
		text += " Scenario " + strconv.Quote(report.Clean(sc.Name)) + " keeps its own urgency."
	}
	if place.Repo != "" && len(place.Money) > 0 {
		text += " " + c.trackedWords(place) + " See docs/dotfiles.md."
		if place.Private != "" {
			c.privateFile = place.Private
			text += " " + c.key(IntentSave) + ": save a scenario in " + report.Clean(place.Private) + " instead (git does not track it)."
		}
	}
	text += " " + c.key(IntentConfirm) + " writes, any other key cancels."
	c.status = Status{Kind: StatusWarn, Text: text}
}

// AskTracked warns, before a new scenario with money is written into a
// file git tracks, and offers the include git does not track instead.
func (c *Controller) AskTracked(place SavePlace) {
	c.asking = askTracked
	text := c.trackedWords(place)
	if place.Private != "" {
		text += fmt.Sprintf(" %s: write it into %s instead (git does not track it) · %s: into %s anyway · any other key cancels.",
			c.key(IntentConfirm), report.Clean(place.Private), c.key(IntentWriteAnyway), report.Clean(place.File))
	} else {
		text += fmt.Sprintf(" No file of the profile is kept out of git: docs/dotfiles.md says how. %s: write it anyway · any other key cancels.",
			c.key(IntentConfirm))
	}
	c.pending.file = place.File
	c.privateFile = place.Private
	c.status = Status{Kind: StatusWarn, Text: text}
}

// trackedWords say that git tracks the file a save would put money into.
func (c *Controller) trackedWords(place SavePlace) string {
	return fmt.Sprintf("Git tracks %s (in %s): the %s written there could be read by anyone who can read that repository.",
		report.Clean(place.File), report.Clean(place.Repo), strings.Join(place.Money, " and "))
}

// situationChanges are the values a write over [situation] changes, each
// "key old → new", and what becomes of the urgency: it is fixed by hand
// only when the urgency what-if is in force, which only + and - make.
func (c *Controller) situationChanges() []string {
	w := c.state.Request.WhatIf
	cur := c.state.Currency()
	var out []string
	for _, k := range model.SituationTable() {
		if k.Key == "urgency" {
			continue
		}
		v, ok := k.Value(w.Situation)
		if !ok {
			continue
		}
		old, had := k.Value(c.profile.Situation)
		out = append(out, fmt.Sprintf("%s %s → %s", k.Key, settingText(k, cur, old, had), settingText(k, cur, v, true)))
	}
	before := c.state
	if st, err := model.Evaluate(c.profile, model.Request{Today: c.base.Today, Urgency: c.base.Urgency, Scenario: c.ScenarioName()}); err == nil {
		before = st
	}
	fixed := c.profile.Situation.Urgency
	switch {
	case w.Urgency != nil && fixed == nil:
		out = append(out, fmt.Sprintf("urgency derived (%s) → fixed by hand at %s, so it stops following your money",
			report.Urgency(before.Urgency.Value), report.Urgency(*w.Urgency)))
	case w.Urgency != nil:
		out = append(out, fmt.Sprintf("urgency fixed %s → %s", report.Urgency(*fixed), report.Urgency(*w.Urgency)))
	case fixed != nil:
		out = append(out, "urgency stays fixed by hand at "+report.Urgency(*fixed))
	default:
		out = append(out, fmt.Sprintf("urgency stays derived (%s → %s)", report.Urgency(before.Urgency.Value), report.Urgency(c.state.Urgency.Value)))
	}
	return out
}

// settingText writes a [situation] value as the profile means it.
func settingText(k model.Setting[model.Situation], currency string, v float64, set bool) string {
	switch {
	case !set:
		return "(not set)"
	case k.Kind == model.Money:
		return report.Money(currency, v)
	case k.Kind == model.Boolean:
		return strconv.FormatBool(v != 0)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// answer takes intent in as the answer to the question being asked: the
// keys that say yes (for quitting, quit again too) carry it out, and any
// other key cancels it and says so.
func (c *Controller) answer(in Intent) Effect {
	asked := c.asking
	c.asking, c.status = askNothing, Status{}
	if in == IntentQuitNow {
		return EffectQuit
	}
	switch asked {
	case askQuit:
		if in == IntentQuit || in == IntentConfirm {
			return EffectQuit
		}
		c.status = Status{Text: "Not quitting: your what-ifs are still here."}
		return EffectNone
	case askSituation:
		switch in {
		case IntentConfirm:
			c.pending.checked = true
			return EffectSave
		case IntentSave:
			if c.privateFile != "" {
				c.startNaming(c.privateFile)
				c.pending.checked = true
				return EffectNone
			}
		}
	case askTracked:
		switch in {
		case IntentConfirm:
			if c.privateFile != "" {
				c.pending.file = c.privateFile
			}
			c.pending.checked = true
			return EffectSaveScenario
		case IntentWriteAnyway:
			if c.privateFile != "" {
				c.pending.checked = true
				return EffectSaveScenario
			}
		}
	}
	c.pending = pendingSave{}
	c.status = Status{Text: "Not saved: your what-ifs are still here."}
	return EffectNone
}
