package views

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// ScoreChart draws each leading opportunity's score against urgency from
// 0 to 1. Every score is a straight line, score(u) = (1 − u)·fit +
// u·relief, so where two lines cross the leader changes; the chart marks
// those crossings (◆ and their urgency under the axis) and the current
// urgency (a dotted upright and "now" under the axis). Lines are braille
// dots, labelled at their right end with the rank they have now; the
// legend names them. What to do about the offers in hand is not a score:
// decide weighs it in money, on the decide page and the header's Advice
// line.
type ScoreChart struct {
	*frame
	keys     Keymap
	state    *model.State
	selected int
}

// maxChartLines bounds how many opportunities the chart draws: more lines
// than this are a tangle, not an answer.
const maxChartLines = 5

// NewScoreChart returns an empty chart whose title names the key of keys
// that switches the chart.
func NewScoreChart(st Styles, keys Keymap) *ScoreChart {
	return &ScoreChart{frame: newFrame(st), keys: keys, selected: -1}
}

// SetState charts s, with opportunity selected (an index into
// s.Assessments, or -1) drawn on top.
func (c *ScoreChart) SetState(s *model.State, selected int) {
	c.state, c.selected = s, selected
}

// Lines are the opportunities the chart draws: every one that leads
// somewhere between urgency 0 and 1, the selected one, and (unless short,
// for a chart too low to tell more lines apart) the rest of the top three
// now; at most maxChartLines, in rank order.
func (c *ScoreChart) Lines(short bool) []int {
	s := c.state
	if s == nil {
		return nil
	}
	var want []int
	add := func(i int) {
		if i >= 0 && !s.Assessments[i].Closed && !slices.Contains(want, i) {
			want = append(want, i)
		}
	}
	add(c.selected)
	for _, seg := range s.Envelope {
		add(seg.Index)
	}
	for k, r := range s.Ranked {
		if k >= 3 || short {
			break
		}
		add(r.Index)
	}
	if len(want) > maxChartLines {
		want = want[:maxChartLines]
	}
	var out []int
	for _, i := range rankOrder(s) {
		if slices.Contains(want, i) {
			out = append(out, i)
		}
	}
	return out
}

// rankOrder lists ranked opportunities best first, then vetoed ones.
func rankOrder(s *model.State) []int {
	var out []int
	for _, r := range s.Ranked {
		out = append(out, r.Index)
	}
	for _, r := range s.Vetoed {
		out = append(out, r.Index)
	}
	return out
}

// rankLabel is how charts label opportunity i: its rank now, or × when
// it is vetoed.
func rankLabel(s *model.State, i int) string {
	for _, r := range s.Ranked {
		if r.Index == i {
			return strconv.Itoa(r.Rank)
		}
	}
	return "×"
}

// seriesStyle is opportunity i's style in the charts. It follows the
// opportunity, not its rank, so a line keeps its colour while + and -
// reorder the ranking.
func seriesStyle(st Styles, s *model.State, i, selected int) tcell.Style {
	style := st.series(i)
	if s.Assessments[i].Vetoed() {
		style = st.Vetoed
	}
	if i == selected {
		style = style.Bold(true).Underline(true)
	}
	return style
}

