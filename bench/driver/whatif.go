package main

import (
	"fmt"
	"time"

	"github.com/gdamore/tcell/v2"

	"mutual/bench/gen"
	"mutual/model"
	"mutual/profiles"
	"mutual/views"
	"mutual/views/report"
)

// whatIf measures one urgency step in the dashboard, the way a key press
// runs it: the controller moves the urgency and re-ranks, the widgets get
// the new state, and the whole dashboard is drawn and shown. It runs in
// this process, on a simulated screen of the benchmark's terminal size,
// for the small profile (the floor) and the large one.
func (b *bench) whatIf() {
	const small, large, priorities = 10, 2000, 30
	b.header(fmt.Sprintf("what-if: one urgency step (+ or -), re-rank and redraw, %d×%d screen", b.cols, b.rows))
	var ls, ss, ratio []float64
	for range b.runs {
		l := b.stepTime(large, priorities)
		s := b.stepTime(small, priorities)
		ls, ss = append(ls, l), append(ss, s)
		ratio = append(ratio, l/s)
	}
	b.row(fmt.Sprintf("%d opportunities vs %d", large, small), us(median(ls)), us(median(ss)), median(ratio), 2)
}

// stopper stands in for the tview application: the benchmark never quits.
type stopper struct{}

func (stopper) Stop() {}

// stepTime returns the mean time of one urgency step, over enough steps
// to take about 200ms, up and down across the whole range.
func (b *bench) stepTime(nOpp, nPri int) float64 {
	loaded, err := profiles.Parse("bench.toml", gen.Profile(nOpp, nPri))
	check(err)
	today, _ := model.ParseDate(gen.Today)
	d, err := views.NewDashboard(stopper{}, &loaded.Profile, model.Request{Today: today},
		views.Options{Info: report.Info{Profile: "bench.toml", Today: today}, Styles: views.NewStyles(false)}, views.Hooks{})
	check(err)
	screen := tcell.NewSimulationScreen("UTF-8")
	check(screen.Init())
	defer screen.Fini()
	screen.SetSize(b.cols, b.rows)
	d.SetRect(0, 0, b.cols, b.rows)
	d.Draw(screen)
	screen.Show()

	dir := views.IntentUrgencyUp
	step := func() {
		before := d.Controller().State().Urgency.Value
		d.Do(dir)
		if d.Controller().State().Urgency.Value == before {
			// At an end of 0..1: turn round.
			if dir == views.IntentUrgencyUp {
				dir = views.IntentUrgencyDown
			} else {
				dir = views.IntentUrgencyUp
			}
			d.Do(dir)
		}
		d.Draw(screen)
		screen.Show()
	}
	for range 20 {
		step() // warm up
	}
	n := 0
	start := time.Now()
	for time.Since(start) < 200*time.Millisecond {
		step()
		n++
	}
	return time.Since(start).Seconds() / float64(n)
}

func us(seconds float64) string { return fmt.Sprintf("%.0f µs", seconds*1e6) }
