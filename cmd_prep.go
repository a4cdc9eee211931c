package main

import (
	"strings"

	"mutual/model"
	"mutual/views"
)

// cmdPrep prints a Markdown interview-prep sheet for one opportunity.
func cmdPrep(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	i, err := s.state.Find(strings.Join(opts.args, " "))
	if err != nil {
		return &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return views.WritePrep(sys.stdout, s.state, model.Decide(s.state), i, s.reportInfo(opts))
}
