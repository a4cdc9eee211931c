package views

import (
	"slices"
	"time"

	"mutual/model"
)

// Pane is one of the dashboard's panes that can hold the focus.
type Pane int

// The panes, in the order tab visits them.
const (
	PaneRanking Pane = iota
	PaneDetails
	PaneChart
	paneCount
)

// ChartKind is what the chart pane draws.
type ChartKind int

// The chart kinds, in the order v switches between them.
const (
	// ChartScore draws score against urgency.
	ChartScore ChartKind = iota
	// ChartScatter draws fit against relief.
	ChartScatter
)

// Effect is what the controller needs its host to do after an intent:
// the things a pure state machine cannot do itself.
type Effect int

// The effects.
const (
	EffectNone Effect = iota
	// EffectQuit stops the application.
	EffectQuit
	// EffectEdit asks the host to edit the profile.
	EffectEdit
	// EffectSave asks the host to save the what-ifs.
	EffectSave
	// EffectScrollUp and EffectScrollDown scroll the page in front, or the
	// details pane when it has the focus.
	EffectScrollUp
	EffectScrollDown
	// EffectSaveScenario saves the what-ifs as a new scenario.
	EffectSaveScenario
	// EffectReload reads the profile from disk again.
	EffectReload
)

// StatusKind says how loudly the status line speaks.
type StatusKind int

// The status kinds.
const (
	// StatusInfo is an ordinary message.
	StatusInfo StatusKind = iota
	// StatusNews is something the user should notice: the leader changed.
	StatusNews
	// StatusWarn is a question or an error.
	StatusWarn
)

// Status is the status line's message.
type Status struct {
	Text string
	Kind StatusKind
}

// Controller is the dashboard's state and the rules that change it: the
// evaluated profile, the what-ifs and scenario in force, the selection,
// the focus and the status line. It is a value machine with no widgets:
// [Controller.Apply] takes an intent and says what effect, if any, the
// host must carry out, so the whole of key handling is testable as a
// table of intent → new state.
type Controller struct {
	profile *model.Profile
	// keys name the keys the status line's sentences mention.
	keys Keymap
	// base is the request the dashboard opened with (today, the --urgency
	// flag); the scenario and what-ifs in force live in state.Request.
	base  model.Request
	state *model.State
	// scenario indexes profile.Scenarios; -1 is none.
	scenario int
	// selected indexes state.Assessments; -1 is nothing (no
	// opportunities at all).
	selected int
	pane     Pane
	page     Page
	chart    ChartKind
	// priority indexes the priorities: the one the Priorities page has
	// selected.
	priority int
	// shares keeps the first shares of the states the urgency keys
	// visited, by urgency, for the assessments they share: stepping back
	// to an urgency costs nothing.
	shares sharesByUrgency
	// form is the form open over the dashboard (editforms.go).
	form Page
	// pages is the page registry ([Pages]).
	pages []PageSpec
	// asking is the question the status line asks, if any.
	asking question
	// typing is the line being typed on the status line, if any, and
	// typed its text so far.
	typing typing
	typed  string
	// pending is the save being asked about; privateFile the include git
	// does not track that a question offers instead.
	pending     pendingSave
	privateFile string
	// filter keeps the ranking to the names that contain it (any case).
	filter string
	// messages are every status message shown, oldest first, for the
	// Messages page; now is the clock that times them.
	messages []Message
	now      func() time.Time
	status   Status
	// problem is a sticky message (a broken profile on disk) shown while
	// no other message is.
	problem Status
	// reservation and decision are the search model solved for a state,
	// each kept until the state changes: the reservation alone is cheap
	// and the chart draws it on every what-if; the whole decision weighs
	// every offer against every process, so it is solved only when the
	// decide page asks for it.
	reservation, decision solved
}

// solved is the search model solved for one state.
type solved struct {
	state    *model.State
	decision *model.Decision
}

// NewController evaluates p for req and selects the leader; its status
// line names the keys of keys. It fails when req names a scenario the
// profile does not have.
func NewController(p *model.Profile, req model.Request, keys Keymap) (*Controller, error) {
	c := &Controller{profile: p, keys: keys, base: req, scenario: -1, selected: -1, now: time.Now, pages: Pages()}
	c.base.Scenario, c.base.WhatIf = "", model.WhatIf{}
	if req.Scenario != "" {
		c.scenario = scenarioIndex(p, req.Scenario)
		if c.scenario < 0 {
			// Let Evaluate say what is wrong, in its words.
			_, err := model.Evaluate(p, req)
			return nil, err
		}
	}
	if err := c.evaluate(req.WhatIf); err != nil {
		return nil, err
	}
	return c, nil
}

