package model

import (
	"math"
	"slices"
	"sync"
)

// This file keeps what decide works out the same way for every state
// that a what-if of weights or urgency makes from another: the shapes of
// the timeline's layouts, which depend on when the nodes and events fall
// and on the money and search parameters, not on any fit. A weight step re-ranks and
// solves the search model again, and without this it would lay out the
// same nodes again each time.
//
// Everything kept is looked up by what it was worked out from, compared
// whole, so a state that shares the memo with another whose money
// differs finds nothing of the other's and works its own out: the memo
// can make a result faster, never different.

// sharedMemo is shared by a state and the states made from it by
// WithUrgency and WithWeights (Evaluate makes a new one). States may be
// used from more than one goroutine, so it is locked. A nil memo keeps
// nothing.
type sharedMemo struct {
	mu     sync.Mutex
	shapes []*layoutShape
	mids   *midTable
	terms  *termTable
}

// nodeKey is everything a node's constants depend on besides the node
// times: the search parameters (the find rates), the discount, the value
// of a month without a job, the spell so far, the market's delays, the
// job held and what follows its end (endValue, which the market a search
// finds decides: a state made with another pay shares the memo).
type nodeKey struct {
	p                                              SearchParams
	rho, idle, spell, startDelay, payDay, endValue float64
	held                                           heldTerms
}

// layoutShape is the part of a course's layout that its event times
// alone decide (see layout): the nodes, which events fall at each and in
// which order, which steps an offer is held in, and the node constants.
// Its jobs' constants are the course's own. It is read, never written.
type layoutShape struct {
	// key, grid, procAt and offerAt are what it was laid out from: the
	// timeline's constants and grid, and the times of the course's
	// processes and offers' deadlines, in course order.
	key                   nodeKey
	grid, procAt, offerAt []float64
	times                 []float64
	first, kind, k        []int
	held                  []bool
	nodes                 *nodeConstants
}

// nodeConstants are the constants of a layout's nodes (see layout): per
// node its discount factor, and per step after it the midpoint, the idle
// values, the chance a search finds a job and the constants of a job
// found at the midpoint.
type nodeConstants struct {
	disc                              []float64
	mid, discMid, idleA, idleB, find  []float64
	mkPay, discMkPay, mkIdle, mkScale []float64
}

// sharedShapes bounds the shapes kept: decide's brief lays out four
// courses (nothing pending, searching on, holding the offers, and
// holding all but one), and a full decision a few more.
const sharedShapes = 16

// nodeKey is tl's key for layout shapes.
func (tl *timeline) nodeKey() nodeKey {
	m := &tl.market
	return nodeKey{p: tl.p, rho: tl.rho, idle: tl.idle, spell: tl.spell, held: tl.held, startDelay: m.startDelay, payDay: m.payDelay, endValue: tl.endValue}
}

