package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/views/report"
)

// Header is the dashboard's top: which profile, which day, which
// scenario, and the urgency in force with its source and parts. The line
// that starts with "urgency" and its value to two decimals is a contract:
// scripts and tests outside mutual read it off the screen.
type Header struct {
	*tview.Box
	styles Styles
	keys   Keymap
	// advice is decide's verdict in parts, worked out once per state, not
	// per draw; decision is the decision it says, whose break-evens the
	// line under it reads.
	advice   []string
	decision *model.Decision
	// profile names the profile file, or the built-in example.
	profile string
	today   model.Date
	example bool
	state   *model.State
	// scenario is the scenario in force and where it is in the profile's
	// list (from 1, of total); k is 0 when none is.
	scenario string
	k, total int
}

// NewHeader returns a header for the named profile, naming the keys of
// keys. With example set it adds a banner saying the data is the built-in
// example and how to start one's own.
func NewHeader(st Styles, keys Keymap, profile string, today model.Date, example bool) *Header {
	return &Header{Box: plainBox(), styles: st, keys: keys,
		profile: profile, today: today, example: example}
}

// SetState shows the urgency and scenario of s; k and total place the
// scenario in the profile's list (k is 0 for none).
func (h *Header) SetState(s *model.State, k, total int) {
	h.state, h.scenario, h.k, h.total = s, s.Request.Scenario, k, total
}

// SetDecision shows decide's verdict for the state, solved as far as a
// glance needs (see [model.DecideGlance]); nil shows none.
func (h *Header) SetDecision(s *model.State, d *model.Decision) {
	h.advice, h.decision = nil, d
	if d != nil {
		h.advice = report.VerdictParts(s, d)
	}
}

// Height is how many lines the header takes.
func (h *Header) Height() int {
	if h.example {
		return 5
	}
	return 4
}

// Draw draws the header.
func (h *Header) Draw(screen tcell.Screen) {
	h.Box.DrawForSubclass(screen, h)
	x, y, w, height := h.GetInnerRect()
	if w <= 0 || height <= 0 || h.state == nil {
		return
	}
	st := h.styles

	// Line 1: the profile and the day on the left, the scenario on the
	// right. When space is short, the hint that scenarios exist gives way
	// first; a scenario in force never does: the start of the profile's
	// path gives way to it.
	var scenarios []string
	switch {
	case h.k > 0:
		scenarios = []string{fmt.Sprintf("scenario %d/%d %s", h.k, h.total, strconv.Quote(h.scenario)),
			"scenario " + strconv.Quote(h.scenario)}
	case h.total > 0:
		// No scenario in force: say that the profile has some, and the key
		// that tries the next, in words.
		n := fmt.Sprintf("%d saved scenarios", h.total)
		if h.total == 1 {
			n = "1 saved scenario"
		}
		next := h.keys.KeyLabel(IntentNextScenario)
		scenarios = []string{fmt.Sprintf("%s: press %s to try one", n, next), fmt.Sprintf("%s: %s tries one", n, next)}
	}
	profile, today := report.Clean(h.profile), " · today "+h.today.String()
	left := report.Width("mutual · ") + report.Width(profile) + report.Width(today)
	scenario := ""
	for _, sc := range scenarios {
		if left+2+report.Width(sc) <= w {
			scenario = sc
			break
		}
	}
	if scenario == "" && h.k > 0 {
		scenario = report.Truncate(scenarios[len(scenarios)-1], max(w/2, 1))
	}
	room := w - report.Width("mutual · ") - report.Width(today)
	if scenario != "" && room-report.Width(profile) < report.Width(scenario)+2 {
		room -= report.Width(scenario) + 2
	}
	drawLine(screen, x, y, w, line{
		{"mutual", st.Strong}, {" · ", st.Dim}, {truncateStart(profile, max(room, 1)), st.Text}, {today, st.Text}})
	if scenario != "" {
		drawText(screen, x+w-report.Width(scenario), y, report.Width(scenario), scenario, st.Text)
	}

	// Line 2: the urgency, its source and parts.
	if height < 2 {
		return
	}
	summary := report.UrgencySummary(h.state)
	head := "urgency " + report.Urgency(h.state.Urgency.Value)
	drawLine(screen, x, y+1, w, line{{head, st.Strong}, {strings.TrimPrefix(summary, head), st.Text}})

	// Line 3: decide's verdict, the one thing to do today.
	if height >= 3 && len(h.advice) > 0 {
		room := max(w-report.Width("Advice: "), 1)
		drawLine(screen, x, y+2, w, line{{"Advice: ", st.Strong}, {report.FitVerdict(h.advice, room), st.Text}})
	}
	// Line 4: what would change the advice, in money and chances. Where
	// the ranking's leader changes is the ranking's: the details say it
	// and the chart draws it.
	if height >= 4 && h.decision != nil {
		drawText(screen, x, y+3, w, report.AdviceChange(h.state, h.decision, w), st.Text)
	}
	if h.example && height >= 5 {
		banner := "Built-in example (Sam's story), not your data: start your own with mutual init"
		if report.Width(banner) > w {
			banner = "Built-in example, not your data: mutual init starts your own"
		}
		drawText(screen, x, y+4, w, banner, st.Banner)
	}
}
