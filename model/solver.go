package model

import (
	"cmp"
	"math"
	"slices"
)

// This file sets up what decide weighs for one state: the offers in hand,
// the processes with their decision dates, and the three courses every
// evaluation runs (nothing pending, searching on, holding the offers), at
// any level of savings.

// solver holds a state's timeline and the courses built on it.
type solver struct {
	s        *State
	p        SearchParams
	e        OfferEstimate
	tl       *timeline
	offers   []heldOffer // non-vetoed offers in hand
	all      []int       // every offer in hand, vetoed too
	vetoed   map[int]bool
	procs    []process
	undated  []int
	hopeless []int
	// base are the courses of the offers and processes as they are.
	base courses
	// answers are holding out's values at today's savings were a process
	// to answer on another day (see answerIn).
	answers map[[2]int]float64
	// payday is the mean first payday of a search that starts today (see
	// timeline.meanPayday), or 0 before it is first asked for.
	payday float64
	// basePasses are the base courses' passes with nothing pending and
	// searching on at one level of savings, the last one weighed: the
	// reservation and the verdict both weigh today's savings, and a pass
	// depends on nothing but its course, its fallback and the savings.
	basePasses *basePasses
	// procSlots and offerSlots map an assessment index to its place in
	// procs and in the base hold course's offers (-1 for none), made on
	// first use.
	procSlots, offerSlots []int
	// bridges are the offers' bridges (see bridge.go), by assessment
	// index, each worked out once.
	bridges map[int]*bridgeTerms
}

// basePasses are the passes of the base courses none and search at a
// level of savings.
type basePasses struct {
	savings      float64
	none, search *pass
}

// passesAt are the base courses' passes none and search at the given
// savings, run once for the last level asked for.
func (sv *solver) passesAt(savings float64) (none, search *pass) {
	if sv.base.none == nil {
		sv.base = sv.coursesFor(sv.offers, sv.procs)
	}
	if b := sv.basePasses; b != nil && b.savings == savings {
		return b.none, b.search
	}
	tl := sv.at(savings)
	none = tl.run(sv.base.none, nil)
	search = tl.run(sv.base.search, none)
	sv.basePasses = &basePasses{savings: savings, none: none, search: search}
	return none, search
}

// meanPayday is the timeline's mean payday for a search, worked out once.
func (sv *solver) meanPayday() float64 {
	if sv.payday == 0 {
		sv.payday = sv.tl.meanPayday()
	}
	return sv.payday
}

func newSolver(s *State) *solver {
	p := s.Profile.Search
	if p == (SearchParams{}) {
		p = DefaultSearchParams()
	}
	sv := &solver{s: s, p: p, e: EstimateOffers(s, p), vetoed: map[int]bool{}}
	sv.tl = newTimeline(s, p, &sv.e)
	today := s.Request.Today
	for i := range s.Assessments {
		a := &s.Assessments[i]
		o := &s.Profile.Opportunities[i]
		if a.Closed || o.Stage != StageOffer && o.Stage != StageAccepted {
			continue
		}
		sv.all = append(sv.all, i)
	}
	// The offers are large: room for all of them at once.
	sv.offers = make([]heldOffer, 0, len(sv.all))
	for _, i := range sv.all {
		if s.Assessments[i].Vetoed() {
			sv.vetoed[i] = true
			continue
		}
		sv.offers = append(sv.offers, sv.offerOf(i))
	}
	dated := make([]datedProcess, 0, len(s.Ranked))
	for rank, r := range s.Ranked {
		o := &s.Profile.Opportunities[r.Index]
		if o.Stage == StageOffer || o.Stage == StageAccepted || o.Stage == StageCurrent {
			continue
		}
		a := &s.Assessments[r.Index]
		switch {
		case a.Relief.Chance <= 0:
			sv.hopeless = append(sv.hopeless, r.Index)
		case o.DecisionExpected.IsZero():
			sv.undated = append(sv.undated, r.Index)
		default:
			dated = append(dated, datedProcess{decides: math.Max(0, monthsUntil(today, o.DecisionExpected)), rank: rank, index: r.Index})
		}
	}
	// By decision date, ties in rank order: the order a stable sort of
	// the processes gives, found on small keys rather than on the
	// processes themselves, whose jobs are large to move.
	slices.SortFunc(dated, func(a, b datedProcess) int {
		switch {
		case a.decides < b.decides:
			return -1
		case a.decides > b.decides:
			return 1
		}
		return cmp.Compare(a.rank, b.rank)
	})
	sv.procs = make([]process, len(dated))
	for k, d := range dated {
		sv.procs[k] = process{job: jobOf(s, p, &sv.e, d.index, d.decides), decides: d.decides,
			chance: s.Assessments[d.index].Relief.Chance, index: d.index}
	}
	sv.tl.procEvents = &procEventMemo{procs: sv.procs, at: make([]procEvent, len(sv.procs))}
	return sv
}

// datedProcess is a process with a decision date while the processes are
// put in order: when it decides, where it ranks and its assessment.
type datedProcess struct {
	decides     float64
	rank, index int
}