// shape is the shape kept for course c on this grid with this key, or
// nil.
func (sm *sharedMemo) shape(key nodeKey, grid []float64, c *course) *layoutShape {
	if sm == nil {
		return nil
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	for _, sh := range sm.shapes {
		if sh.laidOutFrom(key, grid, c) {
			return sh
		}
	}
	return nil
}

// keep keeps shape sh, the oldest making room.
func (sm *sharedMemo) keep(sh *layoutShape) {
	if sm == nil {
		return
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	if len(sm.shapes) >= sharedShapes {
		sm.shapes = slices.Delete(sm.shapes, 0, 1)
	}
	sm.shapes = append(sm.shapes, sh)
}

// laidOutFrom reports whether sh was laid out for course c's event
// times, to the bit, with this key and grid.
func (sh *layoutShape) laidOutFrom(key nodeKey, grid []float64, c *course) bool {
	if sh.key != key || len(sh.procAt) != len(c.processes) || len(sh.offerAt) != len(c.offers) || !sameBits(sh.grid, grid) {
		return false
	}
	for k := range c.processes {
		if math.Float64bits(sh.procAt[k]) != math.Float64bits(c.processes[k].decides) {
			return false
		}
	}
	for k := range c.offers {
		if math.Float64bits(sh.offerAt[k]) != math.Float64bits(c.offers[k].deadline) {
			return false
		}
	}
	return true
}

// sameBits reports whether a and b hold the same numbers to the bit.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) > 0 && &a[0] == &b[0] {
		return true
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// procEventMemo keeps, within one solver, each process's job constants
// at the time it is decided: every course waits for the same processes
// (nothing pending aside), so each would work them out again.
type procEventMemo struct {
	procs []process
	at    []procEvent
}

// procEvent is process k's job constants, decided at td.
type procEvent struct {
	set bool
	td  float64
	c   eventConstants
}

// of reports whether procs are the memo's own processes, not a copy
// with one of them moved.
func (pm *procEventMemo) of(procs []process) bool {
	return len(procs) == len(pm.procs) && (len(procs) == 0 || &procs[0] == &pm.procs[0])
}

// workOutNodes works out the node constants for nodes at these times.
func (tl *timeline) workOutNodes(times []float64) *nodeConstants {
	n := len(times)
	r := tl.rho
	m := &tl.market
	nc := &nodeConstants{disc: make([]float64, n)}
	for i, t := range times {
		nc.disc[i] = math.Exp(-r * t)
	}
	nc.mid, nc.discMid, nc.idleA, nc.idleB, nc.find = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	nc.mkPay, nc.discMkPay, nc.mkIdle, nc.mkScale = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := 0; i+1 < n; i++ {
		a, b := times[i], times[i+1]
		mid := (a + b) / 2
		nc.mid[i], nc.discMid[i] = mid, math.Exp(-r*mid)
		nc.idleA[i], nc.idleB[i] = tl.idlePV(a, mid), tl.idlePV(mid, b)
		nc.find[i] = tl.findChance(a, b)
		s := mid + m.startDelay
		nc.mkPay[i] = s + m.payDelay
		nc.discMkPay[i] = math.Exp(-r * nc.mkPay[i])
		nc.mkIdle[i], nc.mkScale[i] = tl.idlePV(mid, s), math.Exp(-r*s)
	}
	return nc
}

// termsSeen are the Fit.Terms a table was read from, told apart by where
// they are held: a weight what-if keeps every rating, terms and all, and
// anything that rates again makes new ones.
type termsSeen struct {
	terms []*FitTerm
	lens  []int
}

func seeTerms(as []Assessment) termsSeen {
	t := termsSeen{terms: make([]*FitTerm, len(as)), lens: make([]int, len(as))}
	for i := range as {
		terms := as[i].Fit.Terms
		t.lens[i] = len(terms)
		if len(terms) > 0 {
			t.terms[i] = &terms[0]
		}
	}
	return t
}

// of reports whether these are the very terms of as.
func (t *termsSeen) of(as []Assessment) bool {
	if len(t.lens) != len(as) {
		return false
	}
	for i := range as {
		terms := as[i].Fit.Terms
		if len(terms) != t.lens[i] || len(terms) > 0 && &terms[0] != t.terms[i] {
			return false
		}
	}
	return true
}

// midTable is every assessment's rating midpoints, priority by priority
// (mids[k*n+i] for assessment i and priority k), as the weight sweeps
// read them, laid out once for the states that share the memo.
type midTable struct {
	seen termsSeen
	k    int
	mids []float64
	// span is the least and the most of the midpoints (NaN with a NaN
	// among them).
	span [2]float64
}

// midsOf are the rating midpoints of the assessments as, for K
// priorities, and their least and most, from the memo when they were laid
// out for the same terms, else laid out (and kept); nil with no memo.
func (sm *sharedMemo) midsOf(as []Assessment, K int) ([]float64, [2]float64) {
	if sm == nil {
		return nil, [2]float64{}
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	if t := sm.mids; t != nil && t.k == K && t.seen.of(as) {
		return t.mids, t.span
	}
	n := len(as)
	t := &midTable{seen: seeTerms(as), k: K, mids: make([]float64, n*K), span: emptySpan()}
	for i := range as {
		terms := as[i].Fit.Terms
		for k := range min(K, len(terms)) {
			t.mids[k*n+i] = terms[k].Mid
			t.span = widen(t.span, terms[k].Mid)
		}
	}
	sm.mids = t
	return t.mids, t.span
}

// emptySpan is the span of no numbers, which any number widens.
func emptySpan() [2]float64 { return [2]float64{math.Inf(1), math.Inf(-1)} }

// widen is span widened to hold x; a NaN makes it NaN.
func widen(span [2]float64, x float64) [2]float64 {
	if x != x {
		return [2]float64{x, x}
	}
	return [2]float64{min(span[0], x), max(span[1], x)}
}

// termTable is every assessment's fit terms as WithWeights sums them
// (the interval of each rating on 0..1), assessment by assessment in one
// run of memory: assessment i's are at[from[i]:from[i+1]].
type termTable struct {
	seen termsSeen
	from []int
	at   []termInterval
}

// termInterval is one rating's interval on 0..1.
type termInterval struct{ low, mid, high float64 }

// termsOf is the term table of the assessments as, from the memo when it
// was laid out for the same terms, else laid out (and kept); nil with no
// memo.
func (sm *sharedMemo) termsOf(as []Assessment) *termTable {
	if sm == nil {
		return nil
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	if t := sm.terms; t != nil && t.seen.of(as) {
		return t
	}
	t := &termTable{seen: seeTerms(as), from: make([]int, len(as)+1)}
	for i := range as {
		for _, ft := range as[i].Fit.Terms {
			t.at = append(t.at, termInterval{ft.Low, ft.Mid, ft.High})
		}
		t.from[i+1] = len(t.at)
	}
	sm.terms = t
	return t
}
