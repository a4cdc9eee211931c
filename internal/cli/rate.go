package cli

import (
	"fmt"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// cmdRate sets one rating of one opportunity, in the file that defines
// it: a number, a range lo-hi, or unknown (which removes the line).
func cmdRate(sys System, opts options) error {
	l, err := writable(sys, opts)
	if err != nil {
		return err
	}
	i, err := findOpportunity(l, opts.args[0])
	if err != nil {
		return err
	}
	pr, err := findPriority(&l.Profile, opts.args[1])
	if err != nil {
		if _, keyErr := settableField(opts.args[1], opts.args[0], opts.args[2]); keyErr == nil {
			return &usageError{msg: fmt.Sprintf("%s is not a priority but a key of the opportunity", opts.args[1]),
				hint: fmt.Sprintf("use mutual set %s %s %s", quoteWord(opts.args[0]), opts.args[1], quoteWord(opts.args[2]))}
		}
		return err
	}
	// An empty VALUE is most likely an unset shell variable, not a wish
	// to clear the rating: only the word unknown clears one.
	if strings.TrimSpace(opts.args[2]) == "" {
		return &failure{msg: fmt.Sprintf("the VALUE for %q of %q is empty; nothing was written", pr.ID, opts.args[0]),
			hint: "write a rating like 4, a range like 2-4, or unknown to clear it"}
	}
	r, known, err := model.ParseRating(pr.ID, opts.args[2], l.Profile.Scale)
	if err != nil {
		ie := err.(*model.InputError)
		return &failure{msg: fmt.Sprintf("%s for %q of %q", ie.Message, pr.ID, opts.args[0]), hint: ie.Hint}
	}
	o := l.Profile.Opportunities[i]
	old, had := o.Ratings[pr.ID]
	saved, err := profiles.SetRatings(l, o.Name, profiles.RatingValue{ID: pr.ID, Rating: r, Known: known})
	if err != nil {
		return saveFailed(err)
	}
	now := ratingWords(r, known)
	if saved == nil {
		fmt.Fprintf(sys.Stdout, "%s: %s is %s already; nothing written\n", o.Name, pr.ID, now)
		return nil
	}
	fmt.Fprintf(sys.Stdout, "%s: %s %s (was %s), %s\n", o.Name, pr.ID, now, ratingWords(old, had), savedLine(sys, saved))
	return nil
}

func ratingWords(r model.Rating, known bool) string {
	if !known {
		return "unknown"
	}
	return model.RatingText(r, true)
}

// findPriority finds a priority by its id, else by its id or label in
// another case, with a "did you mean" when none has it.
func findPriority(p *model.Profile, text string) (model.Priority, error) {
	if pr, ok := p.Priority(text); ok {
		return pr, nil
	}
	ids := make([]string, len(p.Priorities))
	for k, pr := range p.Priorities {
		ids[k] = pr.ID
		if strings.EqualFold(pr.ID, text) || strings.EqualFold(pr.Label, text) {
			return pr, nil
		}
	}
	hint := "priorities: " + strings.Join(ids, ", ")
	if s := closest(text, ids); s != "" {
		hint = fmt.Sprintf("did you mean %q? %s", s, hint)
	}
	return model.Priority{}, &failure{msg: fmt.Sprintf("no priority has the id %q", text), hint: hint}
}
