package main

import "mutual/views"

// cmdExplain prints every term of one opportunity's score.
func cmdExplain(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	i, err := s.state.Find(opts.args[0])
	if err != nil {
		return &failure{msg: err.Error(), hint: "run 'mutual rank' to see the names"}
	}
	s.notes(sys)
	return views.WriteExplain(sys.stdout, s.state, i, s.reportInfo(opts))
}
