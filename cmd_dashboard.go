package main

import reports "mutual/views/report"

// cmdDashboard opens the dashboard, or prints the ranking table when
// stdout is not a terminal (piped into a file or another program).
func cmdDashboard(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	if !sys.stdoutIsTerminal {
		s.notes(sys)
		return reports.WriteRank(sys.stdout, s.state, s.reportInfo(opts), "table")
	}
	return sys.dashboard(s, opts)
}
