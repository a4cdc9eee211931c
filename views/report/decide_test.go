package report

import (
	"math"
	"strings"
	"testing"

	"mutual/model"
)

// TestReservationTableFitsItsColumns checks the table's months: all of
// them when they fit, else the thinned-out months the decide command
// shows, as many as fit; nothing when the runway is unbounded.
func TestReservationTableFitsItsColumns(t *testing.T) {
	byMonth := func(n int) *model.Decision {
		d := &model.Decision{Reservations: make([]model.Reservation, n), RunwayMonths: float64(n)}
		if n == 0 {
			d.RunwayMonths = math.Inf(1)
		}
		for k := range n {
			d.Reservations[k] = model.Reservation{Months: float64(k), Fit: 50 + float64(k)/10, Any: k == 0}
		}
		return d
	}
	tests := []struct {
		name    string
		months  int
		columns int
		want    string
	}{
		{"all fit", 5, 13, "months left     0     1     2     3     4"},
		{"thinned out", 25, 13, "months left     0     1     2     3     4     5     6     9    12    18    24"},
		{"thinned and cut", 25, 8, "months left     0     1     2     3     4     5     6     9"},
		{"cut", 9, 4, "months left     0     1     2     3"},
		{"unbounded", 0, 13, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head, row := reservationTable(byMonth(tt.months), tt.columns)
			if head != tt.want {
				t.Errorf("head %q, want %q", head, tt.want)
			}
			if Width(row) != Width(head) || tt.months > 0 && !strings.HasPrefix(row, "lowest fit    any  50.1") {
				t.Errorf("row %q does not line up with head %q", row, head)
			}
			if tt.months > 0 && Width(head) > Width("months left")+6*tt.columns {
				t.Errorf("%d columns are %d wide", tt.columns, Width(head))
			}
		})
	}
	if got := reservationTableColumns(78); got != 11 {
		t.Errorf("78 cells hold %d months, want 11", got)
	}
}
