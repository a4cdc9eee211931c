package profiles

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"mutual/model"
)

// This file changes one opportunity where it is written: its ratings
// (mutual rate, the dashboard's Ratings form) and its stage with the
// history of moves (mutual stage, the Stage picker), and takes a save of
// the dashboard's back (u). Every change goes through the one safe save
// (save.go) into the file that defines the opportunity, touches only the
// lines it changes, and is checked by parsing the result and comparing it
// with what the change should have made.

// RatingValue is one priority's rating to save (see model.RatingValue).
type RatingValue = model.RatingValue

// SetRatings writes ratings of the opportunity called name in the file
// that defines it, in one save: all of them are written, or none is. The
// edit is aimed at the name in the text being written, never at a place
// fixed when the profile was loaded, so a save redone over an outside
// change (another opportunity inserted above it) changes this one or
// nothing. A rating that is already what it would be written as is left
// alone; when none changes, nothing is written and the result is nil.
func SetRatings(l *Loaded, name string, values ...RatingValue) (*Saved, error) {
	for _, v := range values {
		if _, ok := l.Profile.Priority(v.ID); !ok {
			return nil, fmt.Errorf("no priority has the id %q", v.ID)
		}
	}
	return editOpportunity(l, name, func(o model.Opportunity, elem []string, src string) (string, error) {
		var changes []RatingValue
		for _, v := range values {
			old, had := o.Ratings[v.ID]
			if had == v.Known && (!had || old == v.Rating) {
				continue
			}
			changes = append(changes, v)
		}
		if len(changes) == 0 {
			return "", errNothingToSave
		}
		return editRatings(src, elem, name, changes)
	})
}

// SetStage moves the opportunity called name to stage on day on: its
// stage = line, and one more { stage, on } at the end of its history, in
// one save, aimed at the name as SetRatings is. A move to the stage it is
// at already writes nothing and returns nil.
func SetStage(l *Loaded, name string, stage model.Stage, on model.Date) (*Saved, error) {
	if !stage.Valid() {
		return nil, fmt.Errorf("%q is not a stage", stage)
	}
	if on.IsZero() {
		return nil, errors.New("a move needs its day")
	}
	return editOpportunity(l, name, func(o model.Opportunity, elem []string, src string) (string, error) {
		if o.Stage == stage {
			return "", errNothingToSave
		}
		// The history is a record in the order things happened: a move
		// dated before the last one written would put it out of order.
		if last, ok := o.LastMove(); ok && on.Before(last) {
			return "", fmt.Errorf("%q last moved on %s, so a move dated %s would come before it in its history; date it %s or later (--today)",
				o.Name, last, on, last)
		}
		return editStage(src, elem, name, stage, on)
	})
}

// editOpportunity saves change into the file that defines the
// opportunity called name. change is given the opportunity and where it
// is written as they are in the text it edits: the loaded profile's when
// the file is as it was loaded, else the profile as it is on disk now,
// found again by its name. A name that is gone, or has moved to another
// file, is refused with nothing written.
func editOpportunity(l *Loaded, name string, change func(o model.Opportunity, elem []string, src string) (string, error)) (*Saved, error) {
	at, _, err := opportunityNamed(l, name)
	if err != nil {
		return nil, err
	}
	return saveWith(l, at.File, atomicWriter{}, func(src string, now *Loaded) (string, error) {
		at2, o, err := opportunityNamed(now, name)
		if err != nil {
			return "", fmt.Errorf("%w there, so nothing was written", err)
		}
		if at2.File != at.File {
			return "", fmt.Errorf("%q is now written in %s, not %s; load the profile again and redo the change", name, at2.File, at.File)
		}
		return change(o, at2.key, src)
	})
}

// Undo puts back the file a save wrote as it was before, when it still
// holds what that save wrote: anything written to it since (an editor, a
// sync) is kept, and the undo refused. It goes through the same safe save.
func Undo(l *Loaded, s *Saved) (*Saved, error) {
	if s == nil || s.before == nil {
		return nil, errors.New("there is nothing to undo")
	}
	before, after := *s.before, s.after
	return save(l, s.File, atomicWriter{}, func(src string) (string, error) {
		if src != after {
			return "", errors.New("it changed since that save (by an editor or another program), so undoing would lose that change")
		}
		return before, nil
	})
}

