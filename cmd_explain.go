package main

import (
	"strings"

	reports "mutual/views/report"
)

// cmdExplain prints every term of one opportunity's score.
func cmdExplain(sys system, opts options) error {
	s, i, err := openOpportunity(sys, opts)
	if err != nil {
		return err
	}
	return reports.WriteExplain(sys.stdout, s.state, i, s.reportInfo(opts))
}

// openOpportunity opens the profile and finds the opportunity the
// arguments name (several words make one name), for explain and prep.
func openOpportunity(sys system, opts options) (*session, int, error) {
	s, err := open(sys, opts)
	if err != nil {
		return nil, 0, err
	}
	i, err := s.state.Find(strings.Join(opts.args, " "))
	if err != nil {
		return nil, 0, &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return s, i, nil
}
