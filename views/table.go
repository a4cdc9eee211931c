package views

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// RankTable is the ranking pane: every opportunity with its rank, stage,
// score, its chance, how sure its place is (its first_share: the share of
// the ways its unknown ratings could turn out in which it ranks first),
// fit (with the interval its unknowns leave) and relief, ranked ones best
// first, then vetoed ones, then closed ones; a marker says which are
// vetoed, at risk or closed, and why (in as few words as it takes: the
// fit's interval gives way to the reason before the reason is cut), and a
// ? after the relief (with the words where there is room) whose relief
// counts no income because the pay is not given. An offer in hand (stage
// offer or accepted: a job that is the person's to take) has a ✓ after
// its stage, in bold, so that it is not taken for a process still
// deciding; the bottom of the frame says what ✓ and ? mean. Columns are
// measured in terminal cells, so names in wide scripts keep the columns
// aligned.
type RankTable struct {
	*frame
	state    *model.State
	shares   model.FirstShares
	rows     []int
	selected int
	// filter is the text the rows are filtered by, and typing whether it
	// is still being typed.
	filter string
	typing bool
	// offset is the first row shown; top and shown are where the rows were
	// drawn last, for the mouse.
	offset, top, shown int
	// measured caches the widest name of the rows, which no what-if
	// changes (they share the profile's opportunities), and the widest fit
	// text, which only a weight changes (an urgency what-if shares the
	// assessments): a what-if does not measure two thousand names again.
	measured struct {
		names      *model.Opportunity
		fits       *model.Assessment
		rows, name int
		fitRows    int
		fit        int
		// flag is the widest marker with its reasons in their short
		// form; inHand and payUnknown say whether any row has an offer
		// in hand or a pay not given, for the legend.
		flag               int
		inHand, payUnknown bool
	}
	// short caches the names as the name column shows them at one width
	// (see report.ShortNames), for the rows they were made for.
	short struct {
		names        *model.Opportunity
		rows, width  int
		byAssessment map[int]string
	}
}

// shortName is opportunity i's name as a name column width cells wide
// shows it: where names share a start, the part that tells them apart
// stays in sight.
func (t *RankTable) shortName(i, width int) string {
	s := t.state
	name := nameOf(s, i)
	if report.Width(name) <= width {
		return name
	}
	sh := &t.short
	if sh.names != &s.Profile.Opportunities[0] || sh.rows != len(t.rows) || sh.width != width {
		names := make([]string, len(s.Assessments))
		for k := range s.Assessments {
			names[k] = nameOf(s, k)
		}
		short := report.ShortNames(names, width)
		sh.names, sh.rows, sh.width = &s.Profile.Opportunities[0], len(t.rows), width
		sh.byAssessment = make(map[int]string, len(short))
		for k, n := range short {
			sh.byAssessment[k] = n
		}
	}
	return sh.byAssessment[i]
}

// NewRankTable returns an empty ranking pane.
func NewRankTable(st Styles) *RankTable {
	return &RankTable{frame: newFrame(st), selected: -1}
}

// SetState shows s, listing rows (indices into s.Assessments) in order,
// with selected highlighted.
func (t *RankTable) SetState(s *model.State, rows []int, selected int) {
	t.state, t.rows, t.selected = s, rows, selected
}

// SetFilter says in the title which filter keeps the rows, if any.
func (t *RankTable) SetFilter(filter string, typing bool) { t.filter, t.typing = filter, typing }

// SetShares shows the first shares fs (of the state set) beside the
// scores.
func (t *RankTable) SetShares(fs model.FirstShares) { t.shares = fs }

// Height is the height that shows every row: a frame, a column heading and
// one line a row.
func (t *RankTable) Height() int { return len(t.rows) + 3 }

// RowAt is the opportunity drawn at screen position x, y, if any.
func (t *RankTable) RowAt(x, y int) (int, bool) {
	if !t.InInnerRect(x, y) {
		return -1, false
	}
	k := y - t.top + t.offset
	if y < t.top || y >= t.top+t.shown || k < 0 || k >= len(t.rows) {
		return -1, false
	}
	return t.rows[k], true
}

// columns are the widths of the table's columns for one draw.
type columns struct {
	gap, rank, name, stage, score, chance, first, fit, relief, flag int
	// shortFit drops the fit interval; shortFlag writes markers as one
	// symbol.
	shortFit, shortFlag bool
}