// opportunityNamed is where the opportunity called name is written, and
// the opportunity. Names are told apart by their exact spelling: the
// command line and the dashboard find the one meant before they save.
func opportunityNamed(l *Loaded, name string) (Origin, model.Opportunity, error) {
	if l.Path == ExampleName {
		return Origin{}, model.Opportunity{}, ErrExample
	}
	found := -1
	for i, o := range l.Profile.Opportunities {
		if o.Name != name {
			continue
		}
		if found >= 0 {
			return Origin{}, model.Opportunity{}, fmt.Errorf("two opportunities are named %q; give each its own name first", name)
		}
		found = i
	}
	if found < 0 || found >= len(l.Origins.Opportunities) {
		return Origin{}, model.Opportunity{}, fmt.Errorf("no opportunity is named %q", name)
	}
	at := l.Origins.Opportunities[found]
	if len(at.key) == 0 {
		return Origin{}, model.Opportunity{}, fmt.Errorf("cannot tell where %q is written", name)
	}
	return at, l.Profile.Opportunities[found], nil
}

// editStep is one change to the text, made on its fresh index.
type editStep func(src string, ix *textIndex) (string, error)

// editElement makes steps one after another on src, each on an index of
// the text as the step before left it, then checks the result against
// src with want applied to the element at elem (["opportunity", "2"]),
// which must be the one called name, in src and in the result.
func editElement(src string, elem []string, name string, steps []editStep, want func(el map[string]any)) (string, error) {
	if _, err := toml.Decode(src, new(map[string]any)); err != nil {
		return "", fmt.Errorf("the file does not parse, so it cannot be edited safely: %w", err)
	}
	out := src
	for _, step := range steps {
		ix := newTextIndex(out)
		if ix.truncated {
			return "", errors.New("the file uses TOML that mutual cannot edit in place; change it by hand")
		}
		var err error
		if out, err = step(out, ix); err != nil {
			return "", err
		}
	}
	// The check compares the whole result with src changed as meant, so
	// the element being called name in src is enough: it is in out too.
	named := false
	err := checkEdit(src, out, func(doc map[string]any) {
		if el := elementOf(doc, elem); el != nil {
			named = el["name"] == name
			want(el)
		}
	})
	if err == nil && !named {
		err = fmt.Errorf("the opportunity at %s is not %q; nothing was written", strings.Join(elem, "."), name)
	}
	return out, err
}

// elementOf is the table at elem in a decoded document: a name, an index
// into its list, a name, ...
func elementOf(doc map[string]any, elem []string) map[string]any {
	var cur any = doc
	for _, part := range elem {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[part]
		case []map[string]any, []any:
			list := asList(x)
			n, err := strconv.Atoi(part)
			if err != nil || n < 0 || n >= len(list) {
				return nil
			}
			cur = list[n]
		default:
			return nil
		}
	}
	t, _ := cur.(map[string]any)
	return t
}

// ratingLiteral is a rating as it is written: a number, or [low, high].
func ratingLiteral(r model.Rating) any {
	if r.Known() {
		return r.Low
	}
	return numberList{r.Low, r.High}
}

// editRatings sets or removes each rating under the element's ratings,
// written whichever way the file writes them: an [opportunity.ratings]
// table, an inline ratings = { ... }, or dotted ratings.id = lines.
func editRatings(src string, elem []string, name string, values []RatingValue) (string, error) {
	steps := make([]editStep, len(values))
	for k, v := range values {
		steps[k] = func(src string, ix *textIndex) (string, error) { return editRating(src, ix, elem, v) }
	}
	dotted := false
	if ix := newTextIndex(src); !ix.truncated {
		_, written := ix.lookup(append(clonePath(elem), "ratings")...)
		dotted = !written
	}
	return editElement(src, elem, name, steps, func(el map[string]any) {
		rt, _ := el["ratings"].(map[string]any)
		if rt == nil {
			rt = map[string]any{}
		}
		for _, v := range values {
			if v.Known {
				rt[v.ID] = normalise(ratingLiteral(v.Rating))
			} else {
				delete(rt, v.ID)
			}
		}
		if len(rt) == 0 && dotted {
			delete(el, "ratings") // no dotted line left to make the table
		} else {
			el["ratings"] = rt
		}
	})
}

