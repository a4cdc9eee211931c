package cli

import "mutual/views/report"

// cmdExplain prints every term of one opportunity's score.
func cmdExplain(sys System, opts options) error {
	s, i, err := openOpportunity(sys, opts)
	if err != nil {
		return err
	}
	return report.WriteExplain(sys.Stdout, s.state, i, s.reportInfo(opts))
}
