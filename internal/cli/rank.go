package cli

import "mutual/views/report"

// cmdRank prints the ranking in the chosen format.
func cmdRank(sys System, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return report.WriteRank(sys.Stdout, s.state, s.reportInfo(opts), opts.format)
}
