package model

import (
	"math"
	"slices"
)

// This file weighs each offer in hand on its own: its values beside the
// verdict's, where the answer would change (the chance of the process it
// waits for, the savings), and the levers that would change it (a later
// deadline, an earlier decision, more pay).

// advise fills the verdict and the advice on every offer at today's
// savings.
func (sv *solver) advise(d *Decision) {
	w := sv.evaluate(sv.tl.cash.savings, sv.offers, sv.procs)
	d.Verdict = sv.verdictAt(w, sv.offers)
	y := sv.candidate(w)
	var chances *chanceCurve
	if y >= 0 {
		chances = sv.chanceCurve(w, y)
	}
	for _, i := range sv.all {
		d.Offers = append(d.Offers, sv.offerAdvice(d, w, i, y, chances))
	}
}

func (sv *solver) flow(v float64) float64 { return v * sv.tl.rho }

// process returns the process with assessment index i.
func (sv *solver) process(i int) *process {
	for k := range sv.procs {
		if sv.procs[k].index == i {
			return &sv.procs[k]
		}
	}
	return nil
}

func (sv *solver) offerAdvice(d *Decision, w *world, i, y int, chances *chanceCurve) OfferAdvice {
	s := sv.s
	o := &s.Profile.Opportunities[i]
	a := &s.Assessments[i]
	today := s.Request.Today
	dl := sv.deadlineOf(o)
	adv := OfferAdvice{Index: i, RespondBy: o.RespondBy, Deadline: sv.dateAt(dl), Expired: !o.RespondBy.IsZero() && o.RespondBy.Before(today),
		DeadlineAssumed: o.RespondBy.IsZero(), Vetoed: sv.vetoed[i], Chance: a.Relief.Chance,
		TenureMonths: sv.p.TenureMonths(a.Fit.Value), WaitingFor: y, Instead: -1, Wait: math.NaN()}
	if !o.RespondBy.IsZero() && !adv.Expired {
		adv.Deadline = o.RespondBy
	}
	adv.CanHold = dl > sameTime && !adv.Vetoed
	adv.Accept = sv.flow(sv.acceptValue(w, i))
	adv.Search = sv.flow(w.search.value[0])
	if adv.CanHold {
		adv.Wait = sv.flow(w.hold.value[0])
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
	case v.Action == ActionWait && adv.CanHold && sv.fallbacks(w)[i]:
		adv.Advice = AdviceWait
	default:
		adv.Advice = AdviceDecline
		switch v.Action {
		case ActionAccept:
			adv.Instead = v.Offer
		case ActionWait:
			adv.Lapse = true
		}
	}
	if !adv.Vetoed && chances != nil {
		adv.BreakEven = chances.breakEven(sv.acceptValue(w, i))
	}
	sv.money(&adv, i, y)
	if !adv.Vetoed {
		sv.savingsBreakEven(&adv, i)
		adv.Levers = sv.levers(d, w, &adv, i, y)
	}
	return adv
}

// declineValue is the best course without offer i: another offer, or
// holding the others out.
func (sv *solver) declineValue(w *world, i int) float64 {
	var others []heldOffer
	for _, o := range sv.offers {
		if o.index != i {
			others = append(others, o)
		}
	}
	if len(others) == len(sv.offers) {
		// i is vetoed and in no course: without it is the whole choice.
		_, best := bestAccept(w, sv.offers)
		return math.Max(best, w.hold.value[0])
	}
	tl := sv.at(sv.tl.cash.savings)
	c := course{offers: holdable(others), processes: sv.procs}
	v := tl.run(&c, w.none).value[0]
	for _, o := range others {
		v = math.Max(v, w.accept[o.index])
	}
	return math.Max(v, w.search.value[0])
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
	holdOut := sv.tl.meanPayday()
	if pr := sv.process(y); pr != nil {
		holdOut = pr.job.firstPay
	}
	adv.HoldOutPays = sv.dateAt(holdOut)
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
	tl := sv.at(sv.tl.cash.savings)
	// slopeOf is how fast a pass's value moves with y's chance: the chance
	// of reaching y's answer with no job taken, times what its yes adds.
	slopeOf := func(ps *pass, c *course) float64 {
		reach := ps.reach(c)
		slope := 0.0
		for i, evs := range ps.events {
			for e, ev := range evs {
				if ev.kind == eventProcess && c.processes[ev.k].index == y && ps.take[i][e] {
					slope += reach[i][e] * (ps.jobs[i][e] - ps.after[i][e])
				}
			}
		}
		return slope
	}
	return &chanceCurve{eval: func(chance float64) (float64, float64) {
		procs := slices.Clone(sv.procs)
		for k := range procs {
			if procs[k].index == y {
				procs[k].chance = chance
			}
		}
		hold := course{offers: holdable(sv.offers), processes: procs}
		search := course{processes: procs}
		hp, sp := tl.run(&hold, w.none), tl.run(&search, w.none)
		if hp.value[0] >= sp.value[0] {
			return hp.value[0], slopeOf(hp, &hold)
		}
		return sp.value[0], slopeOf(sp, &search)
	}}
}

// breakEven is the least chance at which holding out is worth at least
// target, or nil when no chance is enough.
func (cc *chanceCurve) breakEven(target float64) *float64 {
	if v, _ := cc.eval(0); v > target+valueTolerance {
		return Float(0)
	}
	x := 1.0
	v, slope := cc.eval(x)
	if v < target-valueTolerance {
		return nil
	}
	// Tangents of a convex function lie below it, so each step from the
	// right lands on or right of the root; on a piecewise straight line it
	// lands on it once it reaches the piece that holds it.
	for range 64 {
		if v-target <= valueTolerance || slope <= 0 {
			break
		}
		next := math.Max(0, x-(v-target)/slope)
		if next >= x {
			break
		}
		x = next
		v, slope = cc.eval(x)
	}
	return Float(x)
}

// savingsBreakEven finds the savings nearest today's at which accepting
// offer i and holding out are worth the same. Accepting wins over one
// stretch of savings at most (see the README: before any paycheck every
// course burns the savings alike), so the stretch's ends are the only
// switches, and bisection finds them.
func (sv *solver) savingsBreakEven(adv *OfferAdvice, i int) {
	cash := &sv.tl.cash
	if cash.burn <= 0 || !adv.CanHold {
		return
	}
	gain := func(savings float64) float64 {
		w := sv.evaluate(savings, sv.offers, sv.procs)
		return w.accept[i] - math.Max(w.hold.value[0], w.search.value[0])
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
		adv.SavingsBreakEven, adv.AcceptAbove = Float(math.Round(found[best]*100)/100), above[best]
	}
}
