package model

import (
	"math"
	"slices"
)

// This file finds, for each open opportunity, the pay at which it would
// tie the leader at the urgency in force, everything else held as it is.
//
// Pay moves two things: relief's income cover, min(1, net monthly pay /
// expenses), and every rating a priority takes from pay (from_pay), each
// a clamped line in the yearly pay. So an opportunity's score is a
// piecewise linear, never falling function of its yearly pay y, with
// corners where income cover reaches 1 and at the ends of each from_pay
// range; a from_pay deal-breaker vetoes it below the pay that rates its
// floor. The break-even is the least pay at which the score reaches the
// target and nothing vetoes it: solved piece by piece, exactly. Pay does
// not move the urgency, the other opportunities or the leader's target.

// PayBreakEven is the pay at which an opportunity would tie the leader.
type PayBreakEven struct {
	// Pay is in the opportunity's own period (its per: year, month or
	// hour); Yearly is the same per year.
	Pay, Yearly float64
	// Per is the period Pay is in: "year", "month" or "hour".
	Per string
	// Rival indexes State.Assessments: for the leader, the runner-up it
	// would lose the lead to below Pay; for any other, the leader.
	Rival int
	// Leader reports that the opportunity leads now: below Pay it would
	// lose the lead. For the others, Pay is the least at which it would
	// draw level with the leader (and the tie-breaks decide).
	Leader bool
}

// BreakEvenPay is the pay at which open opportunity i would tie the
// leader at the urgency in force (for the leader, the pay below which it
// would lose the lead), and false when no pay does: pay moves nothing in
// its score, a rating by hand vetoes it, even unbounded pay leaves it
// behind, no pay loses the leader its lead, or nothing else is ranked.
func (s *State) BreakEvenPay(i int) (PayBreakEven, bool) {
	a := &s.Assessments[i]
	if a.Closed || len(s.Ranked) == 0 {
		return PayBreakEven{}, false
	}
	o := &s.Profile.Opportunities[a.Index]
	perYear := payPeriods(o)
	if !(perYear > 0) {
		return PayBreakEven{}, false
	}
	leader := s.Ranked[0].Index
	out := PayBreakEven{Per: o.Per, Rival: leader, Leader: i == leader}
	if out.Per == "" {
		out.Per = "year"
	}
	target := s.Ranked[0].Score
	if out.Leader {
		if len(s.Ranked) < 2 {
			return PayBreakEven{}, false
		}
		out.Rival, target = s.Ranked[1].Index, s.Ranked[1].Score
	}
	sc, ok := s.payScore(i)
	if !ok {
		return PayBreakEven{}, false
	}
	// ahead is whether i, paid y a year, ranks above its rival by the
	// ranking's own order; it never turns false as pay rises, since the
	// score, the fit and the relief never fall with pay.
	rival := &s.Assessments[out.Rival]
	ahead := func(y float64) bool {
		b := *a
		score, vetoed := s.assessAtPay(&b, &sc, y)
		return !vetoed && betterScored(&b, rival, score, target)
	}
	top := sc.top()
	if best, _ := sc.at(top); !out.Leader && best < target-scoreTolerance {
		return PayBreakEven{}, false // even unbounded pay leaves it behind
	}
	if ahead(0) || !ahead(top) {
		return PayBreakEven{}, false // no pay changes where it stands against its rival
	}
	// Where the score meets the target, solved on its pieces; when the
	// tie-breaks decide the order there (equal scores over a stretch of
	// pay), the change is where they turn, found by halving.
	y, ok := sc.reach(target)
	if h := 1e-9 * max(1, y); !ok || ahead(y-h) || !ahead(y+h) {
		lo, hi := 0.0, top
		for range 200 {
			mid := lo + (hi-lo)/2
			if mid <= lo || mid >= hi {
				break
			}
			if ahead(mid) {
				hi = mid
			} else {
				lo = mid
			}
		}
		y = hi
	}
	out.Yearly, out.Pay = y, y/perYear
	return out, true
}

