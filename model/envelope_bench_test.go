package model

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkLeaderEnvelope shows that leader changes cost O(n log n): the
// time per n·log n stays flat from a thousand lines to a hundred thousand.
// bench/run.sh prints it that way.
func BenchmarkLeaderEnvelope(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		as, idx := randomLines(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				leaderEnvelope(as, idx)
			}
		})
	}
}

// randomLines are n assessments with fit and relief spread over 0..100,
// as a big pipeline has them.
func randomLines(n int) ([]Assessment, []int) {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	as := make([]Assessment, n)
	idx := make([]int, n)
	for i := range as {
		as[i] = Assessment{Index: i, Name: "opportunity " + strconv.Itoa(i),
			Fit: Fit{Value: r.Float64() * 100}, Relief: Relief{Value: r.Float64() * 100}}
		idx[i] = i
	}
	return as, idx
}

// BenchmarkWithUrgency is the model's part of a what-if: re-rank 2,000
// opportunities at another urgency.
func BenchmarkWithUrgency(b *testing.B) {
	as, _ := randomLines(2000)
	s := &State{Assessments: as, Urgency: Urgency{Value: 0.5, Source: SourceDerived}}
	s.rank()
	u := 0.0
	b.ReportAllocs()
	for b.Loop() {
		u += 0.05
		if u > 1 {
			u = 0
		}
		s.WithUrgency(u, SourceWhatIf)
	}
}

// TestLeaderEnvelopeAgainstRanking checks the envelope and the ranking
// against the order doc.go states under "Ties", worked out afresh at
// every urgency that matters, on random lines many of them tied or nearly
// tied in fit, relief, slope and name.
func TestLeaderEnvelopeAgainstRanking(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	trials := 3000
	if testing.Short() {
		trials = 300
	}
	changes := 0
	for trial := range trials {
		as, idx := tiedLines(r)
		lcs := checkEnvelope(t, trial, as, idx)
		changes += len(lcs)
		us := []float64{0, 0.25, 0.5, 1, r.Float64()}
		for _, c := range lcs {
			us = append(us, c.Urgency, c.Urgency-1e-7, c.Urgency+1e-7)
		}
		// Where two lines cross, their scores tie and only the rest of
		// the order decides.
		crossings := crossingUrgencies(as, idx)
		for range min(10, len(crossings)) {
			us = append(us, crossings[r.IntN(len(crossings))])
		}
		s := &State{Assessments: as}
		for _, u := range us {
			got := s.order(slices.Clone(idx), u)
			want := docRanking(as, idx, u)
			for k := range got {
				if got[k].Index != want[k] || got[k].Rank != k+1 || !near(got[k].Score, docScore(&as[want[k]], u)) {
					t.Fatalf("trial %d, urgency %v: order %v, the documented order %v", trial, u, got, want)
				}
			}
		}
	}
	as, idx := randomLines(300)
	changes += len(checkEnvelope(t, trials, as, idx))
	if changes < trials/2 {
		t.Fatalf("only %d leader changes in %d trials: the test compares too little", changes, trials)
	}
}

// tiedLines are up to 60 random lines, most of them on a coarse grid of
// fit and relief so that they tie, are parallel or cross at one point,
// some a hair apart, with three names between them; about one in eight is
// left out of the lines ranked.
func tiedLines(r *rand.Rand) ([]Assessment, []int) {
	coarse := func() float64 { return float64(r.IntN(5)) * 25 }
	n := 1 + r.IntN(60)
	as := make([]Assessment, n)
	idx := make([]int, 0, n)
	for i := range as {
		fit, relief := coarse(), coarse()
		if r.IntN(3) == 0 {
			fit, relief = r.Float64()*100, r.Float64()*100
		}
		if r.IntN(5) == 0 {
			fit += 1e-10 // within the score tolerance
		}
		as[i] = Assessment{Index: i, Name: string(rune('a' + r.IntN(3))), Fit: Fit{Value: fit}, Relief: Relief{Value: relief}}
		if r.IntN(8) != 0 {
			idx = append(idx, i)
		}
	}
	return as, idx
}

