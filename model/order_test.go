package model

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestOrderIsTheStableSort checks the ranking's quick path against the
// stable sort it stands in for, on opportunities whose scores crowd
// within scoreTolerance of each other (so that the comparison is not a
// strict order, and runs of near ties are long), tie on fit and relief,
// and share names.
func TestOrderIsTheStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	quick := 0
	const trials = 3000
	for trial := range trials {
		n := 1 + r.IntN(60)
		as := make([]Assessment, n)
		idx := make([]int, n)
		for i := range as {
			fit := float64(r.IntN(6)) * 10
			relief := float64(r.IntN(4)) * 10
			switch r.IntN(3) {
			case 0:
				fit += float64(r.IntN(5)) * 4e-10 // near ties, a chain of them
			case 1:
				relief += float64(r.IntN(3)) * 7e-10
			}
			as[i] = Assessment{Index: i, Name: "o" + strconv.Itoa(r.IntN(4)), Fit: Fit{Value: fit}, Relief: Relief{Value: relief}}
			idx[i] = i
		}
		r.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		u := float64(r.IntN(5)) / 4
		s := &State{Assessments: as}
		got := s.order(idx, u)
		probe := make([]Ranked, n)
		for k, i := range idx {
			probe[k] = Ranked{Index: i, Score: as[i].Score(u)}
		}
		if orderByScore(probe, slices.Clone(probe), func(x, y Ranked) int {
			return compareBetter(&as[x.Index], &as[y.Index], x.Score, y.Score, true)
		}) {
			quick++
		}
		want := make([]Ranked, n)
		for k, i := range idx {
			want[k] = Ranked{Index: i, Score: as[i].Score(u)}
		}
		slices.SortStableFunc(want, func(x, y Ranked) int {
			return compareBetter(&as[x.Index], &as[y.Index], x.Score, y.Score, true)
		})
		for k := range want {
			want[k].Rank = k + 1
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: order %v, the stable sort %v", trial, got, want)
		}
		// Started from another order (the last one, reversed, shuffled)
		// or from a hint that is not the same opportunities, the same.
		hints := [][]Ranked{got, slices.Clone(got), slices.Clone(got), append(slices.Clone(got), got[0]), got[1:]}
		slices.Reverse(hints[1])
		r.Shuffle(n, func(i, j int) { hints[2][i], hints[2][j] = hints[2][j], hints[2][i] })
		if n > 1 {
			hints = append(hints, append(slices.Clone(got[1:]), got[1]))
		}
		for h, hint := range hints {
			if from := s.orderFrom(idx, u, hint); !slices.Equal(from, want) {
				t.Fatalf("trial %d, hint %d: order %v, the stable sort %v", trial, h, from, want)
			}
		}
		// A hint naming one that is not among those ordered.
		if n > 2 {
			some := slices.DeleteFunc(slices.Clone(idx), func(i int) bool { return i == got[0].Index })
			hint := slices.Clone(got[1:])
			hint[len(hint)/2] = got[0]
			if from, want := s.orderFrom(some, u, hint), s.order(slices.Clone(some), u); !slices.Equal(from, want) {
				t.Fatalf("trial %d, a hint of others: order %v, not %v", trial, from, want)
			}
		}
	}
	// Both ways must have been taken for the check to mean anything.
	if quick == 0 || quick == trials {
		t.Fatalf("the quick way was taken %d times in %d", quick, trials)
	}
	t.Logf("the quick way was taken %d times in %d", quick, trials)
}
