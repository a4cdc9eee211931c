package trials

import "testing"

func TestN(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want int
	}{
		{"", 2}, {"0", 2}, {"1", 3}, {"yes", 3},
	} {
		t.Setenv("MUTUAL_LONG", tc.env)
		want := tc.want
		if testing.Short() && want == 2 {
			want = 1
		}
		if got := N(1, 2, 3); got != want {
			t.Errorf("MUTUAL_LONG=%q: N(1, 2, 3) = %d, want %d", tc.env, got, want)
		}
	}
}
