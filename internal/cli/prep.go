package cli

import (
	"mutual/model"
	"mutual/views"
)

// cmdPrep prints a Markdown interview-prep sheet for one opportunity.
func cmdPrep(sys system, opts options) error {
	s, i, err := openOpportunity(sys, opts)
	if err != nil {
		return err
	}
	return views.WritePrep(sys.stdout, s.state, model.Decide(s.state), i, s.reportInfo(opts))
}
