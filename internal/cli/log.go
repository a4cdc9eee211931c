package cli

import "mutual/views/report"

// cmdLog prints every stage move written in the opportunities' histories,
// by day: a work-search record, and who is due a follow-up.
func cmdLog(sys System, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return report.WriteLog(sys.Stdout, &s.loaded.Profile, s.reportInfo(opts), opts.format)
}
