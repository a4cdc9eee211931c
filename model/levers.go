package model

import (
	"cmp"
	"math"
	"slices"
)

// This file finds the levers on an offer: what to ask for, and what each is
// worth. Each is found by changing the one fact it names (the offer's
// deadline, the process's decision date, the offer's pay) and weighing the
// courses again, so that changing the profile the same way gives the same
// answer.

// levers are the levers on offer i, most valuable first.
func (sv *solver) levers(d *Decision, w *world, adv *OfferAdvice, i, y int) []Lever {
	var out []Lever
	best := w.hold.start()
	for _, v := range w.accept {
		best = math.Max(best, v)
	}
	best = math.Max(best, w.search.start())
	if l, ok := sv.bestExtend(w, adv, i, y, best); ok {
		out = append(out, l)
	}
	if pr := sv.process(y); pr != nil {
		if l, ok := sv.decideBy(w, i, pr); ok {
			out = append(out, l)
		}
	}
	if adv.Advice != AdviceAccept {
		if l, ok := sv.counter(w, i); ok {
			out = append(out, l)
		}
		if l, ok := sv.bonus(w, i); ok {
			out = append(out, l)
		}
	}
	// A lever worth less than a twentieth of a point a month is not one.
	out = slices.DeleteFunc(out, func(l Lever) bool { return l.Worth < minLeverWorth })
	slices.SortStableFunc(out, func(a, b Lever) int {
		switch {
		case a.Worth > b.Worth:
			return -1
		case a.Worth < b.Worth:
			return 1
		}
		return 0
	})
	return out
}

// offerSlot is the position of offer i among the solver's offers that
// can be held (the hold course's offers), or -1.
func (sv *solver) offerSlot(i int) int {
	if sv.offerSlots == nil {
		sv.offerSlots = slotsOf(len(sv.s.Assessments), len(sv.base.hold.offers), func(k int) int { return sv.base.hold.offers[k].index })
	}
	if i < 0 || i >= len(sv.offerSlots) {
		return -1
	}
	return sv.offerSlots[i]
}

// slotsOf maps each assessment index to the first of n positions whose
// index (as indexOf gives it) it is, or -1: a lookup in place of a scan
// for each of many offers.
func slotsOf(assessments, n int, indexOf func(k int) int) []int {
	out := make([]int, assessments)
	for i := range out {
		out[i] = -1
	}
	for k := n - 1; k >= 0; k-- {
		if i := indexOf(k); i >= 0 && i < assessments {
			out[i] = k
		}
	}
	return out
}

// holdOut is the value of holding out with the hold course given: the
// better of it and declining every offer to search on.
func (sv *solver) holdOut(w *world, hold, search *course) float64 {
	return math.Max(w.tl.run(hold, w.none).start(), w.tl.run(search, w.none).start())
}

// extendDates is how many of the decision dates after an offer's deadline,
// nearest first, bestExtend weighs: each costs a pass of the hold course,
// and a profile may have hundreds of processes.
const extendDates = 16

// bestExtend is the extension of offer i's deadline worth the most: to the
// decision date of y, the process the offer's advice weighs, or of any
// other process that decides after the deadline (the nearest extendDates
// dates), so that the lever asks for the date that pays best rather than
// the one the advice happens to weigh. Among dates worth the same, the
// earlier is asked for.
func (sv *solver) bestExtend(w *world, adv *OfferAdvice, i, y int, best float64) (Lever, bool) {
	var out Lever
	found := false
	try := func(pr *process) {
		if l, ok := sv.extend(w, adv, i, pr, best); ok && (!found || l.Worth > out.Worth+valueTolerance ||
			l.Worth >= out.Worth-valueTolerance && l.To.Before(out.To)) {
			out, found = l, true
		}
	}
	if pr := sv.process(y); pr != nil {
		try(pr)
	}
	deadline := sv.deadlineOf(&sv.s.Profile.Opportunities[i])
	dates := 0
	last := math.Inf(-1)
	for k := range sv.procs { // by decision date
		pr := &sv.procs[k]
		if pr.index == y || pr.decides <= deadline+sameTime || pr.decides == last {
			continue
		}
		if dates++; dates > extendDates {
			break
		}
		last = pr.decides
		try(pr)
	}
	return out, found
}

