package views

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/internal/golden"
	"mutual/model"
	"mutual/views/report"
)

func exampleState(t *testing.T, urgency *float64) *model.State {
	t.Helper()
	s, err := model.Evaluate(samProfile(), model.Request{Today: exampleToday(), Urgency: urgency})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// index is the opportunity called name in s.
func index(t *testing.T, s *model.State, name string) int {
	t.Helper()
	i, err := s.Find(name)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func TestChartGolden(t *testing.T) {
	s := exampleState(t, nil)
	chart := NewScoreChart(NewStyles(false), DefaultKeymap())
	chart.SetState(s, index(t, s, "Globex"))
	golden.Check(t, filepath.Join("testdata", "screens", "chart-60x18.txt"), screenText(drawOn(t, chart, 60, 18)))
	scatter := NewFitReliefScatter(NewStyles(false), DefaultKeymap())
	scatter.SetState(s, index(t, s, "Globex"))
	golden.Check(t, filepath.Join("testdata", "screens", "scatter-60x18.txt"), screenText(drawOn(t, scatter, 60, 18)))
}

// column finds the screen column of the first r on row y, or -1.
func column(screen tcell.Screen, y int, r string) int {
	w, _ := screen.Size()
	for x := 0; x < w; x++ {
		if str, _, _ := screen.Get(x, y); str == r {
			return x
		}
	}
	return -1
}

// TestChartMarksNowAndLeaderChanges checks that the marker for the current
// urgency moves with every what-if, and that the leader change sits where
// the model says it is.
func TestChartMarksNowAndLeaderChanges(t *testing.T) {
	const w, h = 60, 18
	chart := NewScoreChart(NewStyles(true), DefaultKeymap())
	var last int
	for k, u := range []float64{0, 0.25, 0.43, 0.55, 1} {
		s := exampleState(t, &u)
		chart.SetState(s, -1)
		screen := drawOn(t, chart, w, h)
		// The axis is the row with the └ corner inside the frame.
		axis := -1
		for y := 0; y < h && axis < 0; y++ {
			if column(screen, y, "└") > 0 {
				axis = y
			}
		}
		if axis < 0 {
			t.Fatalf("no axis:\n%s", screenText(screen))
		}
		origin := column(screen, axis, "└") + 1
		plotW := w - 2 - 4 - 2
		now := column(screen, axis, "▲")
		want := origin + int(math.Round(u*float64(2*plotW-1)))/2
		if now != want {
			t.Errorf("u=%v: ▲ at column %d, want %d:\n%s", u, now, want, screenText(screen))
		}
		if k > 0 && now <= last {
			t.Errorf("u=%v: the marker did not move right", u)
		}
		last = now
		if len(s.LeaderChanges) != 1 {
			t.Fatalf("the example has %d leader changes, want 1", len(s.LeaderChanges))
		}
		change := column(screen, axis, "┴")
		if ch := s.LeaderChanges[0].Urgency; change >= 0 && change != origin+int(math.Round(ch*float64(2*plotW-1)))/2 {
			t.Errorf("u=%v: ┴ at column %d, not at urgency %v", u, change, ch)
		}
		text := screenText(screen)
		if !strings.Contains(text, "◆") || !strings.Contains(text, report.Urgency(s.LeaderChanges[0].Urgency)) {
			t.Errorf("u=%v: the leader change is not marked:\n%s", u, text)
		}
	}
}

func TestChartLinesAreTheLeaders(t *testing.T) {
	s := exampleState(t, nil)
	chart := NewScoreChart(NewStyles(false), DefaultKeymap())
	chart.SetState(s, index(t, s, "Vandelay"))
	var names []string
	for _, i := range chart.Lines(false) {
		names = append(names, s.Assessments[i].Name)
	}
	want := "Acme Logistics, Globex, Initech (contract), Vandelay Industries"
	if got := strings.Join(names, ", "); got != want {
		t.Errorf("lines %s, want %s", got, want)
	}
	chart.SetState(s, -1)
	if got := len(chart.Lines(true)); got != 2 {
		t.Errorf("a short chart draws %d lines, want the 2 leaders", got)
	}
}

// TestIsoLine checks the scatter's line of equal score: both ends lie on
// (1 − u)·fit + u·relief = score and inside the square, and the slope is
// −(1 − u)/u.
func TestIsoLine(t *testing.T) {
	for _, u := range []float64{0, 0.1, 0.3, 0.5, 0.55, 0.9, 1} {
		for _, score := range []float64{0, 10, 50, 62.6, 99, 100} {
			f0, r0, f1, r1, ok := IsoLine(u, score)
			if !ok {
				t.Fatalf("u=%v score=%v: no line", u, score)
			}
			for _, p := range [][2]float64{{f0, r0}, {f1, r1}} {
				if got := (1-u)*p[0] + u*p[1]; math.Abs(got-score) > 1e-9 {
					t.Errorf("u=%v: end %v scores %v, want %v", u, p, got, score)
				}
				if p[0] < -1e-9 || p[0] > 100+1e-9 || p[1] < -1e-9 || p[1] > 100+1e-9 {
					t.Errorf("u=%v score=%v: end %v outside the square", u, score, p)
				}
			}
			if u > 0 && u < 1 && math.Hypot(f1-f0, r1-r0) > 1e-6 {
				if slope := (r1 - r0) / (f1 - f0); math.Abs(slope+(1-u)/u) > 1e-9 {
					t.Errorf("u=%v: slope %v, want %v", u, slope, -(1-u)/u)
				}
			}
		}
	}
	if f0, _, f1, _, _ := IsoLine(0, 40); f0 != 40 || f1 != 40 {
		t.Errorf("at urgency 0 only fit counts: the line should stand at fit 40, got %v..%v", f0, f1)
	}
	if _, _, _, _, ok := IsoLine(0.5, 150); ok {
		t.Error("a score above 100 cannot meet the square")
	}
}

func TestBrailleCanvas(t *testing.T) {
	cv := newCanvas(2, 1)
	cv.set(0, 0, 0)
	cv.set(3, 3, 1)
	cv.set(-1, 0, 0) // outside: ignored
	cv.set(4, 0, 0)
	screen := drawOn(t, NewHeader(NewStyles(true), DefaultKeymap(), "", exampleToday(), false), 2, 1)
	cv.draw(screen, 0, 0, func(int) tcell.Style { return tcell.StyleDefault })
	if got := screenLines(screen)[0]; got != "⠁⢀" {
		t.Errorf("dots drew %q, want ⠁⢀", got)
	}
	cv = newCanvas(4, 2)
	cv.line(0, 0, 7, 7, 0)
	for k := 0; k < 8; k++ {
		if cv.dots[(k/4)*4+k/2]&brailleBit(k%4, k%2) == 0 {
			t.Errorf("the diagonal misses dot %d,%d", k, k)
		}
	}
}

func TestChartsSurviveTinySizes(t *testing.T) {
	s := exampleState(t, nil)
	chart, scatter := NewScoreChart(NewStyles(false), DefaultKeymap()), NewFitReliefScatter(NewStyles(false), DefaultKeymap())
	chart.SetState(s, 0)
	scatter.SetState(s, 0)
	detail := NewDetailPane(NewStyles(false), DefaultKeymap())
	detail.SetOpportunity(s, 1)
	table := NewRankTable(NewStyles(false))
	table.SetState(s, []int{0, 1, 2, 3, 4, 5}, 1)
	// One screen for every size: a new one costs more than the drawing.
	screen := tcell.NewSimulationScreen("UTF-8")
	if err := screen.Init(); err != nil {
		t.Fatal(err)
	}
	for w := 0; w <= 30; w++ {
		for h := 0; h <= 12; h++ {
			screen.SetSize(w, h)
			for _, p := range []tview.Primitive{chart, scatter, detail, table} {
				screen.Clear()
				p.SetRect(0, 0, w, h)
				p.Draw(screen)
			}
		}
	}
}
