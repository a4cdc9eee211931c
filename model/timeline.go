package model

import (
	"math"
	"slices"
)

// This file is the pass of money.go's timeline: a course's nodes laid out
// once (everything that does not depend on the savings worked out then),
// and the backward pass that values the course at a level of savings.

// heldOffer is an offer in hand on the timeline: its job and deadline.
type heldOffer struct {
	job      jobTerms
	deadline float64
	// index is its position in State.Assessments.
	index int
}

// process is an opportunity on its way to an answer: its job if it comes
// through, when it decides and its chance.
type process struct {
	job     jobTerms
	decides float64
	chance  float64
	index   int
}

// course is what a pass follows: the offers held (each until its deadline)
// and the processes waited for. Its layout is built on first use and kept:
// a course is weighed at many levels of savings.
type course struct {
	offers    []heldOffer
	processes []process
	lay       *layout
}

// event kinds at a node, in the order they happen on a day: a process
// answers, then an offer's deadline comes.
const (
	eventProcess = iota
	eventDeadline
)

// layout is a course's nodes and events with every constant a pass needs.
type layout struct {
	times, disc []float64
	// held[i] reports that an offer is still held in the step after node
	// i, so the search does not run in it.
	held []bool
	// Per step after node i: its midpoint, the value of the months without
	// a job before and after it, the chance a search finds a job in it, and
	// for a job found at the midpoint its first payday and the value of the
	// months until it starts and the scale of its own worth.
	mid, discMid, idleA, idleB, find  []float64
	mkPay, discMkPay, mkIdle, mkScale []float64
	// Events, node by node: first[i] is the first event of node i (events
	// of node i run to first[i+1]).
	first []int
	kind  []int
	// k indexes the course's processes or offers; chance is the process's
	// chance (1 for a deadline); fp, discFP the job's first payday; keep
	// the part of its value that does not depend on the savings; jobChance
	// the chance it comes through once taken; fallAt the grid position of
	// fp for a job that may fall through.
	k                  []int
	chance, fp, discFP []float64
	start              []float64
	job                []*jobTerms
	keep, jobChance    []float64
	fallNode           []int
	fallFrac           []float64
	termPay, termDisc  float64
}

// layoutOf is the layout of course c, built once.
func (tl *timeline) layoutOf(c *course) *layout {
	if c.lay == nil {
		c.lay = tl.buildLayout(c)
	}
	return c.lay
}

func (tl *timeline) buildLayout(c *course) *layout {
	sh := tl.shapeOf(c)
	nc := sh.nodes
	L := &layout{times: sh.times, disc: nc.disc, held: sh.held, first: sh.first, kind: sh.kind, k: sh.k,
		mid: nc.mid, discMid: nc.discMid, idleA: nc.idleA, idleB: nc.idleB, find: nc.find,
		mkPay: nc.mkPay, discMkPay: nc.discMkPay, mkIdle: nc.mkIdle, mkScale: nc.mkScale}
	m := &tl.market
	n, ne := len(L.times), len(L.kind)
	L.chance, L.fp, L.discFP, L.keep, L.jobChance = make([]float64, ne), make([]float64, ne), make([]float64, ne), make([]float64, ne), make([]float64, ne)
	L.start, L.job = make([]float64, ne), make([]*jobTerms, ne)
	L.fallNode, L.fallFrac = make([]int, ne), make([]float64, ne)
	pm := tl.procEvents
	if pm != nil && !pm.of(c.processes) {
		pm = nil
	}
	for i := range n {
		td := L.times[i]
		for ev := L.first[i]; ev < L.first[i+1]; ev++ {
			k := L.k[ev]
			if L.kind[ev] == eventDeadline {
				L.chance[ev] = 1
				L.setEvent(ev, tl.eventJob(td, &c.offers[k].job))
				continue
			}
			p := &c.processes[k]
			L.chance[ev] = p.chance
			if pm == nil {
				L.setEvent(ev, tl.eventJob(td, &p.job))
				continue
			}
			if e := &pm.at[k]; !e.set || math.Float64bits(e.td) != math.Float64bits(td) {
				*e = procEvent{set: true, td: td, c: tl.eventJob(td, &p.job)}
			}
			L.setEvent(ev, pm.at[k].c)
		}
	}
	L.termPay = horizonMonths + m.startDelay + m.payDelay
	L.termDisc = math.Exp(-tl.rho * L.termPay)
	return L
}

