package main

import (
	"mutual/model"
	reports "mutual/views/report"
)

// cmdPrep prints a Markdown interview-prep sheet for one opportunity.
func cmdPrep(sys system, opts options) error {
	s, i, err := openOpportunity(sys, opts)
	if err != nil {
		return err
	}
	return reports.WritePrep(sys.stdout, s.state, model.Decide(s.state), i, s.reportInfo(opts))
}
