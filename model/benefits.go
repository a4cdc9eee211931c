package model

// This file extends McCall's search (search.go) with benefits that stop:
// the anchor that decide's handling of a dated income is checked against.
// With k periods of benefits left the searcher receives paid while
// searching this period, and once they are gone only after; the
// reservation with none left is the stationary one at after:
//
//	w̄_0 = Stationary(after)
//	w̄_k = (1 − β)·paid + β·[λ·Σ q(x)·max(accept(x), w̄_{k−1}) + (1 − λ)·w̄_{k−1}]
//
// On QuantEcon's example (wages 10..60, BetaBinomial(50, 200, 100),
// β = 0.99, benefits of 25 that stop, nothing after) w̄_0 = 45.966001,
// w̄_1 = 46.216001, w̄_13 = 47.158197, w̄_26 = 47.290801, rising to the
// published 47.316499766 as the benefits last longer: more months of
// benefits left never make the searcher less choosy.

// BenefitsThatStop is the reservation with k = 0..periods periods of
// benefits left: paid a period while they last, after once they stop.
func (s Search) BenefitsThatStop(paid, after float64, periods int) []float64 {
	out := make([]float64, periods+1)
	out[0] = s.Stationary(after)
	for k := 1; k <= periods; k++ {
		out[k] = s.step(paid, out[k-1], out[k-1])
	}
	return out
}
