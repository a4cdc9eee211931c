package model

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
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

// TestRunwayAgainstScan checks the runway crossings and leaders against
// the scores themselves, on random profiles: ScoreAtRunway on a dense grid
// of runways, bisected wherever the order of two scores flips, and the
// leader found by ranking those scores.
func TestRunwayAgainstScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	trials := 300
	if testing.Short() {
		trials = 60
	}
	crossings, changes, excused := 0, 0, 0
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
		gap := false
		for i := range s.Assessments {
			if c := s.RunwayCrossings(i, i); c != nil {
				t.Fatalf("trial %d: opportunity %d crosses itself at %v", trial, i, c)
			}
			for j := range s.Assessments {
				if i != j {
					n, g := checkRunwayCrossings(t, trial, sc, i, j)
					crossings, gap = crossings+n, gap || g
				}
			}
		}
		n, g := checkRunwayLeaders(t, trial, sc)
		changes, gap = changes+n, gap || g
		if gap {
			excused++
		}
	}
	if crossings < trials/3 || changes < trials/6 {
		t.Fatalf("only %d crossings and %d leader changes by runway: the test compares too little", crossings, changes)
	}
	t.Logf("%d of %d trials met a known gap of the runway translation", excused, trials)
	if excused > trials/20 {
		t.Fatalf("the known gaps excused %d of %d trials: more than they should", excused, trials)
	}
}

// The runway translation has known gaps, which this test found and leaves
// to a change of their own, since the one that brought the test must not
// change behaviour. All come from deciding a swap by the sign of the score
// difference at probes that can land where the difference is rounding, and
// each is excused where it shows, and nowhere else:
//
//   - Noise at zero. Where two scores are equal at a runway of zero, the
//     root there comes out as a few 1e-16 months, and RunwayCrossings may
//     report it as a swap that is not one; RunwayLeaders then starts with
//     a span that short, with the same leader as the next one, or a leader
//     picked by rounding. Crossings and spans below noiseRunway are not
//     checked.
//   - A swap beside a tie. When two scores are equal over a stretch of
//     runway (the same fit, insured, above the comfortable runway), or
//     converge far out (where a root of rounding lies, some 1e15 months
//     away), RunwayCrossings can miss a real swap next to it or report one
//     at its edge, and RunwayLeaders can then name the wrong leader up to
//     it. These are excused only between two opportunities whose scores
//     the scan sees meet within rounding (see roundingTie).

// noiseRunway is the runway, in months, below which a crossing or a span
// is the noise at zero.
const noiseRunway = 1e-9

// runwayScan is every opportunity's score at every runway of a grid: fine
// steps up to well past the comfortable runway and every first paycheck,
// where the pieces of the score change form, and steps of a percent below
// and beyond them, down to a millionth of a month and up far beyond any
// runway a person has.
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
	for R := top * 1.01; R < 1e13; R *= 1.01 {
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

// roundingTie reports whether the scores of i and j meet within the
// model's tolerance over a stretch of the grid (two neighbouring runways),
// or at its far end, where they converge: the only places a known gap of
// the runway translation shows. Twins, whose scores are equal everywhere,
// are no excuse: the tie-breaks part them.
func (sc *runwayScan) roundingTie(i, j int) bool {
	if slices.Equal(sc.scores[i], sc.scores[j]) {
		return false
	}
	tied := func(k int) bool { return math.Abs(sc.scores[i][k]-sc.scores[j][k]) <= scoreTolerance }
	for k := 1; k < len(sc.grid); k++ {
		if tied(k-1) && tied(k) {
			return true
		}
	}
	return tied(len(sc.grid) - 1)
}

// checkRunwayCrossings holds RunwayCrossings(i, j) against the difference
// of the two scores: each reported crossing is a real swap, and every swap
// the grid sees is reported. It returns how many crossings it checked and
// whether a known gap was excused.
func checkRunwayCrossings(t *testing.T, trial int, sc *runwayScan, i, j int) (int, bool) {
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
	gap := false

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
		if r < noiseRunway {
			gap = true // noise at zero
			continue
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
		if min(math.Abs(below), math.Abs(above)) <= scoreTolerance && sc.roundingTie(i, j) {
			gap = true // a swap beside a tie
			continue
		}
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
			reported := slices.ContainsFunc(got, func(c RunwayCross) bool {
				return math.Abs(c.Months-r) <= 1e-6*max(1, r) && c.AheadAbove == ahead(diff)
			})
			switch {
			case reported:
			case sc.roundingTie(i, j):
				gap = true // a swap beside a tie
			default:
				fail("the scores swap at %v months (%d ahead above), which is not reported", r, ahead(diff))
			}
		}
		last = k
	}
	return len(got), gap
}