func scenarioIndex(p *model.Profile, name string) int {
	for k, sc := range p.Scenarios {
		if sc.Name == name {
			return k
		}
	}
	return -1
}

// evaluate recomputes the state for the scenario in force and the given
// what-if, keeping the selection on the same opportunity.
func (c *Controller) evaluate(w model.WhatIf) error {
	req := c.base
	req.Scenario = c.ScenarioName()
	req.WhatIf = w
	st, err := model.Evaluate(c.profile, req)
	if err != nil {
		return err
	}
	c.state = st
	c.keepSelection()
	return nil
}

// keepSelection selects the leader when the selection is gone; a filter
// that matches nothing leaves it where it was.
func (c *Controller) keepSelection() {
	rows := c.Rows()
	if len(rows) == 0 && c.filter != "" {
		return
	}
	for _, i := range rows {
		if i == c.selected {
			return
		}
	}
	c.selected = -1
	if len(rows) > 0 {
		c.selected = rows[0]
	}
}

// key names the key of intent in, for a status message.
func (c *Controller) key(in Intent) string { return c.keys.KeyLabel(in) }

// State is the evaluated profile in force.
func (c *Controller) State() *model.State { return c.state }

// Rows are the opportunities in the order the ranking lists them: ranked
// best first, then vetoed, then closed; each an index into
// State().Assessments.
func (c *Controller) Rows() []int {
	s := c.state
	out := make([]int, 0, len(s.Assessments))
	for _, r := range s.Ranked {
		out = append(out, r.Index)
	}
	for _, r := range s.Vetoed {
		out = append(out, r.Index)
	}
	out = append(out, s.Closed...)
	if c.filter != "" {
		out = slices.DeleteFunc(out, func(i int) bool { return !c.matches(i) })
	}
	return out
}

// Selected is the selected opportunity's index in State().Assessments, or
// -1 when the profile has none.
func (c *Controller) Selected() int { return c.selected }

// Select selects opportunity i (an index into State().Assessments), as a
// mouse click does.
func (c *Controller) Select(i int) {
	for _, r := range c.Rows() {
		if r == i {
			c.selected = i
			return
		}
	}
}

// Pane is the pane with the focus.
func (c *Controller) Pane() Pane { return c.pane }

// Focus gives pane p the focus, as a mouse click does.
func (c *Controller) Focus(p Pane) {
	if p >= 0 && p < paneCount {
		c.pane = p
	}
}

// Page is the page covering the panes, or PageNone.
func (c *Controller) Page() Page { return c.page }

// Brief is the search model solved for the state in force as far as the
// header reads it (see [model.DecideGlance]): the reservation, the verdict
// and the advice on an offer it accepts, solved once per state however
// often it is asked for. Decide weighs money, not urgency, so a move of the urgency alone keeps the
// decision and only scores its reservation again.
func (c *Controller) Brief() *model.Decision {
	if c.decision.state == c.state {
		return c.decision.decision
	}
	if prev := c.reservation.state; prev != c.state {
		if prev != nil && model.SameMoney(prev, c.state) {
			c.reservation = solved{c.state, c.reservation.decision.ForUrgency(c.state)}
		} else {
			c.reservation = solved{c.state, model.DecideGlance(c.state)}
		}
	}
	return c.reservation.decision
}

// Decision is the search model solved for the state in force: the
// verdict, the advice on every offer in hand with its break-evens and
// levers, and the questions. It costs a search per offer in play (about
// 45 ms on the 2,000 opportunities of the benchmark profile), so it is
// solved once per state, and only when asked for: the decide page asks
// while it is open.
func (c *Controller) Decision() *model.Decision {
	if c.decision.state != c.state {
		c.decision = solved{c.state, model.Decide(c.state)}
	}
	return c.decision.decision
}

// DecisionSolved reports whether Decision is solved for the state in
// force already, so that asking for it costs nothing.
func (c *Controller) DecisionSolved() bool { return c.decision.state == c.state }

// Chart is what the chart pane draws.
func (c *Controller) Chart() ChartKind { return c.chart }

// Priority is the priority the Priorities page has selected, an index
// into State().Profile.Priorities.
func (c *Controller) Priority() int { return c.priority }

