package model

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"mutual/internal/trials"
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

// TestRunwayAgainstScan checks the runway crossings and leaders against
// the scores themselves, on random profiles: ScoreAtRunway on a dense grid
// of runways, bisected wherever the order of two scores flips, and the
// leader found by ranking those scores as the ranking does (scores within
// scoreTolerance tie, and ties go to the higher fit, the higher relief at
// that runway, the name, the order in the profile). Nothing is excused.
func TestRunwayAgainstScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	trials := trials.N(60, 100, 300)
	crossings, changes := 0, 0
	for trial := range trials {
		p := randomProfile(rng, 2+rng.IntN(8))
		if rng.IntN(4) == 0 {
			// A twin, the same in all but name: only the tie-breaks part them.
			twin := p.Opportunities[rng.IntN(len(p.Opportunities))]
			twin.Name = "opp000 twin"
			if rng.IntN(2) == 0 {
				twin.Name = "opp" // sorts first
			}
			p.Opportunities = append(p.Opportunities, twin)
		}
		s := mustEval(t, p, Request{Today: today})
		if !s.MoneyTranslatable() {
			for i := range s.Assessments {
				if c := s.RunwayCrossings(i, (i+1)%len(s.Assessments)); c != nil {
					t.Fatalf("trial %d: crossings %v when money does not move the urgency", trial, c)
				}
			}
			if spans := s.RunwayLeaders(); spans != nil {
				t.Fatalf("trial %d: spans %v when money does not move the urgency", trial, spans)
			}
			continue
		}
		sc := scanRunways(s)
		for i := range s.Assessments {
			if c := s.RunwayCrossings(i, i); c != nil {
				t.Fatalf("trial %d: opportunity %d crosses itself at %v", trial, i, c)
			}
			for j := range s.Assessments {
				if i != j {
					crossings += checkRunwayCrossings(t, trial, sc, i, j)
				}
			}
		}
		changes += checkRunwayLeaders(t, trial, sc)
		checkCentFilter(t, trial, s)
	}
	if crossings < trials/3 || changes < trials/6 {
		t.Fatalf("only %d crossings and %d leader changes by runway: the test compares too little", crossings, changes)
	}
}

// runwayScan is every opportunity's score at every runway of a grid: fine
// steps up to well past the comfortable runway and every first paycheck,
// where the pieces of the score change form, and steps of a percent below
// and beyond them, down to a millionth of a month and up to the most
// savings a profile can hold.
type runwayScan struct {
	s      *State
	grid   []float64
	scores [][]float64
}

func scanRunways(s *State) *runwayScan {
	top := s.Urgency.Comfortable
	for _, a := range s.Assessments {
		top = max(top, a.Relief.MonthsToPay)
	}
	top = 2*top + 1
	var grid []float64
	for R := 1e-6; R < top/4000; R *= 1.01 {
		grid = append(grid, R)
	}
	for k := 1; k <= 4000; k++ {
		grid = append(grid, top*float64(k)/4000)
	}
	for R := top * 1.01; R < s.runwayLimit(); R *= 1.01 {
		grid = append(grid, R)
	}
	scores := make([][]float64, len(s.Assessments))
	for i := range scores {
		scores[i] = make([]float64, len(grid))
		for k, R := range grid {
			scores[i][k] = s.ScoreAtRunway(i, R)
		}
	}
	return &runwayScan{s: s, grid: grid, scores: scores}
}

