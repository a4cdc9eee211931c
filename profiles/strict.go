package profiles

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds profiles to TOML 1.0, the version every TOML tool reads.
// A profile is the user's file, opened by their editor, linted by their
// hooks and perhaps read by their own scripts; mutual must not accept what
// those refuse. BurntSushi/toml reads TOML 1.1 and lets a few documents
// through that the spec forbids (an inline table extended later, a table
// defined both by its [header] and by dotted keys, a key set again over a
// table that dotted keys made). These checks refuse them, with the line.
//
// They need no second parser: the forbidden constructs are all about which
// keys define which tables, and the text index already knows every key,
// header and inline table in order, with its place. The index is built
// only for documents that can break the rules at all (a dotted key, a
// dotted [header] or an inline table: see shape), so a profile of plain
// tables and keys pays nothing for them.

// strictTOML checks src, which the TOML parser has read, against what
// TOML 1.0 allows. sh is what scanShape found in it; text is its index,
// built here only when needed.
func strictTOML(path, src string, sh shape, text *lazyIndex) *Diagnostic {
	first := func(d *Diagnostic, at int, message, hint string) *Diagnostic {
		if d != nil && d.Line > 0 {
			if line, col := offsetPosition(src, at); line > d.Line || line == d.Line && col >= d.Col {
				return d
			}
		}
		line, col := offsetPosition(src, at)
		return &Diagnostic{File: path, Line: line, Col: col, Message: message, Hint: hint}
	}
	var d *Diagnostic
	if sh.newer >= 0 {
		message, hint := newerMessage(src, sh.newer)
		d = first(d, sh.newer, message, hint)
	}
	if !sh.tables {
		return d
	}
	ix := text.get()
	if ix.newer >= 0 {
		d = first(d, ix.newer, "TOML syntax: "+ix.newerWhat+" is TOML 1.1, which most TOML tools do not read yet",
			"keep an inline table on one line with no comma after its last key, or write it as a [table] of its own")
	}
	if at, message, hint := tableRules(ix); at >= 0 {
		d = first(d, at, message, hint)
	}
	return d
}

// newerMessage explains the TOML 1.1 escape or time at offset at.
func newerMessage(src string, at int) (string, string) {
	if src[at] == '\\' {
		if src[at+1] == 'e' {
			return `TOML syntax: the escape \e is TOML 1.1, which most TOML tools do not read yet`, `write \u001B instead`
		}
		hex := src[at+2 : min(at+4, len(src))]
		return `TOML syntax: the escape \x` + hex + ` is TOML 1.1, which most TOML tools do not read yet`, `write \u00` + hex + ` instead`
	}
	t := src[at:min(at+5, len(src))]
	if at > 0 && (src[at-1] == '+' || src[at-1] == '-') {
		return "TOML syntax: the UTC offset " + src[at-1:at] + t + " is not one: its minutes run past 59",
			"write the offset as hours and minutes, each in range: +05:30, -08:00"
	}
	return "TOML syntax: the time " + t + " has no seconds, which is TOML 1.1; most TOML tools do not read it yet",
		"write the seconds too: " + t + ":00"
}

// tableRules replays the index's keys and headers in document order by
// TOML 1.0's rules for defining tables, and returns the offset of the
// first that breaks one, with what is wrong and how to fix it, or -1.
// Paths are the index's, with the element number of an array of tables
// in them, so every [[block]] is a namespace of its own, as the spec has
// it.
func tableRules(ix *textIndex) (int, string, string) {
	order := make([]int, len(ix.entries))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return ix.entries[a].keyStart - ix.entries[b].keyStart })

	r := ruleState{ix: ix, made: map[string]made{}, sealed: map[string]int{}}
	for _, i := range order {
		e := ix.entries[i]
		if len(e.path) == 0 || e.element {
			// An element is its array's; a path-less entry is not a key
			// the parser read: the index lost track.
			continue
		}
		if e.header {
			if at, msg, hint := r.header(i, e); at >= 0 {
				return at, msg, hint
			}
			continue
		}
		if at, msg, hint := r.key(i, e); at >= 0 {
			return at, msg, hint
		}
	}
	return -1, "", ""
}

// how says how a table or key came to be, for the rules and the messages.
type how int

const (
	byParent       how = iota // a table made as the parent of a [header]
	byHeader                  // a table its own [header] defines
	byList                    // an array of tables, [[name]]
	byDotted                  // a table dotted keys make in the section being read
	byDottedClosed            // one made in a section before
	byValue                   // a key with a value
)

// made is one table or key defined so far, and by which entry.
type made struct {
	how   how
	entry int
}

type ruleState struct {
	ix   *textIndex
	made map[string]made
	// sealed maps an inline table's or a list's path to the offset where
	// its value ends: from there on nothing may be added to it.
	sealed map[string]int
	// dotted lists the tables the current section's dotted keys made;
	// they are closed when the next header starts.
	dotted []string
}

func (r *ruleState) line(entry int) int {
	line, _ := r.ix.position(r.ix.entries[entry].keyStart)
	return line
}

