package cli

import (
	"fmt"

	"mutual/model"
	"mutual/views/report"
)

// cmdDecide prints the reservation scores, the advice on every offer with
// a deadline and the questions to ask.
//
// Past a second (tens of thousands of opportunities), it says on stderr,
// when that is a terminal, which step it is on.
func cmdDecide(sys System, opts options) error {
	work := startProgress(sys, slowAfter, "reading the profile")
	defer work.stop()
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	work.between(func() { s.notes(sys) })
	work.next(fmt.Sprintf("weighing %d opportunities", len(s.state.Assessments)))
	d := model.Decide(s.state)
	work.next("writing the advice")
	return report.WriteDecide(sys.Stdout, s.state, d, s.reportInfo(opts), opts.format)
}
