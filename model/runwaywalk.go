package model

import "math"

// This file walks the runway from the runway now, one leader change at a
// time in each direction, for the runway map and the nearest changes that
// runway.go's translation reports.

// runwayStep is a leader change met walking the runway: beyond at (in the
// walk's direction) leader leads.
type runwayStep struct {
	at     float64
	leader int
}

// runwayWalk holds what a walk along the runway needs: every ranked
// opportunity's line, worked out once, and room for one pair's order.
type runwayWalk struct {
	s           *State
	lines       []runwayLine
	limit, cent float64
	pair        runwayPair
	candidates  []int
}

func (s *State) newRunwayWalk() *runwayWalk {
	w := &runwayWalk{s: s, lines: make([]runwayLine, len(s.Assessments)), limit: s.runwayLimit(), cent: s.runwayCent()}
	for _, r := range s.Ranked {
		w.lines[r.Index] = s.runwayLineOf(r.Index)
	}
	return w
}

// order works out the order of i and j into the walk's pair.
func (w *runwayWalk) order(i, j int) *runwayPair {
	w.s.pairOrder(i, j, &w.lines[i], &w.lines[j], w.limit, &w.pair)
	return &w.pair
}

// step finds the nearest runway beyond at (above when up, else below)
// where another opportunity gets ahead of leader, and who leads beyond
// it: of those that get ahead of leader there, the one the others do not
// get ahead of.
func (w *runwayWalk) step(leader int, at float64, up bool) (float64, int, bool) {
	best, found := 0.0, false
	w.candidates = w.candidates[:0]
	least, _ := w.reach(leader, at, up)
	for _, r := range w.s.Ranked {
		j := r.Index
		if j == leader {
			continue
		}
		if _, most := w.reach(j, at, up); most < least-scoreTolerance {
			continue // j cannot get ahead of leader anywhere beyond at
		}
		p := w.order(leader, j)
		c, ok := 0.0, false
		if up {
			for k := 0; k < p.n; k++ {
				if p.at[k] > at && p.ahead(k+1) == j {
					c, ok = p.at[k], true
					break
				}
			}
		} else {
			for k := p.n - 1; k >= 0; k-- {
				if p.at[k] < at && p.ahead(k) == j {
					c, ok = p.at[k], true
					break
				}
			}
		}
		switch {
		case !ok:
		case !found || up && c < best || !up && c > best:
			best, found = c, true
			w.candidates = append(w.candidates[:0], j)
		case c == best:
			w.candidates = append(w.candidates, j)
		}
	}
	if !found {
		return 0, -1, false
	}
	next := w.candidates[0]
	for _, j := range w.candidates[1:] {
		if w.order(next, j).aheadBeyond(best, up) == j {
			next = j
		}
	}
	return best, next, true
}

// reach bounds the scores opportunity i can have at runways beyond at
// (above when up, else below): a score is (1 − u)·fit + u·relief, with
// the urgency u and the timeliness in relief each within the range they
// take beyond at, so its extremes are at the ends of those ranges. The
// walk asks only for the pairs these bounds cannot rule out.
func (w *runwayWalk) reach(i int, at float64, up bool) (least, most float64) {
	l := &w.lines[i]
	uAt, tAt := w.s.urgencyAtRunway(at), Timeliness(l.months, at)
	uFar, tLow, tHigh := 1.0, 0.0, tAt
	if up {
		uFar, tLow, tHigh = w.s.Urgency.Cover, tAt, 1
	}
	score := func(u, t float64) float64 { return (1-u)*l.fit + u*(l.base+l.perTime*t) }
	least = min(score(uAt, tLow), score(uFar, tLow))
	most = max(score(uAt, tHigh), score(uFar, tHigh))
	return least, most
}

// changes walks from the current runway R0, where cur leads, one way, and
// returns the leader changes met, nearest first: at most want of them (0
// for all), following at most limit raw changes, and whether it stopped at
// that limit. A leader that would hold for less than a cent of savings is
// dropped, the change to it moving to whoever follows.
func (w *runwayWalk) changes(cur int, R0 float64, up bool, want, limit int) ([]runwayStep, bool) {
	var out []runwayStep
	shown := cur // the leader of the last span kept
	pending, hasPending := 0.0, false
	c, leader, ok := w.step(cur, R0, up)
	for n := 0; ok; n++ {
		if n >= limit {
			return out, true
		}
		cn, ln, okn := w.step(leader, c, up)
		// The stretch this leader holds: up to the next change, or to the
		// end of the runway (0 below, unbounded above).
		width := math.Inf(1)
		switch {
		case okn:
			width = math.Abs(cn - c)
		case !up:
			width = c
		}
		if width < w.cent {
			if !hasPending {
				pending, hasPending = c, true
			}
		} else {
			at := c
			if hasPending {
				at = pending
			}
			hasPending = false
			if leader != shown {
				out = append(out, runwayStep{at: at, leader: leader})
				shown = leader
				if want > 0 && len(out) == want {
					return out, false
				}
			}
		}
		c, leader, ok = cn, ln, okn
	}
	return out, false
}

// leaderAtRunway is the opportunity that would lead at runway R, by the
// ranking's own order.
func (s *State) leaderAtRunway(R float64) int {
	best, bestScore := -1, 0.0
	for _, r := range s.Ranked {
		sc := s.ScoreAtRunway(r.Index, R)
		a := &s.Assessments[r.Index]
		switch {
		case best < 0:
		case math.Abs(sc-bestScore) > scoreTolerance:
			if sc < bestScore {
				continue
			}
		case !s.tieAheadAtRunway(a, &s.Assessments[best], R):
			continue
		}
		best, bestScore = r.Index, sc
	}
	return best
}

// RunwayChange is a runway at which the leader would change: past it (in
// the direction asked for) Leader leads.
type RunwayChange struct {
	// Months is the runway of the change; Savings the same in savings at
	// the current burn.
	Months, Savings float64
	// Leader indexes State.Assessments.
	Leader int
}

// NearestRunwayChanges returns the leader changes nearest the current
// runway: the one below it (with less savings) and the one above it (with
// more), each nil when there is none or money does not move the urgency.
// They are the changes either side of the current span of
// [State.RunwayLeaders], found walking only as far as they are.
func (s *State) NearestRunwayChanges() (below, above *RunwayChange) {
	if s.memo != nil {
		if !s.memo.nearDone {
			s.memo.below, s.memo.above = s.nearestRunwayChanges()
			s.memo.nearDone = true
		}
		return copyChange(s.memo.below), copyChange(s.memo.above)
	}
	return s.nearestRunwayChanges()
}

// copyChange is a copy of c, so that a caller cannot change what the memo
// keeps.
func copyChange(c *RunwayChange) *RunwayChange {
	if c == nil {
		return nil
	}
	d := *c
	return &d
}

func (s *State) nearestRunwayChanges() (below, above *RunwayChange) {
	if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
		return nil, nil
	}
	w := s.newRunwayWalk()
	R0 := s.Urgency.RunwayMonths
	cur := s.leaderAtRunway(R0)
	if st, _ := w.changes(cur, R0, false, 1, maxRunwayChanges); len(st) > 0 {
		// The change below is where the leader below gives way to the
		// current span; walking down, it is the far edge of that leader.
		below = &RunwayChange{Months: st[0].at, Savings: st[0].at * s.Urgency.Burn, Leader: st[0].leader}
	}
	if st, _ := w.changes(cur, R0, true, 1, maxRunwayChanges); len(st) > 0 {
		above = &RunwayChange{Months: st[0].at, Savings: st[0].at * s.Urgency.Burn, Leader: st[0].leader}
	}
	return below, above
}