// KeyContext is the key table's context for the page in front: keys bound
// there come before the keys for everywhere. A line being typed and a
// question asked come before any page.
func (c *Controller) KeyContext() KeyContext {
	switch {
	case c.form != FormNone:
		return c.formContext()
	case c.Typing():
		return ContextTyping
	case c.Asking():
		return ContextAsk
	}
	if spec, ok := pageSpec(c.pages, c.page); ok {
		return spec.Context
	}
	return ContextAll
}

// sharesByUrgency keeps first shares by urgency for one set of
// assessments.
type sharesByUrgency struct {
	of *model.Assessment
	at map[float64]model.FirstShares
}

// FirstShares are the state's first shares (see
// [model.State.FirstShares]), kept by urgency while the assessments stay
// the same, since the urgency keys step back and forth over the same few.
func (c *Controller) FirstShares() model.FirstShares {
	s := c.state
	if len(s.Assessments) == 0 {
		return s.FirstShares()
	}
	if c.shares.of != &s.Assessments[0] {
		c.shares = sharesByUrgency{of: &s.Assessments[0], at: map[float64]model.FirstShares{}}
	}
	u := s.Urgency.Value
	fs, ok := c.shares.at[u]
	if !ok {
		fs = s.FirstShares()
		c.shares.at[u] = fs
	}
	return fs
}

// Status is the status line's message: the latest one, or else the
// standing problem; empty when there is nothing to say.
func (c *Controller) Status() Status {
	if c.status.Text == "" {
		return c.problem
	}
	return c.status
}

// SetProblem sets (or, with an empty text, clears) the standing problem:
// a message that stays on the status line until its cause is gone, such
// as a profile on disk that no longer loads.
func (c *Controller) SetProblem(text string) {
	c.problem = Status{Kind: StatusWarn, Text: text}
	c.record(c.problem)
}

// SetStatus replaces the status line's message, for what the host reports
// (an editor that failed, a save that worked).
func (c *Controller) SetStatus(st Status) {
	c.status = st
	c.record(st)
}

// Unsaved reports whether a what-if is in force.
func (c *Controller) Unsaved() bool { return !c.state.Request.WhatIf.IsZero() }

// Profile is the profile the dashboard shows.
func (c *Controller) Profile() *model.Profile { return c.profile }

// ScenarioName is the name of the scenario in force, or "".
func (c *Controller) ScenarioName() string {
	if c.scenario < 0 || c.scenario >= len(c.profile.Scenarios) {
		return ""
	}
	return c.profile.Scenarios[c.scenario].Name
}

// ScenarioPosition is the scenario in force counted from 1, and how many
// the profile has; 0 when none is in force.
func (c *Controller) ScenarioPosition() (k, n int) {
	return c.scenario + 1, len(c.profile.Scenarios)
}

// Reload shows a new version of the profile (after an edit or a save),
// keeping the scenario when it still exists, the selection when the
// opportunity still exists, and the what-ifs unless keepWhatIf is false.
func (c *Controller) Reload(p *model.Profile, keepWhatIf bool) error {
	name := c.ScenarioName()
	selName := ""
	if c.selected >= 0 {
		selName = c.state.Assessments[c.selected].Name
	}
	w := c.state.Request.WhatIf
	if !keepWhatIf {
		w = model.WhatIf{}
	}
	old := c.profile
	oldScenario := c.scenario
	c.profile = p
	c.scenario = scenarioIndex(p, name)
	if err := c.evaluate(w); err != nil {
		c.profile, c.scenario = old, oldScenario
		return err
	}
	if selName != "" {
		for i, a := range c.state.Assessments {
			if a.Name == selName {
				c.Select(i)
			}
		}
	}
	return nil
}

// ReloadWithScenario shows a new version of the profile with the named
// scenario in force and no what-ifs: after the what-ifs were saved as
// that scenario.
func (c *Controller) ReloadWithScenario(p *model.Profile, name string) error {
	if err := c.Reload(p, false); err != nil {
		return err
	}
	k := scenarioIndex(p, name)
	if k < 0 {
		return nil
	}
	prev := c.scenario
	c.scenario = k
	if err := c.evaluate(model.WhatIf{}); err != nil {
		c.scenario = prev
		return err
	}
	return nil
}

