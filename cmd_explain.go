package main

import (
	"strings"

	"mutual/views"
)

// cmdExplain prints every term of one opportunity's score.
func cmdExplain(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	i, err := s.state.Find(strings.Join(opts.args, " "))
	if err != nil {
		return &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return views.WriteExplain(sys.stdout, s.state, i, s.reportInfo(opts))
}
