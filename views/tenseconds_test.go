package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views/report"
)

// The remaining items of the first screen that "reads in ten seconds":
// what fresh readers shown only the screen stumbled on, each checked on
// the screen it was missing from, at 100×30 and 80×24.

// busyProfile is a search in full swing: the example's six, an offer
// whose pay is not given (the longest Advice), and leads enough to make
// eleven rows, with strengths weighed near where the leader would change.
func busyProfile() *model.Profile {
	p := samProfile()
	p.Priorities[0].Weight = 20
	f := model.Float
	known := func(v float64) model.Rating { return model.Rating{Low: v, High: v} }
	p.Opportunities = append(p.Opportunities,
		model.Opportunity{Name: "Soylent Partners", Stage: model.StageOffer, Starts: exampleToday().AddDays(21),
			RespondBy: exampleToday().AddDays(9), Insurance: true,
			Ratings: map[string]model.Rating{"strengths": known(3), "manager": known(3), "environment": known(3)}},
		model.Opportunity{Name: "Stark Freight", Stage: model.StageApplied, Pay: f(58000)},
		model.Opportunity{Name: "Wonka Foods", Stage: model.StageLead, Pay: f(49000)},
		model.Opportunity{Name: "Cyberdyne Ops", Stage: model.StageInterviewing, Pay: f(72000),
			Ratings: map[string]model.Rating{"strengths": known(4), "manager": {Low: 2, High: 4}}},
		model.Opportunity{Name: "Tyrell Supply", Stage: model.StageApplied, Pay: f(64000)},
	)
	return p
}

// sizes are the two screens the readers were shown.
var sizes = [][2]int{{100, 30}, {80, 24}}

// rowOf is the ranking's row that names name, or "".
func rowOf(lines []string, name string) string {
	for _, l := range lines {
		if strings.HasPrefix(l, "║") && strings.Contains(l, name) {
			return l
		}
	}
	return ""
}

// TestOfferInHandIsMarked: an offer in hand reads apart from a process
// still deciding, without colour: a ✓ after its stage, in bold, and the
// frame's foot says what ✓ means.
func TestOfferInHandIsMarked(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, true, Hooks{})
	for _, size := range sizes {
		screen := drawOn(t, d, size[0], size[1])
		lines := screenLines(screen)
		text := strings.Join(lines, "\n")
		for _, name := range []string{"Acme Logistics", "Vandelay Indu"} {
			if !strings.Contains(rowOf(lines, name), "offer "+inHandMark) {
				t.Errorf("%dx%d: the offer %s is not marked in hand:\n%s", size[0], size[1], name, text)
			}
		}
		for _, name := range []string{"Globex", "Hooli", "Umbrella"} {
			if strings.Contains(rowOf(lines, name), inHandMark) {
				t.Errorf("%dx%d: %s is marked as an offer in hand:\n%s", size[0], size[1], name, text)
			}
		}
		foot := lineWith(lines, "╚")
		if !strings.Contains(foot, inHandMark+" offer in hand") {
			t.Errorf("%dx%d: the ranking's foot does not say what %s means: %q", size[0], size[1], inHandMark, foot)
		}
		// Bold, which NO_COLOR keeps: Globex's stage (a process) is not.
		if !stageBold(screen, lines, "Acme Logistics", "offer") || stageBold(screen, lines, "Globex", "final") {
			t.Errorf("%dx%d: an offer in hand's stage is not bold, or a process's is", size[0], size[1])
		}
	}
	// The help page says what ✓ means too.
	var help strings.Builder
	for _, l := range newHelpPage(pageEnv{styles: NewStyles(true), keys: DefaultKeymap()}).lines(1000) {
		for _, sp := range l {
			help.WriteString(sp.text)
		}
	}
	if !strings.Contains(help.String(), inHandMark+" after the stage marks an offer in hand") {
		t.Errorf("the help page does not say what %s means:\n%s", inHandMark, help.String())
	}
}

// stageBold reports whether the stage of name's row is drawn in bold.
func stageBold(screen tcell.Screen, lines []string, name, stage string) bool {
	for y, l := range lines {
		if strings.HasPrefix(l, "║") && strings.Contains(l, name) {
			x := cellColumn(screen, y, stage)
			_, style, _ := screen.Get(x, y)
			_, _, attrs := style.Decompose()
			return attrs&tcell.AttrBold != 0
		}
	}
	return false
}

