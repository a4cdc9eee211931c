package model

import (
	"math"
	"sort"
)

// This file translates the urgency axis into money and time. When urgency
// is derived from the situation, more savings means a longer runway, which
// lowers urgency and also makes a late first paycheck less of a problem
// (timeliness). Both effects are exact functions of the runway R:
//
//	u(R)       = 1 − (R / C)(1 − cover)  for R < C,  cover  for R ≥ C
//	relief(R)  = base + perTime × T(R),  T(R) = 0 for R ≤ m, 1 − m/R above
//
// so on each stretch between the breakpoints {m_a, m_b, C} the difference
// of two scores is d(R) = a·R + b + c/R, and d(R) = t is a quadratic in R
// for any t. Nothing here samples.
//
// Two opportunities are ordered at a runway exactly as the ranking orders
// them (see [betterScored]): by score when the scores differ by more than
// scoreTolerance, else by the tie-breaks. So their order can change only
// where the difference enters or leaves the band |d| ≤ scoreTolerance,
// that is at the roots of d(R) = ±scoreTolerance, which are found exactly;
// between two such roots the order is fixed, and one evaluation anywhere
// inside says what it is. The roots of d = 0 itself are never used to
// decide an order: where two scores are equal, or nearly, over a stretch
// (equal fit and insured, above the comfortable runway; two scores that
// converge as the runway grows; both scores at a runway of zero) the root
// of d = 0 is rounding, and deciding by the sign beside it was how swaps
// went missing.
//
// The translation covers the savings a profile can hold, 0 to [MaxMoney],
// counted to the cent: a leader that would hold for less than a cent of
// savings (a tie at a runway of zero, which holds for a billionth of a
// month) is not listed as a span of its own.

// RunwayCross is a runway at which two opportunities swap places.
type RunwayCross struct {
	// Months is the runway at which they swap.
	Months float64
	// Savings is the savings that give that runway at the current burn.
	Savings float64
	// AheadBelow and AheadAbove index State.Assessments: who is ahead on
	// either side.
	AheadBelow, AheadAbove int
}

// RunwaySpan is a stretch of runway over which one opportunity leads.
type RunwaySpan struct {
	// From and To are runway months; To is +Inf for the last span.
	From, To float64
	// SavingsFrom and SavingsTo are the same stretch in savings.
	SavingsFrom, SavingsTo float64
	// Leader indexes State.Assessments.
	Leader int
}

// RunwayMap is who leads at every runway, and whether the list stopped
// short of the end (see [State.RunwayMap]).
type RunwayMap struct {
	// Spans run from runway 0 up, the last one unbounded.
	Spans []RunwaySpan
	// Truncated reports that more than maxRunwayChanges leader changes lie
	// one way of the current runway, and the spans stop at the last one
	// followed: the last span listed that way runs on to the end.
	Truncated bool
}

// MoneyTranslatable reports whether moving savings moves the urgency in
// force: the urgency is derived and something burns the savings.
func (s *State) MoneyTranslatable() bool {
	return s.Urgency.IsDerived() && s.Urgency.Burn > 0
}

// ScoreAtRunway is opportunity i's score if the runway were R months and
// everything else stayed as it is, with urgency derived from that runway.
func (s *State) ScoreAtRunway(i int, R float64) float64 {
	u := s.urgencyAtRunway(R)
	return (1-u)*s.Assessments[i].Fit.Value + u*s.ReliefAtRunway(i, R)
}

// ReliefAtRunway is opportunity i's relief if the runway were R months:
// only its timeliness changes, and it is worked out as [Assess] works it
// out, so that ties between reliefs are broken as a fresh evaluation
// would break them.
func (s *State) ReliefAtRunway(i int, R float64) float64 {
	r := &s.Assessments[i].Relief
	w := reliefWeightsFor(s.Profile.Params, r.CoverageCounted)
	return r.Chance * w.mean(r, Timeliness(r.MonthsToPay, R)) * 100
}

func (s *State) urgencyAtRunway(R float64) float64 {
	return combine(cashUrgency(R, s.Urgency.Comfortable), s.Urgency.Cover)
}