// shapeOf is the shape of course c's layout: from the shared memo when a
// course with the same event times was laid out for the same money,
// else laid out (and kept).
func (tl *timeline) shapeOf(c *course) *layoutShape {
	key := tl.nodeKey()
	if sh := tl.shared.shape(key, tl.grid, c); sh != nil {
		return sh
	}
	sh := tl.layShape(key, c)
	tl.shared.keep(sh)
	return sh
}

// layShape lays out course c's nodes and events: the grid merged with
// every event time, events at one time (within sameTime) sharing a node,
// a node's processes before its deadlines.
func (tl *timeline) layShape(key nodeKey, c *course) *layoutShape {
	type at struct {
		t    float64
		kind int
		k    int
	}
	evs := make([]at, 0, len(c.processes)+len(c.offers))
	sh := &layoutShape{key: key, grid: tl.grid, procAt: make([]float64, len(c.processes)), offerAt: make([]float64, len(c.offers))}
	for k, p := range c.processes {
		evs = append(evs, at{p.decides, eventProcess, k})
		sh.procAt[k] = p.decides
	}
	for k, o := range c.offers {
		evs = append(evs, at{o.deadline, eventDeadline, k})
		sh.offerAt[k] = o.deadline
	}
	slices.SortStableFunc(evs, func(a, b at) int {
		switch {
		case a.t < b.t-sameTime:
			return -1
		case a.t > b.t+sameTime:
			return 1
		}
		return a.kind - b.kind
	})
	last := math.Inf(-1)
	for _, o := range c.offers {
		last = math.Max(last, o.deadline)
	}
	addNode := func(t float64) {
		sh.times = append(sh.times, t)
		sh.first = append(sh.first, len(sh.kind))
	}
	// Merge the grid with the event times; equal times share a node.
	g, e := 0, 0
	for g < len(tl.grid) || e < len(evs) {
		var t float64
		switch {
		case e >= len(evs) || (g < len(tl.grid) && tl.grid[g] <= evs[e].t):
			t = tl.grid[g]
		default:
			t = math.Min(evs[e].t, horizonMonths)
		}
		if n := len(sh.times); n == 0 || t > sh.times[n-1]+sameTime {
			addNode(t)
		}
		for g < len(tl.grid) && tl.grid[g] <= t+sameTime {
			g++
		}
		for e < len(evs) && math.Min(evs[e].t, horizonMonths) <= t+sameTime {
			sh.kind = append(sh.kind, evs[e].kind)
			sh.k = append(sh.k, evs[e].k)
			e++
		}
	}
	sh.first = append(sh.first, len(sh.kind))
	sh.held = make([]bool, len(sh.times))
	for i, t := range sh.times {
		sh.held[i] = t < last-sameTime
	}
	sh.nodes = tl.workOutNodes(sh.times)
	return sh
}

// withJob is course c with offer k's job replaced by j, its deadline kept:
// the layout is c's with that one event's constants worked out again, so a
// changed offer costs one pass and no new layout.
func (tl *timeline) withJob(c *course, k int, j jobTerms) *course {
	L := tl.layoutOf(c)
	out := &course{offers: slices.Clone(c.offers), processes: c.processes}
	out.offers[k].job = j
	M := *L
	M.keep, M.fp, M.discFP, M.jobChance = slices.Clone(L.keep), slices.Clone(L.fp), slices.Clone(L.discFP), slices.Clone(L.jobChance)
	M.start, M.job = slices.Clone(L.start), slices.Clone(L.job)
	M.fallNode, M.fallFrac = slices.Clone(L.fallNode), slices.Clone(L.fallFrac)
	for i := range L.times {
		for ev := L.first[i]; ev < L.first[i+1]; ev++ {
			if L.kind[ev] == eventDeadline && L.k[ev] == k {
				M.setEvent(ev, tl.eventJob(L.times[i], &out.offers[k].job))
			}
		}
	}
	out.lay = &M
	return out
}

// eventConstants are one event's job constants (see layout), decided at
// td.
type eventConstants struct {
	fp, discFP, jobChance, start, keep, fallFrac float64
	fallNode                                     int
	job                                          *jobTerms
}

// eventJob works out the job constants of an event decided at td.
func (tl *timeline) eventJob(td float64, j *jobTerms) eventConstants {
	r := tl.rho
	s := math.Max(j.start, td)
	fp := math.Max(j.firstPay+(s-j.start), s)
	e := eventConstants{fp: fp, discFP: math.Exp(-r * fp), jobChance: j.chance, start: s, job: j}
	e.keep = j.chance*(tl.idlePV(td, s)+tl.workPV(j, s, fp)) + (1-j.chance)*tl.idlePV(td, fp)
	e.fallNode, e.fallFrac = tl.gridPlace(fp)
	return e
}

