package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTopByValueIsTheStableSort checks the one-pass pick of the best few
// against the stable sort it stands in for, on values that tie, signed
// zeros and NaNs among them.
func TestTopByValueIsTheStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	pool := []float64{-1, 0, math.Copysign(0, -1), 1, 2, 2.5, math.Inf(1), math.Inf(-1), math.NaN()}
	for trial := range 20000 {
		values := make([]float64, r.IntN(12))
		for k := range values {
			if trial%3 == 0 {
				values[k] = pool[r.IntN(len(pool))]
			} else {
				values[k] = pool[r.IntN(len(pool)-1)] // no NaN: the one-pass way
			}
		}
		n := 1 + r.IntN(5)
		idx := make([]int, len(values))
		for k := range idx {
			idx[k] = k
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case values[a] > values[b]:
				return -1
			case values[a] < values[b]:
				return 1
			}
			return 0
		})
		want := idx[:min(n, len(idx))]
		if got := topByValue(values, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d: top %d of %v: %v, the stable sort %v", trial, n, values, got, want)
		}
	}
}
