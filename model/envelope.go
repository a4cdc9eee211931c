package model

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// segmentEpsilon is the shortest stretch of urgency a leader must hold to
// count; shorter ones are rounding noise at the ends of 0..1.
const segmentEpsilon = 1e-9

// leaderEnvelope computes who leads over urgency 0..1 among the given
// assessments, as the upper envelope of their score lines, in
// O(n log n). Every opportunity's score is the line fit + u·(relief − fit).
func leaderEnvelope(as []Assessment, idx []int) ([]Segment, []LeaderChange) {
	if len(idx) == 0 {
		return nil, nil
	}
	// The lines are copied out of the assessments, which are large and
	// would be read in random order: sorting and scanning a compact
	// array keeps a hundred thousand lines in cache.
	floor, ok := reachFloor(as, idx)
	lines := make([]scoreLine, 0, len(idx))
	for _, i := range idx {
		a := &as[i]
		if ok && !(max(a.Fit.Value, a.Relief.Value) >= floor) {
			continue
		}
		lines = append(lines, scoreLine{fit: a.Fit.Value, relief: a.Relief.Value, slope: a.Relief.Value - a.Fit.Value, index: i})
	}
	return envelopeOf(as, idx, lines)
}

// reachFloor is what a line's higher end must reach for the line to be on
// top somewhere in 0..1: a line is straight, so one whose higher end is
// below another's lower end is below it all along, and the hull need not
// sort it. The margin keeps a line that rounding might put level; with a
// NaN, or no line, it is not ok, and every line is kept.
func reachFloor(as []Assessment, idx []int) (float64, bool) {
	least := math.Inf(-1)
	for _, i := range idx {
		least = max(least, min(as[i].Fit.Value, as[i].Relief.Value))
	}
	if least != least || math.IsInf(least, 0) {
		return 0, false
	}
	return pruneFloor(least), true
}

// envelopeOf is leaderEnvelope from the assessments' lines, which need
// not be all of idx's: those left out must be below another all along.
func envelopeOf(as []Assessment, idx []int, lines []scoreLine) ([]Segment, []LeaderChange) {
	// By slope; among equal slopes the best first, so the rest drop out.
	slices.SortFunc(lines, func(x, y scoreLine) int {
		if c := compareSlopes(x.slope, y.slope); c != 0 {
			return c
		}
		return compareBetter(&as[x.index], &as[y.index], 0, 0, false)
	})
	hull := upperHull(lines)

	var segs []Segment
	lo := math.Inf(-1)
	for k := range hull {
		i := hull[k].index
		hi := math.Inf(1)
		if k+1 < len(hull) {
			hi = hull[k].meet(&hull[k+1])
		}
		from, to := math.Max(lo, 0), math.Min(hi, 1)
		lo = hi
		if to-from <= segmentEpsilon {
			continue
		}
		segs = append(segs, Segment{From: from, To: to, Index: i})
	}
	if len(segs) == 0 {
		// Every stretch was noise: the leader at 0 holds the whole range.
		best := idx[0]
		for _, i := range idx[1:] {
			if better(&as[i], &as[best], 0) {
				best = i
			}
		}
		segs = []Segment{{From: 0, To: 1, Index: best}}
	}
	segs[0].From, segs[len(segs)-1].To = 0, 1
	changes := make([]LeaderChange, 0, len(segs)-1)
	for k := 1; k < len(segs); k++ {
		u := segs[k].From
		changes = append(changes, LeaderChange{Urgency: u, From: segs[k-1].Index, To: segs[k].Index,
			Score: as[segs[k].Index].Score(u)})
	}
	return segs, changes
}

// scoreLine is an opportunity's score as a line in urgency: fit at 0,
// relief at 1, and their difference as the slope.
type scoreLine struct {
	fit, relief, slope float64
	// index is the opportunity's position in State.Assessments.
	index int
}

// needed reports whether line b, between a and c in slope order, is ever
// strictly above both: that is, c overtakes a after b does.
func needed(a, b, c *scoreLine) bool {
	fa, fb, fc := a.fit, b.fit, c.fit
	sa, sb, sc := a.slope, b.slope, c.slope
	// meet(a,c) > meet(a,b)  ⇔  (fa−fc)/(sc−sa) > (fa−fb)/(sb−sa)
	return (fa-fc)*(sb-sa) > (fa-fb)*(sc-sa)
}

// meet is the urgency where lines a and b meet (they must not be
// parallel).
func (a *scoreLine) meet(b *scoreLine) float64 {
	df := a.fit - b.fit
	dr := a.relief - b.relief
	return df / (df - dr)
}

// Crossing is where two opportunities' scores are equal.
type Crossing struct {
	// Other is the other opportunity's index in State.Assessments.
	Other int
	// Urgency is where they cross, in 0..1; Score is their score there.
	Urgency, Score float64
	// AheadBelow is the index of the one ahead below Urgency.
	AheadBelow int
}

// Cross returns the urgency in 0..1 where the scores of a and b are equal,
// and false when they never are there (parallel lines, or a crossing
// outside the range, or the same line).
func Cross(a, b *Assessment) (float64, bool) {
	df := a.Fit.Value - b.Fit.Value
	dr := a.Relief.Value - b.Relief.Value
	// They swap places inside the range only when one is ahead at 0 and
	// the other at 1; lines that merely touch at an end do not cross.
	if df == 0 || dr == 0 || (df > 0) == (dr > 0) {
		return 0, false
	}
	return df / (df - dr), true
}

// Crossings lists where opportunity i crosses each other open, not vetoed
// opportunity within urgency 0..1, in order of urgency.
func (s *State) Crossings(i int) []Crossing {
	var out []Crossing
	a := &s.Assessments[i]
	for _, r := range s.Ranked {
		if r.Index == i {
			continue
		}
		b := &s.Assessments[r.Index]
		u, ok := Cross(a, b)
		if !ok {
			continue
		}
		below := i
		if a.Fit.Value < b.Fit.Value {
			below = r.Index
		}
		out = append(out, Crossing{Other: r.Index, Urgency: u, Score: a.Score(u), AheadBelow: below})
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].Urgency < out[y].Urgency })
	return out
}

// LeaderAt returns the index of the leader at urgency u, from the envelope,
// or -1 when nothing is ranked.
func (s *State) LeaderAt(u float64) int {
	for _, seg := range s.Envelope {
		if u <= seg.To {
			return seg.Index
		}
	}
	if n := len(s.Envelope); n > 0 {
		return s.Envelope[n-1].Index
	}
	return -1
}

// compareSlopes is cmp.Compare(x, y), with the common case of two numbers
// first: the envelopes sort thousands of lines by slope on every what-if.
func compareSlopes(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	}
	return cmp.Compare(x, y) // a NaN
}

// upperHull is the lines that are on top somewhere, in slope order, from
// lines sorted by slope with the best of equal slopes first: the upper
// envelope of leaderEnvelope and weightEnvelope alike.
func upperHull(lines []scoreLine) []scoreLine {
	hull := make([]scoreLine, 0, len(lines))
	for k, l := range lines {
		if k > 0 && l.slope == lines[k-1].slope {
			continue // same slope as a better line: never ahead of it
		}
		for len(hull) >= 2 && !needed(&hull[len(hull)-2], &hull[len(hull)-1], &l) {
			hull = hull[:len(hull)-1]
		}
		hull = append(hull, l)
	}
	return hull
}
