package model

import "math"

// This file weighs the bridge (issue 22.3): accepting an offer does not
// end the other processes. One that decides after the offer's start can
// still say yes, and then the job is left for it, paying the cost of
// leaving: the signing bonus's clawback when it is within its months, and
// [search] leave_cost, a judgement in fit points (high says "I would not
// leave so soon"). The processes kept alive are those that decide after
// the offer's start: a yes before the first day would be going back on an
// acceptance before starting, which is not weighed.
//
// While in the bridge job its pay is the income, so each later yes is
// weighed with the money in order, on the timeline's own job values
// (jobValue at ample savings): the new job from its decision on (the
// bridge job held until the new one starts) against staying in the bridge
// job, less leave_cost and what repaying the bonus costs. Processes are
// taken in date order, each yes taken when leaving for it is worth more
// than staying and waiting for the later ones:
//
//	W_k = c_k·max(gain_k, W_{k+1}) + (1 − c_k)·W_{k+1},  W after the last = 0
//
// and the bridge is accepting and stopping plus the offer's own chance
// times W_0. So it is never worth less than accepting and stopping (every
// gain is at least 0), is worth more as a kept process's chance rises
// (max(gain_k, W_{k+1}) ≥ W_{k+1}), and with leaving priced out (every
// gain 0) it is accepting and stopping. Accepting an offer is worth the
// bridge, the better of the two: the verdict, the break-evens and the
// levers weigh it.
//
// It leaves out what would only add to it: moving to a yes ends the later
// processes, a bridge job that falls through or is left early for other
// reasons keeps none alive.

// BridgeStep is a process the bridge keeps alive: if it says yes, the
// bridge job is left for it.
type BridgeStep struct {
	// Process indexes State.Assessments; Decides is when it says yes or
	// no.
	Process int
	Decides Date
	// Leaves is the day the bridge job is left for it: the day the new
	// job starts (it is held until then). LeaveAfterDays is how long it
	// has been held by then; Repay the signing bonus repaid (gross) on
	// leaving then, within its clawback months; Forgo the bonus given up
	// because it is not paid yet.
	Leaves         Date
	LeaveAfterDays int
	Repay, Forgo   float64
	// Gain is what leaving for its yes adds, in points a month.
	Gain float64
}

// DefaultLeaveCost is [SearchParams.LeaveCost]'s default: leaving a job
// costs about as much as two months at fit 20 (the hassle, a reference
// that will not be given, the awkwardness, the time a new start takes).
// A judgement: set your own. At 20, the first value, a comfortable insured
// person was told, as a close call, to take a fit-0 job as a bridge to a
// likely lead in 5 of 300 random searches (calibration_test.go); at 40 in
// none.
const DefaultLeaveCost = 40

// bridgeSavings are the savings the bridge weighs a later yes at: ample,
// so that no shortfall is counted while the bridge job pays.
const bridgeSavings = 1e12

// bridgeStep is one later yes worth leaving a bridge job for: the
// process (an index into the processes weighed) and what leaving for it
// adds, present value, more than 0.
type bridgeStep struct {
	k    int
	gain float64
	// leaves is when the bridge job is left (the new job's start);
	// repays reports that the signing bonus is given back or up then.
	leaves float64
	repays bool
}

// bridgeTerms are an offer's bridge: its steps and the chance the offer
// comes through.
type bridgeTerms struct {
	steps  []bridgeStep
	chance float64
}

// bridgeOf is offer i's bridge with the solver's processes, worked out
// once.
func (sv *solver) bridgeOf(i int) *bridgeTerms {
	if b, ok := sv.bridges[i]; ok {
		return b
	}
	o := sv.offerOf(i)
	b := sv.bridgeFor(&o.job, sv.procs)
	if sv.bridges == nil {
		sv.bridges = map[int]*bridgeTerms{}
	}
	sv.bridges[i] = b
	return b
}

// bridgeGain is what the bridge adds to accepting offer i, present value,
// in world w.
func (sv *solver) bridgeGain(w *world, i int) float64 {
	b := sv.bridgeOf(i)
	if len(b.steps) == 0 {
		return 0
	}
	o := sv.offerOf(i)
	g, _ := b.worth(sv.procs, -1, 0, b.claw(w.tl, &o.job, w.none.at))
	return g
}

// claw is what losing job j's signing bonus costs a step of bridge b
// that leaves within the clawback months or before it is paid, at the
// timeline's savings: what
// the bonus adds to accepting j (ledger.go counts it for the chance it is
// kept; left for a later yes, it is given back). Nothing with no bonus or
// no step that repays it, so that only an offer with a bonus has a bridge
// that moves with the savings.
func (b *bridgeTerms) claw(tl *timeline, j *jobTerms, fallback func(float64) float64) float64 {
	if j.money == nil || j.money.gross == 0 {
		return 0
	}
	repays := false
	for _, st := range b.steps {
		repays = repays || st.repays
	}
	if !repays {
		return 0
	}
	without := *j
	m := *j.money
	m.gross, m.bonus = 0, 0
	without.money = &m
	return math.Max(0, tl.jobValue(j, 0, fallback)-tl.jobValue(&without, 0, fallback))
}

