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

// whatIf measures one what-if step in the dashboard, the way a key press
// runs it: the controller moves the urgency (or, on the Priorities page,
// the selected weight) and re-ranks, the widgets get the new state, and
// the whole dashboard is drawn and shown. It runs in this process, on a
// simulated screen of the benchmark's terminal size, for the small
// profile (the floor) and the large one.
func (b *bench) whatIf() {
	const small, large, priorities = 10, 2000, 30
	for _, kind := range []stepKind{stepUrgency, stepWeight} {
		b.header(fmt.Sprintf("what-if: %s, re-rank and redraw, %d×%d screen", kind.title(), b.cols, b.rows))
		var ls, ss, ratio []float64
		for range b.runs {
			l := b.stepTime(large, priorities, kind)
			s := b.stepTime(small, priorities, kind)
			ls, ss = append(ls, l), append(ss, s)
			ratio = append(ratio, l/s)
		}
		b.row(fmt.Sprintf("%d opportunities vs %d", large, small), us(median(ls)), us(median(ss)), median(ratio), 2)
	}
}

// stepKind is which what-if a step makes.
type stepKind int

const (
	// stepUrgency is + or - on the dashboard: the urgency by 0.05.
	stepUrgency stepKind = iota
	// stepWeight is + or - on the Priorities page: the selected weight
	// by 1, with the ranking, the chart, the header and the page's own
	// weight flips following.
	stepWeight
)

func (k stepKind) title() string {
	if k == stepWeight {
		return "one weight step (p, then + or -)"
	}
	return "one urgency step (+ or -)"
}

// stopper stands in for the tview application: the benchmark never quits.
type stopper struct{}

func (stopper) Stop() {}

// stepTime returns the mean time of one step of the kind given, over
// enough steps to take about 200ms: the urgency up and down across its
// whole range, or the first priority's weight up and down by 1 between
// its own and six more.
func (b *bench) stepTime(nOpp, nPri int, kind stepKind) float64 {
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

	up, down := views.IntentUrgencyUp, views.IntentUrgencyDown
	at := func() float64 { return d.Controller().State().Urgency.Value }
	if kind == stepWeight {
		d.Do(views.IntentPriorities)
		up, down = views.IntentWeightUp, views.IntentWeightDown
		at = func() float64 { return d.Controller().State().Profile.Priorities[0].Weight }
	}
	first := at()
	dir := up
	step := func() {
		before := at()
		d.Do(dir)
		// At an end (of 0..1 for the urgency, six above its own for the
		// weight), or where the weight is back to its own: turn round.
		if at() == before || kind == stepWeight && (at() >= first+6 || at() <= first) {
			if dir == up {
				dir = down
			} else {
				dir = up
			}
			if at() == before {
				d.Do(dir)
			}
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
