package profiles

import (
	"errors"
	"strings"
	"testing"
)

// TestRatingRanges: a range of two finite numbers in order loads as it is
// (read without building its elements' paths), and each bad one is still
// reported at its line: backwards, not finite at either end, not numbers.
func TestRatingRanges(t *testing.T) {
	const head = "version = 1\n[situation]\nsavings = 1\nmonthly_expenses = 1\n[[priority]]\nid = \"craft\"\n[[opportunity]]\nname = \"a\"\nstage = \"lead\"\n[opportunity.ratings]\n"
	for _, c := range []struct {
		name, rating, want string
		low, high          float64
	}{
		{name: "in order", rating: "craft = [2, 4]", low: 2, high: 4},
		{name: "floats", rating: "craft = [2.5, 3.5]", low: 2.5, high: 3.5},
		{name: "equal ends", rating: "craft = [3, 3.0]", low: 3, high: 3},
		{name: "backwards", rating: "craft = [4, 2]", want: "runs backwards"},
		{name: "nan low", rating: "craft = [nan, 4]", want: "finite"},
		{name: "inf high", rating: "craft = [2, inf]", want: "finite"},
		{name: "a string", rating: "craft = [2, \"4\"]", want: "two numbers"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, err := Parse("p.toml", []byte(head+c.rating+"\n"))
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				r := l.Profile.Opportunities[0].Ratings["craft"]
				if r.Low != c.low || r.High != c.high {
					t.Fatalf("rating %+v, want [%v, %v]", r, c.low, c.high)
				}
				return
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("no error: %v", err)
			}
			for _, d := range pe.Diagnostics {
				if !d.Warning && strings.Contains(d.Message, c.want) {
					if d.Line != 11 {
						t.Fatalf("%q at line %d, want 11", d.Message, d.Line)
					}
					return
				}
			}
			t.Fatalf("no error saying %q: %v", c.want, err)
		})
	}
}
