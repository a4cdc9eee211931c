package model

import (
	"math/rand/v2"
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