// runwayLimit is the longest runway the translation covers: the most
// savings a profile can hold, at the current burn.
func (s *State) runwayLimit() float64 {
	if s.Ledger.Dated() {
		return s.Ledger.Runway(MaxMoney)
	}
	return MaxMoney / s.Urgency.Burn
}

// savingsAtRunway is the savings that give a runway of R months: R × burn,
// or on a dated ledger the least savings that last R months.
func (s *State) savingsAtRunway(R float64) float64 {
	if s.Ledger.Dated() {
		return s.Ledger.SavingsFor(R)
	}
	return R * s.Urgency.Burn
}

// runwayCent is one cent of savings in months of runway at the current
// burn: the finest stretch of runway a leader must hold to be listed.
func (s *State) runwayCent() float64 { return 0.01 / s.Urgency.Burn }

// runwayLine is what an opportunity's score at runway R is made of.
type runwayLine struct {
	// fit is the fit, base and perTime the relief as base + perTime × T(R),
	// months the months until the first paycheck.
	fit, base, perTime, months float64
}

func (s *State) runwayLineOf(i int) runwayLine {
	a := &s.Assessments[i]
	base, perTime := reliefLine(s.Profile.Params, &a.Relief)
	return runwayLine{fit: a.Fit.Value, base: base, perTime: perTime, months: a.Relief.MonthsToPay}
}

// maxPairChanges bounds the runways where the order of two opportunities
// can change: d(R) = ±scoreTolerance has at most two roots on each of the
// four stretches between the breakpoints, and the reliefs can swap once
// on each.
const maxPairChanges = 20

// runwayPair is the order of two opportunities, i and j, at every runway
// from 0 to the limit: the runways where the difference of their scores
// enters or leaves the band of ties (and, for two of equal fit, where
// their reliefs swap, which breaks those ties), and on each stretch
// between them which of them is ahead by score (+1 for i, −1 for j) or
// whether they tie (0), and who is ahead.
type runwayPair struct {
	i, j int
	n    int
	// at are the n runways where the order may change, ascending; sign[k]
	// and first[k] hold on the stretch that ends at at[k], the last ones
	// beyond the last.
	at    [maxPairChanges]float64
	sign  [maxPairChanges + 1]int8
	first [maxPairChanges + 1]int
	// pieces are the stretches of runway with the coefficients of
	// d(R) = a·R + b + c/R on each.
	np     int
	pieces [4]runwayPiece
}

// runwayPiece is one stretch between the breakpoints of two scores, and
// the difference of the scores on it: d(R) = a·R + b + c/R; the
// difference of the reliefs is alpha + beta/R.
type runwayPiece struct {
	lo, hi      float64
	a, b, c     float64
	alpha, beta float64
}

// d is the difference of the two scores at R, from the pieces.
func (p *runwayPair) d(R float64) float64 {
	for k := 0; k < p.np; k++ {
		pc := &p.pieces[k]
		if R <= pc.hi || k == p.np-1 {
			return pc.a*R + pc.b + pc.c/R
		}
	}
	return 0
}

// ahead is who is ahead on the stretch numbered k.
func (p *runwayPair) ahead(k int) int { return p.first[k] }

// aheadBeyond is who is ahead just beyond runway R: just above it when up,
// else just below.
func (p *runwayPair) aheadBeyond(R float64, up bool) int {
	k := 0
	for k < p.n && (p.at[k] < R || up && p.at[k] == R) {
		k++
	}
	return p.ahead(k)
}

