package model

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
)

// This file finds, for each priority, the weights at which the leader at
// the urgency in force would change, the other weights held as they are.
//
// Move one weight w and hold the others, which sum to W. The priority's
// share is t = w / (W + w), and every fit is (1 − t)·F + t·V, where F is
// the fit the others give and V the priority's own rating on 0..100. So
// at a fixed urgency u every score is a line in t:
//
//	score(t) = (1 − u)·((1 − t)·F + t·V) + u·relief
//
// and the leader over t in 0..1 is the upper envelope of those lines, as
// the leader over urgency is (see leaderEnvelope). Each corner of the
// envelope at t is a weight w = W·t / (1 − t): exact, with no sampling and
// no search.

// WeightFlip is a weight of one priority, the others held, at which the
// leader at the urgency in force would change.
type WeightFlip struct {
	// Priority indexes Profile.Priorities.
	Priority int
	// Now is the priority's weight now; Weight the weight of the change.
	Now, Weight float64
	// Near leads between Now and Weight; Beyond leads past Weight: above
	// it when Up, below it otherwise. Both index State.Assessments. Up
	// says which way a flip at the weight now goes, where a tie leaves
	// the lead on one side of it.
	Near, Beyond int
	Up           bool
}

// WeightFlips lists, for every priority in profile order, every weight at
// which the leader at the urgency in force would change, ascending. The
// shares of a profile whose other weights are all zero do not move with
// the one weight (it takes the whole of fit at any weight above zero), so
// such a priority has none.
func (s *State) WeightFlips() []WeightFlip {
	if s.memo != nil {
		if !s.memo.flipsDone {
			s.memo.flips, s.memo.flipsDone = s.weightFlips(), true
		}
		return s.memo.flips
	}
	return s.weightFlips()
}

func (s *State) weightFlips() []WeightFlip {
	if len(s.Ranked) < 2 {
		return nil
	}
	ws := newWeightSweep(s)
	var out []WeightFlip
	for k := range s.Profile.Priorities {
		out = ws.flips(k, out)
	}
	return out
}

// WeightFlipsOf is [State.WeightFlips] for priority k alone.
func (s *State) WeightFlipsOf(k int) []WeightFlip {
	if len(s.Ranked) < 2 || k < 0 || k >= len(s.Profile.Priorities) {
		return nil
	}
	return newWeightSweep(s).flips(k, nil)
}

// NearestWeightFlip is the weight flip that asks for the smallest change,
// measured against the weight itself (against the mean weight for a
// priority now at 0), when that change is no larger than the weight
// itself: doubling a weight or taking it to zero is near, more is not. It
// is what the dashboard's header says would change the answer, on every
// what-if, so it sweeps each priority only over the weights that count as
// near (0 to twice the weight), where few lines can lead, rather than
// listing every flip as [State.WeightFlips] does; the flips it finds
// there are the same.
func (s *State) NearestWeightFlip() (WeightFlip, bool) {
	if len(s.Ranked) < 2 {
		return WeightFlip{}, false
	}
	mean := 0.0
	for _, p := range s.Profile.Priorities {
		mean += p.Weight / float64(len(s.Profile.Priorities))
	}
	var flips []WeightFlip
	if s.memo != nil && s.memo.flipsDone {
		flips = s.memo.flips
	} else {
		ws := newWeightSweep(s)
		for k, p := range s.Profile.Priorities {
			scale := p.Weight
			if scale <= 0 {
				scale = mean
			}
			others := ws.total - p.Weight
			if !(others > 0) {
				continue
			}
			// The share t at the far end of near, a little past it so
			// that a flip right at the end is still swept exactly.
			far := p.Weight + 2*scale
			flips = ws.flipsWithin(k, far/(others+far), flips)
		}
	}
	best, bestDist := WeightFlip{}, math.Inf(1)
	for _, f := range flips {
		scale := f.Now
		if scale <= 0 {
			scale = mean
		}
		if d := math.Abs(f.Weight-f.Now) / scale; d < bestDist {
			best, bestDist = f, d
		}
	}
	return best, bestDist <= 1
}

