package cli

import (
	"fmt"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/profiles"
)

// cmdSet sets one key of one opportunity, in the file that defines it:
// any key of the field table that takes one value, read as its kind
// says (money takes 105k or $105,000, a date 2026-12-23); unset removes
// the key. A value that cannot be read writes nothing and exits 1; a key
// the table does not have is bad usage.
func cmdSet(sys System, opts options) error {
	name, key, text := opts.args[0], opts.args[1], opts.args[2]
	f, err := settableField(key, name, text)
	if err != nil {
		return err
	}
	l, err := writable(sys, opts)
	if err != nil {
		return err
	}
	i, err := findOpportunity(l, name)
	if err != nil {
		return err
	}
	o := l.Profile.Opportunities[i]
	// An empty VALUE is most likely an unset shell variable, not a wish
	// to remove the key: only the word unset removes one.
	var v any
	switch t := strings.TrimSpace(text); {
	case t == "":
		return &failure{msg: fmt.Sprintf("the VALUE for %s of %q is empty; nothing was written", f.Key, o.Name),
			hint: "write a value, or unset to remove the key"}
	case strings.EqualFold(t, "unset"):
	default:
		var ie *model.InputError
		if v, ie = f.Parse(t); ie != nil {
			return &failure{msg: fmt.Sprintf("%s for %q; nothing was written", ie.Message, o.Name), hint: ie.Hint}
		}
	}
	old, had := f.Get(o)
	saved, err := profiles.SetOpportunityKey(l, o.Name, f.Key, v)
	if err != nil {
		return saveFailed(err)
	}
	if saved == nil {
		fmt.Fprintf(sys.Stdout, "%s: %s is %s already; nothing written\n", o.Name, f.Key, keyWords(v))
		return nil
	}
	if !had {
		old = nil
	}
	fmt.Fprintf(sys.Stdout, "%s: %s %s (was %s), %s\n", o.Name, f.Key, keyWords(v), keyWords(old), savedLine(sys, saved))
	return nil
}

// settableField is the row of the field table that 'mutual set' sets
// for key, or the usage error that says where to go instead.
func settableField(key, name, value string) (model.Field[model.Opportunity], error) {
	f, ok := model.FieldOf(model.OpportunityFields(), key)
	if ok && f.Settable() && key != model.FieldName && key != model.FieldStage {
		return f, nil
	}
	var hint string
	switch key {
	case model.FieldStage:
		hint = fmt.Sprintf("a move keeps its day in the history: mutual stage %s %s", quoteWord(name), quoteWord(value))
	case model.FieldRatings:
		hint = fmt.Sprintf("rate one priority at a time: mutual rate %s PRIORITY VALUE", quoteWord(name))
	case model.FieldHistory:
		hint = fmt.Sprintf("'mutual stage %s STAGE' adds a move to it", quoteWord(name))
	case model.FieldName:
		hint = "rename it in the profile: the name is how every command finds it"
	default:
		hint = "keys: " + strings.Join(settableKeys(), ", ")
		if s := closest(key, settableKeys()); s != "" {
			hint = fmt.Sprintf("did you mean %s? %s", s, hint)
		}
		return f, &usageError{msg: fmt.Sprintf("%q is not a key of an opportunity", key), hint: hint}
	}
	return f, &usageError{msg: fmt.Sprintf("'mutual set' does not set %s", key), hint: hint}
}

// settableKeys are the keys 'mutual set' sets, in the field table's
// order.
func settableKeys() []string {
	var out []string
	for _, f := range model.OpportunityFields() {
		if f.Settable() && f.Key != model.FieldName && f.Key != model.FieldStage {
			out = append(out, f.Key)
		}
	}
	return out
}

// keyWords says a key's value: as the file writes it, or "unset".
func keyWords(v any) string {
	switch x := v.(type) {
	case nil:
		return "unset"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return strconv.Quote(x)
	}
	return fmt.Sprint(v)
}

// setHelp is set's help, naming the keys from the field table.
func setHelp() string {
	return `Set one key of one opportunity, in the file that defines it: KEY is one of
` + wrapWords(settableKeys(), 78) + `
VALUE is read as the key takes it: money as 105000, 105k or $105,000; a
date as 2026-12-23; a chance from 0 to 1; true or false; unset removes the
key. NAME is found as explain finds it. Only that line changes; the save is
checked before it is written, and a value that cannot be read writes
nothing. Ratings are set with 'mutual rate', the stage with 'mutual stage'.
`
}

// wrapWords lists words joined by commas, ended by a full stop, in lines
// of at most width characters, each line indented by two spaces.
func wrapWords(words []string, width int) string {
	var lines []string
	line := " "
	for k, w := range words {
		word := " " + w
		if k < len(words)-1 {
			word += ","
		}
		if len(line)+len(word) > width {
			lines, line = append(lines, line), " "
		}
		line += word
	}
	return strings.Join(append(lines, line+"."), "\n")
}