// Apply carries out one intent and returns the effect the host must carry
// out, if any.
func (c *Controller) Apply(in Intent) Effect {
	defer c.logStatus()
	if c.Typing() {
		return c.typedKey(in)
	}
	if c.Asking() {
		return c.answer(in)
	}
	c.status = Status{}
	if effect, ok := c.applyEdit(in); ok {
		return effect
	}
	if spec, ok := pageOpenedBy(c.pages, in); ok {
		return c.togglePage(spec)
	}
	switch in {
	case IntentUp, IntentDown:
		return c.upDown(in == IntentUp)
	case IntentPriorityUp, IntentPriorityDown:
		c.selectPriority(in == IntentPriorityUp)
	case IntentWeightUp:
		c.nudgeWeight(+1)
	case IntentWeightDown:
		c.nudgeWeight(-1)
	case IntentSaveWeights:
		if len(c.state.Request.WhatIf.Weights) == 0 {
			c.status = Status{Text: "No weight to save: " + c.key(IntentWeightUp) + " and " + c.key(IntentWeightDown) + " move the selected weight first."}
			break
		}
		c.startNaming("")
	case IntentClose:
		if c.page == PageNone && c.filter != "" {
			c.clearFilter()
			break
		}
		c.page = PageNone
	case IntentFilter:
		c.startFilter()
	case IntentSaveSituation:
		return c.situationWrite()
	case IntentSubmit, IntentWriteAnyway:
		// They answer a line being typed or a question; there is none.
	case IntentNextPane, IntentPrevPane:
		if c.page != PageNone {
			c.status = Status{Text: c.key(IntentClose) + " closes this page; then " + c.key(IntentNextPane) + " moves between panes."}
			break
		}
		step := Pane(1)
		if in == IntentPrevPane {
			step = paneCount - 1
		}
		c.pane = (c.pane + step) % paneCount
	case IntentUrgencyUp:
		c.nudge(+1)
	case IntentUrgencyDown:
		c.nudge(-1)
	case IntentSavingsUp:
		c.nudgeSavings(+1)
	case IntentSavingsDown:
		c.nudgeSavings(-1)
	case IntentReset:
		c.reset()
	case IntentNextScenario:
		c.cycleScenario(+1)
	case IntentPrevScenario:
		c.cycleScenario(-1)
	case IntentToggleChart:
		c.chart = 1 - c.chart
		what := "score against urgency"
		if c.chart == ChartScatter {
			what = "fit against relief; a slanted line joins the points that score the same at your urgency"
		}
		c.status = Status{Text: "Chart: " + what + " (" + c.key(IntentToggleChart) + " switches)."}
	case IntentEdit:
		return EffectEdit
	case IntentSave:
		if !c.Unsaved() {
			c.status = Status{Text: "Nothing to save: make a what-if first (" + c.key(IntentUrgencyUp) + " and " + c.key(IntentUrgencyDown) + " the urgency, " +
				c.key(IntentSavingsUp) + " and " + c.key(IntentSavingsDown) + " the savings)."}
			break
		}
		c.startNaming("")
	case IntentReload:
		return EffectReload
	case IntentQuit:
		if c.Unsaved() {
			c.askQuit()
			break
		}
		return EffectQuit
	case IntentQuitNow:
		return EffectQuit
	case IntentConfirm:
		// Nothing is being asked.
	default:
		c.status = Status{Text: "That key does nothing here: " + c.key(IntentHelp) + " lists the keys."}
	}
	return EffectNone
}

// togglePage opens the page of spec, or closes it when it is in front.
// A form opens over whatever is in front, and the dashboard builds it.
func (c *Controller) togglePage(spec PageSpec) Effect {
	if spec.form == nil && c.page == spec.Page {
		c.page = PageNone
		return EffectNone
	}
	if spec.unselected != nil && c.selected < 0 {
		c.status = Status{Text: spec.unselected(c.keys)}
		return EffectNone
	}
	if spec.form != nil {
		c.form = spec.Page
		return EffectForm
	}
	c.page = spec.Page
	return EffectNone
}

func (c *Controller) upDown(up bool) Effect {
	if c.page != PageNone || c.pane == PaneDetails {
		if up {
			return EffectScrollUp
		}
		return EffectScrollDown
	}
	rows := c.Rows()
	k := slices.Index(rows, c.selected)
	switch {
	case k < 0:
	case up && k > 0:
		c.selected = rows[k-1]
	case !up && k+1 < len(rows):
		c.selected = rows[k+1]
	}
	return EffectNone
}