// pairOrder works out the order of opportunities i and j over runway 0..limit,
// given their lines.
func (s *State) pairOrder(i, j int, li, lj *runwayLine, limit float64, p *runwayPair) {
	p.i, p.j, p.n, p.np = i, j, 0, 0
	a, b := &s.Assessments[i], &s.Assessments[j]
	sameFit := compareTied(a.Fit.Value, b.Fit.Value) == 0
	C, cover := s.Urgency.Comfortable, s.Urgency.Cover
	df := li.fit - lj.fit
	breaks := [5]float64{0, li.months, lj.months, C, limit}
	sort.Float64s(breaks[:])
	for k := 0; k+1 < len(breaks); k++ {
		lo, hi := breaks[k], min(breaks[k+1], limit)
		if hi <= lo || lo >= limit {
			continue
		}
		// Δrelief(R) = α + β/R on this stretch.
		alpha, beta := li.base-lj.base, 0.0
		if lo >= li.months {
			alpha += li.perTime
			beta -= li.perTime * li.months
		}
		if lo >= lj.months {
			alpha -= lj.perTime
			beta += lj.perTime * lj.months
		}
		pc := runwayPiece{lo: lo, hi: hi, alpha: alpha, beta: beta}
		if lo >= C {
			// d = (1−c)Δf + c(α + β/R)
			pc.b, pc.c = (1-cover)*df+cover*alpha, cover*beta
		} else {
			// d = k(Δf − α)R + (α − kβ) + β/R, with u = 1 − kR
			kk := (1 - cover) / C
			pc.a, pc.b, pc.c = kk*(df-alpha), alpha-kk*beta, beta
		}
		p.pieces[p.np] = pc
		p.np++
		// d(R) = t  ⇔  a·R² + (b − t)·R + c = 0.
		for _, t := range [2]float64{scoreTolerance, -scoreTolerance} {
			var roots [2]float64
			for _, r := range roots[:quadraticRoots(pc.a, pc.b-t, pc.c, &roots)] {
				if r > lo && r <= hi && r < limit && p.n < maxPairChanges {
					p.at[p.n] = r
					p.n++
				}
			}
		}
		// Equal fits leave a tie to the reliefs, which swap where
		// α + β/R leaves the band ±tieTolerance.
		for _, t := range [2]float64{tieTolerance, -tieTolerance} {
			if r := beta / (t - alpha); sameFit && alpha != t && r > lo && r <= hi && r < limit && p.n < maxPairChanges {
				p.at[p.n] = r
				p.n++
			}
		}
	}
	sort.Float64s(p.at[:p.n])
	// One evaluation inside each stretch says the order on all of it;
	// neighbouring stretches of the same sign are one.
	kept, lo := 0, 0.0
	for k := 0; k <= p.n; k++ {
		hi := limit
		if k < p.n {
			hi = p.at[k]
		}
		mid := lo + (hi-lo)/2
		var sg int8
		ahead := i
		switch d := p.d(mid); {
		case d > scoreTolerance:
			sg = 1
		case d < -scoreTolerance:
			sg, ahead = -1, j
		default:
			if !s.tieAheadAtRunway(a, b, mid) {
				ahead = j
			}
		}
		switch {
		case k == 0:
			p.sign[0], p.first[0] = sg, ahead
		case sg != p.sign[kept] || ahead != p.first[kept]:
			p.at[kept] = lo
			kept++
			p.sign[kept], p.first[kept] = sg, ahead
		}
		lo = hi
	}
	p.n = kept
}