// checkEnvelope compares leaderEnvelope(as, idx) with who leads by brute
// force: every leader change is where two lines cross, so between
// consecutive crossings one opportunity leads throughout, and ranking at
// the middle of each stretch finds it. It returns the leader changes it
// checked.
func checkEnvelope(t *testing.T, trial int, as []Assessment, idx []int) []LeaderChange {
	t.Helper()
	segs, changes := leaderEnvelope(as, idx)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("trial %d: %s\nsegments %v\nchanges %v", trial, fmt.Sprintf(format, args...), segs, changes)
	}
	if len(idx) == 0 {
		if segs != nil || changes != nil {
			fail("segments or changes with nothing ranked")
		}
		return nil
	}

	// The segments cover 0..1 in order, each with a leader of its own.
	if len(segs) == 0 || segs[0].From != 0 || segs[len(segs)-1].To != 1 {
		fail("the segments do not cover 0..1")
	}
	for k, sg := range segs {
		if !(sg.From < sg.To) || !slices.Contains(idx, sg.Index) {
			fail("segment %d is empty or its leader is not ranked", k)
		}
		if k > 0 && (sg.Index == segs[k-1].Index || math.Abs(sg.From-segs[k-1].To) > segmentEpsilon) {
			fail("segments %d and %d do not meet or have the same leader", k-1, k)
		}
	}

	// Brute force: rank exactly, with no tolerance, in the middle of
	// every stretch between crossings. Stretches of rounding noise are
	// not held against the envelope, which drops them.
	s := &State{Envelope: segs}
	cuts := append([]float64{0, 1}, crossingUrgencies(as, idx)...)
	slices.Sort(cuts)
	for k := 1; k < len(cuts); k++ {
		lo, hi := cuts[k-1], cuts[k]
		if hi-lo < 10*segmentEpsilon {
			continue
		}
		mid := (lo + hi) / 2
		want := docLeader(as, idx, mid, 0)
		if got := s.LeaderAt(mid); got != want {
			fail("between crossings at %v and %v the leader is %d, the envelope says %d", lo, hi, want, got)
		}
	}

	// Each change is where the two leaders' lines meet; just below it the
	// old one leads, just above it the new one. At the change itself the
	// ranking, which counts scores within the tolerance as equal, still
	// shows the old one.
	if len(changes) != len(segs)-1 {
		fail("%d changes for %d segments", len(changes), len(segs))
	}
	for k, c := range changes {
		below, above := segs[k], segs[k+1]
		if c.From != below.Index || c.To != above.Index || c.Urgency != above.From {
			fail("change %d does not join segments %d and %d", k, k, k+1)
		}
		u := c.Urgency
		if sf, st := docScore(&as[c.From], u), docScore(&as[c.To], u); !near(sf, st) || !near(c.Score, st) {
			fail("at change %d (urgency %v) the scores are %v and %v, the change says %v", k, u, sf, st, c.Score)
		}
		h := min(1e-7, (u-below.From)/4, (above.To-u)/4)
		if got := docLeader(as, idx, u-h, 0); got != c.From {
			fail("just below change %d (urgency %v) %d leads, not %d", k, u-h, got, c.From)
		}
		if got := docLeader(as, idx, u+h, 0); got != c.To {
			fail("just above change %d (urgency %v) %d leads, not %d", k, u+h, got, c.To)
		}
		if got := docLeader(as, idx, u, scoreTolerance); got != c.From {
			fail("at change %d (urgency %v) the ranking shows %d first, not the old leader %d", k, u, got, c.From)
		}
	}
	return changes
}

// crossingUrgencies are the urgencies strictly inside 0..1 where two of
// the lines cross, in no particular order.
func crossingUrgencies(as []Assessment, idx []int) []float64 {
	var out []float64
	for x, i := range idx {
		for _, j := range idx[x+1:] {
			// (1−u)·Δfit + u·Δrelief = 0
			df, dr := as[i].Fit.Value-as[j].Fit.Value, as[i].Relief.Value-as[j].Relief.Value
			if df == dr {
				continue // parallel
			}
			if u := df / (df - dr); u > 0 && u < 1 {
				out = append(out, u)
			}
		}
	}
	return out
}

// docScore is the score line of doc.go: (1 − u)·fit + u·relief.
func docScore(a *Assessment, u float64) float64 { return (1-u)*a.Fit.Value + u*a.Relief.Value }

// docCompare is the order doc.go states under "Ties", written out as the
// tuple it is: higher score first, where scores within tolerance of each
// other are equal, then higher fit, higher relief (within tieTolerance
// equal), name, profile order.
func docCompare(a, b *Assessment, u, tolerance float64) int {
	byScore := 0
	if sa, sb := docScore(a, u), docScore(b, u); math.Abs(sa-sb) > tolerance {
		byScore = cmp.Compare(sb, sa)
	}
	tied := func(x, y float64) int {
		if math.Abs(x-y) > tieTolerance {
			return cmp.Compare(y, x)
		}
		return 0
	}
	return cmp.Or(byScore,
		tied(a.Fit.Value, b.Fit.Value),
		tied(a.Relief.Value, b.Relief.Value),
		strings.Compare(a.Name, b.Name),
		cmp.Compare(a.Index, b.Index))
}

// docRanking ranks idx at urgency u by docCompare with the model's score
// tolerance, with a plain comparator sort.
func docRanking(as []Assessment, idx []int, u float64) []int {
	out := slices.Clone(idx)
	slices.SortFunc(out, func(i, j int) int { return docCompare(&as[i], &as[j], u, scoreTolerance) })
	return out
}

// docLeader is the first of idx at urgency u by docCompare with the given
// tolerance.
func docLeader(as []Assessment, idx []int, u, tolerance float64) int {
	best := idx[0]
	for _, i := range idx[1:] {
		if docCompare(&as[i], &as[best], u, tolerance) < 0 {
			best = i
		}
	}
	return best
}

// TestEnvelopeOfReachersIsTheWholeEnvelope: the lines reachFloor leaves out
// change neither a segment nor a leader change, on random lines most of
// them tied, parallel or a hair apart; and it does leave lines out.
func TestEnvelopeOfReachersIsTheWholeEnvelope(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 12))
	trials := 3000
	if testing.Short() {
		trials = 300
	}
	left := 0
	for trial := range trials {
		as, idx := tiedLines(r)
		if len(idx) == 0 {
			continue
		}
		lines := make([]scoreLine, len(idx))
		for k, i := range idx {
			a := &as[i]
			lines[k] = scoreLine{fit: a.Fit.Value, relief: a.Relief.Value, slope: a.Relief.Value - a.Fit.Value, index: i}
		}
		wantSegs, wantChanges := envelopeOf(as, idx, slices.Clone(lines))
		if floor, ok := reachFloor(as, idx); ok {
			for _, l := range lines {
				if max(l.fit, l.relief) < floor {
					left++
				}
			}
		}
		gotSegs, gotChanges := leaderEnvelope(as, idx)
		if !slices.Equal(gotSegs, wantSegs) || !slices.Equal(gotChanges, wantChanges) {
			t.Fatalf("trial %d: from the lines that reach %v %v, from every line %v %v", trial, gotSegs, gotChanges, wantSegs, wantChanges)
		}
	}
	if left < trials {
		t.Fatalf("reachFloor left out only %d lines in %d trials: the test compares too little", left, trials)
	}
}
