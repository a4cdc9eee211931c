package views

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"mutual/model"
)

// bigProfile is the example with n more opportunities, whose names and
// fit intervals vary in width, so the ranking's columns depend on all of
// them.
func bigProfile(n int) *model.Profile {
	p := samProfile()
	for k := range n {
		name := "Opportunity " + strconv.Itoa(k) + strings.Repeat("·", k%23)
		if k%97 == 0 {
			name = "株式会社 " + name // wide characters
		}
		r := float64(1 + k%5)
		ratings := map[string]model.Rating{"strengths": {Low: r, High: r}, "manager": {Low: 2, High: 5}}
		if k%3 == 0 {
			ratings["environment"] = model.Rating{Low: 1 + float64(k%4), High: 1 + float64(k%4)}
		}
		p.Opportunities = append(p.Opportunities, model.Opportunity{Name: name, Stage: benchStages[k%len(benchStages)],
			Pay: model.Float(float64(30000 + 97*k%60000)), Ratings: ratings})
	}
	return p
}

// TestRankTableFollowsWhatIfs draws the ranking after urgency steps, which
// share the state's assessments, and after a change that does not, and
// compares each with a ranking drawn afresh: whatever the table keeps from
// one draw to the next must never show.
func TestRankTableFollowsWhatIfs(t *testing.T) {
	s, err := model.Evaluate(bigProfile(300), model.Request{Today: exampleToday()})
	if err != nil {
		t.Fatal(err)
	}
	rows := func(s *model.State) []int {
		var out []int
		for _, r := range s.Ranked {
			out = append(out, r.Index)
		}
		for _, r := range s.Vetoed {
			out = append(out, r.Index)
		}
		return append(out, s.Closed...)
	}
	kept := NewRankTable(NewStyles(true))
	check := func(what string, s *model.State, selected int) {
		t.Helper()
		kept.SetState(s, rows(s), selected)
		fresh := NewRankTable(NewStyles(true))
		fresh.SetState(s, rows(s), selected)
		for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}} {
			got := screenText(drawOn(t, kept, size[0], size[1]))
			want := screenText(drawOn(t, fresh, size[0], size[1]))
			if got != want {
				t.Fatalf("%s at %d×%d: the kept table draws\n%s\na fresh one\n%s", what, size[0], size[1], got, want)
			}
		}
	}
	// The leader stays selected, so both tables show the top of the list
	// (the kept one remembers how far it was scrolled; that may differ).
	check("first draw", s, s.Leader())
	for k := 0; k <= 20; k++ {
		s = s.WithUrgency(float64(k)/20, model.SourceWhatIf)
		check("urgency "+strconv.Itoa(k)+"/20", s, s.Leader())
	}
	// A longer name: a new profile, new assessments, new widths.
	p := bigProfile(300)
	p.Opportunities[0].Name = strings.Repeat("Acme ", 12)
	s2, err := model.Evaluate(p, model.Request{Today: exampleToday()})
	if err != nil {
		t.Fatal(err)
	}
	check("a longer name", s2, 0)
}

// BenchmarkRankTableDraw draws the ranking on a 120×40 screen after an
// urgency step: the part of a what-if that the ranking pane costs. It
// should cost the same at 2,000 opportunities as at 10, since only the
// visible rows are drawn.
func BenchmarkRankTableDraw(b *testing.B) {
	for _, n := range []int{10, 2000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			s, err := model.Evaluate(bigProfile(n-6), model.Request{Today: exampleToday()})
			if err != nil {
				b.Fatal(err)
			}
			var rows []int
			for _, r := range s.Ranked {
				rows = append(rows, r.Index)
			}
			t := NewRankTable(NewStyles(false))
			t.SetState(s, rows, rows[0])
			screen := drawOn(b, t, 120, 40)
			u := 0.0
			b.ReportAllocs()
			for b.Loop() {
				u = 1 - u
				next := s.WithUrgency(u, model.SourceWhatIf)
				rows = rows[:0]
				for _, r := range next.Ranked {
					rows = append(rows, r.Index)
				}
				t.SetState(next, rows, rows[0])
				t.Draw(screen)
			}
		})
	}
}

// benchStages are the stages a tracker holds many of: not the one job
// held now.
var benchStages = slices.DeleteFunc(model.Stages(), func(s model.Stage) bool { return s == model.StageCurrent })