// Draw draws the chart.
func (c *ScoreChart) Draw(screen tcell.Screen) {
	_, _, bw, _ := c.GetRect()
	c.setTitle(fitTitle(bw, "Score against urgency ("+c.keys.KeyLabel(IntentToggleChart)+": fit against relief)", "Score against urgency"))
	c.drawFrame(screen)
	x, y, w, h := c.GetInnerRect()
	if w <= 0 || h <= 0 || c.state == nil {
		return
	}
	st := c.styles
	s := c.state

	// Rows: the plot, the axis, the urgency labels, the legend. When space
	// is short the axis goes first (the dotted upright still marks now),
	// then the legend.
	legendRows, axisRows, labelRows := 1, 1, 1
	if h < 7 {
		axisRows = 0
	}
	if h < 5 {
		legendRows = 0
	}
	ph := h - legendRows - axisRows - labelRows
	const yLabelW, rightW = 4, 2
	pw := w - yLabelW - rightW
	lines := c.Lines(ph < 8)
	switch {
	case len(lines) == 0:
		drawText(screen, x, y, w, "Nothing ranked to chart.", st.Dim)
		return
	case ph < 2 || pw < 8:
		drawText(screen, x, y, w, "Too small for the chart.", st.Dim)
		return
	}
	px := x + yLabelW

	// Score range: whole tens around the lines' ends, at least 20 apart.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, i := range lines {
		a := &s.Assessments[i]
		lo = math.Min(lo, math.Min(a.Fit.Value, a.Relief.Value))
		hi = math.Max(hi, math.Max(a.Fit.Value, a.Relief.Value))
	}
	lo, hi = math.Floor(lo/10)*10, math.Ceil(hi/10)*10
	for hi-lo < 20 {
		lo, hi = math.Max(0, lo-10), math.Min(100, hi+10)
	}
	cv := newCanvas(pw, ph)
	dotX := func(u float64) int { return int(math.Round(u * float64(cv.dotW()-1))) }
	dotY := func(v float64) int { return int(math.Round((hi - v) / (hi - lo) * float64(cv.dotH()-1))) }

	// The lines, the selected one last so it is on top.
	order := slices.Clone(lines)
	if k := slices.Index(order, c.selected); k >= 0 {
		order = append(append(order[:k:k], order[k+1:]...), c.selected)
	}
	for _, i := range order {
		a := &s.Assessments[i]
		cv.line(0, dotY(a.Fit.Value), cv.dotW()-1, dotY(a.Relief.Value), i)
	}

	// The current urgency, under the lines.
	u := s.Urgency.Value
	nowCol := dotX(u) / 2
	for row := 0; row < ph; row++ {
		if !cv.used(nowCol, row) {
			screen.SetContent(px+nowCol, y+row, '┊', nil, st.Now)
		}
	}
	cv.draw(screen, px, y, func(i int) tcell.Style { return seriesStyle(st, s, i, c.selected) })

	// Leader changes, on the lines.
	for _, ch := range s.LeaderChanges {
		col, row := dotX(ch.Urgency)/2, dotY(ch.Score)/4
		if row >= 0 && row < ph {
			screen.SetContent(px+col, y+row, '◆', nil, st.Change)
		}
	}

	// The score axis.
	for row := 0; row < ph; row++ {
		screen.SetContent(px-1, y+row, '│', nil, st.Dim)
	}
	yLabel := func(row int, v float64) {
		drawText(screen, x, y+row, 3, padLeft(strconv.Itoa(int(v)), 3), st.Dim)
		screen.SetContent(px-1, y+row, '┤', nil, st.Dim)
	}
	yLabel(0, hi)
	yLabel(ph-1, lo)
	if ph >= 7 {
		yLabel((ph-1)/2, math.Round((hi+lo)/2))
	}

	// Rank labels at the right ends of the lines, top to bottom in the
	// order the lines end, so that a label never sits above the label of
	// a line that ends higher: each takes its line's row, or the next free
	// one below; those pushed past the bottom move up together.
	ends := slices.Clone(lines)
	slices.SortStableFunc(ends, func(a, b int) int { return cmp.Compare(s.Assessments[b].Relief.Value, s.Assessments[a].Relief.Value) })
	rows := make([]int, len(ends))
	for k, i := range ends {
		rows[k] = max(0, dotY(s.Assessments[i].Relief.Value)/4)
		if k > 0 {
			rows[k] = max(rows[k], rows[k-1]+1)
		}
	}
	for k := len(rows) - 1; k >= 0; k-- {
		limit := ph - 1
		if k+1 < len(rows) {
			limit = rows[k+1] - 1
		}
		rows[k] = min(rows[k], limit)
	}
	for k, i := range ends {
		if r := rows[k]; r >= 0 && r < ph {
			drawText(screen, px+pw, y+r, rightW, " "+rankLabel(s, i), seriesStyle(st, s, i, c.selected))
		}
	}

	// The urgency axis and its labels: 0, 1, now, and each leader change.
	row := y + ph
	if axisRows > 0 {
		screen.SetContent(px-1, row, '└', nil, st.Dim)
		for col := 0; col < pw; col++ {
			screen.SetContent(px+col, row, '─', nil, st.Dim)
		}
		for _, ch := range s.LeaderChanges {
			screen.SetContent(px+dotX(ch.Urgency)/2, row, '┴', nil, st.Change)
		}
		screen.SetContent(px+nowCol, row, '▲', nil, st.Now)
		row++
	}
	// "now" first, so that ▲ is never left unlabelled (a first reader
	// looks for it); then the ends, then each leader change that still
	// fits (its ┴ marks it regardless).
	labels := newLabelRow(pw + yLabelW)
	if !labels.place(yLabelW+nowCol, "now "+report.Urgency(u), st.Now, true) {
		labels.place(yLabelW+nowCol, "now", st.Now, true)
	}
	labels.place(yLabelW, "0", st.Dim, false)
	labels.place(yLabelW+pw-1, "1", st.Dim, false)
	for _, ch := range s.LeaderChanges {
		labels.place(yLabelW+dotX(ch.Urgency)/2, report.Urgency(ch.Urgency), st.Change, true)
	}
	labels.draw(screen, x, row)
	row++

	if legendRows > 0 {
		drawLegend(screen, x, row, w, s, lines, c.selected, st)
	}
	c.drawMarksLegend(screen, axisRows > 0)
}