// weightSweep holds what every priority's sweep shares, worked out once:
// the weighted sum of each ranked opportunity's ratings, and the ratings
// themselves laid out priority by priority, so that each sweep reads one
// run of memory rather than a term out of every assessment.
type weightSweep struct {
	s *State
	// total is the sum of the weights; sums[r] is Σ weight × rating (on
	// 0..1) of s.Ranked[r], mids[k*n+r] its rating for priority k and
	// reliefs[r] its relief.
	total               float64
	sums, mids, reliefs []float64
	// table, when the state has a shared memo, is every assessment's
	// midpoints priority by priority (see midTable), and row room for one
	// priority's in rank order; mids is then nil.
	table, row []float64
	// at0 and at1 are room for the ends of the lines a sweep reads (see
	// lineCount), while one priority is swept.
	at0, at1 []float64
	lines    []weightLine
	// span is the least and the most of the midpoints; cand, when not
	// nil, are the places in rank order of the only lines that can lead
	// in any priority's sweep (see prune), ascending.
	span [2]float64
	cand []int
}

// weightLine is one opportunity's score as a line in the share t of the
// priority being moved: at t = 0 and at t = 1, with the fit at t = 0 and
// the relief for the tie-breaks.
type weightLine struct {
	at0, at1, fit0, relief float64
	index                  int
}

func newWeightSweep(s *State) *weightSweep {
	n, K := len(s.Ranked), len(s.Profile.Priorities)
	ws := &weightSweep{s: s, sums: make([]float64, n), reliefs: make([]float64, n)}
	for _, p := range s.Profile.Priorities {
		ws.total += p.Weight
	}
	weights := make([]float64, K)
	for k := range s.Profile.Priorities {
		weights[k] = s.Profile.Priorities[k].Weight
	}
	table, span := s.shared.midsOf(s.Assessments, K)
	if table == nil {
		ws.mids, span = make([]float64, n*K), emptySpan()
		for r, rk := range s.Ranked {
			a := &s.Assessments[rk.Index]
			terms := a.Fit.Terms[:K]
			sum := 0.0
			for k := range terms {
				mid := terms[k].Mid
				sum += weights[k] * mid
				ws.mids[k*n+r] = mid
				span = widen(span, mid)
			}
			ws.sums[r] = sum
			ws.reliefs[r] = a.Relief.Value
		}
		ws.span = span
		ws.prune()
		ws.room()
		return ws
	}
	// The same sums, term by term in priority order, read a priority at
	// a time from the table the states share; each sweep reads its
	// priority's row from it too (see midsFor).
	N := len(s.Assessments)
	ws.table, ws.row = table, make([]float64, n)
	for k := range K {
		w, row := weights[k], table[k*N:(k+1)*N]
		for r, rk := range s.Ranked {
			ws.sums[r] += w * row[rk.Index]
		}
	}
	for r, rk := range s.Ranked {
		ws.reliefs[r] = s.Assessments[rk.Index].Relief.Value
	}
	ws.span = span
	ws.prune()
	ws.room()
	return ws
}

// room makes the room a sweep needs for the lines it reads.
func (ws *weightSweep) room() {
	m := ws.lineCount()
	ws.at0, ws.at1, ws.lines = make([]float64, m), make([]float64, m), make([]weightLine, 0, m)
}

// pruneFrom is how many of the top-ranked lines prune measures every
// priority's sweep by.
const pruneFrom = 8

// prune finds the lines that can lead in some priority's sweep, so that
// each sweep reads those alone. In priority k's sweep a line runs from
// a0 = (sum − now·mid)·(1−u)·100/others + u·relief to a1 = (1−u)·100·mid +
// u·relief, so it never rises above sum·(1−u)·100/fewest + u·relief nor
// above (1−u)·100·most + u·relief, where fewest is the least the others
// weigh in any sweep and most the highest midpoint. A sweep keeps only
// the lines that reach its best worst (the most, over the lines, of the
// lower end); the best worst is at least that of the top-ranked few, so
// a line whose bound is below theirs in every sweep is never kept, and
// dropping it changes neither the best worst nor what is kept. Where the
// numbers are not what the bound assumes (a NaN, a midpoint outside 0..1,
// an urgency outside 0..1) every line is swept.
func (ws *weightSweep) prune() {
	s := ws.s
	n, u := len(s.Ranked), s.Urgency.Value
	if n <= pruneFrom || !(u >= 0 && u <= 1) || !(ws.span[0] >= 0 && ws.span[1] <= 1) {
		return
	}
	fewest, least := math.Inf(1), math.Inf(1)
	for k, p := range s.Profile.Priorities {
		now := p.Weight
		others := ws.total - now
		if !(others > 0) || !(now >= 0) {
			continue
		}
		fewest = min(fewest, others)
		mids := ws.midsOf(k, pruneFrom)
		scale := (1 - u) * 100 / others
		best := math.Inf(-1)
		for r := range pruneFrom {
			rel := u * ws.reliefs[r]
			a0 := (ws.sums[r]-now*mids[r])*scale + rel
			a1 := (1-u)*mids[r]*100 + rel
			best = max(best, min(a0, a1))
		}
		least = min(least, best)
	}
	if !(fewest > 0) || math.IsInf(least, 0) || least != least {
		return
	}
	floor := pruneFloor(least)
	scale, top := (1-u)*100/fewest, (1-u)*100*ws.span[1]
	cand := make([]int, 0, n)
	for r := range n {
		rel := u * ws.reliefs[r]
		bound := max(max(ws.sums[r], 0)*scale, top) + rel
		if bound != bound {
			return
		}
		if bound >= floor {
			cand = append(cand, r)
		}
	}
	ws.cand = cand
}