// setEvent puts event ev's job constants in L.
func (L *layout) setEvent(ev int, e eventConstants) {
	L.fp[ev], L.discFP[ev], L.jobChance[ev], L.start[ev], L.job[ev] = e.fp, e.discFP, e.jobChance, e.start, e.job
	L.keep[ev], L.fallNode[ev], L.fallFrac[ev] = e.keep, e.fallNode, e.fallFrac
}

// gridPlace is where time t falls on the grid: the node before it and how
// far towards the next.
func (tl *timeline) gridPlace(t float64) (int, float64) {
	i, found := slices.BinarySearch(tl.grid, t)
	switch {
	case found:
		return i, 0
	case i == 0:
		return 0, 0
	case i >= len(tl.grid):
		return len(tl.grid) - 1, 0
	}
	a, b := tl.grid[i-1], tl.grid[i]
	return i - 1, (t - a) / (b - a)
}

// pricing is the savings-dependent part of a pass: when the money runs
// out, and what being short costs then and after.
type pricing struct {
	savings, burn, runway, discRunway float64
	gapCoef, debtCoef, invR, invR2    float64
	// cash is the timeline's money, for a dated ledger (cash.dated) and
	// for a job that adds money of its own.
	cash *ledger
}

func (tl *timeline) pricing() pricing {
	l := &tl.cash
	p := pricing{savings: math.Max(0, l.savings), burn: l.burn, runway: math.Inf(1), invR: 1 / tl.rho, cash: l}
	p.invR2 = p.invR * p.invR
	if l.burn > 0 && l.shortfall > 0 {
		p.runway = p.savings / l.burn
		p.discRunway = math.Exp(-tl.rho * p.runway)
		p.gapCoef = l.shortfall * l.burn / l.expenses
		p.debtCoef = l.shortfall / l.expenses * (1 - math.Exp(-tl.rho*l.repay)) / tl.rho
	}
	return p
}

// gap is ledger.gap with the discount factors of a and b given.
func (p *pricing) gap(a, da, b, db float64) float64 {
	if p.cash.dated {
		return p.cash.gap(a, b)
	}
	if b <= p.runway || b <= a {
		return 0
	}
	if p.cash.stopping {
		return p.cash.gap(a, b)
	}
	lo, dlo := a, da
	if a < p.runway {
		lo, dlo = p.runway, p.discRunway
	}
	prim := func(t, d float64) float64 { return -d * ((t-p.runway)*p.invR + p.invR2) }
	return p.gapCoef * (prim(b, db) - prim(lo, dlo))
}

// debt is ledger.debt with the discount factor of fp given.
func (p *pricing) debt(fp, dfp float64) float64 {
	if p.cash.dated {
		return p.cash.debt(fp)
	}
	if p.debtCoef == 0 {
		return 0
	}
	short := p.burn*math.Min(fp, p.cash.stopAt()) - p.savings
	if short <= 0 {
		return 0
	}
	return p.debtCoef * short * dfp
}

// pass is one backward pass over a course: the value at every node before
// its events, and what the best plan chooses at each.
type pass struct {
	lay *layout
	// value[i] is the value at node i before its events.
	value []float64
	// after, job and take are per event: the value just after it, the
	// value of its job there, and whether the plan takes the job.
	after, job []float64
	take       []bool
	// market[i] is the chance that the plan takes a job the search finds
	// in the step after node i, if it finds one.
	market []float64
	// choose[i] is the offer of the course (an index into its offers) the
	// plan accepts at node i, just after the processes there answer, or
	// -1: a held offer need not wait for its deadline once there is
	// nothing more to hear before it.
	choose []int
}

// start is the value of the course today.
func (ps *pass) start() float64 { return ps.value[0] }