// layoutColumns fits the columns into width cells, narrowing the fit,
// stage and marker columns before the name gets too short to read.
func (t *RankTable) layoutColumns(width int) columns {
	s := t.state
	c := columns{gap: 2, rank: max(2, len(strconv.Itoa(len(s.Ranked)))), stage: report.Width("interviewing"), score: 5, chance: 6, first: 5,
		fit: report.Width("FIT"), relief: 6, flag: report.Width("at risk")}
	m := &t.measured
	var names *model.Opportunity
	var fits *model.Assessment
	if len(s.Assessments) > 0 {
		names, fits = &s.Profile.Opportunities[0], &s.Assessments[0]
	}
	// The names, the markers and the marks follow the profile, not the
	// weights or the urgency: a what-if, which makes new assessments of
	// the same opportunities, measures only the fits again.
	if names == nil || m.names != names || m.rows != len(t.rows) {
		m.names, m.rows, m.name = names, len(t.rows), report.Width("OPPORTUNITY")
		m.flag, m.inHand, m.payUnknown = 0, false, false
		for _, i := range t.rows {
			m.name = max(m.name, report.Width(nameOf(s, i)))
			a := &s.Assessments[i]
			if a.Closed {
				continue
			}
			if len(a.Flags) > 0 || a.FollowUp != nil {
				m.flag = max(m.flag, report.Width(markerText(a, markerShort)))
			}
			m.inHand = m.inHand || inHand(a)
			m.payUnknown = m.payUnknown || !a.Relief.PayKnown
		}
	}
	if fits == nil || m.fits != fits || m.fitRows != len(t.rows) {
		m.fits, m.fitRows, m.fit = fits, len(t.rows), 0
		for _, i := range t.rows {
			m.fit = max(m.fit, report.FitTextWidth(s.Assessments[i].Fit))
		}
	}
	wantName := m.name
	// The fit's interval is for the details and explain, which say what
	// it is; the ranking shows the fit alone.
	c.shortFit, c.fit = true, 5
	// The first shares say how sure each place is while ratings are
	// unknown; when every one is 0% or 100% they say nothing the rank
	// does not, and the column gives its room to the rest.
	if !t.sharesUnsure() {
		c.first = 0
	}
	fixed := func() int {
		n := c.rank + c.stage + c.score + c.fit + c.relief + c.flag + 6*c.gap
		if c.chance > 0 {
			n += c.chance + c.gap
		}
		if c.first > 0 {
			n += c.first + c.gap
		}
		return n
	}
	const readable = 12
	if width-fixed() < readable {
		c.shortFit, c.fit = true, 5
	}
	if width-fixed() < readable {
		c.chance = 0 // the details say it
	}
	if width-fixed() < readable {
		c.stage = 6
	}
	if width-fixed() < readable {
		c.gap = 1
	}
	if width-fixed() < readable {
		c.shortFlag, c.flag = true, 1
	}
	c.name = max(1, min(wantName, width-fixed()))
	// A reason cut short ("vetoed: ma…") says nothing: the fit's interval
	// (which the details and explain give too) makes room for it first.
	if !c.shortFit && !c.shortFlag && width-fixed()-c.name+c.flag < m.flag {
		c.shortFit, c.fit = true, 5
		c.name = max(1, min(wantName, width-fixed()))
	}
	// What is left goes to the markers, which then say why.
	c.flag += max(0, width-fixed()-c.name)
	return c
}

// The forms a marker's text takes, longest first.
const (
	markerLong  = iota // the marker and its reasons in full
	markerShort        // the marker and its reasons in the fewest words
	markerBare         // the marker alone
)

// markerText is what the ranking's last column says of a (not closed) in
// the given form: "vetoed: manager rated 1, below its floor of 2",
// "vetoed: manager 1 < 2" or "vetoed", each with what it says of a pay
// not given.
func markerText(a *model.Assessment, form int) string {
	marker := report.Marker(a)
	var reasons []string
	switch form {
	case markerLong:
		reasons = report.Reasons(a)
	case markerShort:
		reasons = report.ShortReasons(a)
	case markerBare:
		// Every marker, so that a follow-up is not hidden behind an
		// at-risk one.
		if a.FollowUp != nil && marker != "follow up" {
			marker += ", follow up"
		}
		return marker
	}
	if len(reasons) > 0 {
		if marker == "follow up" {
			marker = strings.Join(reasons, "; ") // the reason begins with it
		} else {
			marker += ": " + strings.Join(reasons, "; ")
		}
	}
	// In short, the ? after the relief (and the legend under the
	// ranking) says that the pay is not given.
	note := report.PayUnknownNote(a)
	if form != markerLong {
		note = ""
	}
	if note != "" {
		if marker != "" {
			marker += "; "
		}
		marker += note
	}
	return marker
}