// assessAtPay puts into b (a copy of i's assessment) its fit and relief
// were it paid y a year, and returns its score and whether a deal-breaker
// vetoes it. It works them out as Assess does, to the last bit, since the
// ranking breaks ties by comparing fits and reliefs exactly.
func (s *State) assessAtPay(b *Assessment, sc *payScore, y float64) (float64, bool) {
	fit, vetoed, next := 0.0, false, 0
	for k := range b.Fit.Terms {
		t := &b.Fit.Terms[k]
		if next < len(sc.terms) && sc.terms[next].k == k {
			pt := &sc.terms[next]
			next++
			// As ratingFor rates it, and assessFit puts it on 0..1.
			v := 1 + float64(sc.scale-1)*pt.level(y)
			fit += b.Fit.Share(k) * (((v-1)/sc.span + (v-1)/sc.span) / 2) * 100
			if pt.atLeast > 0 && v < pt.atLeast {
				vetoed = true
			}
			continue
		}
		fit += b.Fit.Share(k) * ((t.Low + t.High) / 2) * 100
	}
	p := s.Profile
	r := b.Relief
	r.PayKnown = true
	r.NetMonthly = y * (1 - s.Situation.Tax(p.Params)) / 12
	r.Income = 0
	if expenses := val(s.Situation.MonthlyExpenses); expenses > 0 {
		r.Income = math.Min(1, r.NetMonthly/expenses)
	} else if r.NetMonthly > 0 {
		r.Income = 1
	}
	r.Value = r.Chance * reliefWeightsFor(p.Params, r.CoverageCounted).mean(&r, r.Timeliness) * 100
	b.Fit.Value, b.Relief = fit, r
	return b.Score(s.Urgency.Value), vetoed
}

// payPeriods is how many of the opportunity's pay periods make a year.
func payPeriods(o *Opportunity) float64 {
	switch o.Per {
	case "month":
		return 12
	case "hour":
		return o.HoursPerWeek * weeksPerYear
	}
	return 1
}

// payScore is an opportunity's score as a function of its yearly pay: the
// parts pay does not move, and those it does.
type payScore struct {
	u float64
	// fixedFit and fixedRelief are the fit and relief pay does not move.
	fixedFit, fixedRelief float64
	// income is relief's weight on income cover, times chance × 100; cap
	// the yearly pay at which income covers the expenses (0 when there
	// are none: any pay covers them).
	income, cap float64
	noExpenses  bool
	terms       []payTerm
	// scale and span are the rating scale's top and its width.
	scale int
	span  float64
}

// payTerm is a priority that takes its rating from pay.
type payTerm struct {
	// k indexes Profile.Priorities.
	k int
	// share × 100 is what a top rating adds to fit; lo and hi are the
	// from_pay range; atLeast is the priority's floor (0 for none) and
	// floor the same on 0..1.
	share, lo, hi, atLeast, floor float64
}

// payScore gathers i's score as a function of pay, and false when a
// rating by hand vetoes it whatever it pays.
func (s *State) payScore(i int) (payScore, bool) {
	a := &s.Assessments[i]
	p := s.Profile
	span := float64(p.Scale - 1)
	if span <= 0 {
		span = 1
	}
	sc := payScore{u: s.Urgency.Value, scale: p.Scale, span: span}
	for k := range p.Priorities {
		pr := &p.Priorities[k]
		t := &a.Fit.Terms[k]
		// A from_pay priority rated by hand keeps the hand rating.
		if pr.FromPay == nil || t.From == FromHand {
			sc.fixedFit += a.Fit.Points(k)
			if pr.AtLeast > 0 && t.Rating.High < pr.AtLeast {
				return payScore{}, false // vetoed by hand, whatever the pay
			}
			continue
		}
		pt := payTerm{k: k, share: a.Fit.Share(k), lo: pr.FromPay[0], hi: pr.FromPay[1], atLeast: pr.AtLeast}
		if pr.AtLeast > 0 {
			pt.floor = (pr.AtLeast - 1) / span
		}
		sc.terms = append(sc.terms, pt)
	}
	r := &a.Relief
	w := reliefWeightsFor(p.Params, r.CoverageCounted)
	sc.fixedRelief = r.Chance * (w.time*r.Timeliness + w.lasting*r.Lasting + w.coverage*r.Coverage) * 100
	sc.income = r.Chance * w.income * 100
	expenses := val(s.Situation.MonthlyExpenses)
	if expenses > 0 {
		sc.cap = expenses * 12 / (1 - s.Situation.Tax(p.Params))
	} else {
		sc.noExpenses = true
	}
	return sc, true
}

