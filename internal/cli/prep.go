package cli

import (
	"mutual/model"
	"mutual/views/report"
)

// cmdPrep prints a Markdown interview-prep sheet for one opportunity.
func cmdPrep(sys System, opts options) error {
	s, i, err := openOpportunity(sys, opts)
	if err != nil {
		return err
	}
	return report.WritePrep(sys.Stdout, s.state, model.Decide(s.state), i, s.reportInfo(opts))
}
