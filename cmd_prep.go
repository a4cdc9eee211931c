package main

import (
	"mutual/model"
	"mutual/views"
)

// cmdPrep prints a Markdown interview-prep sheet for one opportunity.
func cmdPrep(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	i, err := s.state.Find(opts.args[0])
	if err != nil {
		return &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return views.WritePrep(sys.stdout, s.state, model.Decide(s.state), i, s.reportInfo(opts))
}
