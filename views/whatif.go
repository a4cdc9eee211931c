package views

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the what-ifs the keys make: the urgency, the savings
// and a priority's weight nudged a step at a time, the scenarios cycled,
// all of it reset, and the status line's news of who leads after each.

// UrgencyStep is how far one press of + or - moves the urgency. Urgencies
// the keys reach are multiples of it, so every what-if can be reproduced
// exactly with --urgency and two decimals.
const UrgencyStep = 0.05

// nudge moves the urgency one step along the grid of multiples of
// UrgencyStep, from the value as shown (two decimals), so every press
// changes what the header shows.
func (c *Controller) nudge(dir int) {
	cur := c.state.Urgency.Value
	shown := math.Round(cur*100) / 100
	steps := 1 / UrgencyStep
	var k float64
	if dir > 0 {
		k = math.Floor(shown*steps+1e-9) + 1
	} else {
		k = math.Ceil(shown*steps-1e-9) - 1
	}
	v := math.Min(1, math.Max(0, k/steps))
	if v == cur {
		edge := "top"
		if dir < 0 {
			edge = "bottom"
		}
		c.status = Status{Text: fmt.Sprintf("Urgency is at its %s, %s.", edge, report.Urgency(v))}
		return
	}
	before := c.state.Leader()
	c.state = c.state.WithUrgency(v, model.SourceWhatIf)
	c.status = c.leaderNews(before, "urgency "+report.Urgency(v)+" (what-if)")
	c.status.Text += " " + c.key(IntentReset) + " resets."
}

// nudgeSavings moves the savings by one month of burn as a what-if, so
// the runway moves by a month. An urgency what-if is dropped with it:
// the point is to watch the urgency follow the money.
func (c *Controller) nudgeSavings(dir int) {
	s := c.state
	step := s.Urgency.Burn
	if step <= 0 {
		c.status = Status{Text: "Nothing burns the savings (income covers expenses), so more or less of them changes nothing here."}
		return
	}
	savings := 0.0
	if s.Situation.Savings != nil {
		savings = *s.Situation.Savings
	}
	v := math.Max(0, savings+float64(dir)*step)
	if v == savings {
		c.status = Status{Text: "The savings are already at 0."}
		return
	}
	w := s.Request.WhatIf
	w.Situation.Savings = model.Float(v)
	w.Urgency = nil
	before := s.Leader()
	if err := c.evaluate(w); err != nil {
		c.status = Status{Kind: StatusWarn, Text: err.Error()}
		return
	}
	cur := c.state.Currency()
	c.status = c.leaderNews(before, fmt.Sprintf("savings %s, runway %s (what-if)", report.Money(cur, v), report.Months(c.state.Urgency.RunwayMonths)))
	if !c.state.Urgency.IsDerived() {
		c.status.Text += " The urgency is fixed (" + report.UrgencySource(c.state) + "), so only relief moves."
	} else {
		c.status.Text += " " + c.key(IntentReset) + " resets."
	}
}

// leaderNews says who leads after a change, loudly when it is someone new.
func (c *Controller) leaderNews(before int, what string) Status {
	s := c.state
	now := s.Leader()
	switch {
	case now < 0:
		return Status{Text: what + ": nothing is ranked."}
	case before >= 0 && now != before:
		return Status{Kind: StatusNews, Text: fmt.Sprintf("%s: %s now leads, ahead of %s.", what, nameOf(s, now), nameOf(s, before))}
	}
	text := fmt.Sprintf("%s: %s leads", what, nameOf(s, now))
	if len(s.LeaderChanges) > 0 {
		var at []string
		for _, ch := range s.LeaderChanges {
			at = append(at, report.Urgency(ch.Urgency))
		}
		text += " (the leader changes at " + strings.Join(at, ", ") + ")"
	} else if len(s.Ranked) > 1 {
		text += " at every urgency"
	}
	return Status{Text: text + "."}
}

func (c *Controller) reset() {
	if !c.Unsaved() {
		c.status = Status{Text: "No what-ifs to reset."}
		return
	}
	before := c.state.Leader()
	if err := c.evaluate(model.WhatIf{}); err != nil {
		c.status = Status{Kind: StatusWarn, Text: err.Error()}
		return
	}
	c.status = c.leaderNews(before, "What-ifs reset, urgency "+report.Urgency(c.state.Urgency.Value)+" ("+report.UrgencySource(c.state)+")")
}

