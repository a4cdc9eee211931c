// Package profiles reads and writes the TOML files that describe a job
// search: it finds the profile, loads it with its includes, checks every
// value against the rules of profile format version 1, and turns the
// result into a [model.Profile].
//
// Nothing here decides anything: the numbers belong to package model. What
// belongs here is everything about files: where they are, what is wrong
// with them (with file, line, column and a hint), and where each value was
// written, so that a later save can change that value and nothing else.
//
// The package may import model (whose Setting tables describe the
// [situation], [model] and [search] keys it checks), the TOML decoder and
// the file watcher; never views or the command layer (internal/arrows
// has a test that says so). load.go maps its files: reading, includes,
// syntax, the typed walker, one file per table, and saving.
//
// Around the loader: keys.go lists the keys of the profile's own tables
// (their kinds, ranges, defaults and meanings), which the walker reads and
// from which schema.go writes the profile's JSON Schema for editors; and
// tracker.go reads a job tracker's CSV export into opportunities, which
// save.go's AddOpportunities appends through the same safe save.
package profiles
