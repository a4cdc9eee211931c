package model

import (
	"cmp"
	"math"
	"slices"
)

// This file weighs each offer in hand on its own: its values beside the
// verdict's, where the answer would change (the chance of the process it
// waits for, the savings), and the levers that would change it (a later
// deadline, an earlier decision, more pay).

// advise fills the verdict and the advice on every offer at today's
// savings, with the break-evens and levers of the offers in play.
func (sv *solver) advise(d *Decision) { sv.adviseWith(d, adviseFull) }

// adviseDepth is how far advise goes: which offers get advice, and
// whether the ones in play are weighed.
type adviseDepth int

const (
	// adviseVerdict advises on the offer the verdict accepts alone (none
	// for a verdict to hold or to search on), unweighed.
	adviseVerdict adviseDepth = iota
	// adviseEvery advises on every offer in hand, unweighed.
	adviseEvery
	// adviseFull advises on every offer and weighs the ones in play.
	adviseFull
)

func (sv *solver) adviseWith(d *Decision, depth adviseDepth) {
	weigh := depth == adviseFull
	w := sv.evaluate(sv.tl.cash.savings)
	d.Verdict = sv.verdictAt(w, sv.offers)
	if sv.tl.held.on {
		// With a job held, declining every offer is staying in it (and
		// searching from it).
		if d.Verdict.Action == ActionSearch {
			d.Verdict.Action = ActionStay
		}
		if d.Verdict.RunnerUpAction == ActionSearch {
			d.Verdict.RunnerUpAction = ActionStay
		}
	}
	y := sv.candidate(w)
	var chances *chanceCurve
	if y >= 0 && weigh {
		chances = sv.chanceCurve(w, y)
	}
	inPlay := map[int]bool{}
	if weigh {
		inPlay = sv.inPlay(w, d)
	}
	if depth == adviseVerdict {
		// The header says what would change the advice: the chance and the
		// savings at which it flips, for the offer it accepts, holds or
		// declines.
		d.Offers = nil
		i := d.Verdict.Offer
		if d.Verdict.Action == ActionSearch && len(d.Verdict.Lapses) > 0 {
			i = d.Verdict.Lapses[0] // the offer declined to search on
		}
		if i >= 0 {
			if y >= 0 {
				chances = sv.chanceCurve(w, y)
			}
			adv := sv.offerAdvice(d, w, i, y, chances, false)
			if !adv.Vetoed {
				sv.savingsBreakEven(&adv, i)
			}
			d.Offers = []OfferAdvice{adv}
		}
		return
	}
	d.Offers = make([]OfferAdvice, 0, len(sv.all))
	for _, i := range sv.all {
		d.Offers = append(d.Offers, sv.offerAdvice(d, w, i, y, chances, inPlay[i]))
	}
}

// weighedOffers is how many offers, by what accepting each is worth, get
// the break-evens and levers that take a search of their own, besides the
// verdict's offer and the ones it holds. Nobody weighs fifty offers at
// once; a profile with that many still gets every offer's advice and
// values.
const weighedOffers = 8

// inPlay are the offers weighed in full: the verdict's, the ones the hold
// course falls back on, and the weighedOffers most worth accepting.
func (sv *solver) inPlay(w *world, d *Decision) map[int]bool {
	out := map[int]bool{}
	if d.Verdict.Offer >= 0 {
		out[d.Verdict.Offer] = true
	}
	for i := range fallbacks(w) {
		out[i] = true
	}
	ranked := slices.Clone(sv.offers)
	slices.SortStableFunc(ranked, func(a, b heldOffer) int {
		if x, y := w.accept[a.index], w.accept[b.index]; math.Abs(x-y) > valueTolerance {
			return cmp.Compare(y, x)
		}
		return 0 // a tie within the tolerance keeps the offers' order
	})
	for k := range min(weighedOffers, len(ranked)) {
		out[ranked[k].index] = true
	}
	return out
}

func (sv *solver) flow(v float64) float64 { return v * sv.tl.rho }