// sealedBy returns the entry of the inline table or list that holds path
// (or is it), when that value was written before offset at.
func (r *ruleState) sealedBy(path []string, at int) (int, bool) {
	for n := 1; n <= len(path); n++ {
		k := pathKey(path[:n])
		if end, ok := r.sealed[k]; ok && end <= at {
			return r.made[k].entry, true
		}
	}
	return 0, false
}

func (r *ruleState) header(i int, e textEntry) (int, string, string) {
	for _, k := range r.dotted {
		if m := r.made[k]; m.how == byDotted {
			r.made[k] = made{byDottedClosed, m.entry}
		}
	}
	r.dotted = r.dotted[:0]
	name := r.ix.src[e.keyStart:e.keyEnd]
	if by, ok := r.sealedBy(e.path, e.keyStart); ok {
		return e.keyStart, fmt.Sprintf("TOML: %s adds to %s, which line %d writes in full as an inline table or a list", name, r.name(r.ix.entries[by]), r.line(by)),
			"TOML does not let a value written inline ({ ... } or [ ... ]) be added to later; put the keys inside it, or write it as a [table] of its own"
	}
	table := e.path
	if e.array {
		table = e.path[:len(e.path)-1]
	}
	k := pathKey(table)
	if m, ok := r.made[k]; ok && (m.how == byDotted || m.how == byDottedClosed) {
		return e.keyStart, fmt.Sprintf("TOML: %s defines a table that dotted keys already made on line %d", name, r.line(m.entry)),
			"write a table one way: under its own [header], or with dotted keys (name.key = ...), not both"
	}
	for n := 1; n < len(table); n++ {
		if _, ok := r.made[pathKey(table[:n])]; !ok {
			r.made[pathKey(table[:n])] = made{byParent, i}
		}
	}
	if e.array {
		r.made[k] = made{byList, i}
	} else {
		r.made[k] = made{byHeader, i}
	}
	r.made[pathKey(e.path)] = made{byHeader, i}
	return -1, "", ""
}

func (r *ruleState) key(i int, e textEntry) (int, string, string) {
	name := strings.TrimSpace(r.ix.src[e.keyStart:e.keyEnd])
	base := len(e.path) - e.own
	if by, ok := r.sealedBy(e.path[:len(e.path)-1], e.keyStart); ok {
		return e.keyStart, fmt.Sprintf("TOML: %s adds to %s, which line %d writes in full as an inline table or a list", name, r.name(r.ix.entries[by]), r.line(by)),
			"TOML does not let a value written inline ({ ... } or [ ... ]) be added to later; put the key inside it, or write it as a [table] of its own"
	}
	for n := base + 1; n < len(e.path); n++ {
		k := pathKey(e.path[:n])
		m, ok := r.made[k]
		switch {
		case !ok:
			r.made[k] = made{byDotted, i}
			r.dotted = append(r.dotted, k)
		case m.how == byHeader:
			return e.keyStart, fmt.Sprintf("TOML: the dotted key %s adds to [%s], which its own header defines on line %d", name, strings.Join(r.words(e.path[:n]), "."), r.line(m.entry)),
				"TOML does not let dotted keys add to a table that has a [header]; write the key under that header"
		case m.how == byList:
			return e.keyStart, fmt.Sprintf("TOML: the dotted key %s adds to [[%s]], a list of tables (line %d)", name, strings.Join(r.words(e.path[:n]), "."), r.line(m.entry)),
				"write the key under the [[block]] it belongs to"
		case m.how == byDottedClosed:
			return e.keyStart, fmt.Sprintf("TOML: the dotted key %s adds to a table that dotted keys made in another section, on line %d", name, r.line(m.entry)),
				"keep a table's dotted keys together, in one section"
		case m.how == byValue:
			return e.keyStart, fmt.Sprintf("TOML: the dotted key %s goes through a key that line %d sets to a value", name, r.line(m.entry)),
				"each key may be set once, as a value or as a table; remove or rename one of them"
		}
	}
	k := pathKey(e.path)
	if m, ok := r.made[k]; ok {
		return e.keyStart, fmt.Sprintf("TOML: %s is set again: line %d already made it a table", name, r.line(m.entry)),
			"each key may be set once; remove one of them, or move its keys into the table"
	}
	r.made[k] = made{byValue, i}
	if v := r.ix.src[e.valStart:min(e.valStart+1, len(r.ix.src))]; v == "{" || v == "[" {
		r.sealed[k] = e.valEnd
	}
	return -1, "", ""
}

// name is how a message names the table or list that entry e defines:
// the key as written.
func (r *ruleState) name(e textEntry) string {
	return strings.TrimSpace(r.ix.src[e.keyStart:e.keyEnd])
}

// words is path without the element numbers of arrays of tables, for a
// message: opportunity.ratings, not opportunity.0.ratings.
func (r *ruleState) words(path []string) []string {
	out := make([]string, 0, len(path))
	for n, p := range path {
		if n > 0 && r.made[pathKey(path[:n])].how == byList {
			continue
		}
		out = append(out, p)
	}
	return out
}
