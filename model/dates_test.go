package model

import (
	"strings"
	"testing"
)

// TestNewOpportunityRefusesFarDates: a date typed into a form is refused
// outside the years a search plans for, as a profile's is at load (issue
// 24.10: starts = 9999-12-31 paid from 2319).
func TestNewOpportunityRefusesFarDates(t *testing.T) {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Priorities: []Priority{{ID: "a", Weight: 1}}}
	for _, c := range []struct {
		starts string
		ok     bool
	}{{"2027-01-04", true}, {"2200-12-31", true}, {"2201-01-01", false}, {"9999-12-31", false}, {"1899-12-31", false}} {
		_, errs := NewOpportunity(p, OpportunityInput{Name: "Acme", Values: map[string]string{"stage": "applied", "starts": c.starts}}, today)
		if ok := len(errs) == 0; ok != c.ok {
			t.Errorf("starts %s: errors %v, want ok %v", c.starts, errs, c.ok)
		}
		if !c.ok && len(errs) > 0 && !strings.Contains(errs[0].Message, "outside the years 1900 to 2200") {
			t.Errorf("starts %s: %q", c.starts, errs[0].Message)
		}
	}
}
