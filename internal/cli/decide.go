package cli

import (
	"mutual/model"
	"mutual/views/report"
)

// cmdDecide prints the reservation scores, the advice on every offer with
// a deadline and the questions to ask.
func cmdDecide(sys System, opts options) error {
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return report.WriteDecide(sys.Stdout, s.state, model.Decide(s.state), s.reportInfo(opts), opts.format)
}
