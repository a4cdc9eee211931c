package cli

import (
	"fmt"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// addFlagOf names the flag that sets a key of a new opportunity, from
// the field table.
func addFlagOf(key string) (string, bool) {
	f, ok := model.FieldOf(model.OpportunityFields(), key)
	return "--" + f.Flag.Name, ok && f.Flag.Name != ""
}

// cmdAdd appends a new [[opportunity]] to the file that holds the
// opportunities, with its stage and day in its history. Every field that
// cannot be read is reported, and nothing is written.
func cmdAdd(sys System, opts options) error {
	l, err := writable(sys, opts)
	if err != nil {
		return err
	}
	// One NAME: words after it are most likely a value that lost its
	// flag (mutual add Hooli 50000), not part of the name.
	if len(opts.args) > 1 {
		hint := fmt.Sprintf("quote a name of several words: mutual add %q", strings.Join(opts.args, " "))
		for _, a := range opts.args[1:] {
			if _, err := model.ParseMoney(a); err == nil {
				hint = fmt.Sprintf("did you mean mutual add %s --pay %s? (quote a name of several words)", quoteWord(opts.args[0]), a)
				break
			}
		}
		return &usageError{msg: fmt.Sprintf("'mutual add' takes one NAME; it was given %d words", len(opts.args)), hint: hint}
	}
	in := opts.opportunity
	in.Name = opts.args[0]
	o, errs := model.NewOpportunity(&l.Profile, in, opts.today)
	if len(errs) > 0 {
		for _, e := range errs {
			what := "NAME"
			if f, ok := addFlagOf(e.Field); ok {
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

// quoteWord is a word as a shell would need it typed: as it is when it is
// plain, in double quotes otherwise.
func quoteWord(w string) string {
	if w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return w
	}
	return strconv.Quote(w)
}
