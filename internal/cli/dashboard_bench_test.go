package cli

import (
	"strconv"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/bench/gen"
	"mutual/views"
)

// benchStopper stands in for the tview application: nothing quits.
type benchStopper struct{}

func (benchStopper) Stop() {}

// benchDashboard opens a generated profile as `mutual` does and returns
// its dashboard, laid out on a 120×40 simulated screen but not drawn.
func benchDashboard(b *testing.B, path string) (*views.Dashboard, tcell.SimulationScreen) {
	b.Helper()
	s, opts := openQuiet(b, nil, "--profile", path, "--today", gen.Today)
	d, err := views.NewDashboard(benchStopper{}, &s.loaded.Profile, s.request, views.Options{
		Info: s.reportInfo(opts), Styles: views.NewStyles(false), Status: startStatus(s)}, views.Hooks{})
	if err != nil {
		b.Fatal(err)
	}
	screen := tcell.NewSimulationScreen("UTF-8")
	if err := screen.Init(); err != nil {
		b.Fatal(err)
	}
	screen.SetSize(120, 40)
	d.SetRect(0, 0, 120, 40)
	return d, screen
}

// BenchmarkDashboardFirstFrame is the in-process part of the first
// frame on the 2,000 × 30 profile: load, evaluate, build the dashboard
// and draw it once. bench/run.sh measures the whole process on a real
// pseudo-terminal against a bare tview table.
func BenchmarkDashboardFirstFrame(b *testing.B) {
	path := benchProfile(b, 2000, 30)
	b.ReportAllocs()
	for b.Loop() {
		d, screen := benchDashboard(b, path)
		d.Draw(screen)
		screen.Show()
		screen.Fini()
	}
}

// BenchmarkWhatIf is one urgency step as a key press runs it: the
// controller moves the urgency and re-ranks, and the dashboard is drawn
// and shown. Compare n=2000 with n=10: the budget is 2×.
func BenchmarkWhatIf(b *testing.B) {
	for _, n := range []int{10, 2000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			d, screen := benchDashboard(b, benchProfile(b, n, 30))
			defer screen.Fini()
			d.Draw(screen)
			dir := views.IntentUrgencyUp
			b.ReportAllocs()
			for b.Loop() {
				before := d.Controller().State().Urgency.Value
				d.Do(dir)
				if d.Controller().State().Urgency.Value == before {
					dir = views.IntentUrgencyUp + views.IntentUrgencyDown - dir // turn round at 0 or 1
					d.Do(dir)
				}
				d.Draw(screen)
				screen.Show()
			}
		})
	}
}

// BenchmarkWeightWhatIf is one weight step on the Priorities page as a
// key press runs it: the controller moves the first priority's weight by
// 1 and re-ranks (the header's weight flip, the ranking's first shares
// and the page's flips with it), and the dashboard is drawn and shown.
// Compare n=2000 with n=10: the budget is 2×.
func BenchmarkWeightWhatIf(b *testing.B) {
	for _, n := range []int{10, 2000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			d, screen := benchDashboard(b, benchProfile(b, n, 30))
			defer screen.Fini()
			d.Do(views.IntentPriorities)
			d.Draw(screen)
			first := d.Controller().State().Profile.Priorities[0].Weight
			dir := views.IntentWeightUp
			b.ReportAllocs()
			for b.Loop() {
				d.Do(dir)
				if w := d.Controller().State().Profile.Priorities[0].Weight; w >= first+6 || w <= first {
					dir = views.IntentWeightUp + views.IntentWeightDown - dir // turn round
				}
				d.Draw(screen)
				screen.Show()
			}
		})
	}
}