// cycleScenario moves through none, first, …, last, none. The what-ifs
// stay: they are the user's explicit choice.
func (c *Controller) cycleScenario(dir int) {
	n := len(c.profile.Scenarios)
	if n == 0 {
		c.status = Status{Text: "The profile has no scenarios: a [[scenario]] block overrides the situation by name."}
		return
	}
	prev := c.scenario
	c.scenario = ((c.scenario+1+dir)%(n+1)+(n+1))%(n+1) - 1
	before := c.state.Leader()
	if err := c.evaluate(c.state.Request.WhatIf); err != nil {
		c.scenario = prev
		c.status = Status{Kind: StatusWarn, Text: err.Error()}
		return
	}
	what := "No scenario"
	if name := c.ScenarioName(); name != "" {
		what = fmt.Sprintf("Scenario %s (%d of %d)", strconv.Quote(name), c.scenario+1, n)
	}
	c.status = c.leaderNews(before, what)
	if c.state.Urgency.Source == model.SourceWhatIf {
		if c.ScenarioName() != "" {
			c.status.Text += " Your what-if holds the urgency; " + c.key(IntentReset) + " shows the scenario's own."
		} else {
			c.status.Text += " Your what-if holds the urgency; " + c.key(IntentReset) + " lets it follow the situation again."
		}
	}
}

// WeightStep is how far one press of + or - on the Priorities page moves
// the selected weight.
const WeightStep = 1

// selectPriority moves the Priorities page's selection up or down.
func (c *Controller) selectPriority(up bool) {
	n := len(c.state.Profile.Priorities)
	switch {
	case up && c.priority > 0:
		c.priority--
	case !up && c.priority+1 < n:
		c.priority++
	}
}

// nudgeWeight moves the selected priority's weight by one step as a
// what-if, never below 0 and never leaving every weight at 0. The state
// is re-ranked from the one in force (see [model.State.WithWeights]), so
// a step costs a pass over the fits, not a fresh evaluation.
func (c *Controller) nudgeWeight(dir int) {
	s := c.state
	prs := s.Profile.Priorities
	if len(prs) == 0 {
		return
	}
	k := min(c.priority, len(prs)-1)
	pr := prs[k]
	v := math.Max(0, pr.Weight+float64(dir)*WeightStep)
	label := report.Clean(pr.Name())
	if v == pr.Weight {
		c.status = Status{Text: "The weight of " + label + " is already 0."}
		return
	}
	total := 0.0
	for _, p := range prs {
		total += p.Weight
	}
	if total-pr.Weight+v == 0 {
		c.status = Status{Kind: StatusWarn, Text: "Not every weight can be 0: then nothing would count toward fit."}
		return
	}
	weights := make(map[string]float64, len(s.Request.WhatIf.Weights)+1)
	for id, w := range s.Request.WhatIf.Weights {
		weights[id] = w
	}
	weights[pr.ID] = v
	before := s.Leader()
	next, err := s.WithWeights(weights)
	if err != nil {
		w := s.Request.WhatIf
		w.Weights = weights
		if err := c.evaluate(w); err != nil {
			c.status = Status{Kind: StatusWarn, Text: err.Error()}
			return
		}
	} else {
		c.state = next
		c.keepSelection()
	}
	c.status = c.weightNews(before, k, fmt.Sprintf("%s weighs %s (what-if)", label, report.Weight(v)))
	c.status.Text += " " + c.key(IntentReset) + " resets."
}

// weightNews is the status line after priority k's weight moved: who
// leads now, and when the leader did not change, the nearest weight of k
// that would change it, since that is what the next presses head for.
func (c *Controller) weightNews(before, k int, what string) Status {
	s := c.state
	now := s.Leader()
	if now < 0 || before >= 0 && now != before {
		return c.leaderNews(before, what)
	}
	var near *model.WeightFlip
	for _, f := range s.WeightFlips() {
		if f.Priority == k && (near == nil || math.Abs(f.Weight-f.Now) < math.Abs(near.Weight-near.Now)) {
			near = &f
		}
	}
	if near == nil {
		return Status{Text: fmt.Sprintf("%s: %s leads whatever this priority weighs.", what, nameOf(s, now))}
	}
	side := "above"
	if !near.Up {
		side = "below"
	}
	return Status{Text: fmt.Sprintf("%s: %s leads; %s would lead %s %s.", what, nameOf(s, now), nameOf(s, near.Beyond), side,
		report.FlipWeight(*near))}
}