// run makes the backward pass for course c at the timeline's savings.
// fallback is the pass of the course with nothing pending, for jobs that
// may fall through; nil means the pass is that course itself.
func (tl *timeline) run(c *course, fallback *pass) *pass {
	L := tl.layoutOf(c)
	n, ne := len(L.times), len(L.kind)
	ps := &pass{lay: L, value: make([]float64, n), after: make([]float64, ne), job: make([]float64, ne),
		take: make([]bool, ne), market: make([]float64, n), choose: make([]int, n)}
	pr := tl.pricing()
	early := tl.earlyOffers(c, &pr)
	m := &tl.market
	fall := func(ev int) float64 {
		if fallback == nil {
			return 0
		}
		v := fallback.value
		i, f := L.fallNode[ev], L.fallFrac[ev]
		if f == 0 || i+1 >= len(v) {
			return v[i]
		}
		return v[i] + f*(v[i+1]-v[i])
	}
	// At the horizon a job is taken, whatever it is.
	all, _ := m.expect(math.Inf(-1))
	last := L.times[n-1]
	v := tl.idlePV(last, last+m.startDelay) + math.Exp(-tl.rho*(last+m.startDelay))*all -
		pr.gap(last, L.disc[n-1], L.termPay, L.termDisc) - pr.debt(L.termPay, L.termDisc) -
		tl.afterPay(&m.job, last+m.startDelay, L.termPay, &pr)
	for i := n - 1; i >= 0; i-- {
		if i < n-1 {
			t, next := L.times[i], L.times[i+1]
			if L.held[i] {
				v = L.idleA[i] + L.idleB[i] - pr.gap(t, L.disc[i], next, L.disc[i+1]) + v
			} else {
				cont := L.idleB[i] - pr.gap(L.mid[i], L.discMid[i], next, L.disc[i+1]) + v
				base := L.mkIdle[i] - pr.gap(L.mid[i], L.discMid[i], L.mkPay[i], L.discMkPay[i]) - pr.debt(L.mkPay[i], L.discMkPay[i]) -
					tl.afterPay(&m.job, L.mid[i]+m.startDelay, L.mkPay[i], &pr)
				worth, take := m.expect((cont - base) / L.mkScale[i])
				ps.market[i] = take
				p := L.find[i]
				v = L.idleA[i] - pr.gap(t, L.disc[i], L.mid[i], L.discMid[i]) + p*(base+L.mkScale[i]*worth) + (1-p)*cont
			}
		}
		ps.choose[i] = -1
		chosen := false
		for ev := L.first[i+1] - 1; ev >= L.first[i]; ev-- {
			if L.kind[ev] == eventProcess && !chosen {
				// Right after the processes of this node answer, a held
				// offer may be accepted at once rather than on its
				// deadline, so that its start is not put off for nothing.
				chosen = true
				if k, j := tl.bestEarly(c, early, L.times[i], &pr, fallback); k >= 0 && j > v+valueTolerance {
					v, ps.choose[i] = j, k
				}
			}
			ps.after[ev] = v
			jc := L.jobChance[ev]
			var j float64
			if tl.cash.general(L.job[ev]) {
				gap, debt := tl.cash.jobShort(L.job[ev], pr.savings, L.times[i], L.start[ev], L.fp[ev], L.discFP[ev])
				j = L.keep[ev] - jc*(debt+tl.afterPay(L.job[ev], L.start[ev], L.fp[ev], &pr)) - gap
			} else {
				j = L.keep[ev] - jc*(pr.debt(L.fp[ev], L.discFP[ev])+tl.afterPay(L.job[ev], L.start[ev], L.fp[ev], &pr)) -
					pr.gap(L.times[i], L.disc[i], L.fp[ev], L.discFP[ev])
			}
			if jc < 1 {
				j += (1 - jc) * fall(ev)
			}
			ps.job[ev] = j
			if j > v+valueTolerance {
				ps.take[ev] = true
				ch := L.chance[ev]
				v = ch*j + (1-ch)*v
			}
		}
		ps.value[i] = v
	}
	return ps
}

// earlyOffers are the course's offers most worth accepting today, best
// first, at most earlyMax: the ones a plan would accept before its
// deadline. Before their starts every offer is worth what it is worth
// today less the same months of waiting, so today's order holds.
//
// Without a NaN among the values, the stable sort by value puts them in
// one order, by value and then by place in the course, so the first few
// are picked in one pass instead; a NaN, which ties with everything,
// leaves it to the sort.
func (tl *timeline) earlyOffers(c *course, pr *pricing) []int {
	values := make([]float64, len(c.offers))
	for k := range c.offers {
		values[k] = tl.acceptAt(&c.offers[k].job, 0, pr, nil)
	}
	return topByValue(values, earlyMax)
}