// process returns the process with assessment index i.
func (sv *solver) process(i int) *process {
	if sv.procSlots == nil {
		sv.procSlots = slotsOf(len(sv.s.Assessments), len(sv.procs), func(k int) int { return sv.procs[k].index })
	}
	if i < 0 || i >= len(sv.procSlots) || sv.procSlots[i] < 0 {
		return nil
	}
	return &sv.procs[sv.procSlots[i]]
}

func (sv *solver) offerAdvice(d *Decision, w *world, i, y int, chances *chanceCurve, weigh bool) OfferAdvice {
	s := sv.s
	o := &s.Profile.Opportunities[i]
	a := &s.Assessments[i]
	today := s.Request.Today
	dl := sv.deadlineOf(o)
	adv := OfferAdvice{Index: i, RespondBy: o.RespondBy, Deadline: sv.dateAt(dl), Expired: !o.RespondBy.IsZero() && o.RespondBy.Before(today),
		DeadlineAssumed: o.RespondBy.IsZero(), Vetoed: sv.vetoed[i], Chance: a.Relief.Chance,
		TenureMonths: 1 / jobOf(s, sv.p, &sv.e, i, 0).leave, WaitingFor: y, Instead: -1, Beyond: -1, Wait: math.NaN()}
	if !o.RespondBy.IsZero() && !adv.Expired {
		adv.Deadline = o.RespondBy
	}
	adv.CanHold = dl > sameTime && !adv.Vetoed
	adv.Accept = sv.flow(sv.acceptStop(w, i))
	adv.BridgeValue = adv.Accept
	if !adv.Vetoed {
		adv.BridgeValue, adv.Bridge = sv.flow(sv.acceptValue(w, i)), sv.bridgeSteps(w, i)
	}
	adv.Search = sv.flow(w.search.start())
	if adv.CanHold {
		adv.Wait = sv.flow(w.hold.start())
	}
	adv.Decline = sv.flow(sv.declineValue(w, i))
	if pr := sv.process(y); pr != nil {
		adv.Holds = adv.CanHold && dl >= pr.decides-sameTime
	}

	v := &d.Verdict
	switch {
	case adv.Vetoed:
		adv.Advice = AdviceDecline
	case v.Action == ActionAccept && v.Offer == i:
		adv.Advice = AdviceAccept
	case v.Action == ActionWait && v.Offer == i && adv.CanHold:
		adv.Advice = AdviceWait
	case v.Action == ActionWait && adv.CanHold && fallbacks(w)[i]:
		adv.Advice = AdviceWait
	default:
		adv.Advice = AdviceDecline
		switch v.Action {
		case ActionAccept:
			adv.Instead = v.Offer
		case ActionWait:
			adv.Lapse = true
		case ActionSearch, ActionStay:
			// Declined to search on while a process decides: let go for it.
			adv.Lapse = v.WaitingFor >= 0
		}
	}
	// The chance only decides between accepting this offer and holding
	// out when no other offer is worth more to accept.
	if !adv.Vetoed && chances != nil && sv.acceptValue(w, i) >= w.bestOtherAccept(i)-valueTolerance {
		adv.BreakEven, adv.ChanceWeighed = chances.breakEven(sv.acceptCurve(w, i, y)), true
	}
	sv.money(&adv, i, y)
	adv.Weighed = weigh && !adv.Vetoed
	if adv.Weighed {
		sv.savingsBreakEven(&adv, i)
		adv.Levers = sv.levers(d, w, &adv, i, y)
	}
	return adv
}

// declineValue is the best course without offer i: another offer, or
// holding the others out, or searching on. An offer that no plan of the
// hold course takes, and whose deadline is not the last one held, changes
// nothing by its absence; only the others need a pass of their own.
func (sv *solver) declineValue(w *world, i int) float64 {
	if v, ok := w.declined[i]; ok {
		return v
	}
	v := sv.declineValueOf(w, i)
	if w.declined == nil {
		w.declined = map[int]float64{}
	}
	w.declined[i] = v
	return v
}