// offerOf is offer i as a held offer, with the deadline in force.
func (sv *solver) offerOf(i int) heldOffer {
	s := sv.s
	o := &s.Profile.Opportunities[i]
	j := jobOf(s, sv.p, &sv.e, i, 0)
	j.chance = s.Assessments[i].Relief.Chance
	return heldOffer{job: j, deadline: sv.deadlineOf(o), index: i}
}

func (sv *solver) deadlineOf(o *Opportunity) float64 {
	today := sv.s.Request.Today
	switch {
	case o.Stage == StageAccepted && !o.Starts.IsZero():
		// Accepted already: it can still be given up until it starts.
		return math.Max(0, monthsUntil(today, o.Starts))
	case o.RespondBy.IsZero():
		return sv.p.HoldDays / daysPerMonth
	case o.RespondBy.Before(today):
		return 0
	}
	return monthsUntil(today, o.RespondBy)
}

// dateAt is the day t months from today falls on.
func (sv *solver) dateAt(t float64) Date {
	return sv.s.Request.Today.AddDays(int(math.Round(t * daysPerMonth)))
}

// world is one evaluation of the courses at a level of savings.
type world struct {
	tl *timeline
	// fallback are the offers the hold course falls back on (see
	// fallbacks), and top the two offers most worth accepting (see
	// bestOtherAccept), each worked out once.
	fallback map[int]bool
	top      *[2]acceptValue
	none     *pass // nothing pending: what a fall-through returns to
	search   *pass // every offer declined, the processes pending
	hold     *pass // the offers that can be held, held
	c        *course
	accept   map[int]float64 // accept offer (assessment index) now
	// declined is the best course without an offer (see declineValue),
	// by assessment index, each worked out once.
	declined map[int]float64
}

// holdable are the offers of sv that can be held past today.
func holdable(offers []heldOffer) []heldOffer {
	out := make([]heldOffer, 0, len(offers))
	for _, o := range offers {
		if o.deadline > sameTime {
			out = append(out, o)
		}
	}
	return out
}

// courses are the three courses every evaluation runs, kept so that their
// layouts are built once.
type courses struct {
	none, search, hold *course
}

func (sv *solver) coursesFor(offers []heldOffer, procs []process) courses {
	return courses{none: &course{}, search: &course{processes: procs}, hold: &course{offers: holdable(offers), processes: procs}}
}

// evaluate runs the passes at the given savings for the solver's own
// offers and processes.
func (sv *solver) evaluate(savings float64) *world {
	if sv.base.none == nil {
		sv.base = sv.coursesFor(sv.offers, sv.procs)
	}
	return sv.evaluateCourses(savings, sv.base, sv.offers)
}

func (sv *solver) evaluateCourses(savings float64, cs courses, offers []heldOffer) *world {
	tl := sv.at(savings)
	w := &world{tl: tl, accept: map[int]float64{}, c: cs.hold}
	if cs == sv.base {
		w.none, w.search = sv.passesAt(savings)
	} else {
		w.none = tl.run(cs.none, nil)
		w.search = tl.run(cs.search, w.none)
	}
	w.hold = tl.run(cs.hold, w.none)
	for k := range offers {
		// Accepting is worth the bridge: accepting and keeping the later
		// processes alive (see bridge.go).
		w.accept[offers[k].index] = tl.jobValue(&offers[k].job, 0, w.none.at) + sv.bridgeGain(w, offers[k].index)
	}
	return w
}

// acceptValue is the value of accepting opportunity i (an offer, vetoed
// or not) now at the given savings: for one not vetoed, its bridge.
func (sv *solver) acceptValue(w *world, i int) float64 {
	if v, ok := w.accept[i]; ok {
		return v
	}
	return sv.acceptStop(w, i)
}

// acceptStop is the value of accepting opportunity i now and stopping:
// every other process ended.
func (sv *solver) acceptStop(w *world, i int) float64 {
	o := sv.offerOf(i)
	return w.tl.jobValue(&o.job, 0, w.none.at)
}

// acceptValue is what accepting one offer now is worth.
type acceptValue struct {
	index int
	value float64
}

// bestOtherAccept is the most an offer other than i is worth to accept
// now, or −Inf with none: the two best values are found once per world.
func (w *world) bestOtherAccept(i int) float64 {
	if w.top == nil {
		w.top = &[2]acceptValue{{-1, math.Inf(-1)}, {-1, math.Inf(-1)}}
		for idx, v := range w.accept {
			switch {
			case v > w.top[0].value || v == w.top[0].value && idx < w.top[0].index:
				w.top[1], w.top[0] = w.top[0], acceptValue{idx, v}
			case v > w.top[1].value:
				w.top[1] = acceptValue{idx, v}
			}
		}
	}
	if w.top[0].index == i {
		return w.top[1].value
	}
	return w.top[0].value
}

// bestAccept is the offer worth most to accept now, and its value; -1
// with no offers.
func bestAccept(w *world, offers []heldOffer) (int, float64) {
	best, v := -1, math.Inf(-1)
	for _, o := range offers {
		if a := w.accept[o.index]; best < 0 || a > v+valueTolerance {
			best, v = o.index, a
		}
	}
	return best, v
}
