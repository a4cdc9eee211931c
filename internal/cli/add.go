package cli

import (
	"fmt"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// addFlags are add's own flags: the new opportunity's fields.
func addFlags() []ownFlag {
	return []ownFlag{
		{name: "stage", value: "STAGE", help: "where it stands (default lead)"},
		{name: "pay", value: "N", help: "gross pay per --per"},
		{name: "per", value: "PERIOD", help: "year (default), month or hour"},
		{name: "hours-per-week", value: "N", help: "hours a week, for pay by the hour"},
		{name: "starts", value: "DATE", help: "the first day, YYYY-MM-DD"},
		{name: "respond-by", value: "DATE", help: "the offer's deadline"},
		{name: "decision-expected", value: "DATE", help: "when you expect to hear"},
		{name: "insurance", help: "it provides health coverage"},
	}
}

// addFlagOf names the flag that sets a field of model.OpportunityInput.
var addFlagOf = map[string]string{
	model.FieldStage: "--stage", model.FieldPay: "--pay", model.FieldPer: "--per", model.FieldHoursPerWeek: "--hours-per-week",
	model.FieldStarts: "--starts", model.FieldRespondBy: "--respond-by", model.FieldDecisionExpected: "--decision-expected",
}

// cmdAdd appends a new [[opportunity]] to the file that holds the
// opportunities, with its stage and day in its history. Every field that
// cannot be read is reported, and nothing is written.
func cmdAdd(sys System, opts options) error {
	l, err := writable(sys, opts)
	if err != nil {
		return err
	}
	in := opts.opportunity
	in.Name = strings.Join(opts.args, " ")
	o, errs := model.NewOpportunity(&l.Profile, in, opts.today)
	if len(errs) > 0 {
		for _, e := range errs {
			what := "NAME"
			if f, ok := addFlagOf[e.Field]; ok {
				what = f
			}
			fmt.Fprintf(sys.Stderr, "mutual: %s: %s\nhint: %s\n", what, e.Message, e.Hint)
		}
		return &silentFailure{msg: "bad input"}
	}
	saved, err := profiles.AddOpportunities(l, []model.Opportunity{o})
	if err != nil {
		return saveFailed(err)
	}
	fmt.Fprintf(sys.Stdout, "added %s (%s on %s), %s\n", o.Name, o.Stage, opts.today, savedLine(sys, saved))
	return nil
}