// level is a from_pay rating on 0..1 at yearly pay y, as ratingFor
// gives it.
func (t *payTerm) level(y float64) float64 {
	switch {
	case t.hi > t.lo:
		return clamp01((y - t.lo) / (t.hi - t.lo))
	case y < t.lo:
		return 0
	}
	return 1
}

// fitAt is the fit at yearly pay y.
func (sc *payScore) fitAt(y float64) float64 {
	fit := sc.fixedFit
	for k := range sc.terms {
		fit += sc.terms[k].share * sc.terms[k].level(y) * 100
	}
	return fit
}

// reliefAt is the relief at yearly pay y.
func (sc *payScore) reliefAt(y float64) float64 {
	cover := 0.0
	switch {
	case sc.noExpenses:
		if y > 0 {
			cover = 1
		}
	default:
		cover = math.Min(1, y/sc.cap)
	}
	return sc.fixedRelief + sc.income*cover
}

// at is the score at yearly pay y, and whether a from_pay deal-breaker
// vetoes it there.
func (sc *payScore) at(y float64) (float64, bool) {
	vetoed := false
	for k := range sc.terms {
		if t := &sc.terms[k]; t.floor > 0 && t.level(y) < t.floor {
			vetoed = true
		}
	}
	return (1-sc.u)*sc.fitAt(y) + sc.u*sc.reliefAt(y), vetoed
}

// breaks are the yearly pays where the score's line may bend or jump,
// ascending, from 0.
func (sc *payScore) breaks() []float64 {
	breaks := []float64{0}
	if !sc.noExpenses {
		breaks = append(breaks, sc.cap)
	}
	for _, t := range sc.terms {
		breaks = append(breaks, t.lo, t.hi)
		if t.floor > 0 && t.hi > t.lo {
			breaks = append(breaks, t.lo+t.floor*(t.hi-t.lo))
		}
	}
	slices.Sort(breaks)
	breaks = slices.Compact(breaks)
	for breaks[0] < 0 {
		breaks = breaks[1:]
	}
	return breaks
}

// top is a pay past every corner, where the score is the most pay can
// make it.
func (sc *payScore) top() float64 {
	b := sc.breaks()
	return b[len(b)-1] + 1
}

// reach is the least yearly pay at which the score reaches target with
// nothing vetoing it, and false when none does, or when pay moves nothing.
func (sc *payScore) reach(target float64) (float64, bool) {
	breaks := sc.breaks()
	low, _ := sc.at(0)
	high, _ := sc.at(breaks[len(breaks)-1] + 1)
	if high == low {
		return 0, false // pay moves nothing
	}
	// On each piece the score is a line; it is worked out from two points
	// inside the piece, away from the corners where it may jump.
	for k, lo := range breaks {
		hi := math.Inf(1)
		y1, y2 := lo+max(1, lo)/3, lo+2*max(1, lo)/3
		if k+1 < len(breaks) {
			hi = breaks[k+1]
			y1, y2 = lo+(hi-lo)/3, lo+2*(hi-lo)/3
		}
		f1, vetoed := sc.at(y1)
		if vetoed {
			continue
		}
		f2, _ := sc.at(y2)
		slope := (f2 - f1) / (y2 - y1)
		start := f1 - slope*(y1-lo)
		switch {
		case start >= target:
			return lo, true
		case slope <= 0:
			continue
		}
		if y := lo + (target-start)/slope; y <= hi {
			return y, true
		}
	}
	return 0, false
}