func (sv *solver) declineValueOf(w *world, i int) float64 {
	v := math.Max(w.search.start(), w.bestOtherAccept(i))
	k := sv.offerSlot(i)
	if k < 0 {
		return math.Max(v, w.hold.start())
	}
	// Every held offer's deadline but i's, at the latest.
	last := 0.0
	for _, o := range sv.base.hold.offers {
		if o.index != i {
			last = math.Max(last, o.deadline)
			if last >= sv.base.hold.offers[k].deadline {
				break
			}
		}
	}
	if !fallbacks(w)[i] && sv.base.hold.offers[k].deadline <= last {
		return math.Max(v, w.hold.start())
	}
	others := slices.Delete(slices.Clone(sv.base.hold.offers), k, k+1)
	return math.Max(v, w.tl.run(&course{offers: others, processes: sv.procs}, w.none).start())
}

// at is the timeline at the given savings.
func (sv *solver) at(savings float64) *timeline {
	tl := *sv.tl
	tl.cash.savings = savings
	return &tl
}

// money works out when the savings run out on the paths of offer i:
// accepting it, and holding out for process y (or searching, with none).
func (sv *solver) money(adv *OfferAdvice, i, y int) {
	cash := &sv.tl.cash
	j := jobOf(sv.s, sv.p, &sv.e, i, 0)
	adv.PaysFrom = sv.dateAt(j.firstPay)
	holdOut := sv.meanPayday()
	if pr := sv.process(y); pr != nil {
		holdOut = pr.job.firstPay
	}
	adv.HoldOutPays = sv.dateAt(holdOut)
	if hold := sv.holdOutJob(y); cash.general(&j) || cash.general(hold) {
		// On a dated ledger each path runs out on its own day: a move paid
		// before the first day brings it sooner, a sum on its day puts it
		// off.
		acc, held := sv.pathFor(sv.path(PathAccept, i, &j), &j), sv.pathFor(sv.path(PathHoldOut, y, hold), hold)
		if short := acc.ShortBefore(j.firstPay); short > 0 {
			adv.AcceptRunsOut, adv.AcceptShortBy = sv.dateAt(acc.RunsOutMonths()), short
		}
		if short := held.ShortBefore(holdOut); short > 0 {
			adv.RunsOut, adv.ShortBy = sv.dateAt(held.RunsOutMonths()), short
		}
		return
	}
	k := cash.runway()
	if math.IsInf(k, 1) {
		return
	}
	if short := cash.short(j.firstPay); short > 0 {
		adv.AcceptRunsOut, adv.AcceptShortBy = sv.dateAt(k), short
	}
	if short := cash.short(holdOut); short > 0 {
		adv.RunsOut, adv.ShortBy = sv.dateAt(k), short
	}
}

// meanPayday is when, on average, a search that starts today first pays:
// the mean time to find a job, plus its start and first-paycheck delays.
func (tl *timeline) meanPayday() float64 {
	mean, alive := 0.0, 1.0
	for k := 0; k+1 < len(tl.grid); k++ {
		a, b := tl.grid[k], tl.grid[k+1]
		p := tl.findChance(a, b)
		// Within a step the chance of still searching falls from alive to
		// alive·(1 − p); the mean time adds the area under it.
		h := -math.Log1p(-p) / (b - a)
		if h > 0 {
			mean += alive * p / h
		} else {
			mean += alive * (b - a)
		}
		alive *= 1 - p
	}
	return mean + tl.market.startDelay + tl.market.payDelay
}

// chanceCurve is the value of holding out as the chance of one process
// moves, with everything else as it is: a convex, piecewise straight line
// (each plan of the hold course is a line in that chance, and the best of
// them is taken), met exactly by tangents from the right.
type chanceCurve struct {
	eval func(chance float64) (value, slope float64)
}