// TestReasonsAreReadable: a deal-breaker's reason is never cut to "ma…".
// At 100×30 the ranking says it in short words (the fit's interval gives
// way to it); at 80×24, where only the marker fits, the selected row's
// details say it in full in their first lines.
func TestReasonsAreReadable(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, true, Hooks{})
	lines := screenLines(drawOn(t, d, 100, 30))
	for name, want := range map[string]string{"Initech": "at risk: manager not rated", "Hooli": "at risk: manager not rated",
		"Vandelay": "vetoed: manager 1, needs 2"} {
		if row := rowOf(lines, name); !strings.Contains(row, want+" ") {
			t.Errorf("100x30: %s's row does not read %q: %q", name, want, row)
		}
	}
	for _, size := range sizes {
		lines := screenLines(drawOn(t, d, size[0], size[1]))
		for _, l := range lines {
			if strings.HasPrefix(l, "║") && strings.Contains(l, "…║") {
				t.Errorf("%dx%d: a marker is cut short: %q", size[0], size[1], l)
			}
		}
	}
	press(d, "jjjj") // Vandelay Industries
	for _, size := range sizes {
		lines := screenLines(drawOn(t, d, size[0], size[1]))
		top := flatPane(lines, lineWith(lines, "┌ Vandelay"), 4)
		if !strings.Contains(top, "Vetoed: manager rated 1, below its floor of 2.") {
			t.Errorf("%dx%d: the details' first lines do not give the veto's reason: %q", size[0], size[1], top)
		}
	}
	press(d, "kk") // Initech (contract)
	lines = screenLines(drawOn(t, d, 80, 24))
	if top := flatPane(lines, lineWith(lines, "┌ Initech"), 5); !strings.Contains(top,
		"At risk: manager unknown; could be below its floor of 2.") {
		t.Errorf("80x24: the details' first lines do not say why it is at risk: %q", top)
	}
}

// flatPane is the text of the first n lines of the left pane whose top
// border is top, as one line of words.
func flatPane(lines []string, top string, n int) string {
	var words []string
	for k, l := range lines {
		if l != top || top == "" {
			continue
		}
		for _, row := range lines[k+1 : min(len(lines), k+1+n)] {
			if end := strings.Index(row[len("│"):], "│"); end >= 0 {
				row = row[len("│") : len("│")+end]
			}
			words = append(words, strings.Fields(row)...)
		}
	}
	return strings.Join(words, " ")
}

// TestMoneySentenceNamesAProcessAsOne: the ranking's change in money,
// said in the details and labelled as the ranking's, says when the one
// that would lead has not offered yet, and names an offer in hand by its
// name alone.
func TestMoneySentenceNamesAProcessAsOne(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, true, Hooks{})
	flat := func(d *Dashboard, w, h int) string {
		lines := screenLines(drawOn(t, d, w, h))
		return flatPane(lines, lineWith(lines, "┌ "+nameOf(d.Controller().State(), d.Controller().Selected())), 14)
	}
	if text := flat(d, 100, 30); !strings.Contains(text, "Ranking only (the Advice also weighs deadlines and money): Globex (no offer yet, chance 0.50) would rank first with over 4.5 months of runway ($2,324 more savings).") {
		t.Errorf("the details do not give the ranking's change in money:\n%s", text)
	}
	// With more savings Globex leads, and the offer in hand would lead
	// with less: it is named plainly.
	p := samProfile()
	p.Situation.Savings = model.Float(30000)
	d, _ = newTestDashboard(t, p, model.Request{}, true, Hooks{})
	if text := flat(d, 100, 40); !strings.Contains(text, "Ranking only (the Advice also weighs deadlines and money): Acme Logistics would rank first below") {
		t.Errorf("an offer in hand is not named plainly:\n%s", text)
	}
}