// flips appends priority k's weight flips to out.
func (ws *weightSweep) flips(k int, out []WeightFlip) []WeightFlip {
	return ws.flipsWithin(k, 1, out)
}

// flipsWithin appends priority k's weight flips at shares t from 0 to
// tMax to out. Only the lines that can lead somewhere in 0..tMax are
// swept: a line is straight, so one below another's lower end at both
// ends of the range is below it all along.
func (ws *weightSweep) flipsWithin(k int, tMax float64, out []WeightFlip) []WeightFlip {
	s := ws.s
	now := s.Profile.Priorities[k].Weight
	others := ws.total - now
	if !(others > 0) {
		return out
	}
	u := s.Urgency.Value
	mids := ws.midsOf(k, -1)
	// A line whose best is below another's worst never leads: find the
	// best worst first, then keep only the lines that reach it.
	at0, at1 := ws.at0, ws.at1
	scale := (1 - u) * 100 / others
	// The best worst is kept in four running maxima, taken together at
	// the end: max is exact and cares nothing for the order it is taken
	// in (a NaN anywhere gives NaN, and +0 beats −0 either way), and four
	// chains run side by side where one would wait on each step.
	var best [4]float64
	for x := range best {
		best[x] = math.Inf(-1)
	}
	for x := range ws.lineCount() {
		r := ws.line(x)
		rel := u * ws.reliefs[r]
		a0 := (ws.sums[r]-now*mids[r])*scale + rel
		a1 := (1-u)*mids[r]*100 + rel
		at0[x], at1[x] = a0, a1
		best[x&3] = max(best[x&3], min(a0, a0+tMax*(a1-a0)))
	}
	least := max(best[0], best[1], best[2], best[3])
	ws.lines = ws.lines[:0]
	for x := range ws.lineCount() {
		r := ws.line(x)
		if max(at0[x], at0[x]+tMax*(at1[x]-at0[x])) >= least-scoreTolerance {
			l := weightLine{at0: at0[x], at1: at1[x], fit0: (ws.sums[r] - now*mids[r]) / others * 100,
				relief: ws.reliefs[r], index: s.Ranked[r].Index}
			if u >= 1 {
				// At urgency 1 a score is its relief alone, which no
				// weight moves: the lines kept, of the top relief, tie
				// all along, and the ranking's next tie-break, fit,
				// decides among them. Fit is a line in t too.
				l.at0, l.at1 = l.fit0, mids[r]*100
			}
			ws.lines = append(ws.lines, l)
		}
	}
	kept := ws.lines
	segs := weightEnvelope(s.Assessments, kept)
	// At a weight of exactly 0 the lines may tie, and the tie-breaks give
	// the lead to one that is behind at any weight above it: a flip at 0.
	if lead := ws.leaderAtZero(k, kept); lead != segs[0].Index {
		segs = append([]Segment{{From: 0, To: 0, Index: lead}}, segs...)
	}
	// The segment of the weight now; on a corner, the one whose leader
	// leads now, since the tie-breaks there decide which side holds it.
	// Where the lines tie at the weight now, rounding may put the corner
	// a hair to either side of it: the leader's segment is still the
	// one, and a flip never lies on the wrong side of the weight now.
	tNow := now / (others + now)
	at := 0
	for at+1 < len(segs) && segs[at].To < tNow {
		at++
	}
	if lead := s.Leader(); segs[at].Index != lead {
		switch {
		case at+1 < len(segs) && segs[at+1].Index == lead:
			at++
		case at > 0 && segs[at-1].Index == lead:
			at--
		}
	}
	weight := func(t float64) float64 { return others * t / (1 - t) }
	// Below the weight now, nearest first reversed into ascending order.
	var below []WeightFlip
	for x := at; x > 0; x-- {
		below = append(below, WeightFlip{Priority: k, Now: now, Weight: min(weight(segs[x].From), now), Near: segs[x].Index,
			Beyond: segs[x-1].Index})
	}
	slices.Reverse(below)
	out = append(out, below...)
	// Past tMax the lines left out may lead: the envelope of the rest
	// says nothing there.
	for x := at + 1; x < len(segs) && segs[x].From <= tMax; x++ {
		out = append(out, WeightFlip{Priority: k, Now: now, Weight: max(weight(segs[x].From), now), Near: segs[x-1].Index,
			Beyond: segs[x].Index, Up: true})
	}
	return out
}