func editRating(src string, ix *textIndex, elem []string, v RatingValue) (string, error) {
	table := append(clonePath(elem), "ratings")
	path := append(clonePath(table), v.ID)
	e, exists := ix.lookup(path...)
	tableEntry, tableWritten := ix.lookup(table...)
	inline := tableWritten && !tableEntry.header
	if exists && e.header {
		return "", fmt.Errorf("the rating of %q is written as a table; change it by hand", v.ID)
	}
	if !v.Known {
		if !exists {
			return src, nil
		}
		if inline {
			return removeInlineKey(src, ix, table, e)
		}
		return removeLine(src, e, v.ID)
	}
	lit, err := tomlLiteral(ratingLiteral(v.Rating))
	if err != nil {
		return "", err
	}
	if exists {
		return replaceValue(src, e.valStart, e.valEnd, lit), nil
	}
	nl := newline(src)
	switch {
	case inline:
		return insertInlineKey(src, ix, table, tableEntry, bareOrQuoted(v.ID)+" = "+lit)
	case tableWritten:
		// [opportunity.ratings]: after its last key, or just below it.
		return insertLine(src, sectionEnd(src, ix, tableEntry, table), bareOrQuoted(v.ID)+" = "+lit+nl), nil
	}
	head, ok := ix.lookup(elem...)
	if !ok || !head.header {
		return "", fmt.Errorf("the opportunity is written inline; add the rating %s = %s by hand", v.ID, lit)
	}
	if last, ok := lastDotted(ix, head, table); ok {
		// ratings.fit = 3 lines: one more beside the last.
		return insertLine(src, lineEnd(src, last.valEnd), "ratings."+bareOrQuoted(v.ID)+" = "+lit+nl), nil
	}
	// No ratings yet: an [opportunity.ratings] table of its own at the
	// end of the block's keys.
	return insertLine(src, sectionEnd(src, ix, head, elem), "["+bareOrQuoted(elem[0])+".ratings]"+nl+bareOrQuoted(v.ID)+" = "+lit+nl), nil
}

// editStage sets the element's stage and adds the move to its history.
func editStage(src string, elem []string, name string, stage model.Stage, on model.Date) (string, error) {
	move := history{{Stage: stage, On: on}}
	setStage := func(src string, ix *textIndex) (string, error) {
		e, ok := ix.lookup(append(clonePath(elem), "stage")...)
		if !ok || e.header {
			return "", errors.New("cannot find the opportunity's stage in the file; change it by hand")
		}
		return replaceValue(src, e.valStart, e.valEnd, tomlString(string(stage))), nil
	}
	addMove := func(src string, ix *textIndex) (string, error) { return appendMove(src, ix, elem, move) }
	return editElement(src, elem, name, []editStep{setStage, addMove}, func(el map[string]any) {
		el["stage"] = string(stage)
		list := asList(el["history"])
		el["history"] = append(list, normalise(move).([]any)...)
	})
}

// appendMove adds move at the end of the element's history, written on
// the line after its stage when it has none yet.
func appendMove(src string, ix *textIndex, elem []string, move history) (string, error) {
	lit, err := tomlLiteral(move)
	if err != nil {
		return "", err
	}
	item := strings.TrimSuffix(strings.TrimPrefix(lit, "["), "]")
	path := append(clonePath(elem), "history")
	h, ok := ix.lookup(path...)
	if !ok {
		stage, found := ix.lookup(append(clonePath(elem), "stage")...)
		if !found || stage.header || stage.own != 1 {
			return "", errors.New("cannot find the opportunity's stage line; add its history by hand")
		}
		return insertLine(src, lineEnd(src, stage.valEnd), "history = "+lit+newline(src)), nil
	}
	if h.header || !strings.HasPrefix(src[h.valStart:], "[") {
		return "", errors.New("the history is not written as a list (history = [...]); add the move by hand")
	}
	var last textEntry
	n := 0
	for ; ; n++ {
		e, ok := ix.lookup(append(clonePath(path), strconv.Itoa(n))...)
		if !ok {
			break
		}
		last = e
	}
	if n == 0 {
		return src[:h.valStart] + lit + src[h.valEnd:], nil
	}
	between := src[last.valEnd : h.valEnd-1]
	if !strings.Contains(between, "\n") {
		return src[:last.valEnd] + ", " + item + src[last.valEnd:], nil
	}
	// One move a line: the new one on a line of its own, indented like
	// the last, with a comma where the list puts them.
	nl := newline(src)
	indent := src[lineStart(src, last.keyStart):last.keyStart]
	if strings.Trim(indent, " \t") != "" {
		indent = "  "
	}
	if strings.HasPrefix(strings.TrimLeft(between, " \t"), ",") {
		return insertLine(src, lineEnd(src, last.valEnd), indent+item+","+nl), nil
	}
	out := src[:last.valEnd] + "," + src[last.valEnd:]
	return insertLine(out, lineEnd(out, last.valEnd+1), indent+item+nl), nil
}

