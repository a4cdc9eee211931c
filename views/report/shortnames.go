package report

import (
	"slices"
	"strings"
)

// ShortNames fits each of names into width cells so that names which
// differ still look different: a name that fits stays whole; one whose
// start is shared with another name ("Data analyst (North)" beside "Data
// analyst (South)") keeps the word where they part and gives up part of
// the shared start instead ("Data a…(North)"); any other is cut at its
// end. Names are compared as they are, so it costs a sort, not a
// comparison of every pair, however many there are.
func ShortNames(names []string, width int) []string {
	out := make([]string, len(names))
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	// shared[i] is the longest start, in bytes, that name i has in common
	// with another name: its neighbours in sorted order have the longest.
	shared := make([]int, len(names))
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		n := commonPrefix(names[a], names[b])
		shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
	}
	for i, name := range names {
		out[i] = shortName(name, shared[i], width)
	}
	return out
}

// shortName fits name into width cells, keeping what follows its first
// shared bytes in sight.
func shortName(name string, shared, width int) string {
	if Width(name) <= width {
		return name
	}
	if Width(name[:shared])+1 < width || shared == 0 || shared >= len(name) {
		// Where the name parts from the others shows when cut at the end.
		return Truncate(name, width)
	}
	// Start the kept tail at the word where the name parts from the
	// others, so that it reads as a word.
	from := strings.LastIndexAny(name[:shared], " -_/(,.")
	switch {
	case from < 0:
		from = shared
	case name[from] != '(':
		from++ // a bracket opens the part kept; other marks end the part given up
	}
	tail := name[from:]
	if Width(tail)+1 >= width {
		return "…" + Truncate(tail, width-1)
	}
	head := Truncate(name[:from], width-Width(tail))
	head = strings.TrimSuffix(head, "…")
	return head + "…" + tail
}

// commonPrefix is how many leading bytes a and b share, ending on a
// character boundary.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && a[n]&0xC0 == 0x80 {
		n--
	}
	return n
}