// TestChartMarksAreLabelled: the chart's foot says what ◆ and ┴ (and ▲)
// mark, and the lines' legend stays at 80×24.
func TestChartMarksAreLabelled(t *testing.T) {
	d, _ := newTestDashboard(t, nil, model.Request{}, true, Hooks{})
	for size, want := range map[[2]int]string{{100, 30}: "◆┴ ranking's #1 changes at 0.43 · ▲ now", {80, 24}: "◆ new #1 at 0.43 · ▲ now"} {
		lines := screenLines(drawOn(t, d, size[0], size[1]))
		text := strings.Join(lines, "\n")
		if foot := lines[len(lines)-3]; !strings.Contains(foot, "└─ "+want+" ─") {
			t.Errorf("%dx%d: the chart's foot does not label its marks: %q", size[0], size[1], foot)
		}
		if !strings.Contains(text, "1 Acme") || !strings.Contains(text, "not drawn") {
			t.Errorf("%dx%d: the lines' legend is lost:\n%s", size[0], size[1], text)
		}
	}
	// Two leader changes are both named, where they fit.
	p := samProfile()
	p.Situation.Savings = model.Float(30000)
	d, _ = newTestDashboard(t, p, model.Request{Urgency: model.Float(0.9)}, true, Hooks{})
	s := d.Controller().State()
	if len(s.LeaderChanges) == 0 {
		t.Fatal("no leader change to label")
	}
	lines := screenLines(drawOn(t, d, 100, 30))
	var at []string
	for _, ch := range s.LeaderChanges {
		at = append(at, report.Urgency(ch.Urgency))
	}
	if foot := lines[len(lines)-3]; !strings.Contains(foot, " at "+strings.Join(at, ", ")) {
		t.Errorf("the chart's foot does not name the leader changes %v: %q", at, foot)
	}
}

// TestBusyHeaderLeavesTheRankingRoom: with eleven rows, an offer whose
// pay is not given and a weight near the flip, the header keeps to the
// urgency, the Advice and the money (the weight gives way at 80×24) and
// the ranking keeps its rows.
func TestBusyHeaderLeavesTheRankingRoom(t *testing.T) {
	d, _ := newTestDashboard(t, busyProfile(), model.Request{}, true, Hooks{})
	for _, c := range []struct{ w, h, rows int }{{100, 30, 11}, {80, 24, 7}} {
		lines := screenLines(drawOn(t, d, c.w, c.h))
		text := strings.Join(lines, "\n")
		if !strings.HasPrefix(lines[1], "urgency 0.55") || !strings.HasPrefix(lines[2], "Advice: ") ||
			!strings.HasPrefix(lines[3], "Holding out") || !strings.HasPrefix(lines[4], "╔ Ranking") {
			t.Errorf("%dx%d: the header is not urgency, Advice and what would change it in four lines:\n%s", c.w, c.h, text)
		}
		// The weight near its flip is the ranking's: the details say it,
		// not the header.
		if strings.Contains(lines[3], "strengths") {
			t.Errorf("%dx%d: the header speaks of the ranking's weight: %q", c.w, c.h, lines[3])
		}
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "║") && !strings.Contains(l, "OPPORTUNITY") {
				n++
			}
		}
		if n < c.rows {
			t.Errorf("%dx%d: the ranking shows %d rows, want at least %d:\n%s", c.w, c.h, n, c.rows, text)
		}
		if !strings.Contains(text, inHandMark+" offer in hand · ? pay not given") {
			t.Errorf("%dx%d: the ranking's foot does not say what ✓ and ? mean:\n%s", c.w, c.h, text)
		}
	}
}

// TestLeftOutNote: the chart names the ranks it leaves out as runs, so a
// line drawn in the middle is never said to be left out.
func TestLeftOutNote(t *testing.T) {
	s := &model.State{}
	for k := range 8 {
		s.Ranked = append(s.Ranked, model.Ranked{Index: k, Rank: k + 1})
	}
	for _, c := range []struct {
		drawn []int
		want  string
	}{
		{[]int{0, 1, 2, 3, 4, 5, 6, 7}, ""},
		{[]int{0, 1, 2, 3, 4, 5}, "7, 8 not drawn"},
		{[]int{0, 3}, "2, 3, 5–8 not drawn"}, // rank 4 is drawn
		{[]int{0}, "2–8 not drawn"},
		{[]int{0, 2, 4, 6}, "4 not drawn"}, // four runs: only counted
	} {
		if got := leftOutNote(s, c.drawn); got != c.want {
			t.Errorf("drawn %v: %q, want %q", c.drawn, got, c.want)
		}
	}
}