func (sv *solver) chanceCurve(w *world, y int) *chanceCurve {
	// slopeOf is how fast a pass's value moves with y's chance: the chance
	// of reaching y's answer with no job taken, times what its yes adds.
	slopeOf := func(ps *pass, c *course) float64 {
		reach := ps.reach()
		slope := 0.0
		ps.events(func(kind, k, ev int) {
			if kind == eventProcess && c.processes[k].index == y && ps.take[ev] {
				slope += reach[ev] * (ps.job[ev] - ps.after[ev])
			}
		})
		return slope
	}
	procs := slices.Clone(sv.procs)
	hold := &course{offers: holdable(sv.offers), processes: procs}
	search := &course{processes: procs}
	return &chanceCurve{eval: func(chance float64) (float64, float64) {
		// A process's chance weighs its answer, not the layout: the courses
		// keep theirs and only the event's chance changes.
		for _, c := range []*course{hold, search} {
			L := w.tl.layoutOf(c)
			for ev, kind := range L.kind {
				if kind == eventProcess && c.processes[L.k[ev]].index == y {
					L.chance[ev] = chance
				}
			}
		}
		hp, sp := w.tl.run(hold, w.none), w.tl.run(search, w.none)
		if hp.start() >= sp.start() {
			return hp.start(), slopeOf(hp, hold)
		}
		return sp.start(), slopeOf(sp, search)
	}}
}

// acceptCurve is what accepting offer i is worth as process y's chance
// moves, and how fast: accepting and stopping does not move with it, the
// bridge does when it keeps y alive.
func (sv *solver) acceptCurve(w *world, i, y int) func(float64) (float64, float64) {
	v := sv.acceptValue(w, i)
	b := sv.bridgeOf(i)
	keeps := false
	for _, st := range b.steps {
		keeps = keeps || sv.procs[st.k].index == y
	}
	if !keeps {
		return func(float64) (float64, float64) { return v, 0 }
	}
	stop := sv.acceptStop(w, i)
	o := sv.offerOf(i)
	claw := b.claw(w.tl, &o.job, w.none.at)
	return func(c float64) (float64, float64) {
		g, slope := b.worth(sv.procs, y, c, claw)
		return stop + g, slope
	}
}

// breakEven is the least chance at which holding out is worth at least
// what accepting is (target, with its slope in the chance), or nil when no
// chance is enough.
func (cc *chanceCurve) breakEven(target func(float64) (float64, float64)) *float64 {
	h := func(c float64) (float64, float64) {
		v, slope := cc.eval(c)
		t, ts := target(c)
		return v - t, slope - ts
	}
	if d, _ := h(0); d > valueTolerance {
		return Float(0)
	}
	x := 1.0
	d, slope := h(x)
	if d <= valueTolerance {
		return nil // even a sure yes only ties: holding out never wins
	}
	// Tangents of a convex function lie below it, so each step from the
	// right lands on or right of the root; on a piecewise straight line it
	// lands on it once it reaches the piece that holds it. Accepting is
	// straight in the chance unless its bridge keeps the process alive;
	// then a step may land left of the root, and the rest is halving
	// between the two.
	lo := 0.0
	for range 64 {
		if d <= valueTolerance || slope <= 0 {
			break
		}
		next := math.Max(lo, x-d/slope)
		if next >= x {
			break
		}
		dn, sn := h(next)
		if dn >= -valueTolerance {
			x, d, slope = next, dn, sn
			continue
		}
		lo = next
		for range 64 {
			if x-lo < 1e-12 {
				break
			}
			m := (lo + x) / 2
			if dm, _ := h(m); dm > valueTolerance {
				x, d = m, dm
			} else if dm >= -valueTolerance {
				return Float(m)
			} else {
				lo = m
			}
		}
		break
	}
	return Float(x)
}

