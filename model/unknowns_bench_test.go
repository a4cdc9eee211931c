package model

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkFirstShares is every first_share on the 2,000 × 30 profile, as
// rank's JSON and the dashboard's ranking ask for them: worked out afresh
// each time, as a new state works them out once.
func BenchmarkFirstShares(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.firstSharesWith(firstShareExactLimit)
	}
}

// BenchmarkFirstSharesSmall is the same on a profile of ten.
func BenchmarkFirstSharesSmall(b *testing.B) {
	s, err := Evaluate(benchProfile(10, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.firstSharesWith(firstShareExactLimit)
	}
}

// BenchmarkQuestionsRandom is the questions, with their first_share moves,
// on small random profiles like the tests'.
func BenchmarkQuestionsRandom(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var states []*State
	for range 50 {
		s, err := Evaluate(randomProfile(rng, 8), Request{Today: today})
		if err != nil {
			b.Fatal(err)
		}
		states = append(states, s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range states {
			Questions(s)
		}
	}
}
