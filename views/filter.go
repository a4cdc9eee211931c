package views

import (
	"fmt"
	"strconv"
	"strings"

	"mutual/views/report"
)

// This file holds the ranking's filter by name: / starts typing it, the
// ranking follows every key typed, enter keeps it and esc clears it.

// Filter is the text the ranking's names are filtered by; "" lists all.
func (c *Controller) Filter() string { return c.filter }

// startFilter starts typing the filter, from the one in force.
func (c *Controller) startFilter() {
	c.typing, c.typed = typingFilter, c.filter
	c.status = Status{Text: fmt.Sprintf("Filter the ranking by name: type; %s keeps the filter, %s clears it.",
		c.key(IntentSubmit), c.key(IntentClose))}
}

// setFilter keeps the ranking to the names that contain text.
func (c *Controller) setFilter(text string) {
	c.filter = text
	c.keepSelection()
	c.status = c.filterNews()
}

// clearFilter lists every opportunity again.
func (c *Controller) clearFilter() {
	c.filter, c.typed = "", ""
	c.keepSelection()
	c.status = Status{Text: "Filter cleared: every opportunity is listed."}
}

// matches reports whether opportunity i's name contains the filter, in
// any case.
func (c *Controller) matches(i int) bool {
	return strings.Contains(strings.ToLower(c.state.Assessments[i].Name), strings.ToLower(c.filter))
}

// filterNews says how many names the filter keeps.
func (c *Controller) filterNews() Status {
	if c.filter == "" {
		return Status{Text: "No filter: every opportunity is listed."}
	}
	n, all := len(c.Rows()), len(c.state.Assessments)
	q := strconv.Quote(report.Clean(c.filter))
	if n == 0 {
		return Status{Kind: StatusWarn, Text: fmt.Sprintf("No name contains %s; %s clears the filter.", q, c.key(IntentClose))}
	}
	return Status{Text: fmt.Sprintf("%d of %d names contain %s; %s clears the filter.", n, all, q, c.key(IntentClose))}
}
