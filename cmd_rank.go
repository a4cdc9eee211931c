package main

import reports "mutual/views/report"

// cmdRank prints the ranking in the chosen format.
func cmdRank(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return reports.WriteRank(sys.stdout, s.state, s.reportInfo(opts), opts.format)
}

func (s *session) reportInfo(opts options) reports.Info {
	return reports.Info{Profile: s.profileLabel(), Today: opts.today}
}
