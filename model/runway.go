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
// of two scores times R is a polynomial of degree two at most, and the
// runways at which two opportunities swap places are its roots. Nothing
// here samples.

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

// MoneyTranslatable reports whether moving savings moves the urgency in
// force: the urgency is derived and something burns the savings.
func (s *State) MoneyTranslatable() bool {
	return s.Urgency.IsDerived() && s.Urgency.Burn > 0
}

// ScoreAtRunway is opportunity i's score if the runway were R months and
// everything else stayed as it is, with urgency derived from that runway.
func (s *State) ScoreAtRunway(i int, R float64) float64 {
	a := &s.Assessments[i]
	u := s.urgencyAtRunway(R)
	base, perTime := reliefLine(s.Profile.Params, &a.Relief)
	return (1-u)*a.Fit.Value + u*(base+perTime*Timeliness(a.Relief.MonthsToPay, R))
}

func (s *State) urgencyAtRunway(R float64) float64 {
	return combine(cashUrgency(R, s.Urgency.Comfortable), s.Urgency.Cover)
}

// RunwayCrossings lists the runways at which opportunities i and j swap
// places, ascending. It is empty when money does not move the urgency (see
// [State.MoneyTranslatable]).
func (s *State) RunwayCrossings(i, j int) []RunwayCross {
	if !s.MoneyTranslatable() || i == j {
		return nil
	}
	var buf [maxPairRoots]RunwayCross
	n := s.runwayCrossings(i, j, &buf)
	if n == 0 {
		return nil
	}
	return append([]RunwayCross(nil), buf[:n]...)
}

// maxPairRoots bounds the runways where two scores can be equal: at most
// two on each of the four stretches between the breakpoints.
const maxPairRoots = 8

// runwayCrossings is RunwayCrossings into out, returning how many it
// found; the walk behind RunwayLeaders asks for thousands of pairs, so
// nothing here allocates.
func (s *State) runwayCrossings(i, j int, out *[maxPairRoots]RunwayCross) int {
	var rootBuf [maxPairRoots]float64
	roots := rootBuf[:s.pairRoots(i, j, &rootBuf)]
	d := func(R float64) float64 { return s.ScoreAtRunway(i, R) - s.ScoreAtRunway(j, R) }
	n := 0
	for k, r := range roots {
		lo := r / 2
		if k > 0 {
			lo = (roots[k-1] + r) / 2
		}
		hi := r*2 + 1
		if k+1 < len(roots) {
			hi = (r + roots[k+1]) / 2
		}
		below, above := d(lo), d(hi)
		if below == 0 || above == 0 || (below > 0) == (above > 0) {
			continue
		}
		c := RunwayCross{Months: r, Savings: r * s.Urgency.Burn, AheadBelow: i, AheadAbove: j}
		if below < 0 {
			c.AheadBelow, c.AheadAbove = j, i
		}
		out[n] = c
		n++
	}
	return n
}

// pairRoots puts into roots the positive runways where the scores of i and
// j are equal, sorted and without repeats, and returns how many there are.
func (s *State) pairRoots(i, j int, roots *[maxPairRoots]float64) int {
	a, b := &s.Assessments[i], &s.Assessments[j]
	pm := s.Profile.Params
	baseA, qA := reliefLine(pm, &a.Relief)
	baseB, qB := reliefLine(pm, &b.Relief)
	mA, mB := a.Relief.MonthsToPay, b.Relief.MonthsToPay
	C, cover := s.Urgency.Comfortable, s.Urgency.Cover
	df := a.Fit.Value - b.Fit.Value

	breaks := [5]float64{0, mA, mB, C, math.Inf(1)}
	sort.Float64s(breaks[:])
	n := 0
	for k := 0; k+1 < len(breaks); k++ {
		lo, hi := breaks[k], breaks[k+1]
		if hi <= lo {
			continue
		}
		// Δrelief(R) = α + β/R on this stretch.
		alpha, beta := baseA-baseB, 0.0
		if lo >= mA {
			alpha += qA
			beta -= qA * mA
		}
		if lo >= mB {
			alpha -= qB
			beta += qB * mB
		}
		var cand [2]float64
		var nc int
		if lo >= C {
			// d·R = ((1−c)Δf + cα)R + cβ
			nc = linearRoot((1-cover)*df+cover*alpha, cover*beta, &cand)
		} else {
			k := (1 - cover) / C
			nc = quadraticRoots(k*(df-alpha), alpha-k*beta, beta, &cand)
		}
		for _, r := range cand[:nc] {
			if r > lo && r <= hi && !math.IsInf(r, 0) {
				roots[n] = r
				n++
			}
		}
	}
	sort.Float64s(roots[:n])
	kept := 0
	for _, r := range roots[:n] {
		if kept > 0 && math.Abs(roots[kept-1]-r) <= 1e-12*math.Max(1, r) {
			continue
		}
		roots[kept] = r
		kept++
	}
	return kept
}

