package views

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/views/report"
)

// This file holds the what-ifs the keys make: the urgency and the savings
// nudged a step at a time, the scenarios cycled, all of it reset, and the
// status line's news of who leads after each.

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