// checkRunwayCrossings holds RunwayCrossings(i, j) against the difference
// of the two scores: each reported crossing is a real swap, and every swap
// the grid sees is reported. It returns how many crossings it checked.
func checkRunwayCrossings(t *testing.T, trial int, sc *runwayScan, i, j int) int {
	t.Helper()
	s := sc.s
	got := s.RunwayCrossings(i, j)
	d := func(R float64) float64 { return s.ScoreAtRunway(i, R) - s.ScoreAtRunway(j, R) }
	ahead := func(diff float64) int {
		if diff > 0 {
			return i
		}
		return j
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("trial %d, RunwayCrossings(%d, %d) = %+v: %s", trial, i, j, got, fmt.Sprintf(format, args...))
	}

	// Every reported crossing: the scores are equal there, and just either
	// side (closer than any neighbour) they are in opposite order.
	for k, c := range got {
		r := c.Months
		if k > 0 && !(r > got[k-1].Months) {
			fail("not ascending")
		}
		if !near(c.Savings, r*s.Urgency.Burn) {
			fail("savings %v for %v months at a burn of %v", c.Savings, r, s.Urgency.Burn)
		}
		if math.Abs(d(r)) > 1e-6 {
			fail("the scores differ by %v at %v months", d(r), r)
		}
		h := 1e-7 * r
		if k > 0 {
			h = min(h, (r-got[k-1].Months)/4)
		}
		if k+1 < len(got) {
			h = min(h, (got[k+1].Months-r)/4)
		}
		below, above := d(r-h), d(r+h)
		if below == 0 || above == 0 || (below > 0) == (above > 0) {
			fail("no swap at %v months: the difference is %v just below and %v just above", r, below, above)
		}
		if c.AheadBelow != ahead(below) || c.AheadAbove != ahead(above) {
			fail("at %v months %d is ahead below and %d above", r, ahead(below), ahead(above))
		}
	}

	// Every swap on the grid: bisect it down to the runway, which must be
	// one that was reported. Scores within the model's tolerance are in no
	// order; a swap is from one order to the other.
	last := -1
	for k := range sc.grid {
		diff := sc.scores[i][k] - sc.scores[j][k]
		if math.Abs(diff) <= scoreTolerance {
			continue
		}
		if last >= 0 && (diff > 0) != (sc.scores[i][last]-sc.scores[j][last] > 0) {
			lo, hi := sc.grid[last], sc.grid[k]
			for range 200 {
				mid := (lo + hi) / 2
				if mid <= lo || mid >= hi {
					break
				}
				if (d(mid) > 0) == (diff > 0) {
					hi = mid
				} else {
					lo = mid
				}
			}
			r := (lo + hi) / 2
			if !slices.ContainsFunc(got, func(c RunwayCross) bool {
				return math.Abs(c.Months-r) <= 1e-6*max(1, r) && c.AheadAbove == ahead(diff)
			}) {
				fail("the scores swap at %v months (%d ahead above), which is not reported", r, ahead(diff))
			}
		}
		last = k
	}
	return len(got)
}

// checkRunwayLeaders holds every leader change by runway, to the last
// bit (no stretch too short to list), against the leader found by ranking
// the scores at a runway: in the middle of each span, just either side of
// each boundary, and at every runway of the grid. It returns how many
// leader changes it checked.
func checkRunwayLeaders(t *testing.T, trial int, sc *runwayScan) int {
	t.Helper()
	s := sc.s
	m := s.runwayMapWith(maxRunwayChanges, 0)
	spans := m.Spans
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("trial %d, RunwayLeaders = %+v: %s", trial, spans, fmt.Sprintf(format, args...))
	}
	if m.Truncated {
		fail("truncated")
	}
	if len(s.Ranked) == 0 {
		if spans != nil {
			fail("spans with nothing ranked")
		}
		return 0
	}
	if len(spans) == 0 || spans[0].From != 0 || !math.IsInf(spans[len(spans)-1].To, 1) {
		fail("the spans do not cover 0..∞")
	}
	for k, sp := range spans {
		if !(sp.From < sp.To) || sp.SavingsFrom != sp.From*s.Urgency.Burn || sp.SavingsTo != sp.To*s.Urgency.Burn {
			fail("span %d is empty or its savings are not its runway at the burn", k)
		}
		if k > 0 && sp.From != spans[k-1].To {
			fail("spans %d and %d do not meet", k-1, k)
		}
		if k > 0 && sp.Leader == spans[k-1].Leader {
			fail("spans %d and %d have the same leader", k-1, k)
		}
	}
	leads := func(got, want int, R float64, where string) {
		t.Helper()
		if got != want {
			fail("%s (%v months) %d leads, not %d", where, R, got, want)
		}
	}
	for k, sp := range spans {
		mid := (sp.From + sp.To) / 2
		if math.IsInf(sp.To, 1) {
			mid = min(2*sp.From+1, (sp.From+s.runwayLimit())/2)
		}
		leads(leaderByRanking(s, mid), sp.Leader, mid, fmt.Sprintf("in the middle of span %d", k))
		if k == 0 {
			continue
		}
		b := sp.From
		h := min(1e-6*b, (b-spans[k-1].From)/4, (min(sp.To, s.runwayLimit())-b)/4)
		leads(leaderByRanking(s, b-h), spans[k-1].Leader, b-h, fmt.Sprintf("just below the change at %v months", b))
		leads(leaderByRanking(s, b+h), sp.Leader, b+h, fmt.Sprintf("just above the change at %v months", b))
	}
	k := 0
	for g, R := range sc.grid {
		for R > spans[k].To {
			k++
		}
		if math.Abs(R-spans[k].From) > 1e-9*R && math.Abs(R-spans[k].To) > 1e-9*R {
			got := leaderBy(s, R, func(i int) float64 { return sc.scores[i][g] })
			leads(got, spans[k].Leader, R, "on the grid")
		}
	}
	return len(spans) - 1
}