// linearRoot solves a·x + b = 0 into out and returns how many roots.
func linearRoot(a, b float64, out *[2]float64) int {
	if a == 0 {
		return 0
	}
	out[0] = -b / a
	return 1
}

// quadraticRoots solves a·x² + b·x + c = 0 for real x, stably, into out
// and returns how many roots.
func quadraticRoots(a, b, c float64, out *[2]float64) int {
	if a == 0 {
		return linearRoot(b, c, out)
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

// maxRunwaySteps bounds how many leader changes by runway are followed
// each way from the current runway.
const maxRunwaySteps = 64

// RunwayLeaders lists who would lead at every runway from 0 up, holding
// everything but savings as it is: the money version of the leader
// envelope, ascending. It is empty when money does not move the urgency.
func (s *State) RunwayLeaders() []RunwaySpan {
	if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
		return nil
	}
	R0 := s.Urgency.RunwayMonths
	cur := s.leaderAtRunway(R0)
	down := s.walkRunway(cur, R0, false)
	up := s.walkRunway(cur, R0, true)

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
		spans[k].SavingsFrom = spans[k].From * s.Urgency.Burn
		spans[k].SavingsTo = spans[k].To * s.Urgency.Burn
	}
	return spans
}

// runwayStep is a leader change met walking the runway: beyond at (in the
// walk's direction) leader leads.
type runwayStep struct {
	at     float64
	leader int
}

func (s *State) walkRunway(leader int, at float64, up bool) []runwayStep {
	var steps []runwayStep
	for n := 0; n < maxRunwaySteps; n++ {
		next, ok := s.nextOvertake(leader, at, up)
		if !ok {
			break
		}
		// Just beyond the change, decided by exact comparison: near a
		// crossing the scores differ by less than any tolerance.
		beyond := next * (1 - 1e-7)
		if up {
			beyond = next * (1 + 1e-7)
		}
		leader, at = s.leaderAtRunway(beyond), next
		steps = append(steps, runwayStep{at: next, leader: leader})
	}
	return steps
}

// nextOvertake finds the nearest runway beyond at (above when up, else
// below) where another opportunity swaps places with leader and is ahead
// on the far side.
func (s *State) nextOvertake(leader int, at float64, up bool) (float64, bool) {
	best, found := 0.0, false
	var buf [maxPairRoots]RunwayCross
	for _, r := range s.Ranked {
		if r.Index == leader {
			continue
		}
		for _, c := range buf[:s.runwayCrossings(leader, r.Index, &buf)] {
			var ok bool
			if up {
				ok = c.Months > at*(1+1e-12) && c.AheadAbove == r.Index
			} else {
				ok = c.Months < at*(1-1e-12) && c.AheadBelow == r.Index
			}
			if ok && (!found || (up && c.Months < best) || (!up && c.Months > best)) {
				best, found = c.Months, true
			}
		}
	}
	return best, found
}

// leaderAtRunway is the opportunity that would lead at runway R.
func (s *State) leaderAtRunway(R float64) int {
	best, bestScore := -1, 0.0
	for _, r := range s.Ranked {
		sc := s.ScoreAtRunway(r.Index, R)
		if best < 0 || sc > bestScore || (sc == bestScore && better(&s.Assessments[r.Index], &s.Assessments[best], 0)) {
			best, bestScore = r.Index, sc
		}
	}
	return best
}

// RunwayChange is a runway at which the leader would change: past it (in
// the direction asked for) Leader leads.
type RunwayChange struct {
	// Months is the runway of the change; Savings the same in savings at
	// the current burn.
	Months, Savings float64
	// Leader indexes State.Assessments.
	Leader int
}

// NearestRunwayChanges returns the leader changes nearest the current
// runway: the one below it (with less savings) and the one above it (with
// more), each nil when there is none or money does not move the urgency.
// It costs two passes over the opportunities, where [State.RunwayLeaders]
// walks every change.
func (s *State) NearestRunwayChanges() (below, above *RunwayChange) {
	if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
		return nil, nil
	}
	R0 := s.Urgency.RunwayMonths
	cur := s.leaderAtRunway(R0)
	if m, ok := s.nextOvertake(cur, R0, false); ok {
		below = &RunwayChange{Months: m, Savings: m * s.Urgency.Burn, Leader: s.leaderAtRunway(m * (1 - 1e-7))}
	}
	if m, ok := s.nextOvertake(cur, R0, true); ok {
		above = &RunwayChange{Months: m, Savings: m * s.Urgency.Burn, Leader: s.leaderAtRunway(m * (1 + 1e-7))}
	}
	return below, above
}