// tieAheadAtRunway reports whether a is ahead of b at runway R when their
// scores tie: the ranking's tie-breaks, with the reliefs they would have
// at that runway.
func (s *State) tieAheadAtRunway(a, b *Assessment, R float64) bool {
	if c := compareTied(a.Fit.Value, b.Fit.Value); c != 0 {
		return c > 0
	}
	if c := compareTied(s.ReliefAtRunway(a.Index, R), s.ReliefAtRunway(b.Index, R)); c != 0 {
		return c > 0
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Index < b.Index
}

// quadraticRoots solves a·x² + b·x + c = 0 for real x, stably, into out
// and returns how many roots.
func quadraticRoots(a, b, c float64, out *[2]float64) int {
	if a == 0 {
		if b == 0 {
			return 0
		}
		out[0] = -c / b
		return 1
	}
	disc := b*b - 4*a*c
	if disc < 0 {
		return 0
	}
	q := -0.5 * (b + math.Copysign(math.Sqrt(disc), b))
	if q != 0 {
		out[0], out[1] = q/a, c/q
		return 2
	}
	out[0] = 0
	return 1
}

// RunwayCrossings lists the runways at which opportunities i and j swap
// places, ascending: where one that was ahead of the other by more than
// the tolerance falls behind it by more than the tolerance. A stretch of
// ties between two stretches in the same order is no swap. It is empty
// when money does not move the urgency (see [State.MoneyTranslatable]).
func (s *State) RunwayCrossings(i, j int) []RunwayCross {
	if !s.MoneyTranslatable() || i == j {
		return nil
	}
	li, lj := s.runwayLineOf(i), s.runwayLineOf(j)
	var p runwayPair
	s.pairOrder(i, j, &li, &lj, s.runwayLimit(), &p)
	var out []RunwayCross
	// last is the sign of the last stretch where the scores differ, and
	// where that stretch ends.
	var last int8
	lastEnd := 0.0
	for k := 0; k <= p.n; k++ {
		from := 0.0
		if k > 0 {
			from = p.at[k-1]
		}
		sg := p.sign[k]
		if sg == 0 {
			continue
		}
		if last != 0 && sg != last {
			r := s.crossingBetween(i, j, lastEnd, from)
			c := RunwayCross{Months: r, Savings: s.savingsAtRunway(r), AheadBelow: i, AheadAbove: j}
			if last < 0 {
				c.AheadBelow, c.AheadAbove = j, i
			}
			out = append(out, c)
		}
		last = sg
		lastEnd = s.runwayLimit()
		if k < p.n {
			lastEnd = p.at[k]
		}
	}
	return out
}

// crossingBetween is the runway between lo and hi where the scores of i
// and j are equal, found by bisection: the difference is beyond the
// tolerance on either side with opposite signs, so a root lies between,
// and bisection finds it to the last bit whatever the rounding of the
// quadratic's coefficients.
func (s *State) crossingBetween(i, j int, lo, hi float64) float64 {
	d := func(R float64) float64 { return s.ScoreAtRunway(i, R) - s.ScoreAtRunway(j, R) }
	below := d(lo) > 0
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if (d(mid) > 0) == below {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// maxRunwayChanges bounds how many leader changes by runway are followed
// each way from the current runway. The walk ends by itself (each step
// moves past one of finitely many runways where two orders change), but
// each step costs a pass over the opportunities; a profile would need a
// thousand opportunities taking the lead in turn to reach it, and
// RunwayMap says when it does.
const maxRunwayChanges = 1000

// RunwayLeaders lists who would lead at every runway from 0 up, holding
// everything but savings as it is: the money version of the leader
// envelope, ascending. It is empty when money does not move the urgency.
func (s *State) RunwayLeaders() []RunwaySpan { return s.RunwayMap().Spans }

// RunwayMap is [State.RunwayLeaders] with whether the list is complete.
// Each span is who the ranking would put first with that savings; a leader
// that would hold for less than a cent of savings is not a span of its
// own (it joins the span nearer the current runway), and the spans cover
// the savings a profile can hold, up to [MaxMoney].
func (s *State) RunwayMap() RunwayMap {
	return s.runwayMapWith(maxRunwayChanges, s.runwayCent())
}

// runwayMapWith is RunwayMap following at most limit changes each way and
// listing leaders that hold at least cent months of runway.
func (s *State) runwayMapWith(limit int, cent float64) RunwayMap {
	if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
		return RunwayMap{}
	}
	w := s.newRunwayWalk()
	w.cent = cent
	R0 := s.Urgency.RunwayMonths
	cur := s.leaderAtRunway(R0)
	down, truncDown := w.changes(cur, R0, false, 0, limit)
	up, truncUp := w.changes(cur, R0, true, 0, limit)

	var spans []RunwaySpan
	from := 0.0
	for k := len(down) - 1; k >= 0; k-- {
		spans = append(spans, RunwaySpan{From: from, To: down[k].at, Leader: down[k].leader})
		from = down[k].at
	}
	leader := cur
	for _, st := range up {
		spans = append(spans, RunwaySpan{From: from, To: st.at, Leader: leader})
		from, leader = st.at, st.leader
	}
	spans = append(spans, RunwaySpan{From: from, To: math.Inf(1), Leader: leader})
	for k := range spans {
		spans[k].SavingsFrom = s.savingsAtRunway(spans[k].From)
		spans[k].SavingsTo = s.savingsAtRunway(spans[k].To)
	}
	return RunwayMap{Spans: spans, Truncated: truncDown || truncUp}
}
