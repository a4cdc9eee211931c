package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
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

// TestLeaderEnvelopeMatchesBruteForce checks the envelope against the
// leader found by ranking every opportunity at many urgencies, on the
// random lines the benchmark uses.
func TestLeaderEnvelopeMatchesBruteForce(t *testing.T) {
	as, idx := randomLines(300)
	segs, _ := leaderEnvelope(as, idx)
	s := &State{Envelope: segs}
	for k := 0; k <= 1000; k++ {
		u := float64(k) / 1000
		best := idx[0]
		for _, i := range idx[1:] {
			if better(&as[i], &as[best], u) {
				best = i
			}
		}
		if got := s.LeaderAt(u); got != best && as[got].Score(u) < as[best].Score(u)-1e-9 {
			t.Fatalf("at urgency %v the envelope says %d (score %v), brute force %d (score %v)", u, got, as[got].Score(u), best, as[best].Score(u))
		}
	}
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

// leaderEnvelopeBefore and orderBefore are the envelope and the ranking as
// they were before they were made faster, kept to prove that the answers
// did not change.
func leaderEnvelopeBefore(as []Assessment, idx []int) ([]Segment, []LeaderChange) {
	if len(idx) == 0 {
		return nil, nil
	}
	lines := make([]int, len(idx))
	copy(lines, idx)
	slope := func(i int) float64 { return as[i].Relief.Value - as[i].Fit.Value }
	sort.Slice(lines, func(x, y int) bool {
		a, b := &as[lines[x]], &as[lines[y]]
		if sa, sb := slope(a.Index), slope(b.Index); sa != sb {
			return sa < sb
		}
		return better(a, b, 0)
	})
	needed := func(a, b, c int) bool {
		fa, fb, fc := as[a].Fit.Value, as[b].Fit.Value, as[c].Fit.Value
		sa, sb, sc := as[a].Relief.Value-fa, as[b].Relief.Value-fb, as[c].Relief.Value-fc
		return (fa-fc)*(sb-sa) > (fa-fb)*(sc-sa)
	}
	meet := func(a, b *Assessment) float64 {
		df := a.Fit.Value - b.Fit.Value
		dr := a.Relief.Value - b.Relief.Value
		return df / (df - dr)
	}
	hull := make([]int, 0, len(lines))
	for k, i := range lines {
		if k > 0 && slope(i) == slope(lines[k-1]) {
			continue
		}
		for len(hull) >= 2 && !needed(hull[len(hull)-2], hull[len(hull)-1], i) {
			hull = hull[:len(hull)-1]
		}
		hull = append(hull, i)
	}
	var segs []Segment
	lo := math.Inf(-1)
	for k, i := range hull {
		hi := math.Inf(1)
		if k+1 < len(hull) {
			hi = meet(&as[i], &as[hull[k+1]])
		}
		from, to := math.Max(lo, 0), math.Min(hi, 1)
		lo = hi
		if to-from <= segmentEpsilon {
			continue
		}
		if n := len(segs); n > 0 && segs[n-1].Index == i {
			segs[n-1].To = to
			continue
		}
		segs = append(segs, Segment{From: from, To: to, Index: i})
	}
	if len(segs) == 0 {
		best := idx[0]
		for _, i := range idx[1:] {
			if better(&as[i], &as[best], 0) {
				best = i
			}
		}
		segs = []Segment{{From: 0, To: 1, Index: best}}
	}
	segs[0].From, segs[len(segs)-1].To = 0, 1
	changes := make([]LeaderChange, 0, len(segs)-1)
	for k := 1; k < len(segs); k++ {
		u := segs[k].From
		changes = append(changes, LeaderChange{Urgency: u, From: segs[k-1].Index, To: segs[k].Index,
			Score: as[segs[k].Index].Score(u)})
	}
	return segs, changes
}

func orderBefore(as []Assessment, idx []int, u float64) []int {
	idx = slices.Clone(idx)
	sort.SliceStable(idx, func(i, j int) bool { return better(&as[idx[i]], &as[idx[j]], u) })
	return idx
}

// TestFasterRankingUnchanged compares the envelope and the ranking with
// the versions above on random lines, many of them tied or nearly tied in
// fit, relief, slope and name.
func TestFasterRankingUnchanged(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	coarse := func() float64 { return float64(r.IntN(5)) * 25 }
	for trial := range 3000 {
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
		segs, changes := leaderEnvelope(as, idx)
		wantSegs, wantChanges := leaderEnvelopeBefore(as, idx)
		if !reflect.DeepEqual(segs, wantSegs) || !reflect.DeepEqual(changes, wantChanges) {
			t.Fatalf("trial %d: envelope %v %v, before %v %v", trial, segs, changes, wantSegs, wantChanges)
		}
		for _, u := range []float64{0, 0.25, 0.5, r.Float64(), 1} {
			s := &State{Assessments: as}
			got := s.order(slices.Clone(idx), u)
			want := orderBefore(as, idx, u)
			for k := range got {
				if got[k].Index != want[k] || got[k].Rank != k+1 || got[k].Score != as[want[k]].Score(u) {
					t.Fatalf("trial %d, urgency %v: order %v, before %v", trial, u, got, want)
				}
			}
		}
	}
}