// lineCount is how many lines a sweep reads, and line(x) the place in
// rank order of the x-th: the candidates prune found, or every line.
func (ws *weightSweep) lineCount() int {
	if ws.cand != nil {
		return len(ws.cand)
	}
	return len(ws.s.Ranked)
}

func (ws *weightSweep) line(x int) int {
	if ws.cand != nil {
		return ws.cand[x]
	}
	return x
}

// midsOf is priority k's rating midpoints of the ranked opportunities,
// in rank order: all of them with top < 0, else the first top (prune
// reads those); from the shared table, only the places asked for are
// filled in, and with top < 0 those are the lines a sweep reads.
func (ws *weightSweep) midsOf(k, top int) []float64 {
	n := len(ws.s.Ranked)
	if ws.table == nil {
		return ws.mids[k*n : (k+1)*n]
	}
	N := len(ws.s.Assessments)
	row, ranked := ws.table[k*N:(k+1)*N], ws.s.Ranked
	if top >= 0 {
		for r := range min(top, n) {
			ws.row[r] = row[ranked[r].Index]
		}
		return ws.row
	}
	for x := range ws.lineCount() {
		r := ws.line(x)
		ws.row[r] = row[ranked[r].Index]
	}
	return ws.row
}

// leaderAtZero is who leads among lines with priority k weighing 0. Those
// whose scores tie there are told apart by their fits summed as Assess
// sums them, to the last bit, since the ranking compares fits exactly.
func (ws *weightSweep) leaderAtZero(k int, lines []weightLine) int {
	top := math.Inf(-1)
	for _, l := range lines {
		top = max(top, l.at0)
	}
	s := ws.s
	u := s.Urgency.Value
	best, bestFit, bestScore := -1, 0.0, 0.0
	for _, l := range lines {
		if l.at0 < top-scoreTolerance {
			continue
		}
		a := &s.Assessments[l.index]
		f := s.fitWithWeight(a, k, 0)
		score := (1-u)*f + u*a.Relief.Value
		if best >= 0 {
			b := &s.Assessments[best]
			c := 0
			if math.Abs(score-bestScore) > scoreTolerance {
				c = cmp.Compare(bestScore, score)
			}
			if cmp.Or(c, compareTied(bestFit, f), compareTied(b.Relief.Value, a.Relief.Value), strings.Compare(a.Name, b.Name),
				cmp.Compare(a.Index, b.Index)) >= 0 {
				continue
			}
		}
		best, bestFit, bestScore = l.index, f, score
	}
	return best
}

// fitWithWeight is a's fit with priority k weighing w, summed as Assess
// sums it, so that ties it breaks are broken as the ranking breaks them.
func (s *State) fitWithWeight(a *Assessment, k int, w float64) float64 {
	total := 0.0
	for l, p := range s.Profile.Priorities {
		if l == k {
			total += w
		} else {
			total += p.Weight
		}
	}
	fit := 0.0
	for l, t := range a.Fit.Terms {
		wt := s.Profile.Priorities[l].Weight
		if l == k {
			wt = w
		}
		share := 1 / float64(len(a.Fit.Terms))
		if total > 0 {
			share = wt / total
		}
		fit += share * t.Mid * 100
	}
	return fit
}