// extend is the deadline to ask for so that offer i can be held until
// process pr decides, when pr decides after it and holding would then be
// worth more than the best course today.
func (sv *solver) extend(w *world, adv *OfferAdvice, i int, pr *process, best float64) (Lever, bool) {
	o := sv.offerOf(i)
	if o.deadline >= pr.decides-sameTime && adv.CanHold {
		return Lever{}, false
	}
	to := sv.dateAt(pr.decides)
	o.deadline = math.Max(pr.decides, monthsUntil(sv.s.Request.Today, to))
	offers := slices.Clone(sv.offers)
	for k := range offers {
		if offers[k].index == i {
			offers[k] = o
		}
	}
	v := sv.holdOut(w, &course{offers: holdable(offers), processes: sv.procs}, sv.base.search)
	if v <= best+valueTolerance {
		return Lever{}, false
	}
	return Lever{Kind: LeverExtend, To: to, Process: pr.index, Worth: sv.flow(v - best)}, true
}

// decideByLimit is how far past its own date a process's answer is
// followed for decide_by: a wait that would still pay half a year late does
// not hinge on the date.
const decideByLimit = 182

// answerIn is the value of holding out, at today's savings, were process pr
// to answer on the given day (-1: never, as if it were not there). It does
// not depend on the offer weighed, so the solver keeps it.
func (sv *solver) answerIn(w *world, pr *process, day int) float64 {
	key := [2]int{pr.index, day}
	if v, ok := sv.answers[key]; ok {
		return v
	}
	procs := sv.answering(pr, day)
	v := sv.holdOut(w, &course{offers: sv.base.hold.offers, processes: procs}, &course{processes: procs})
	if sv.answers == nil {
		sv.answers = map[[2]int]float64{}
	}
	sv.answers[key] = v
	return v
}

// decideBy is the last day by which process pr would have to decide for
// holding out to be worth more than accepting offer i now, found over whole
// days.
func (sv *solver) decideBy(w *world, i int, pr *process) (Lever, bool) {
	today := sv.s.Request.Today
	pays := func(day int) bool { return sv.answerIn(w, pr, day) > sv.acceptIn(w, i, pr, day)+valueTolerance }
	// Without pr, holding out may already beat accepting (the search
	// alone does): then pr's timing changes nothing.
	if pays(-1) || !pays(0) {
		return Lever{}, false
	}
	// Later answers are worth less: the wait burns more, and past the
	// deadline the offer is gone. So the days on which holding out pays
	// run from today to the last one.
	due := today.DaysUntil(sv.dateAt(pr.decides))
	lo, hi := 0, due
	if pays(due) {
		if pays(due + decideByLimit) {
			return Lever{}, false
		}
		lo, hi = due, due+decideByLimit
	}
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if pays(m) {
			lo = m
		} else {
			hi = m
		}
	}
	return Lever{Kind: LeverDecideBy, By: today.AddDays(lo), Process: pr.index, Worth: sv.flow(sv.answerIn(w, pr, 0) - sv.acceptIn(w, i, pr, 0))}, true
}

// answering is the solver's processes with pr answering on the given day
// (-1: never, left out).
func (sv *solver) answering(pr *process, day int) []process {
	procs := slices.Clone(sv.procs)
	if day < 0 {
		procs = slices.DeleteFunc(procs, func(p process) bool { return p.index == pr.index })
	}
	for k := range procs {
		if procs[k].index == pr.index {
			t := float64(day) / daysPerMonth
			procs[k].decides = t
			procs[k].job = jobOf(sv.s, sv.p, &sv.e, pr.index, t)
		}
	}
	return procs
}