// checkCentFilter holds RunwayLeaders against every change to the last
// bit: the same changes, but for leaders that hold less than a cent of
// savings, which join the span nearer the current runway.
func checkCentFilter(t *testing.T, trial int, s *State) {
	t.Helper()
	all, listed := s.runwayMapWith(maxRunwayChanges, 0).Spans, s.RunwayLeaders()
	cent := s.runwayCent()
	R0 := s.Urgency.RunwayMonths
	for k, sp := range listed {
		if k > 0 && sp.Leader == listed[k-1].Leader {
			t.Fatalf("trial %d: listed spans %d and %d have the same leader: %+v", trial, k-1, k, listed)
		}
		holds := R0 >= sp.From && R0 < sp.To
		if !holds && sp.To-sp.From < cent {
			t.Fatalf("trial %d: listed span %d holds less than a cent: %+v", trial, k, listed)
		}
	}
	// Every span of a cent or more is listed with its leader, but for its
	// edges, which may have taken in the short ones beside it.
	for _, sp := range all {
		if sp.To-sp.From < 3*cent {
			continue
		}
		mid := (sp.From + sp.To) / 2
		if math.IsInf(sp.To, 1) {
			mid = sp.From + 2*cent
		}
		for _, l := range listed {
			if mid >= l.From && mid < l.To && l.Leader != sp.Leader {
				t.Fatalf("trial %d: at %v months %d leads, the listed spans say %d\nall %+v\nlisted %+v", trial, mid, sp.Leader, l.Leader, all, listed)
			}
		}
	}
}

// leaderByRanking is the ranked opportunity the ranking puts first at
// runway R.
func leaderByRanking(s *State, R float64) int {
	return leaderBy(s, R, func(i int) float64 { return s.ScoreAtRunway(i, R) })
}

// leaderBy is leaderByRanking for the scores given by score: scores within
// the tolerance tie, and ties go to the higher fit, the higher relief at
// runway R, the name, the order in the profile, as doc.go says.
func leaderBy(s *State, R float64, score func(i int) float64) int {
	best, bestScore := -1, 0.0
	for _, r := range s.Ranked {
		score := score(r.Index)
		if best < 0 {
			best, bestScore = r.Index, score
			continue
		}
		a, b := &s.Assessments[r.Index], &s.Assessments[best]
		c := 0
		if math.Abs(score-bestScore) > scoreTolerance {
			c = cmp.Compare(bestScore, score)
		}
		if c = cmp.Or(c, cmp.Compare(b.Fit.Value, a.Fit.Value), cmp.Compare(s.ReliefAtRunway(best, R), s.ReliefAtRunway(r.Index, R)),
			strings.Compare(a.Name, b.Name), cmp.Compare(a.Index, b.Index)); c < 0 {
			best, bestScore = r.Index, score
		}
	}
	return best
}

// BenchmarkNearestRunwayChanges is the header's money sentence, which
// every what-if on the dashboard asks for.
func BenchmarkNearestRunwayChanges(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.nearestRunwayChanges() // afresh, as a new state works it out once
	}
}
