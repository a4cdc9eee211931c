package views

import (
	"math"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// FitReliefScatter draws the same opportunities as [ScoreChart] in the
// other plane: fit across, relief up, each a point labelled with its rank
// now (× when vetoed) and a dotted bar for the fit interval its unknowns
// leave. At urgency u the score (1 − u)·fit + u·relief is the same all
// along any line of slope −(1 − u)/u, so the chart draws that line through
// the leader (and through the selected opportunity): whatever lies beyond
// the leader's line would beat it. Raising the urgency tilts the lines
// from upright (only fit counts) towards flat (only relief counts).
type FitReliefScatter struct {
	*frame
	keys     Keymap
	state    *model.State
	selected int
}

// NewFitReliefScatter returns an empty scatter whose title names the key
// of keys that switches the chart.
func NewFitReliefScatter(st Styles, keys Keymap) *FitReliefScatter {
	return &FitReliefScatter{frame: newFrame(st), keys: keys, selected: -1}
}

// SetState charts s, with opportunity selected (an index into
// s.Assessments, or -1) highlighted.
func (c *FitReliefScatter) SetState(s *model.State, selected int) {
	c.state, c.selected = s, selected
}

// Series numbers of the iso-score lines on the canvas; opportunities use
// their own indices, which are never negative.
const (
	isoLeader   = -2
	isoSelected = -3
)

// IsoLine is the stretch of the line (1 − u)·fit + u·relief = score inside
// the square 0..100 × 0..100, as its two ends (fit, relief); ok is false
// when the line misses the square.
func IsoLine(u, score float64) (f0, r0, f1, r1 float64, ok bool) {
	type pt struct{ f, r float64 }
	var pts []pt
	in := func(v float64) bool { return v >= -1e-9 && v <= 100+1e-9 }
	if u > 0 {
		for _, f := range []float64{0, 100} {
			if r := (score - (1-u)*f) / u; in(r) {
				pts = append(pts, pt{f, r})
			}
		}
	}
	if u < 1 {
		for _, r := range []float64{0, 100} {
			if f := (score - u*r) / (1 - u); in(f) {
				pts = append(pts, pt{f, r})
			}
		}
	}
	if len(pts) == 0 {
		return 0, 0, 0, 0, false
	}
	a, b := pts[0], pts[0]
	best := -1.0
	for _, p := range pts {
		for _, q := range pts {
			if d := math.Hypot(p.f-q.f, p.r-q.r); d > best {
				a, b, best = p, q, d
			}
		}
	}
	return a.f, a.r, b.f, b.r, true
}

// Draw draws the scatter.
func (c *FitReliefScatter) Draw(screen tcell.Screen) {
	_, _, bw, _ := c.GetRect()
	title := "Fit against relief"
	if c.state != nil {
		at := " at urgency " + report.Urgency(c.state.Urgency.Value)
		v := c.keys.KeyLabel(IntentToggleChart)
		title = fitTitle(bw, title+at+" ("+v+": score against urgency)", title+at+" ("+v+": score chart)", title+at, title)
	}
	c.setTitle(title)
	c.drawFrame(screen)
	x, y, w, h := c.GetInnerRect()
	if w <= 0 || h <= 0 || c.state == nil {
		return
	}
	st := c.styles
	s := c.state
	points := rankOrder(s)
	if len(points) == 0 {
		drawText(screen, x, y, w, "No open opportunities to chart.", st.Dim)
		return
	}
	legendRows := 1
	if h < 7 {
		legendRows = 0
	}
	ph := h - 2 - legendRows
	const yLabelW = 4
	pw := w - yLabelW - 1
	if ph < 2 || pw < 8 {
		drawText(screen, x, y, w, "Too small for the chart.", st.Dim)
		return
	}
	px := x + yLabelW
	cv := newCanvas(pw, ph)
	dotX := func(f float64) int { return int(math.Round(f / 100 * float64(cv.dotW()-1))) }
	dotY := func(r float64) int { return int(math.Round((100 - r) / 100 * float64(cv.dotH()-1))) }
	u := s.Urgency.Value

	// Lines of equal score through the selected opportunity and the leader.
	iso := func(i, series int) {
		if f0, r0, f1, r1, ok := IsoLine(u, s.Assessments[i].Score(u)); ok {
			cv.line(dotX(f0), dotY(r0), dotX(f1), dotY(r1), series)
		}
	}
	if c.selected >= 0 && !s.Assessments[c.selected].Closed && c.selected != s.Leader() {
		iso(c.selected, isoSelected)
	}
	if s.Leader() >= 0 {
		iso(s.Leader(), isoLeader)
	}
	// Fit intervals.
	for _, i := range points {
		a := &s.Assessments[i]
		cv.line(dotX(a.Fit.Low), dotY(a.Relief.Value), dotX(a.Fit.High), dotY(a.Relief.Value), i)
	}
	cv.draw(screen, px, y, func(series int) tcell.Style {
		switch series {
		case isoLeader:
			return st.Iso.Bold(true)
		case isoSelected:
			return st.Iso
		}
		return seriesStyle(st, s, series, -1)
	})

	// The points, best last so it is on top.
	taken := map[[2]int]bool{}
	for k := len(points) - 1; k >= 0; k-- {
		i := points[k]
		a := &s.Assessments[i]
		col, row := dotX(a.Fit.Value)/2, dotY(a.Relief.Value)/4
		label := rankLabel(s, i)
		for taken[[2]int{col, row}] && col+1 < pw {
			col++
		}
		taken[[2]int{col, row}] = true
		style := seriesStyle(st, s, i, -1).Bold(true)
		if i == c.selected {
			style = st.Selected
		}
		drawText(screen, px+col, y+row, min(report.Width(label), pw-col), label, style)
	}

	// Axes.
	for row := 0; row < ph; row++ {
		screen.SetContent(px-1, y+row, '│', nil, st.Dim)
	}
	for _, mark := range []struct {
		row  int
		text string
	}{{0, "100"}, {ph - 1, "0"}, {(ph - 1) / 2, "50"}} {
		if mark.row == (ph-1)/2 && ph < 5 {
			continue
		}
		drawText(screen, x, y+mark.row, 3, padLeft(mark.text, 3), st.Dim)
		screen.SetContent(px-1, y+mark.row, '┤', nil, st.Dim)
	}
	if !cv.used(0, 0) && pw > 8 {
		drawText(screen, px+1, y, 8, "relief ↑", st.Dim)
	}
	screen.SetContent(px-1, y+ph, '└', nil, st.Dim)
	for col := 0; col < pw; col++ {
		screen.SetContent(px+col, y+ph, '─', nil, st.Dim)
	}
	labels := newLabelRow(pw + yLabelW)
	labels.place(yLabelW, "0", st.Dim, false)
	labels.place(yLabelW+pw-3, "100", st.Dim, false)
	labels.place(yLabelW+pw/2, "50", st.Dim, true)
	labels.place(yLabelW+pw/4, "fit →", st.Dim, true)
	labels.place(yLabelW+pw*3/4, "╲ equal score", st.Iso.Bold(true), true)
	labels.draw(screen, x, y+ph+1)

	if legendRows > 0 {
		drawLegend(screen, x, y+ph+2, w, s, points, c.selected, st)
	}
}