// acceptIn is what accepting offer i is worth, were process pr to answer
// on the given day (-1: never): its bridge may keep pr alive.
func (sv *solver) acceptIn(w *world, i int, pr *process, day int) float64 {
	procs := sv.answering(pr, day)
	// The bridge weighs the processes in date order.
	slices.SortStableFunc(procs, func(a, b process) int { return cmp.Compare(a.decides, b.decides) })
	o := sv.offerOf(i)
	b := sv.bridgeFor(&o.job, procs)
	g, _ := b.worth(procs, -1, 0, b.claw(w.tl, &o.job, w.none.at))
	return sv.acceptStop(w, i) + g
}

// minLeverWorth is the least a lever must be worth, in points a month, to
// be named.
const minLeverWorth = 0.05

// counterMax bounds a counter-offer, as a multiple of the pay offered.
const counterMax = 2

// counter is the pay, in offer i's own per, at which accepting it becomes
// the best course: its fit (through ratings taken from pay), what it leaves
// uncovered and so its value rise with pay, while the courses that hold it
// as a fallback rise by less.
func (sv *solver) counter(w *world, i int) (Lever, bool) {
	s := sv.s
	o := s.Profile.Opportunities[i]
	if o.Pay == nil || *o.Pay <= 0 {
		return Lever{}, false
	}
	base := *o.Pay
	shares := prioritySharesOf(s.Profile.Priorities)
	wins := func(pay float64) (bool, float64) {
		q := o
		q.Pay = Float(pay)
		a := s.Assessments[i]
		a.Fit, a.Flags = assessFit(s.Profile, shares, &q)
		a.Relief = assessRelief(s.Profile.Params, s.Situation, s.ledger().RunwayMonths(), &q, s.Request.Today)
		j := jobFrom(s, sv.p, &sv.e, &a, &q, 0)
		j.chance = a.Relief.Chance
		accept := w.tl.jobValue(&j, 0, w.none.at)
		b := sv.bridgeFor(&j, sv.procs)
		if g, _ := b.worth(sv.procs, -1, 0, b.claw(w.tl, &j, w.none.at)); g != 0 {
			accept += g
		}
		alt := w.search.start()
		if k := sv.offerSlot(i); k >= 0 {
			alt = math.Max(alt, w.tl.run(w.tl.withJob(sv.base.hold, k, j), w.none).start())
		} else {
			alt = math.Max(alt, w.hold.start())
		}
		for _, other := range sv.offers {
			if other.index != i {
				alt = math.Max(alt, w.accept[other.index])
			}
		}
		return accept >= alt-valueTolerance, accept
	}
	// Twice the pay offered is as far as a counter-offer goes: beyond it
	// the ask is not a negotiation.
	lo, hi := base, base*counterMax
	if ok, _ := wins(hi); !ok {
		return Lever{}, false
	}
	step := 1.0
	if o.Per == "hour" {
		step = 0.01
	}
	for hi-lo > step/2 {
		m := (lo + hi) / 2
		if win, _ := wins(m); win {
			hi = m
		} else {
			lo = m
		}
	}
	// The search above holds fixed what a search is expected to find,
	// which the offer's own pay is part of; the last stretch weighs the
	// whole decision again at each pay, so that the profile changed to the
	// lever's pay gives the lever's answer.
	exact := func(pay float64) bool {
		q := *s
		prof := *s.Profile
		prof.Opportunities = slices.Clone(s.Profile.Opportunities)
		prof.Opportunities[i].Pay = Float(pay)
		q.Profile = &prof
		q.Assessments = slices.Clone(s.Assessments)
		a := &q.Assessments[i]
		a.Fit, a.Flags = assessFit(&prof, shares, &prof.Opportunities[i])
		a.Relief = assessRelief(prof.Params, s.Situation, s.ledger().RunwayMonths(), &prof.Opportunities[i], s.Request.Today)
		other := newSolver(&q)
		ow := other.evaluate(other.tl.cash.savings)
		v := other.verdictAt(ow, other.offers)
		return v.Action == ActionAccept && v.Offer == i
	}
	lo, hi = math.Max(base, hi*0.95), math.Min(base*counterMax, hi*1.05)
	for !exact(hi) && hi < base*counterMax {
		lo, hi = hi, math.Min(base*counterMax, hi*1.05)
	}
	if !exact(hi) {
		return Lever{}, false
	}
	for hi-lo > step/64 {
		m := (lo + hi) / 2
		if exact(m) {
			hi = m
		} else {
			lo = m
		}
	}
	// The least whole step that wins.
	pay := math.Ceil(lo/step) * step
	if !exact(pay) {
		pay += step
	}
	_, at := wins(pay)
	return Lever{Kind: LeverCounter, Pay: pay, Process: -1, Worth: sv.flow(at - w.accept[i])}, true
}

