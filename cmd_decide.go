package main

import (
	"fmt"
	"slices"
	"strings"

	"mutual/model"
	reports "mutual/views/report"
)

// cmdDecide prints the reservation scores, the advice on every offer with
// a deadline and the questions to ask.
func cmdDecide(sys system, opts options) error {
	if !slices.Contains(reports.DecideFormats(), opts.format) {
		return &usageError{msg: fmt.Sprintf("'mutual decide' does not write --format %s", opts.format),
			hint: "use one of: " + strings.Join(reports.DecideFormats(), ", ")}
	}
	s, err := open(sys, opts)
	if err != nil {
		return err
	}
	s.notes(sys)
	return reports.WriteDecide(sys.stdout, s.state, model.Decide(s.state), s.reportInfo(opts), opts.format)
}