// drawMarksLegend says what the chart's marks mean, on the bottom of its
// frame, where it costs the plot no row: "◆┴ leader change at 0.43 · ▲
// now", in fewer words where the frame is narrow, or not at all.
func (c *ScoreChart) drawMarksLegend(screen tcell.Screen, axis bool) {
	st, s := c.styles, c.state
	bx, by, bw, bh := c.GetRect()
	room := bw - 4
	change := "◆"
	if axis {
		change += "┴"
	}
	var at []string
	for _, ch := range s.LeaderChanges {
		at = append(at, report.Urgency(ch.Urgency))
	}
	now := []span{{" · ", st.Dim}, {"▲", st.Now}, {" now ", st.Dim}}
	var candidates []line
	if len(at) == 0 {
		candidates = []line{
			{{" the leader never changes from 0 to 1", st.Dim}},
		}
	} else {
		// The ranking's change of leader, not the advice's: a new #1.
		words := " leader change at "
		if len(at) > 1 {
			words = " leader changes at "
		}
		candidates = []line{
			{{" ", st.Dim}, {change, st.Change}, {" ranking's #1 changes at " + strings.Join(at, ", "), st.Dim}},
			{{" ", st.Dim}, {change, st.Change}, {" new #1 at " + strings.Join(at, ", "), st.Dim}},
			{{" ", st.Dim}, {change, st.Change}, {words + strings.Join(at, ", "), st.Dim}},
			{{" ", st.Dim}, {change, st.Change}, {strings.TrimSuffix(words, " at "), st.Dim}},
		}
	}
	// ▲ now is kept before the longer words for the change.
	for _, tail := range [][]span{now, {{" ", st.Dim}}} {
		for _, l := range candidates {
			if try := append(slices.Clone(l), tail...); lineWidth(try) <= room {
				drawLine(screen, bx+2, by+bh-1, room, try)
				return
			}
		}
	}
}

// lineWidth is how many cells l takes.
func lineWidth(l line) int {
	n := 0
	for _, sp := range l {
		n += report.Width(sp.text)
	}
	return n
}

// fitTitle is the longest of the titles that fits a frame width cells
// wide.
func fitTitle(width int, titles ...string) string {
	for _, t := range titles {
		if report.Width(t)+4 <= width {
			return t
		}
	}
	return titles[len(titles)-1]
}

// labelRow places short labels along a row without letting them overlap.
type labelRow struct {
	cells []bool
	items []labelItem
}

type labelItem struct {
	at    int
	text  string
	style tcell.Style
}

func newLabelRow(w int) *labelRow { return &labelRow{cells: make([]bool, max(w, 0))} }

