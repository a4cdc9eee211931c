package profiles

import (
	"sync"

	"mutual/model"
)

// This file holds Load and Parse, what they return (Loaded, with the
// Origins of every value), and the loader that gathers one profile from
// its files. The loader's jobs live beside it: read.go reads a file within
// bounds, includes.go follows the include graph, syntax.go guards the TOML
// parser and explains its errors, walker.go checks values by type, and
// each table has its own file (toplevel.go, situation.go, priority.go,
// opportunity.go, scenario.go, modeltable.go, search.go), which also
// holds the table's checks that need every file; build.go runs them.

// Origin is where something was written: a file, and the key path in it
// whose line and column are looked up only when asked for. Reading a
// profile needs no positions at all; only messages, edits and the
// editor's jump do, so the text index is built on demand.
type Origin struct {
	File string
	key  []string
	text *lazyIndex
}

// Line is the line the origin's key is written on, or 0 when not known.
func (o Origin) Line() int {
	line, _ := o.Position()
	return line
}

// Position is the line and column of the origin's key, or 0, 0.
func (o Origin) Position() (line, col int) {
	if o.text == nil || len(o.key) == 0 {
		return 0, 0
	}
	return o.text.get().locate(o.key...)
}

// child is the origin of a key below this one.
func (o Origin) child(keys ...string) Origin {
	o.key = append(o.key[:len(o.key):len(o.key)], keys...)
	return o
}

// lazyIndex builds a file's text index the first time it is needed.
type lazyIndex struct {
	src  string
	once sync.Once
	ix   *textIndex
}

func (l *lazyIndex) get() *textIndex {
	l.once.Do(func() { l.ix = newTextIndex(l.src) })
	return l.ix
}

// Origins says where each part of a loaded profile was written.
type Origins struct {
	// Situation maps each situation key that is set to where it is set.
	Situation map[string]Origin
	// SituationTable is the file whose [situation] table the profile uses,
	// or "" when there is none.
	SituationTable string
	// Model maps each [model] key that is set to where it is set.
	Model map[string]Origin
	// Priorities, Opportunities and Scenarios parallel the profile's lists.
	Priorities, Opportunities, Scenarios []Origin
	// Incomes and Cash parallel the profile's [[income]] and [[cash]].
	Incomes, Cash []Origin
}

// Loaded is a profile read from disk, with where everything came from.
type Loaded struct {
	// Path is the main profile file as it was named.
	Path string
	// Profile is the model's view of it, defaults filled in.
	Profile model.Profile
	// Files lists every file read, the main one first, as named.
	Files []string
	// Warnings are problems that did not stop the load.
	Warnings []Diagnostic
	// Notes say what is worth knowing but is no problem: an optional
	// include that is absent.
	Notes []Diagnostic
	// Absent lists the optional includes that do not exist, as Files
	// names files: a watcher watches for them to appear.
	Absent []string
	// Partial reports a profile read by [LoadPartial] that lacks what an
	// absent optional include would hold ([situation] or [[priority]]): it
	// can be checked, but not ranked.
	Partial bool
	// Origins says where each value was written.
	Origins Origins
	// TrackedMoneyOK is the profile's tracked_money_ok: the user knows
	// their money figures are in a file git tracks.
	TrackedMoneyOK bool
	// Contents holds each file's bytes as read, by path as in Files, so a
	// save can tell whether a file changed on disk since.
	Contents map[string][]byte
}

// Load reads the profile at path with its includes. A profile that cannot
// be used gives an *Error listing every problem with its place and a hint.
func Load(path string) (*Loaded, error) {
	return load(path, readProfileFile, false)
}

// LoadPartial reads the profile at path as Load does, for 'mutual check':
// when an optional include is absent, the rest is checked on its own, and
// a [situation] or [[priority]] the include would hold may be missing
// (Loaded.Partial then says so). Every other problem is an error as in
// Load.
func LoadPartial(path string) (*Loaded, error) {
	return load(path, readProfileFile, true)
}

// Parse reads a profile from memory (the built-in example, tests, fuzzing).
// name is used in messages. Includes are read from disk relative to name.
func Parse(name string, data []byte) (*Loaded, error) {
	first := true
	return load(name, func(p string) ([]byte, error) {
		if first && p == name {
			first = false
			return data, nil
		}
		return readProfileFile(p)
	}, false)
}

// loader gathers one profile from its files.
type loader struct {
	// unread counts the files that could not be read or parsed.
	unread   int
	read     fileReader
	ds       diags
	files    []string
	contents map[string][]byte
	// stack holds the canonical paths of the includes being read, to find
	// cycles.
	stack []string
	m     merged
	// notes are the optional includes found absent, and absentPaths
	// their paths as written.
	notes       []Diagnostic
	absentPaths []string
	// partialOK lets a profile whose optional include is absent lack
	// what that include would hold (LoadPartial).
	partialOK bool
}

// setting is one scalar value and where it was written.
type setting struct {
	value any
	at    Origin
}

// merged is what every file of a profile says, before the checks that need
// all of it (scale, priority ids, duplicates).
type merged struct {
	// seen records which top-level keys any file wrote, valid or not, so a
	// wrong value is not reported a second time as a missing one.
	seen map[string]bool
	// situationSeen is the same for [situation] keys.
	situationSeen map[string]bool
	top           map[string]setting
	situation     map[string]setting
	situationAt   *Origin
	model         map[string]setting
	search        map[string]setting
	priorities    []rawPriority
	opportunities []rawOpportunity
	scenarios     []rawScenario
	incomes       []rawIncome
	cash          []rawCash
}

func load(path string, read fileReader, partialOK bool) (*Loaded, error) {
	l := &loader{read: read, partialOK: partialOK, contents: map[string][]byte{}, m: merged{top: map[string]setting{}, situation: map[string]setting{}, model: map[string]setting{},
		seen: map[string]bool{}, situationSeen: map[string]bool{}}}
	l.file(path, Origin{}, false)
	if l.unread > 0 {
		// A file that could not be read would only make the checks that
		// need every file (a [situation] somewhere, the priority ids)
		// report its absence a second time: the cause is enough.
		l.ds.sort(l.files)
		return nil, l.ds.err(path)
	}
	out := l.build(path)
	l.ds.sort(l.files)
	if err := l.ds.err(path); err != nil {
		return nil, err
	}
	out.Warnings = l.ds.warnings()
	out.Notes, out.Absent = l.notes, l.absentPaths
	return out, nil
}
