package report

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"mutual/model"
)

// TestBreakEvenWords checks the words the break-evens are said in.
func TestBreakEvenWords(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{Weight(4), "4"},
		{Weight(16.0 / 3), "5.3"},
		{Weight(20.4351), "20.4"},
		{PayText("USD", 57400, "year"), "$57,400 a year"},
		{PayText("USD", 4200, "month"), "$4,200 a month"},
		{PayText("USD", 22.5, "hour"), "$22.50 an hour"},
		{ShareText(0), "0%"},
		{ShareText(1), "100%"},
		{ShareText(0.004), "<1%"},
		{ShareText(0.996), ">99%"},
		{ShareText(0.62), "62%"},
		{FirstShareMethod(model.FirstShares{Exact: true, Outcomes: 125}), "exact, over 125 outcomes"},
		{FirstShareMethod(model.FirstShares{Outcomes: 4000, StandardError: 0.0079}), "4,000 draws with a fixed seed, within ±0.8 points (one standard error)"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestFitTextWidth: the ranking's measure of a fit text is the text's
// width, with and without an interval, at every number of digits.
func TestFitTextWidth(t *testing.T) {
	for _, f := range []model.Fit{{Value: 5, Low: 5, High: 5}, {Value: 44.7, Low: 44.7, High: 44.7}, {Value: 100, Low: 100, High: 100},
		{Value: 78.75, Low: 72.5, High: 85}, {Value: 50, Low: 0, High: 100}, {Value: 9.96, Low: 9.9, High: 10.04}, {Value: 3, Low: 2.96, High: 3.04},
		{Value: 5, Low: math.Copysign(0, -1), High: 0}, {Value: 5, Low: 0, High: math.Copysign(0, -1)}} {
		if got, want := FitTextWidth(f), Width(FitText(f)); got != want {
			t.Errorf("%+v: width %d, want %d (%q)", f, got, want, FitText(f))
		}
	}
	// Around every place a digit or a sign comes or goes, and anywhere.
	rng := rand.New(rand.NewPCG(7, 7))
	edges := []float64{0, 9.95, 99.95, 999.95, 9999.95, 10, 100, 1000}
	number := func() float64 {
		switch rng.IntN(4) {
		case 0:
			return edges[rng.IntN(len(edges))] + (rng.Float64()-0.5)*1e-9
		case 1:
			return edges[rng.IntN(len(edges))] + (rng.Float64()-0.5)*0.3
		case 2:
			return math.Copysign(0, -1)
		}
		return (rng.Float64() - 0.1) * 1200
	}
	for range 20000 {
		f := model.Fit{Value: number(), Low: number(), High: number()}
		if rng.IntN(3) == 0 {
			f.High = f.Low + (rng.Float64()-0.5)*0.25
		}
		if got, want := FitTextWidth(f), Width(FitText(f)); got != want {
			t.Fatalf("%+v: width %d, want %d (%q)", f, got, want, FitText(f))
		}
	}
}

// TestFlipWeight holds the weight a flip is shown at to the safe side of
// it: at the figure printed the other leads, and it never reads as the
// weight now.
func TestFlipWeight(t *testing.T) {
	cases := []struct {
		weight, now float64
		up          bool
		want        string
	}{
		{0.25, 0, true, "0.25"},       // one decimal said 0.2, where the leader still leads
		{2.0 / 3, 2, false, "0.666"},  // one decimal said 0.7
		{20.4351, 5, true, "20.5"},    // above: rounded up
		{3.998, 4, false, "3.99"},     // below and close: not "below 4"
		{3.9999, 4, false, "3.99"},    // still not "below 4"
		{5.001, 5.04, false, "5.001"}, // more figures where three would read as the weight now (5)
		{16.0 / 3, 5, true, "5.34"},   // the textbook case's 16/3
		{6.3, 4, true, "6.3"},         // exact figures stay as they are
		{0, 2, false, "0"},            // a flip at zero
		{1234.56, 5, true, "1240"},    // three figures of a large one
		{3, 3, true, "3.01"},          // a tie at the weight now: the next figure above
		{4, 4, false, "3.99"},         // and below
	}
	for _, c := range cases {
		got := FlipWeight(model.WeightFlip{Weight: c.weight, Now: c.now, Up: c.up})
		if got != c.want {
			t.Errorf("FlipWeight(%v, now %v, up %v) = %q, want %q", c.weight, c.now, c.up, got, c.want)
		}
		v, _ := strconv.ParseFloat(got, 64)
		if c.up && v < c.weight || !c.up && v > c.weight {
			t.Errorf("FlipWeight(%v) = %s is on the wrong side of the flip", c.weight, got)
		}
	}
}

// TestMoneyGap: a change less than one unit of money away is said in
// cents, not as "$0 more".
func TestMoneyGap(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0.31, "$0.31"}, {-0.31, "$0.31"}, {0, "$0"}, {2323.6, "$2,324"}, {1, "$1"}} {
		if got := MoneyGap("USD", c.v); got != c.want {
			t.Errorf("MoneyGap(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestShortReasons: the ranking's reasons in the fewest words, one a flag.
func TestShortReasons(t *testing.T) {
	a := &model.Assessment{Flags: []model.Flag{
		{Priority: "manager", Rating: model.Rating{Low: 1, High: 1}, AtLeast: 2, Veto: true},
		{Priority: "env", Rating: model.Rating{Low: 1, High: 5}, From: model.FromUnknown, AtLeast: 3},
		{Priority: "pay", Rating: model.Rating{Low: 1, High: 3}, AtLeast: 2},
	}, FollowUp: &model.FollowUp{Days: 12}}
	got := strings.Join(ShortReasons(a), "; ")
	if want := "manager 1, needs 2; env not rated; pay 1–3, needs 2; follow up: 12 days quiet"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := ShortReasons(&model.Assessment{}); got == nil || len(got) != 0 {
		t.Errorf("no flags: %#v", got)
	}
}