// inHand reports whether a is an offer in hand: the person's to take (an
// offer) or already taken (accepted).
func inHand(a *model.Assessment) bool {
	return !a.Closed && (a.Stage == model.StageOffer || a.Stage == model.StageAccepted)
}

// inHandMark follows the stage of an offer in hand.
const inHandMark = "✓"

// stageText is a's stage in a column width cells wide, with the mark of
// an offer in hand after it.
func stageText(a *model.Assessment, width int) string {
	stage := string(a.Stage)
	if !inHand(a) {
		return stage
	}
	if report.Width(stage)+1+report.Width(inHandMark) <= width {
		return stage + " " + inHandMark
	}
	return report.Truncate(stage, width-report.Width(inHandMark)) + inHandMark
}

// sharesUnsure reports whether any first share is other than 0% or 100%.
func (t *RankTable) sharesUnsure() bool {
	for _, share := range t.shares.Share {
		if share > 0 && share < 1 {
			return true
		}
	}
	return false
}

// legend says what the marks of the rows shown mean, for the bottom of
// the frame, in at most width cells: "✓ offer in hand · ? pay not given",
// then what the FIRST column is where it shows and there is room.
func (t *RankTable) legend(width int) string {
	var parts []string
	if t.measured.inHand {
		parts = append(parts, inHandMark+" offer in hand")
	}
	if t.measured.payUnknown {
		parts = append(parts, "? pay not given")
	}
	for _, first := range []string{"FIRST: how often it ranks first, over unknown ratings", "FIRST: how often first"} {
		if t.sharesUnsure() && report.Width(strings.Join(append(slices.Clone(parts), first), " · ")) <= width {
			parts = append(parts, first)
			break
		}
	}
	return strings.Join(parts, " · ")
}

// Draw draws the ranking.
func (t *RankTable) Draw(screen tcell.Screen) {
	t.setTitle(t.title())
	t.drawFrame(screen)
	x, y, w, h := t.GetInnerRect()
	if w <= 0 || h <= 0 || t.state == nil {
		return
	}
	st := t.styles
	c := t.layoutColumns(w)
	drawLine(screen, x, y, w, t.cells(c, -1, -1, st.Heading, st.Heading))
	t.top, t.shown = y+1, h-1
	if len(t.rows) == 0 && t.filter != "" {
		drawText(screen, x, y+1, w, "No name contains "+strconv.Quote(report.Clean(t.filter))+".", st.Dim)
		return
	}
	if len(t.rows) == 0 {
		drawText(screen, x, y+1, w, "No opportunities yet: add an [[opportunity]] to the profile.", st.Dim)
		return
	}
	k := 0
	for i, r := range t.rows {
		if r == t.selected {
			k = i
		}
	}
	if k < t.offset {
		t.offset = k
	}
	if t.shown > 0 && k >= t.offset+t.shown {
		t.offset = k - t.shown + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-t.shown))
	for row := 0; row < t.shown && t.offset+row < len(t.rows); row++ {
		i := t.rows[t.offset+row]
		text, flag := t.rowStyles(i)
		if i == t.selected {
			text, flag = st.Selected, st.Selected
			fill(screen, x, y+1+row, w, 1, st.Selected)
		}
		drawLine(screen, x, y+1+row, w, t.cells(c, i, t.offset+row, text, flag))
	}
	bx, by, bw, bh := t.GetRect()
	if legend := t.legend(bw - 10); legend != "" && report.Width(legend)+2 <= bw-8 {
		drawText(screen, bx+2, by+bh-1, report.Width(legend)+2, " "+legend+" ", st.Dim)
	}
	if bw >= 8 {
		if t.offset > 0 {
			drawText(screen, bx+bw-4, by, 3, "▲", st.Strong)
		}
		if t.offset+t.shown < len(t.rows) {
			drawText(screen, bx+bw-4, by+bh-1, 3, "▼", st.Strong)
		}
	}
}

func (t *RankTable) title() string {
	if t.state == nil {
		return "Ranking"
	}
	title := "Ranking at urgency " + report.Urgency(t.state.Urgency.Value)
	if t.filter != "" || t.typing {
		title += " · names containing " + strconv.Quote(report.Clean(t.filter)) + " (" + strconv.Itoa(len(t.rows)) + " of " +
			strconv.Itoa(len(t.state.Assessments)) + ")"
	}
	return title
}