// bridgeFor is the bridge of job j (an offer, accepted today) with the
// processes procs.
func (sv *solver) bridgeFor(j *jobTerms, procs []process) *bridgeTerms {
	b := &bridgeTerms{chance: j.chance}
	if j.chance <= 0 || len(procs) == 0 {
		return b
	}
	tl := sv.at(bridgeSavings)
	r := tl.rho
	start := j.start
	none := func(float64) float64 { return 0 }
	// pv is the value of a month's worth of 1 from a to b.
	pv := func(a, b float64) float64 {
		if b <= a {
			return 0
		}
		return (math.Exp(-r*a) - math.Exp(-r*b)) / r
	}
	// The bridge job covers from its start plus its wait, if it covers.
	covered := math.Inf(1)
	if j.insurance {
		covered = start + j.insWait
	}
	for k := range procs {
		pr := &procs[k]
		t := pr.decides
		if t <= start+sameTime || pr.chance <= 0 {
			continue
		}
		// Staying: the bridge job as held from t on, paid already.
		stay := *j
		stay.start, stay.firstPay, stay.chance, stay.money = t, t, 1, nil
		stay.insWait = math.Max(0, covered-t)
		if j.contract > 0 {
			stay.contract = math.Max(j.contract-(t-start), sameTime)
		}
		// Moving: the new job taken at t, the bridge job held until it
		// starts, leave_cost paid and the bonus repaid within its months.
		y := pr.job
		sy := math.Max(y.start, t)
		move := tl.jobValue(&y, t, none) - tl.idlePV(t, sy) + j.fit*pv(t, sy) - tl.unins*pv(t, math.Min(sy, covered))
		move -= sv.p.LeaveCost * math.Exp(-r*t)
		if g := move - tl.jobValue(&stay, t, none); g > 0 {
			repay, forgo := bonusLost(j, sy)
			b.steps = append(b.steps, bridgeStep{k: k, gain: g, leaves: sy, repays: repay+forgo > 0})
		}
	}
	return b
}

// bonusLost is the signing bonus (gross) of job j lost on leaving it at
// time t: repaid when paid already and t is within its clawback months,
// forgone when not paid yet.
func bonusLost(j *jobTerms, t float64) (repay, forgo float64) {
	m := j.money
	if m == nil || m.gross <= 0 {
		return 0, 0
	}
	switch {
	case t < m.bonusAt(j.start, j.firstPay):
		return 0, m.gross
	case m.clawback > 0 && t-j.start < m.clawback:
		return m.gross, 0
	}
	return 0, 0
}

// worth is what the bridge adds to accepting and stopping, present value,
// with process y's chance set to cy (y < 0: every chance as it is) and
// claw the cost of a step that repays the bonus, and how fast it moves
// with y's chance.
func (b *bridgeTerms) worth(procs []process, y int, cy, claw float64) (float64, float64) {
	v, slope, _ := b.plan(procs, y, cy, claw)
	return v, slope
}

// plan is worth, and per step whether its yes is taken.
func (b *bridgeTerms) plan(procs []process, y int, cy, claw float64) (v, slope float64, take []bool) {
	if len(b.steps) == 0 {
		return 0, 0, nil
	}
	take = make([]bool, len(b.steps))
	for n := len(b.steps) - 1; n >= 0; n-- {
		st := &b.steps[n]
		pr := &procs[st.k]
		c := pr.chance
		if pr.index == y {
			c = cy
		}
		gain := st.gain
		if st.repays {
			gain -= claw
		}
		// W = c·max(gain, W') + (1 − c)·W'.
		ds := 0.0
		if gain > v {
			take[n] = true
			ds = gain - v
			slope = (1 - c) * slope
			v = c*gain + (1-c)*v
		}
		if pr.index == y {
			slope += ds
		}
	}
	return b.chance * v, b.chance * slope, take
}

// bridgeSteps are offer i's bridge as it is shown: the processes it keeps
// alive whose yes would be taken.
func (sv *solver) bridgeSteps(w *world, i int) []BridgeStep {
	b := sv.bridgeOf(i)
	if len(b.steps) == 0 {
		return nil
	}
	j := sv.offerOf(i).job
	claw := b.claw(w.tl, &j, w.none.at)
	_, _, take := b.plan(sv.procs, -1, 0, claw)
	var out []BridgeStep
	for n, st := range b.steps {
		if !take[n] {
			continue
		}
		pr := &sv.procs[st.k]
		gain := st.gain
		if st.repays {
			gain -= claw
		}
		repay, forgo := bonusLost(&j, st.leaves)
		out = append(out, BridgeStep{Process: pr.index, Decides: sv.dateAt(pr.decides), Leaves: sv.dateAt(st.leaves),
			LeaveAfterDays: int(math.Round((st.leaves - j.start) * daysPerMonth)), Repay: repay, Forgo: forgo,
			Gain: sv.flow(gain)})
	}
	return out
}
