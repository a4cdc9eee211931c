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
	// contenders are the opportunities that can lead at some runway, in
	// rank order (see contendersOf); candidates and open are room for a
	// step's.
	contenders, candidates, open []int
	// wide keeps a step's stretch open to the end of the runway, for the
	// tests to walk the way that looks at more pairs.
	wide bool
}

func (s *State) newRunwayWalk() *runwayWalk {
	w := &runwayWalk{s: s, lines: make([]runwayLine, len(s.Assessments)), limit: s.runwayLimit(), cent: s.runwayCent()}
	for _, r := range s.Ranked {
		w.lines[r.Index] = s.runwayLineOf(r.Index)
	}
	w.contenders = w.contendersOf()
	return w
}

// contendersOf are the ranked opportunities, in rank order, that can lead
// at some runway. At every runway the leader scores at least what the
// opportunity with the highest least score over all runways does there,
// so one whose most over all runways is below that never leads, nor gets
// ahead of whoever does.
func (w *runwayWalk) contendersOf() []int {
	s := w.s
	// The whole runway: from 0, where the urgency is 1, to no end, where
	// it is the cover's.
	all := runwayStretch{at: 0, uAt: 1, uEnd: s.Urgency.Cover, up: true, open: true}
	floor := math.Inf(-1)
	most := make([]float64, len(s.Ranked))
	for k, r := range s.Ranked {
		var least float64
		least, most[k], _ = w.reach(r.Index, &all)
		floor = max(floor, least)
	}
	out := make([]int, 0, len(s.Ranked))
	for k, r := range s.Ranked {
		if !(most[k] < pruneFloor(floor)) {
			out = append(out, r.Index)
		}
	}
	return out
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
//
// Only the pairs whose scores can meet between at and the nearest change
// found so far are worked out: reach bounds each score over that stretch,
// which narrows as nearer changes are found. The pair closest in score at
// at is worked out first, since it most often meets the leader soonest,
// and so narrows the stretch before the rest are looked at.
func (w *runwayWalk) step(leader int, at float64, up bool) (float64, int, bool) {
	best, found := 0.0, false
	w.candidates = w.candidates[:0]
	st := w.stretch(at, up, false, 0)
	least, _, lead := w.reach(leader, &st)
	// Those that can get ahead anywhere beyond at, in rank order, and the
	// one of them closest to the leader at at.
	w.open = w.open[:0]
	closest, gap := -1, math.Inf(1)
	for _, j := range w.contenders {
		if j == leader {
			continue
		}
		_, most, now := w.reach(j, &st)
		if most < pruneFloor(least) {
			continue // j cannot get ahead of leader anywhere beyond at
		}
		w.open = append(w.open, j)
		if d := math.Abs(lead - now); d < gap {
			closest, gap = j, d
		}
	}
	first, firstOK := 0.0, false
	if closest >= 0 && !w.wide {
		if first, firstOK = w.ahead(leader, closest, at, up); firstOK {
			best, found = first, true
			st = w.stretch(at, up, true, best)
			least, _, _ = w.reach(leader, &st)
		}
	}
	for _, j := range w.open {
		c, ok := first, firstOK
		if j != closest || w.wide {
			if _, most, _ := w.reach(j, &st); found && most < pruneFloor(least) {
				continue // j cannot get ahead of leader before the nearest change yet
			}
			c, ok = w.ahead(leader, j, at, up)
		}
		switch {
		case !ok:
		case !found || up && c < best || !up && c > best:
			best, found = c, true
			w.candidates = append(w.candidates[:0], j)
			if !w.wide {
				st = w.stretch(at, up, true, best)
				least, _, _ = w.reach(leader, &st)
			}
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

// ahead is the nearest runway beyond at where j gets ahead of leader, if
// it does.
func (w *runwayWalk) ahead(leader, j int, at float64, up bool) (float64, bool) {
	p := w.order(leader, j)
	if up {
		for k := 0; k < p.n; k++ {
			if p.at[k] > at && p.ahead(k+1) == j {
				return p.at[k], true
			}
		}
		return 0, false
	}
	for k := p.n - 1; k >= 0; k-- {
		if p.at[k] < at && p.ahead(k) == j {
			return p.at[k], true
		}
	}
	return 0, false
}

// runwayStretch is a stretch of runway beyond at, as reach bounds scores
// over it: the urgency at its two ends, and its far end, which is the end
// of the runway (0 below, unbounded above) when open.
type runwayStretch struct {
	at, end   float64
	uAt, uEnd float64
	up, open  bool
}

// stretch is the runway beyond at (above when up, else below): all of it,
// or with bounded only as far as end.
func (w *runwayWalk) stretch(at float64, up, bounded bool, end float64) runwayStretch {
	st := runwayStretch{at: at, end: end, uAt: w.s.urgencyAtRunway(at), up: up, open: !bounded}
	switch {
	case bounded:
		st.uEnd = w.s.urgencyAtRunway(end)
	case up:
		st.uEnd = w.s.Urgency.Cover
	default:
		st.uEnd = 1
	}
	return st
}

// reach bounds the scores opportunity i can have in the stretch: a score
// is (1 − u)·fit + u·relief, with the urgency u and the timeliness in
// relief each moving one way along the runway, so within the range they
// take between the stretch's ends, and its extremes are at the corners
// of those ranges. The walk asks only for the pairs these bounds cannot
// rule out. now is the score at at.
func (w *runwayWalk) reach(i int, st *runwayStretch) (least, most, now float64) {
	l := &w.lines[i]
	tAt, tEnd := Timeliness(l.months, st.at), 0.0
	switch {
	case !st.open:
		tEnd = Timeliness(l.months, st.end)
	case st.up:
		tEnd = 1
	}
	score := func(u, t float64) float64 { return (1-u)*l.fit + u*(l.base+l.perTime*t) }
	a, b, c, d := score(st.uAt, tAt), score(st.uAt, tEnd), score(st.uEnd, tAt), score(st.uEnd, tEnd)
	return min(a, b, c, d), max(a, b, c, d), a
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
		below = &RunwayChange{Months: st[0].at, Savings: s.savingsAtRunway(st[0].at), Leader: st[0].leader}
	}
	if st, _ := w.changes(cur, R0, true, 1, maxRunwayChanges); len(st) > 0 {
		above = &RunwayChange{Months: st[0].at, Savings: s.savingsAtRunway(st[0].at), Leader: st[0].leader}
	}
	return below, above
}
