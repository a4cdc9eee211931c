package profiles

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagnostic is one thing wrong with a profile: where, what and how to
// fix it. Warnings do not stop the program; errors do.
type Diagnostic struct {
	// File is the path as the user would recognise it.
	File string
	// Line and Col count from 1; 0 means not known.
	Line, Col int
	// Message says what is wrong, in lower case, without the location.
	Message string
	// Hint says how to fix it; may be empty.
	Hint string
	// Warning is true for problems that do not stop the program.
	Warning bool
	// Note is true for what is no problem but worth saying (an optional
	// include that is absent); notes never fail a check, --strict or not.
	Note bool
	// IncludedFrom is where the file was included ("profile.toml:2:12"),
	// for a problem that keeps an included file from being read at all:
	// the fix may be in the file, or in the include that names it.
	IncludedFrom string
}

// Where is "file:line:col", "file:line" or "file", as much as is known.
func (d Diagnostic) Where() string { return where(d.File, d.Line, d.Col) }

func where(file string, line, col int) string {
	switch {
	case line > 0 && col > 0:
		return fmt.Sprintf("%s:%d:%d", file, line, col)
	case line > 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// String is the diagnostic on one line, without its hint.
func (d Diagnostic) String() string {
	prefix, suffix := "", ""
	if d.Warning {
		prefix = "warning: "
	} else if d.Note {
		prefix = "note: "
	}
	if d.IncludedFrom != "" {
		suffix = " (in the file included at " + d.IncludedFrom + ")"
	}
	if w := d.Where(); w != "" {
		return prefix + w + ": " + d.Message + suffix
	}
	return prefix + d.Message + suffix
}

// Error is a profile that cannot be used: one diagnostic or more, and any
// warnings found on the way.
type Error struct {
	Diagnostics []Diagnostic
}

// Error lists every diagnostic with its hint, one per line.
func (e *Error) Error() string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(d.String())
		if d.Hint != "" {
			b.WriteString("\nhint: " + d.Hint)
		}
	}
	return b.String()
}

// maxDiagnostics bounds how many problems one load reports: past a point
// more lines do not help. maxKept bounds how many are kept to choose them
// from (the first in file order), so a huge broken file cannot exhaust
// memory.
const (
	maxDiagnostics = 20
	maxKept        = 10000
)

// diags collects diagnostics for one load.
type diags struct {
	list    []Diagnostic
	errors  int
	dropped int
}

func (ds *diags) add(d Diagnostic) {
	if !d.Warning {
		ds.errors++
	}
	if len(ds.list) >= maxKept {
		ds.dropped++
		return
	}
	ds.list = append(ds.list, d)
}

// sort orders the diagnostics by file (in the order the files were read),
// then line and column, so they read top to bottom like the files do.
func (ds *diags) sort(files []string) {
	rank := func(f string) int {
		if i := slices.Index(files, f); i >= 0 {
			return i
		}
		return len(files)
	}
	slices.SortStableFunc(ds.list, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(rank(a.File), rank(b.File)), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			strings.Compare(a.Message, b.Message))
	})
	if n := len(ds.list); n > maxDiagnostics {
		ds.dropped += n - maxDiagnostics
		ds.list = ds.list[:maxDiagnostics]
	}
}

func (ds *diags) warnings() []Diagnostic {
	var out []Diagnostic
	for _, d := range ds.list {
		if d.Warning {
			out = append(out, d)
		}
	}
	return out
}

func (ds *diags) err(file string) error {
	if ds.errors == 0 {
		return nil
	}
	list := ds.list
	if ds.dropped > 0 {
		list = append(list[:len(list):len(list)], Diagnostic{File: file, Message: fmt.Sprintf("and %d more problems", ds.dropped),
			Hint: "fix the ones above first; run mutual check again to see the rest"})
	}
	return &Error{Diagnostics: list}
}

// Suggest returns the known word closest to s, or "" when none is close
// enough to be what the user meant: the "did you mean" of every message.
func Suggest(s string, known []string) string { return suggest(s, known) }

// suggest returns the known word closest to s, or "" when none is close.
func suggest(s string, known []string) string {
	// Close enough to be a slip of the fingers: one edit in a short word,
	// two in a longer one, three in a long one (the best must be below it).
	best, bestDist := "", 2
	switch n := len([]rune(s)); {
	case n > 8:
		bestDist = 4
	case n > 4:
		bestDist = 3
	}
	for _, k := range known {
		if d := editDistance(strings.ToLower(s), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