// savingsBreakEven finds the savings nearest today's at which accepting
// offer i and holding out are worth the same. Accepting wins over one
// stretch of savings at most (see docs/decide.md: before any paycheck every
// course burns the savings alike), so the stretch's ends are the only
// switches, and bisection finds them.
func (sv *solver) savingsBreakEven(adv *OfferAdvice, i int) {
	cash := &sv.tl.cash
	if cash.burn <= 0 {
		return
	}
	gain := func(savings float64) float64 {
		w := sv.evaluate(savings)
		return w.accept[i] - math.Max(w.hold.start(), w.search.start())
	}
	s0 := math.Max(0, cash.savings)
	hi := math.Max(s0, cash.burn*horizonMonths)
	g0, gLo, gHi := gain(s0), gain(0), gain(hi)
	root := func(a, b float64, ga float64) float64 {
		for range 60 {
			m := (a + b) / 2
			if b-a < 0.005 {
				break
			}
			if gm := gain(m); (gm >= -valueTolerance) == (ga >= -valueTolerance) {
				a = m
			} else {
				b = m
			}
		}
		return (a + b) / 2
	}
	accepting := g0 >= -valueTolerance
	var found []float64
	var above []bool
	if accepting {
		if gHi < -valueTolerance {
			found, above = append(found, root(s0, hi, g0)), append(above, false)
		}
		if gLo < -valueTolerance && s0 > 0 {
			found, above = append(found, root(0, s0, gLo)), append(above, true)
		}
	} else {
		if gHi >= -valueTolerance {
			found, above = append(found, root(s0, hi, g0)), append(above, true)
		}
		if gLo >= -valueTolerance && s0 > 0 {
			found, above = append(found, root(0, s0, gLo)), append(above, false)
		}
	}
	best := -1
	for k, f := range found {
		if best < 0 || math.Abs(f-s0) < math.Abs(found[best]-s0) {
			best = k
		}
	}
	if best >= 0 {
		be := sv.exactSavingsBreakEven(i, math.Round(found[best]*100)/100, above[best])
		adv.SavingsBreakEven, adv.AcceptAbove = Float(be), above[best]
		// Across the break-even, say what wins instead: another offer, or
		// holding out.
		across := be + 1
		if above[best] {
			across = math.Max(0, be-1)
		}
		w := sv.evaluate(across)
		adv.Beyond = -1
		if v := sv.verdictAt(w, sv.offers); v.Action == ActionAccept && v.Offer != i {
			adv.Beyond = v.Offer
		}
	}
}

// exactSavingsBreakEven checks the break-even be that the bisection found
// for offer i with a full re-decide a cent either side, and moves it to
// where the advice really flips when it is not there. The bisection keeps
// the courses of today's state and moves only the savings; a state
// re-evaluated at other savings has another urgency, so other reliefs and
// another ranking, and processes that decide on the same day are weighed
// in the ranking's order: the values move by a little, and a break-even
// near a tie can move by dollars. Where the two agree, this costs two
// re-decides.
func (sv *solver) exactSavingsBreakEven(i int, be float64, above bool) float64 {
	// accepts is whether offer i is worth accepting at savings x, on the
	// state as Evaluate would make it there.
	accepts := func(x float64) bool {
		t := newSolver(sv.s.atSavings(x))
		w := t.evaluate(t.tl.cash.savings)
		return t.acceptValue(w, i) >= math.Max(w.hold.start(), w.search.start())-valueTolerance
	}
	// want is the advice the break-even says: accept on one side of it.
	want := func(x float64) bool { return (x > be) == above }
	lo, hi := be-0.01, be+0.01
	loOK := lo < 0 || accepts(lo) == want(lo)
	hiOK := accepts(hi) == want(hi)
	if loOK == hiOK {
		// Right, or wrong on both sides (no single flip near be to find):
		// the bisection's answer stands.
		return be
	}
	// The flip is beyond the side that is wrong: step out from it until
	// the advice is the one that side's far end should have, then bisect
	// between with full re-decides.
	dir, near := 1.0, hi // the advice at near is still the one below be
	if !loOK {
		dir, near = -1.0, lo
	}
	side := accepts(near) // the advice on be's side of the flip
	far := near
	found := false
	for step := 1.0; step <= 1<<20; step *= 2 {
		x := near + dir*step
		if x < 0 {
			x = 0
		}
		if accepts(x) != side {
			far, found = x, true
			break
		}
		near = x
		if x == 0 {
			break
		}
	}
	if !found {
		return be
	}
	for math.Abs(far-near) >= 0.005 {
		m := (near + far) / 2
		if accepts(m) == side {
			near = m
		} else {
			far = m
		}
	}
	return math.Round((near+far)/2*100) / 100
}