// topByValue are the places of the n largest values, largest first, as
// a stable sort by value (ties keeping their order) would put them.
// Without a NaN the sort has one order, by value and then by place, so
// the first n are picked in one pass; a NaN, which ties with everything,
// leaves it to the sort.
func topByValue(values []float64, n int) []int {
	type kv struct {
		k int
		v float64
	}
	out := make([]int, 0, n)
	if !slices.ContainsFunc(values, math.IsNaN) {
		best := make([]kv, 0, n)
		for k, v := range values {
			// After every kept one worth as much or more: those come
			// first, or are worth more.
			at := 0
			for at < len(best) && best[at].v >= v {
				at++
			}
			switch {
			case at == n:
				continue
			case len(best) < n:
				best = append(best, kv{})
			}
			copy(best[at+1:], best[at:len(best)-1])
			best[at] = kv{k, v}
		}
		for _, e := range best {
			out = append(out, e.k)
		}
		return out
	}
	all := make([]kv, len(values))
	for k, v := range values {
		all[k] = kv{k, v}
	}
	slices.SortStableFunc(all, func(a, b kv) int {
		switch {
		case a.v > b.v:
			return -1
		case a.v < b.v:
			return 1
		}
		return 0
	})
	for _, e := range all[:min(n, len(all))] {
		out = append(out, e.k)
	}
	return out
}

// earlyMax bounds the offers weighed for accepting before their deadline
// at each answer: the best few by today's value.
const earlyMax = 4

// bestEarly is the best of the early offers still held at time t, accepted
// then, and its value; -1 when none is held.
func (tl *timeline) bestEarly(c *course, early []int, t float64, pr *pricing, fallback *pass) (int, float64) {
	best, value := -1, math.Inf(-1)
	for _, k := range early {
		o := &c.offers[k]
		if o.deadline <= t+sameTime {
			continue
		}
		if v := tl.acceptAt(&o.job, t, pr, fallback); v > value {
			best, value = k, v
		}
	}
	return best, value
}

// acceptAt is the value of committing to job j at time t (as jobValue, at
// the pass's pricing); fallback, when not nil, is where a job that falls
// through returns.
func (tl *timeline) acceptAt(j *jobTerms, t float64, pr *pricing, fallback *pass) float64 {
	s := math.Max(j.start, t)
	fp := math.Max(j.firstPay+(s-j.start), s)
	dfp := math.Exp(-tl.rho * fp)
	var v float64
	if tl.cash.general(j) {
		gap, debt := tl.cash.jobShort(j, pr.savings, t, s, fp, dfp)
		v = j.chance*(tl.idlePV(t, s)+tl.workPV(j, s, fp)-debt-tl.afterPay(j, s, fp, pr)) + (1-j.chance)*tl.idlePV(t, fp) - gap
	} else {
		v = j.chance*(tl.idlePV(t, s)+tl.workPV(j, s, fp)-pr.debt(fp, dfp)-tl.afterPay(j, s, fp, pr)) + (1-j.chance)*tl.idlePV(t, fp) -
			pr.gap(t, math.Exp(-tl.rho*t), fp, dfp)
	}
	if j.chance < 1 && fallback != nil {
		v += (1 - j.chance) * fallback.at(fp)
	}
	return v
}

// at is the value of the pass at time t, straight between nodes.
func (ps *pass) at(t float64) float64 {
	times := ps.lay.times
	i, found := slices.BinarySearch(times, t)
	switch {
	case found:
		return ps.value[i]
	case i == 0:
		return ps.value[0]
	case i >= len(times):
		return ps.value[len(times)-1]
	}
	a, b := times[i-1], times[i]
	f := (t - a) / (b - a)
	return ps.value[i-1] + f*(ps.value[i]-ps.value[i-1])
}

// reach follows the pass's plan forward from today: for each event, the
// chance of getting to it with no job taken yet.
func (ps *pass) reach() []float64 {
	out, _ := ps.reachAll()
	return out
}

// reachAll is reach, and for each node the chance of getting to the point
// after its processes answer, where the plan may accept a held offer.
func (ps *pass) reachAll() ([]float64, []float64) {
	L := ps.lay
	out := make([]float64, len(L.kind))
	atChoice := make([]float64, len(L.times))
	p := 1.0
	for i := range L.times {
		chose := false
		for ev := L.first[i]; ev < L.first[i+1]; ev++ {
			if L.kind[ev] == eventDeadline && !chose {
				chose, atChoice[i] = true, p
				if ps.choose[i] >= 0 {
					p = 0 // the plan accepted a held offer after the answers
				}
			}
			out[ev] = p
			if ps.take[ev] {
				p *= 1 - L.chance[ev]
			}
		}
		if !chose {
			atChoice[i] = p
		}
		if ps.choose[i] >= 0 {
			p = 0
		}
		if i < len(L.times)-1 && !L.held[i] {
			p *= 1 - L.find[i]*ps.market[i]
		}
	}
	return out, atChoice
}

// events calls f for every event of the pass with its kind, its index in
// the course and its flat index.
func (ps *pass) events(f func(kind, k, ev int)) {
	for ev, kind := range ps.lay.kind {
		f(kind, ps.lay.k[ev], ev)
	}
}
