package views

import (
	"fmt"
	"math"

	"mutual/model"
	"mutual/views/report"
)

// This file draws the decide page's money chart: the savings, month by
// month, on each course the decision weighs (accept the offer, hold out for
// the process, search on), so that "the money runs out on Dec 20" can be
// seen and not only read.

// moneyChartRows is how tall the chart's plot is, in rows.
const moneyChartRows = 7

// moneyChart lays out the chart of d's money paths for a width of cells:
// the plot with a zero line and the savings scale on the left, the months
// under it, and a legend naming each path by its number.
func moneyChart(st Styles, s *model.State, d *model.Decision, width int) []line {
	paths := d.Paths()
	const yLabelW = 9
	plotW := width - yLabelW - 1
	if len(paths) == 0 || plotW < 20 || math.IsInf(d.RunwayMonths, 1) {
		return nil
	}
	cur := s.Currency()
	months := 6.0
	for _, p := range paths {
		months = math.Max(months, math.Ceil(p.PayMonths)+2)
	}
	months = math.Min(months, 24)
	lo, hi := 0.0, 0.0
	for _, p := range paths {
		for k := 0; k <= 48; k++ {
			v := p.Savings(months * float64(k) / 48)
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi-lo < 1 {
		hi = lo + 1
	}
	cv := newCanvas(plotW, moneyChartRows)
	dotX := func(t float64) int { return int(math.Round(t / months * float64(cv.dotW()-1))) }
	dotY := func(v float64) int { return int(math.Round((hi - v) / (hi - lo) * float64(cv.dotH()-1))) }
	for k, p := range paths {
		px, py := dotX(0), dotY(p.Savings(0))
		for step := 1; step <= cv.dotW(); step++ {
			t := months * float64(step) / float64(cv.dotW())
			x, y := dotX(t), dotY(p.Savings(t))
			cv.line(px, py, x, y, k)
			px, py = x, y
		}
	}
	zeroRow := dotY(0) / 4
	// Each path ends in its number, so that the lines read apart without
	// colour too; a later path's number moves up or down a row rather than
	// hide an earlier one's.
	ends := map[int]int{}
	for k, p := range paths {
		row := min(moneyChartRows-1, dotY(p.Savings(months))/4)
		for _, taken := 0, ends[row] != 0; taken && row > 0; {
			row--
			taken = ends[row] != 0
		}
		ends[row] = k + 1
	}
	var out []line
	for row := range moneyChartRows {
		label := ""
		switch row {
		case 0:
			label = report.Money(cur, hi)
		case zeroRow:
			label = report.Money(cur, 0)
		case moneyChartRows - 1:
			label = report.Money(cur, lo)
		}
		l := line{{padLeft(label, yLabelW) + "┤", st.Dim}}
		for col := range plotW {
			k := row*cv.w + col
			if n := ends[row]; n > 0 && col == plotW-1 {
				l = append(l, span{fmt.Sprint(n), st.series(n - 1).Bold(true)})
				continue
			}
			switch {
			case cv.dots[k] != 0:
				l = append(l, span{string(rune(0x2800 + int(cv.dots[k]))), st.series(cv.owner[k])})
			case row == zeroRow && col%2 == 0:
				l = append(l, span{"┄", st.Dim})
			default:
				l = append(l, span{" ", st.Text})
			}
		}
		out = append(out, l)
	}
	// The months under the plot: today at the left, the end at the right,
	// and the middle.
	axis := []rune(fmt.Sprintf("%*s", yLabelW+1+plotW, ""))
	put := func(col int, text string) {
		for k, r := range []rune(text) {
			if c := col + k; c >= 0 && c < len(axis) {
				axis[c] = r
			}
		}
	}
	today := s.Request.Today
	put(yLabelW+1, "today")
	end := today.AddDays(int(math.Round(months * 30.4375))).String()
	put(yLabelW+1+plotW-len(end), end)
	if plotW > 40 {
		mid := today.AddDays(int(math.Round(months / 2 * 30.4375))).String()
		put(yLabelW+1+plotW/2-len(mid)/2, mid)
	}
	out = append(out, plainLine(string(axis), st.Dim))
	var legend line
	legend = append(legend, span{fmt.Sprintf("%*s", yLabelW+1, ""), st.Text})
	for k, p := range paths {
		if k > 0 {
			legend = append(legend, span{"  ", st.Text})
		}
		legend = append(legend, span{fmt.Sprint(k+1) + " ", st.series(k).Bold(true)}, span{pathName(s, p), st.Text})
	}
	return append(out, legend)
}

// pathName is a money path's name in the legend.
func pathName(s *model.State, p model.MoneyPath) string {
	switch p.Kind {
	case model.PathAccept:
		return "accept " + nameOf(s, p.Index)
	case model.PathHoldOut:
		return nameOf(s, p.Index) + ", if yes"
	}
	return "search on"
}