// rowStyles are the styles of a row's text and of its marker.
func (t *RankTable) rowStyles(i int) (text, flag tcell.Style) {
	st := t.styles
	a := &t.state.Assessments[i]
	switch {
	case a.Closed:
		return st.Dim, st.Dim
	case a.Vetoed():
		return st.Dim, st.Vetoed
	case a.AtRisk():
		return st.Text, st.AtRisk
	case i == t.state.Leader():
		return st.Strong, st.Text
	}
	return st.Text, st.Text
}

// cells lays out opportunity i, listed at row k (or the column headings
// when i is -1).
func (t *RankTable) cells(c columns, i, k int, text, flag tcell.Style) line {
	gap := span{strings.Repeat(" ", c.gap), text}
	// extra are the chance and first share columns, after the score.
	extra := func(chance, first string) line {
		var l line
		if c.chance > 0 {
			l = append(l, span{padLeft(chance, c.chance), text}, gap)
		}
		if c.first > 0 {
			l = append(l, span{padLeft(first, c.first), text}, gap)
		}
		return l
	}
	if i < 0 {
		l := line{
			{padLeft("#", c.rank), text}, gap, {report.Pad("OPPORTUNITY", c.name), text}, gap,
			{report.Pad("STAGE", c.stage), text}, gap, {padLeft("SCORE", c.score), text}, gap,
		}
		l = append(l, extra("CHANCE", "FIRST")...)
		return append(l, span{report.Pad("FIT", c.fit), text}, gap, span{padLeft("RELIEF", c.relief), text})
	}
	s := t.state
	a := &s.Assessments[i]
	rank, score, fit, relief := "-", "", "", ""
	if !a.Closed {
		score, relief = report.Num(a.Score(s.Urgency.Value)), report.Num(a.Relief.Value)
		if a.Vetoed() {
			// A deal-breaker rules it out whatever it scores: no score to
			// compare with the ranked ones; the last column says why.
			score = "—"
		}
		fit = report.FitText(a.Fit)
		if c.shortFit {
			fit = report.Num(a.Fit.Value)
		}
	}
	// The rows list the ranked ones first, in rank order: row k is rank
	// k+1, so a row costs the same with two thousand as with ten.
	if k >= 0 && k < len(s.Ranked) && s.Ranked[k].Index == i {
		rank = strconv.Itoa(s.Ranked[k].Rank)
	} else {
		for _, r := range s.Ranked {
			if r.Index == i {
				rank = strconv.Itoa(r.Rank)
			}
		}
	}
	var marker string
	switch {
	case a.Closed:
		marker = "closed"
	case c.shortFlag:
		marker = report.Marker(a)
	default:
		// The longest form that fits: the reasons in full, in short, or
		// the marker alone (the details say why).
		for form := markerLong; form <= markerBare; form++ {
			if marker = markerText(a, form); report.Width(marker) <= c.flag {
				break
			}
		}
		if report.Width(marker) > c.flag {
			marker = report.Marker(a) // the weightiest marker, whole
		}
	}
	if c.shortFlag {
		marker = map[string]string{"vetoed": "✗", "at risk": "!", "closed": "–", "follow up": "↻"}[marker]
	}
	stageStyle := text
	if inHand(a) {
		stageStyle = text.Bold(true)
	}
	chance, first := "", ""
	if !a.Closed {
		chance = strconv.FormatFloat(a.Relief.Chance, 'f', 2, 64)
	}
	if rank != "-" && i < len(t.shares.Share) {
		first = report.ShareText(t.shares.Share[i])
	}
	l := line{
		{padLeft(rank, c.rank), text}, gap, {report.Pad(t.shortName(i, c.name), c.name), text}, gap,
		{report.Pad(stageText(a, c.stage), c.stage), stageStyle}, gap, {padLeft(score, c.score), text}, gap,
	}
	l = append(l, extra(chance, first)...)
	// A ? just after the relief, in the gap before the marker, says it
	// counts no income: the pay is not given.
	after := gap
	if !a.Closed && !a.Relief.PayKnown {
		after = span{"?" + strings.Repeat(" ", c.gap-1), text}
	}
	return append(l, span{report.Pad(fit, c.fit), text}, gap, span{padLeft(relief, c.relief), text}, after,
		span{report.Pad(marker, c.flag), flag})
}
