package report

import "testing"

// TestSpanWords: a bridge's time in the job reads as a person would say
// it, at every length (62 days once ran off the end of the words).
func TestSpanWords(t *testing.T) {
	for days, want := range map[int]string{1: "a day", 9: "9 days", 14: "two weeks", 29: "four weeks", 58: "eight weeks",
		62: "nine weeks", 63: "2 months", 365: "12 months"} {
		if got := spanWords(days); got != want {
			t.Errorf("spanWords(%d) = %q, want %q", days, got, want)
		}
	}
	for days := range 800 {
		if spanWords(days) == "" {
			t.Errorf("spanWords(%d) is empty", days)
		}
	}
}
