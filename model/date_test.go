package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestDateArithmeticAgainstTime checks the day counting of Date against
// time.Time, which it stands in for: random dates, valid or to be
// normalised, near each other and centuries apart, and the calendar's
// ends.
func TestDateArithmeticAgainstTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300_000 {
		d := Date{r.IntN(10050) - 20, time.Month(r.IntN(14)), r.IntN(33)}
		e := Date{r.IntN(10050) - 20, time.Month(r.IntN(14)), r.IntN(33)}
		if n%2 == 0 {
			e = Date{d.Year + r.IntN(5) - 2, time.Month(r.IntN(13) + 1), r.IntN(31) + 1}
		}
		k := r.IntN(200_000) - 100_000
		if n%3 == 0 {
			k = r.IntN(2000) - 1000
		}
		if got, want := d.DaysUntil(e), int(e.time().Sub(d.time()).Hours()/24); got != want {
			t.Fatalf("%#v until %#v: %d days, time.Time says %d", d, e, got, want)
		}
		if got, want := d.AddDays(k), DateOf(d.time().AddDate(0, 0, k)); got != want {
			t.Fatalf("%#v + %d days: %#v, time.Time says %#v", d, k, got, want)
		}
		if got, want := d.Before(e), d.time().Before(e.time()); got != want {
			t.Fatalf("%#v before %#v: %v, time.Time says %v", d, e, got, want)
		}
	}
	for _, d := range []Date{{1, 1, 1}, {9999, 12, 31}} {
		z, _ := d.dayNumber()
		if dateOfDay(z) != d {
			t.Errorf("%v: day %d is %v", d, z, dateOfDay(z))
		}
	}
}
