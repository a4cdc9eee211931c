package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// BenchmarkRunwayCrossings is one pair's runway crossings, which the walk
// behind RunwayLeaders asks for once per opportunity per step.
func BenchmarkRunwayCrossings(b *testing.B) {
	s, err := Evaluate(benchProfile(200, 10), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range s.Ranked[1:] {
			s.RunwayCrossings(s.Ranked[0].Index, r.Index)
		}
	}
}

// TestRunwayUnchanged compares the runway crossings and leaders with the
// versions below, as they were before they stopped allocating, on random
// profiles.
func TestRunwayUnchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	crossings, changes := 0, 0
	for trial := 0; trial < 300; trial++ {
		p := randomProfile(rng, 2+rng.IntN(8))
		s := mustEval(t, p, Request{Today: today})
		for i := range s.Assessments {
			for j := range s.Assessments {
				got, want := s.RunwayCrossings(i, j), s.runwayCrossingsBefore(i, j)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("trial %d: RunwayCrossings(%d, %d) = %v, before %v", trial, i, j, got, want)
				}
				crossings += len(got)
			}
		}
		got, want := s.RunwayLeaders(), s.runwayLeadersBefore()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: RunwayLeaders = %v, before %v", trial, got, want)
		}
		changes += max(0, len(got)-1)
	}
	if crossings < 100 || changes < 50 {
		t.Fatalf("only %d crossings and %d leader changes by runway: the test compares too little", crossings, changes)
	}
}

// The runway translation as it was before it stopped allocating.

// RunwayCrossings lists the runways at which opportunities i and j swap
// places, ascending. It is empty when money does not move the urgency (see
// [State.MoneyTranslatable]).
func (s *State) runwayCrossingsBefore(i, j int) []RunwayCross {
	if !s.MoneyTranslatable() || i == j {
		return nil
	}
	roots := s.pairRootsBefore(i, j)
	d := func(R float64) float64 { return s.ScoreAtRunway(i, R) - s.ScoreAtRunway(j, R) }
	var out []RunwayCross
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
		out = append(out, c)
	}
	return out
}

// pairRoots returns the positive runways where the scores of i and j are
// equal, sorted and without repeats.
func (s *State) pairRootsBefore(i, j int) []float64 {
	a, b := &s.Assessments[i], &s.Assessments[j]
	pm := s.Profile.Params
	baseA, qA := reliefLine(pm, &a.Relief)
	baseB, qB := reliefLine(pm, &b.Relief)
	mA, mB := a.Relief.MonthsToPay, b.Relief.MonthsToPay
	C, cover := s.Urgency.Comfortable, s.Urgency.Cover
	df := a.Fit.Value - b.Fit.Value

	breaks := []float64{0, mA, mB, C, math.Inf(1)}
	sort.Float64s(breaks)
	var roots []float64
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
		var cand []float64
		if lo >= C {
			// d·R = ((1−c)Δf + cα)R + cβ
			cand = linearRootBefore((1-cover)*df+cover*alpha, cover*beta)
		} else {
			k := (1 - cover) / C
			cand = quadraticRootsBefore(k*(df-alpha), alpha-k*beta, beta)
		}
		for _, r := range cand {
			if r > lo && r <= hi && !math.IsInf(r, 0) {
				roots = append(roots, r)
			}
		}
	}
	sort.Float64s(roots)
	out := roots[:0]
	for _, r := range roots {
		if n := len(out); n > 0 && math.Abs(out[n-1]-r) <= 1e-12*math.Max(1, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func linearRootBefore(a, b float64) []float64 {
	if a == 0 {
		return nil
	}
	return []float64{-b / a}
}

// quadraticRoots solves a·x² + b·x + c = 0 for real x, stably.
func quadraticRootsBefore(a, b, c float64) []float64 {
	if a == 0 {
		return linearRootBefore(b, c)
	}
	disc := b*b - 4*a*c
	if disc < 0 {
		return nil
	}
	q := -0.5 * (b + math.Copysign(math.Sqrt(disc), b))
	var out []float64
	if q != 0 {
		out = append(out, q/a, c/q)
	} else {
		out = append(out, 0)
	}
	return out
}

// RunwayLeaders lists who would lead at every runway from 0 up, holding
// everything but savings as it is: the money version of the leader
// envelope, ascending. It is empty when money does not move the urgency.
func (s *State) runwayLeadersBefore() []RunwaySpan {
	if !s.MoneyTranslatable() || len(s.Ranked) == 0 {
		return nil
	}
	R0 := s.Urgency.RunwayMonths
	cur := s.leaderAtRunwayBefore(R0)
	down := s.walkRunwayBefore(cur, R0, false)
	up := s.walkRunwayBefore(cur, R0, true)

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
type runwayStepBefore struct {
	at     float64
	leader int
}

func (s *State) walkRunwayBefore(leader int, at float64, up bool) []runwayStepBefore {
	var steps []runwayStepBefore
	for n := 0; n < maxRunwaySteps; n++ {
		next, ok := s.nextOvertakeBefore(leader, at, up)
		if !ok {
			break
		}
		// Just beyond the change, decided by exact comparison: near a
		// crossing the scores differ by less than any tolerance.
		beyond := next * (1 - 1e-7)
		if up {
			beyond = next * (1 + 1e-7)
		}
		leader, at = s.leaderAtRunwayBefore(beyond), next
		steps = append(steps, runwayStepBefore{at: next, leader: leader})
	}
	return steps
}

// nextOvertake finds the nearest runway beyond at (above when up, else
// below) where another opportunity swaps places with leader and is ahead
// on the far side.
func (s *State) nextOvertakeBefore(leader int, at float64, up bool) (float64, bool) {
	best, found := 0.0, false
	for _, r := range s.Ranked {
		if r.Index == leader {
			continue
		}
		for _, c := range s.runwayCrossingsBefore(leader, r.Index) {
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
func (s *State) leaderAtRunwayBefore(R float64) int {
	best, bestScore := -1, 0.0
	for _, r := range s.Ranked {
		sc := s.ScoreAtRunway(r.Index, R)
		if best < 0 || sc > bestScore || (sc == bestScore && better(&s.Assessments[r.Index], &s.Assessments[best], 0)) {
			best, bestScore = r.Index, sc
		}
	}
	return best
}
