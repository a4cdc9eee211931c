package model

import (
	"math"
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
	lines := make([]int, len(idx))
	copy(lines, idx)
	slope := func(i int) float64 { return as[i].Relief.Value - as[i].Fit.Value }
	// By slope; among equal slopes the best first, so the rest drop out.
	sort.Slice(lines, func(x, y int) bool {
		a, b := &as[lines[x]], &as[lines[y]]
		if sa, sb := slope(a.Index), slope(b.Index); sa != sb {
			return sa < sb
		}
		return better(a, b, 0)
	})
	hull := make([]int, 0, len(lines))
	for k, i := range lines {
		if k > 0 && slope(i) == slope(lines[k-1]) {
			continue // same slope as a better line: never ahead of it
		}
		for len(hull) >= 2 && !needed(as, hull[len(hull)-2], hull[len(hull)-1], i) {
			hull = hull[:len(hull)-1]
		}
		hull = append(hull, i)
	}

	var segs []Segment
	lo := math.Inf(-1)
	for k, i := range hull {
		hi := math.Inf(1)
		if k+1 < len(hull) {
			hi = meet(&as[i], &as[hull[k+1]])
		}
		from, to := math.Max(lo, 0), math.Min(hi, 1)
		lo = hi
		if to-from <= segmentEpsilon {
			continue
		}
		if n := len(segs); n > 0 && segs[n-1].Index == i {
			segs[n-1].To = to
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

// needed reports whether line b, between a and c in slope order, is ever
// strictly above both: that is, c overtakes a after b does.
func needed(as []Assessment, a, b, c int) bool {
	fa, fb, fc := as[a].Fit.Value, as[b].Fit.Value, as[c].Fit.Value
	sa := as[a].Relief.Value - fa
	sb := as[b].Relief.Value - fb
	sc := as[c].Relief.Value - fc
	// meet(a,c) > meet(a,b)  ⇔  (fa−fc)/(sc−sa) > (fa−fb)/(sb−sa)
	return (fa-fc)*(sb-sa) > (fa-fb)*(sc-sa)
}

// meet is the urgency where the score lines of a and b meet (they must
// not be parallel).
func meet(a, b *Assessment) float64 {
	df := a.Fit.Value - b.Fit.Value
	dr := a.Relief.Value - b.Relief.Value
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
	if df == dr {
		return 0, false
	}
	u := df / (df - dr)
	if u < 0 || u > 1 {
		return 0, false
	}
	return u, true
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
