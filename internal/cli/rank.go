package cli

import "mutual/views"

// cmdRank prints the ranking in the chosen format.
func cmdRank(sys system, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return views.WriteRank(sys.stdout, s.state, s.reportInfo(opts), opts.format)
}