// reservations are the reservation fits by whole months of runway, up to
// the comfortable runway or today's, and the one at today's runway.
func (sv *solver) reservations() ([]Reservation, Reservation) {
	cash := &sv.tl.cash
	runway := cash.runway()
	if math.IsInf(runway, 1) {
		r := sv.reservationAt(cash.savings, runway)
		return []Reservation{r}, r
	}
	rows := min(reservationRowsMax, max(ceilMonths(runway), ceilMonths(sv.s.Urgency.Comfortable)))
	out := make([]Reservation, rows+1)
	for k := range out {
		out[k] = sv.reservationAt(cash.savingsFor(float64(k)), float64(k))
	}
	return out, sv.reservationAt(cash.savings, runway)
}

// reservationRowsMax bounds how many months of runway the reservation
// table lists.
const reservationRowsMax = 24

// ceilMonths is the whole months that cover m, at least 1.
func ceilMonths(m float64) int {
	if math.IsInf(m, 1) || m > reservationRowsMax {
		return reservationRowsMax
	}
	return max(1, int(math.Ceil(m)))
}

// reservationAt is the lowest fit of a typical sure offer (paying like the
// person's opportunities, starting start_days from now) worth accepting
// rather than searching on with the processes pending, at these savings.
func (sv *solver) reservationAt(savings, months float64) Reservation {
	none, searchPass := sv.passesAt(savings)
	tl := sv.at(savings)
	search := searchPass.start()
	e := &sv.e
	pm := sv.s.Profile.Params
	typical := func(fit float64) float64 {
		j := jobTerms{fit: fit, leave: sv.p.LeaveChance(fit), start: pm.StartDays / daysPerMonth,
			net: e.NetMonthly, uncovered: e.Uncovered, chance: 1, insWait: e.InsuranceWaitDays / daysPerMonth}
		j.firstPay = j.start + pm.FirstPaycheckDays/daysPerMonth
		v := (1 - e.InsuredShare) * tl.jobValue(&j, 0, none.at)
		j.insurance = true
		return v + e.InsuredShare*tl.jobValue(&j, 0, none.at)
	}
	r := Reservation{Months: months}
	switch {
	case typical(0) >= search:
		r.Any = true
	case typical(100) < search:
		r.Never, r.Fit = true, 100
	default:
		lo, hi := 0.0, 100.0
		for hi-lo > 1e-9 {
			m := (lo + hi) / 2
			if typical(m) >= search {
				hi = m
			} else {
				lo = m
			}
		}
		r.Fit = (lo + hi) / 2
	}
	r.Score = sv.typicalScore(r.Fit, months)
	return r
}

// typicalScore is the score, at the urgency in force, of a typical sure
// offer with this fit, as the ranking would give it with this runway.
func (sv *solver) typicalScore(fit, runway float64) float64 {
	s := sv.s
	pm := s.Profile.Params
	e := &sv.e
	r := Relief{Chance: 1, Lasting: 1, CoverageCounted: !s.Situation.IsInsured()}
	r.Income = 1 - e.Uncovered
	r.MonthsToPay = (pm.StartDays + pm.FirstPaycheckDays) / daysPerMonth
	r.Timeliness = Timeliness(r.MonthsToPay, runway)
	r.Coverage = e.InsuredShare * clamp01(1-e.InsuranceWaitDays/pm.CoverageWaitDays)
	wts := reliefWeightsFor(pm, r.CoverageCounted)
	r.Mean = wts.income*r.Income + wts.time*r.Timeliness + wts.lasting*r.Lasting + wts.coverage*r.Coverage
	u := s.Urgency.Value
	return (1-u)*fit + u*r.Mean*100
}
