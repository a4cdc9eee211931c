package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// quantEcon is the McCall example of the QuantEcon lectures: wages
// linspace(10, 60, 51) drawn from BetaBinomial(n = 50, a = 200, b = 100),
// β = 0.99, an offer every period, jobs for good.
func quantEcon() Search {
	wages := make([]float64, 51)
	for i := range wages {
		wages[i] = 10 + float64(i)
	}
	return Search{Offers: Offers{Values: wages, Probs: BetaBinomial(50, 200, 100)}, Discount: 0.99, Arrival: 1, Keep: 1}
}

func constant(c float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = c
	}
	return out
}

func TestQuantEconReservationWage(t *testing.T) {
	s := quantEcon()
	// The published reservation wage for c = 25.
	if got, want := s.Stationary(25), 47.31649976662901; math.Abs(got-want) > 1e-6 {
		t.Errorf("reservation wage %.12f, want %.12f", got, want)
	}
	path := s.Deadline(constant(25, 2001))
	cases := []struct {
		name string
		k    int
		want float64
		tol  float64
	}{
		{"one period left: (1 − β)c + β·E[w]", 1, 43.15, 1e-9},
		{"ten periods left", 10, 46.812061, 1e-6},
		{"converges to the stationary wage", 2000, 47.3165, 1e-4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := path.Reservations[c.k]; math.Abs(got-c.want) > c.tol {
				t.Errorf("w_%d = %.9f, want %.9f", c.k, got, c.want)
			}
		})
	}
	if !math.IsInf(path.Reservations[0], -1) {
		t.Errorf("w_0 = %v, want −Inf: with no periods left any offer is taken", path.Reservations[0])
	}
	if got := path.Reservations[2000]; math.Abs(got-s.Stationary(25)) > 1e-6 {
		t.Errorf("w_2000 = %v does not meet the stationary wage %v", got, s.Stationary(25))
	}
}

func TestBetaBinomial(t *testing.T) {
	cases := []struct {
		name       string
		n          int
		a, b, mean float64
	}{
		{"QuantEcon's", 50, 200, 100, 50 * 200.0 / 300},
		{"uniform when a = b = 1", 10, 1, 1, 5},
		{"skewed", 100, 0.5, 3, 100 * 0.5 / 3.5},
		{"large shapes", 100, 1e5, 2e5, 100.0 / 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := BetaBinomial(c.n, c.a, c.b)
			sum, mean := 0.0, 0.0
			for k, q := range p {
				if q < 0 || math.IsNaN(q) {
					t.Fatalf("P(%d) = %v", k, q)
				}
				sum += q
				mean += float64(k) * q
			}
			if math.Abs(sum-1) > 1e-9 || math.Abs(mean-c.mean) > 1e-7 {
				t.Errorf("sum %v mean %v, want 1 and %v", sum, mean, c.mean)
			}
		})
	}
	if p := BetaBinomial(10, 1, 1); math.Abs(p[3]-1.0/11) > 1e-12 {
		t.Errorf("a = b = 1 should be uniform over 0..10, P(3) = %v", p[3])
	}
}

// randomSearch is a random problem: a handful of offers, any discount,
// arrival and keep.
func randomSearch(rng *rand.Rand) Search {
	n := 1 + rng.IntN(12)
	s := Search{Discount: 0.5 + 0.49*rng.Float64(), Arrival: rng.Float64(), Keep: 0.01 + 0.99*rng.Float64()}
	if rng.IntN(4) == 0 {
		s.Arrival, s.Keep = 1, 1
	}
	total := 0.0
	for range n {
		s.Offers.Values = append(s.Offers.Values, rng.Float64()*100)
		q := rng.Float64()
		s.Offers.Probs = append(s.Offers.Probs, q)
		total += q
	}
	for i := range s.Offers.Probs {
		s.Offers.Probs[i] /= total
	}
	return s
}

func TestPropertyMorePeriodsNeverLowerTheReservation(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for trial := range 500 {
		s := randomSearch(rng)
		// A flow that never falls as more periods are left.
		comp := make([]float64, 2+rng.IntN(40))
		for k := range comp {
			if k > 0 {
				comp[k] = comp[k-1] + rng.Float64()*3*float64(rng.IntN(2))
			}
		}
		path := s.Deadline(comp)
		for k := 1; k < len(comp); k++ {
			if path.Reservations[k] < path.Reservations[k-1]-1e-9 {
				t.Fatalf("trial %d: w_%d = %v < w_%d = %v", trial, k, path.Reservations[k], k-1, path.Reservations[k-1])
			}
		}
		if path.Reservations[1] < path.Broke-1e-9 {
			t.Fatalf("trial %d: one period left (%v) is worth less than none (%v)", trial, path.Reservations[1], path.Broke)
		}
		prev := path.Value(0)
		for r := 0.05; r < float64(len(comp))+1; r += 0.05 {
			v := path.Value(r)
			if v < prev-1e-9 {
				t.Fatalf("trial %d: value at %v (%v) below the value just before (%v)", trial, r, v, prev)
			}
			prev = v
		}
	}
}

func TestPropertyDeadlineApproachesStationary(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for trial := range 200 {
		s := randomSearch(rng)
		c := rng.Float64() * 60
		w := s.Stationary(c)
		if got := s.step(c, w, w); math.Abs(got-w) > 1e-9 {
			t.Fatalf("trial %d: the stationary wage %v is not a fixed point (%v)", trial, w, got)
		}
		path := s.Deadline(constant(c, 3000))
		if got := path.Reservations[2999]; math.Abs(got-w) > 1e-6*math.Max(1, w) {
			t.Fatalf("trial %d (β %v): after 2999 periods %v, stationary %v", trial, s.Discount, got, w)
		}
	}
}

// TestOnTheJobReservationAnchor reproduces the textbook reservation wage
// of search on the job (issue 22.5): F = U[0, 1], b = 0.2, r = 0.05,
// δ = 0.1, λ0 = 1; λ1 = 0, 0.25, 0.5 and 1 give 0.637652, 0.546806,
// 0.442457 and exactly b. And the shape: it falls as λ1 rises to λ0.
func TestOnTheJobReservationAnchor(t *testing.T) {
	for _, c := range []struct{ lambda1, want float64 }{{0, 0.637652}, {0.25, 0.546806}, {0.5, 0.442457}, {1, 0.2}} {
		got := OnTheJobReservation(0.2, 0.05, 0.1, 1, c.lambda1)
		if math.Abs(got-c.want) > 5e-7 {
			t.Errorf("λ1 = %v: R = %.7f, want %v", c.lambda1, got, c.want)
		}
	}
	if got := OnTheJobReservation(0.2, 0.05, 0.1, 1, 1); math.Abs(got-0.2) > 1e-12 {
		t.Errorf("λ1 = λ0: R = %.15f, want exactly b = 0.2", got)
	}
	prev := math.Inf(1)
	for k := 0; k <= 100; k++ {
		R := OnTheJobReservation(0.2, 0.05, 0.1, 1, float64(k)/100)
		if R > prev+1e-12 {
			t.Fatalf("λ1 = %v: R = %v rose from %v", float64(k)/100, R, prev)
		}
		prev = R
	}
}
