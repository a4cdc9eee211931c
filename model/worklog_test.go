package model

import "testing"

// TestFollowUpOf: only stages that wait on the other side, with a last
// move known, are flagged, and only from follow_up_days on.
func TestFollowUpOf(t *testing.T) {
	today := NewDate(2026, 11, 25)
	moved := func(days ...int) []Move {
		var h []Move
		for _, d := range days {
			h = append(h, Move{Stage: StageApplied, On: today.AddDays(-d)})
		}
		return h
	}
	cases := []struct {
		name  string
		stage Stage
		hist  []Move
		days  float64
		want  bool
		since int
	}{
		{"applied, 10 days ago, at 10", StageApplied, moved(10), 10, true, 10},
		{"applied, 9 days ago", StageApplied, moved(9), 10, false, 0},
		{"the latest move counts, not the last written", StageInterviewing, moved(3, 30), 10, false, 0},
		{"interviewing, 20 days", StageInterviewing, moved(40, 20), 10, true, 20},
		{"final", StageFinal, moved(12), 10, true, 12},
		{"an offer waits on you, not them", StageOffer, moved(30), 10, false, 0},
		{"a lead has nothing sent", StageLead, moved(30), 10, false, 0},
		{"closed", StageRejected, moved(30), 10, false, 0},
		{"no move written: unknown, not flagged", StageApplied, nil, 10, false, 0},
		{"follow_up_days set to 3", StageApplied, moved(3), 3, true, 3},
		{"a fraction of a day rounds up", StageApplied, moved(3), 2.5, true, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := FollowUpOf(Opportunity{Name: "A", Stage: c.stage, History: c.hist}, today, c.days)
			if ok != c.want || ok && f.Days != c.since {
				t.Errorf("got %+v, %v; want %v after %d days", f, ok, c.want, c.since)
			}
		})
	}
}

// TestWorkLogByDay: moves of every opportunity come out by day, those of
// one day in the profile's order.
func TestWorkLogByDay(t *testing.T) {
	d := func(day int) Date { return NewDate(2026, 11, day) }
	p := &Profile{Opportunities: []Opportunity{
		{Name: "A", History: []Move{{StageApplied, d(2)}, {StageInterviewing, d(20)}}},
		{Name: "B", History: []Move{{StageLead, d(20)}, {StageApplied, d(1)}}},
	}}
	var got []string
	for _, m := range WorkLog(p) {
		got = append(got, m.On.String()+" "+m.Name+" "+string(m.Stage))
	}
	want := []string{"2026-11-01 B applied", "2026-11-02 A applied", "2026-11-20 A interviewing", "2026-11-20 B lead"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("move %d: %s, want %s", i, got[i], want[i])
		}
	}
}