// weightEnvelope is the leader over t in 0..1 among the given lines: the
// upper envelope, as leaderEnvelope finds it for urgency, with the
// ranking's tie-breaks among lines of equal slope.
func weightEnvelope(as []Assessment, lines []weightLine) []Segment {
	sl := make([]scoreLine, len(lines))
	for x, l := range lines {
		sl[x] = scoreLine{fit: l.at0, relief: l.at1, slope: l.at1 - l.at0, index: x}
	}
	slices.SortFunc(sl, func(p, q scoreLine) int {
		if c := compareSlopes(p.slope, q.slope); c != 0 {
			return c
		}
		return compareWeightLines(as, &lines[p.index], &lines[q.index])
	})
	hull := upperHull(sl)
	var segs []Segment
	lo := math.Inf(-1)
	for x := range hull {
		hi := math.Inf(1)
		if x+1 < len(hull) {
			hi = hull[x].meet(&hull[x+1])
		}
		from, to := math.Max(lo, 0), math.Min(hi, 1)
		lo = hi
		if to-from <= segmentEpsilon {
			continue
		}
		segs = append(segs, Segment{From: from, To: to, Index: lines[hull[x].index].index})
	}
	if len(segs) == 0 {
		best := 0
		for x := range lines {
			if compareWeightLines(as, &lines[x], &lines[best]) < 0 {
				best = x
			}
		}
		return []Segment{{From: 0, To: 1, Index: lines[best].index}}
	}
	segs[0].From, segs[len(segs)-1].To = 0, 1
	// Neighbours with the same leader (a line cut by noise) are one.
	merged := segs[:1]
	for _, sg := range segs[1:] {
		if last := &merged[len(merged)-1]; last.Index == sg.Index {
			last.To = sg.To
		} else {
			merged = append(merged, sg)
		}
	}
	return merged
}

// compareWeightLines orders two lines of equal slope as the ranking would
// at t = 0: higher score, then higher fit, higher relief, name, profile
// order.
func compareWeightLines(as []Assessment, p, q *weightLine) int {
	if math.Abs(p.at0-q.at0) > scoreTolerance {
		return cmp.Compare(q.at0, p.at0)
	}
	a, b := &as[p.index], &as[q.index]
	return cmp.Or(compareTied(q.fit0, p.fit0), compareTied(q.relief, p.relief), strings.Compare(a.Name, b.Name), cmp.Compare(a.Index, b.Index))
}

// WithWeights returns the state with its what-if weights replaced by
// weights (priority ID → weight), as Evaluate would give it for the same
// request with those weights, but without assessing anything again: relief,
// vetoes and each rating do not depend on the weights, so only the shares,
// the fits and the ranking are worked out, each fit summed as Assess sums
// it. Weights must set every priority the state's own what-if weights set
// (a what-if that drops one needs Evaluate).
func (s *State) WithWeights(weights map[string]float64) (*State, error) {
	for id := range s.Request.WhatIf.Weights {
		if _, ok := weights[id]; !ok {
			return nil, errors.New("WithWeights: the weight of " + strconv.Quote(id) + " would go back to the profile's; evaluate afresh")
		}
	}
	prs := slices.Clone(s.Profile.Priorities)
	for id, w := range weights {
		k := slices.IndexFunc(prs, func(p Priority) bool { return p.ID == id })
		if k < 0 {
			return nil, errors.New("no priority with id " + strconv.Quote(id))
		}
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, errors.New("weight of " + strconv.Quote(id) + " must be a non-negative number")
		}
		prs[k].Weight = w
	}
	t := *s
	t.memo = &stateMemo{}
	q := *s.Profile
	q.Priorities = prs
	t.Profile = &q
	t.Request.WhatIf.Weights = weights
	// The ratings stay as they are, terms and all; only the shares move,
	// and each fit is summed again with them.
	shares := prioritySharesOf(prs)
	t.Assessments = slices.Clone(s.Assessments)
	table := s.shared.termsOf(s.Assessments)
	for i := range t.Assessments {
		a := &t.Assessments[i]
		a.Fit = Fit{Terms: a.Fit.Terms, Shares: shares}
		if table == nil {
			for k := range a.Fit.Terms {
				a.Fit.addTerm(k)
			}
			continue
		}
		// addTerm's sums, term by term, read from the table the states
		// share rather than from terms spread over the heap.
		low, high, value := 0.0, 0.0, 0.0
		for k, ti := range table.at[table.from[i]:table.from[i+1]] {
			share := shares[k]
			low += share * ti.low * 100
			high += share * ti.high * 100
			value += share * ti.mid * 100
		}
		a.Fit.Low, a.Fit.High, a.Fit.Value = low, high, value
	}
	t.rankFrom(s)
	t.Envelope, t.LeaderChanges = leaderEnvelope(t.Assessments, t.contenders())
	return &t, nil
}