// checkRunwayLeaders holds RunwayLeaders against the leader found by
// ranking the scores at a runway: in the middle of each span, just either
// side of each boundary, and at every runway of the grid. It returns how
// many leader changes it checked and whether a known gap was excused.
func checkRunwayLeaders(t *testing.T, trial int, sc *runwayScan) (int, bool) {
	t.Helper()
	s := sc.s
	spans := slices.Clone(s.RunwayLeaders())
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("trial %d, RunwayLeaders = %+v: %s", trial, s.RunwayLeaders(), fmt.Sprintf(format, args...))
	}
	if len(s.Ranked) == 0 {
		if spans != nil {
			fail("spans with nothing ranked")
		}
		return 0, false
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
	}

	// The known gaps: a first span of noise at zero goes, and so does a
	// boundary where the leader stays and the scan sees its score meet
	// another's within rounding.
	gap := false
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		switch {
		case last.To < noiseRunway:
			sp.From, sp.SavingsFrom = 0, 0
			*last, gap = sp, true
		case last.Leader == sp.Leader && slices.ContainsFunc(s.Ranked, func(r Ranked) bool {
			return r.Index != sp.Leader && sc.roundingTie(r.Index, sp.Leader)
		}):
			last.To, last.SavingsTo, gap = sp.To, sp.SavingsTo, true
		default:
			merged = append(merged, sp)
		}
	}
	spans = merged
	leads := func(got, want int, R float64, where string) {
		switch {
		case got == want:
		case sc.roundingTie(got, want):
			gap = true // a swap beside a tie
		default:
			fail("%s (%v months) %d leads, not %d", where, R, got, want)
		}
	}

	for k, sp := range spans {
		if k > 0 && sp.Leader == spans[k-1].Leader {
			fail("spans %d and %d have the same leader", k-1, k)
		}
		mid := (sp.From + sp.To) / 2
		if math.IsInf(sp.To, 1) {
			mid = 2*sp.From + 1
		}
		leads(leaderByRanking(s, mid), sp.Leader, mid, fmt.Sprintf("in the middle of span %d", k))
		if k == 0 {
			continue
		}
		b := sp.From
		h := min(1e-6*b, (b-spans[k-1].From)/4, (sp.To-b)/4)
		leads(leaderByRanking(s, b-h), spans[k-1].Leader, b-h, fmt.Sprintf("just below the change at %v months", b))
		leads(leaderByRanking(s, b+h), sp.Leader, b+h, fmt.Sprintf("just above the change at %v months", b))
	}
	k := 0
	for g, R := range sc.grid {
		for R > spans[k].To {
			k++
		}
		if math.Abs(R-spans[k].From) > 1e-9*R && math.Abs(R-spans[k].To) > 1e-9*R {
			got := leaderBy(s, func(i int) float64 { return sc.scores[i][g] })
			leads(got, spans[k].Leader, R, "on the grid")
		}
	}
	return len(spans) - 1, gap
}

// leaderByRanking is the ranked opportunity with the highest score at
// runway R, ties broken as doc.go says: higher fit, higher relief, name,
// profile order.
func leaderByRanking(s *State, R float64) int {
	return leaderBy(s, func(i int) float64 { return s.ScoreAtRunway(i, R) })
}

// leaderBy is leaderByRanking for the scores given by score.
func leaderBy(s *State, score func(i int) float64) int {
	best, bestScore := -1, 0.0
	for _, r := range s.Ranked {
		score := score(r.Index)
		if best < 0 {
			best, bestScore = r.Index, score
			continue
		}
		a, b := &s.Assessments[r.Index], &s.Assessments[best]
		if c := cmp.Or(cmp.Compare(bestScore, score), cmp.Compare(b.Fit.Value, a.Fit.Value),
			cmp.Compare(b.Relief.Value, a.Relief.Value), strings.Compare(a.Name, b.Name),
			cmp.Compare(a.Index, b.Index)); c < 0 {
			best, bestScore = r.Index, score
		}
	}
	return best
}
