package profiles

import (
	"errors"
	"fmt"
	"strings"

	"mutual/model"
)

// This file sets one key of one opportunity (mutual set): any key of the
// field table that takes one value, written through the one safe save
// into the file that defines the opportunity, one line changed.

// SetOpportunityKey gives key of the opportunity called name the value
// v, as the key's row in model.OpportunityFields reads it (a float64,
// bool, string or model.Date): it replaces the value where the key is
// written, or is added as a line at the end of the block's keys. A nil v
// removes the key's line. The edit is aimed at the name in the text being
// written, as SetRatings's is. When the key is so already, nothing is
// written and the result is nil.
func SetOpportunityKey(l *Loaded, name string, key string, v any) (*Saved, error) {
	f, ok := model.FieldOf(opportunityFields, key)
	if !ok || !f.Settable() {
		return nil, fmt.Errorf("%q is not a key that takes one value", key)
	}
	saved, err := editOpportunity(l, name, func(o model.Opportunity, elem []string, src string) (string, error) {
		ix := newTextIndex(src)
		_, written := ix.lookup(append(clonePath(elem), key)...)
		if old, set := f.Get(o); written && set && v != nil && old == v || !written && v == nil {
			return "", errNothingToSave
		}
		return editOpportunityKey(src, elem, name, key, v)
	})
	if errors.Is(err, errNothingToSave) {
		return nil, nil
	}
	return saved, err
}

// editOpportunityKey sets, adds or (v nil) removes key in the element.
func editOpportunityKey(src string, elem []string, name, key string, v any) (string, error) {
	lit := ""
	if v != nil {
		var err error
		if lit, err = tomlLiteral(v); err != nil {
			return "", err
		}
	}
	step := func(src string, ix *textIndex) (string, error) {
		e, exists := ix.lookup(append(clonePath(elem), key)...)
		head, ok := ix.lookup(elem...)
		inline := !ok || !head.header
		switch {
		case exists && (e.header || e.own > 1):
			return "", fmt.Errorf("%s is written as a table or a dotted key; change it by hand", key)
		case v == nil && !exists:
			return src, nil
		case v == nil && inline:
			return removeInlineKey(src, ix, elem, e)
		case v == nil:
			start, end := lineStart(src, e.keyStart), lineEnd(src, e.valEnd)
			rest := strings.TrimSpace(src[e.valEnd:end])
			if strings.TrimSpace(src[start:e.keyStart]) != "" || rest != "" && !strings.HasPrefix(rest, "#") {
				return "", fmt.Errorf("%s shares its line with other keys; remove it by hand", key)
			}
			return src[:start] + src[end:], nil
		case exists:
			return replaceValue(src, e.valStart, e.valEnd, lit), nil
		case inline:
			return "", fmt.Errorf("the opportunity is written inline; add %s = %s by hand", key, lit)
		}
		return insertLine(src, sectionEnd(src, ix, head, elem), bareOrQuoted(key)+" = "+lit+newline(src)), nil
	}
	return editElement(src, elem, name, []editStep{step}, func(el map[string]any) {
		if v == nil {
			delete(el, key)
		} else {
			el[key] = normalise(v)
		}
	})
}