// history is a list of moves as it is written: [{ stage = "...", on =
// 2026-11-25 }, ...].
type history []model.Move

// numberList is a list of numbers as it is written: [2, 4].
type numberList []float64

// sectionEnd is where a line added to the section that header opens
// goes: after the last key written in it, or just below the header.
func sectionEnd(src string, ix *textIndex, header textEntry, path []string) int {
	at := lineEnd(src, header.keyEnd)
	for _, e := range ix.entries {
		if e.keyStart <= header.keyStart {
			continue
		}
		if e.header {
			break
		}
		if hasPrefix(e.path, path) {
			at = max(at, lineEnd(src, e.valEnd))
		}
	}
	return at
}

// lastDotted is the last dotted key (ratings.x = ...) under table in the
// section header opens.
func lastDotted(ix *textIndex, header textEntry, table []string) (textEntry, bool) {
	var last textEntry
	found := false
	for _, e := range ix.entries {
		if e.keyStart <= header.keyStart {
			continue
		}
		if e.header {
			break
		}
		if len(e.path) > len(table) && hasPrefix(e.path, table) && e.own > 1 {
			last, found = e, true
		}
	}
	return last, found
}

// insertLine puts line (with its line ending) at offset at, which starts a
// line, or ends a file that has no final newline.
func insertLine(src string, at int, line string) string {
	if at == len(src) && src != "" && !strings.HasSuffix(src, "\n") {
		nl := newline(src)
		return src + nl + strings.TrimSuffix(line, nl)
	}
	return src[:at] + line + src[at:]
}

// removeLine takes out the line that holds entry e and nothing else but
// a comment.
func removeLine(src string, e textEntry, what string) (string, error) {
	start, end := lineStart(src, e.keyStart), lineEnd(src, e.valEnd)
	rest := strings.TrimSpace(src[e.valEnd:end])
	if strings.TrimSpace(src[start:e.keyStart]) != "" || rest != "" && !strings.HasPrefix(rest, "#") {
		return "", fmt.Errorf("the rating of %q shares its line with other keys; remove it by hand", what)
	}
	return src[:start] + src[end:], nil
}

// insertInlineKey adds kv at the end of the inline table written at e.
func insertInlineKey(src string, ix *textIndex, table []string, e textEntry, kv string) (string, error) {
	var last *textEntry
	for k := range ix.entries {
		c := ix.entries[k]
		if len(c.path) == len(table)+1 && hasPrefix(c.path, table) && c.keyStart > e.valStart && c.valEnd < e.valEnd {
			last = &ix.entries[k]
		}
	}
	if last == nil {
		return src[:e.valStart] + "{ " + kv + " }" + src[e.valEnd:], nil
	}
	return src[:last.valEnd] + ", " + kv + src[last.valEnd:], nil
}

// removeInlineKey takes the key at c out of the inline table at table,
// with the comma that joins it to its neighbour.
func removeInlineKey(src string, ix *textIndex, table []string, c textEntry) (string, error) {
	var prev, next *textEntry
	for k := range ix.entries {
		e := ix.entries[k]
		if len(e.path) != len(table)+1 || !hasPrefix(e.path, table) {
			continue
		}
		if e.valEnd <= c.keyStart {
			prev = &ix.entries[k]
		} else if e.keyStart >= c.valEnd && next == nil {
			next = &ix.entries[k]
		}
	}
	switch {
	case prev != nil:
		return src[:prev.valEnd] + src[c.valEnd:], nil
	case next != nil:
		return src[:c.keyStart] + src[next.keyStart:], nil
	}
	t, _ := ix.lookup(table...)
	return src[:t.valStart] + "{}" + src[t.valEnd:], nil
}

func hasPrefix(path, prefix []string) bool {
	if len(path) < len(prefix) {
		return false
	}
	for k := range prefix {
		if path[k] != prefix[k] {
			return false
		}
	}
	return true
}

func clonePath(p []string) []string { return append([]string(nil), p...) }
