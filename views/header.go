package views

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
)

// Header is the dashboard's top: which profile, which day, which
// scenario, and the urgency in force with its source and parts. The line
// that starts with "urgency" and its value to two decimals is a contract:
// scripts and tests outside mutual read it off the screen.
type Header struct {
	*tview.Box
	styles Styles
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

// NewHeader returns a header for the named profile. With example set it
// adds a banner saying the data is the built-in example and how to start
// one's own.
func NewHeader(st Styles, profile string, today model.Date, example bool) *Header {
	return &Header{Box: tview.NewBox().SetBackgroundColor(tcell.ColorDefault), styles: st,
		profile: profile, today: today, example: example}
}

// SetState shows the urgency and scenario of s; k and total place the
// scenario in the profile's list (k is 0 for none).
func (h *Header) SetState(s *model.State, k, total int) {
	h.state, h.scenario, h.k, h.total = s, s.Request.Scenario, k, total
}

// Height is how many lines the header takes.
func (h *Header) Height() int {
	if h.example {
		return 3
	}
	return 2
}

// Draw draws the header.
func (h *Header) Draw(screen tcell.Screen) {
	h.Box.DrawForSubclass(screen, h)
	x, y, w, height := h.GetInnerRect()
	if w <= 0 || height <= 0 || h.state == nil {
		return
	}
	st := h.styles

	// Line 1: the scenario on the right, the profile taking what is left.
	scenario := "no scenario"
	switch {
	case h.k > 0:
		scenario = fmt.Sprintf("scenario %d/%d %s", h.k, h.total, strconv.Quote(h.scenario))
	case h.total > 0:
		scenario = fmt.Sprintf("no scenario ([ ] tries %d)", h.total)
	}
	today := " · today " + h.today.String()
	room := w - Width("mutual · ") - Width(today) - 2 - Width(scenario)
	if room < 12 {
		scenario = ""
		room = w - Width("mutual · ") - Width(today)
	}
	used := drawLine(screen, x, y, w, line{
		{"mutual", st.Strong}, {" · ", st.Dim},
		{TruncateStart(Clean(h.profile), max(room, 1)), st.Text}, {today, st.Text}})
	if scenario != "" && used+2+Width(scenario) <= w {
		drawText(screen, x+w-Width(scenario), y, Width(scenario), scenario, st.Text)
	}

	// Line 2: the urgency, its source and parts.
	if height < 2 {
		return
	}
	summary := UrgencySummary(h.state)
	head := "urgency " + U(h.state.Urgency.Value)
	drawLine(screen, x, y+1, w, line{{head, st.Strong}, {strings.TrimPrefix(summary, head), st.Text}})

	if h.example && height >= 3 {
		drawText(screen, x, y+2, w, "Built-in example (Sam's story), not your data: start your own with mutual init", st.Banner)
	}
}