// place puts text at column at, unless it would touch a label already
// placed, and reports whether it did. A centred label that collides tries
// ending at the column, then starting just after it.
func (l *labelRow) place(at int, text string, style tcell.Style, centre bool) bool {
	tw := report.Width(text)
	tries := []int{at}
	if centre {
		tries = []int{at - tw/2, at - tw + 1, at + 1}
	}
	for _, start := range tries {
		start = min(start, len(l.cells)-tw)
		if start < 0 || !l.free(start, tw) {
			continue
		}
		for k := start; k < start+tw; k++ {
			l.cells[k] = true
		}
		l.items = append(l.items, labelItem{start, text, style})
		return true
	}
	return false
}

// free reports whether tw cells from start, and one either side, are
// free.
func (l *labelRow) free(start, tw int) bool {
	for k := start - 1; k <= start+tw; k++ {
		if k >= 0 && k < len(l.cells) && l.cells[k] {
			return false
		}
	}
	return true
}

func (l *labelRow) draw(screen tcell.Screen, x, y int) {
	for _, it := range l.items {
		drawText(screen, x+it.at, y, report.Width(it.text), it.text, it.style)
	}
}

// drawLegend names the charted opportunities on one row: "1 Acme
// Logistics  2 Globex", each in its line's style, then which ranked ones
// the chart left out ("3, 4 not drawn"), so that a missing line is never
// taken for a missing opportunity. When the names do not all fit, the
// longest are shortened first, to a common width, keeping the part that
// tells names apart.
func drawLegend(screen tcell.Screen, x, y, w int, s *model.State, lines []int, selected int, st Styles) {
	if len(lines) == 0 || w <= 0 {
		return
	}
	const gap = 2
	note := leftOutNote(s, lines)
	budget := w - gap*(len(lines)-1)
	if note != "" {
		budget -= gap + report.Width(note)
		if budget < 6*len(lines) {
			note, budget = "", w-gap*(len(lines)-1)
		}
	}
	texts := make([]string, len(lines))
	longest := 0
	for k, i := range lines {
		texts[k] = rankLabel(s, i) + " " + nameOf(s, i)
		longest = max(longest, report.Width(texts[k]))
	}
	limit := longest
	for ; limit > 4; limit-- {
		total := 0
		for _, t := range texts {
			total += min(report.Width(t), limit)
		}
		if total <= budget {
			break
		}
	}
	if limit < longest {
		names := make([]string, len(lines))
		for k, i := range lines {
			names[k] = nameOf(s, i)
		}
		for k, i := range lines {
			label := rankLabel(s, i) + " "
			texts[k] = label + report.ShortNames(names, max(1, limit-report.Width(label)))[k]
		}
	}
	used := 0
	for k, i := range lines {
		if used >= w {
			return
		}
		used += drawText(screen, x+used, y, min(limit, w-used), texts[k], seriesStyle(st, s, i, selected)) + gap
	}
	if note != "" && used < w {
		drawText(screen, x+used, y, w-used, note, st.Dim)
	}
}

// leftOutNote names the ranked opportunities the chart does not draw:
// "3, 4 not drawn", "2, 3, 5–8 not drawn", or "9 not drawn" when the
// list would run long; "" when every one is drawn.
func leftOutNote(s *model.State, lines []int) string {
	var ranks []int
	for _, r := range s.Ranked {
		if !slices.Contains(lines, r.Index) {
			ranks = append(ranks, r.Rank)
		}
	}
	if len(ranks) == 0 {
		return ""
	}
	// Runs of ranks: "2, 3, 5–8"; more than three runs are only counted,
	// since a list that long would not fit beside the names.
	var runs []string
	for k := 0; k < len(ranks); {
		j := k
		for j+1 < len(ranks) && ranks[j+1] == ranks[j]+1 {
			j++
		}
		switch {
		case j-k >= 2:
			runs = append(runs, strconv.Itoa(ranks[k])+"–"+strconv.Itoa(ranks[j]))
		case j > k:
			runs = append(runs, strconv.Itoa(ranks[k]), strconv.Itoa(ranks[j]))
		default:
			runs = append(runs, strconv.Itoa(ranks[k]))
		}
		k = j + 1
	}
	if len(runs) > 3 {
		return strconv.Itoa(len(ranks)) + " not drawn"
	}
	return strings.Join(runs, ", ") + " not drawn"
}
