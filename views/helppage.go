package views

import (
	"github.com/gdamore/tcell/v2"

	"mutual/views/report"
)

// PageHelp is the help page.
const PageHelp Page = "help"

// HelpPage lists every key from the key table, with what it does, and says
// in a few sentences how to read the dashboard.
type HelpPage struct {
	*textPane
	spec PageSpec
	keys Keymap
}

// newHelpPage returns the help page for a key table.
func newHelpPage(e pageEnv) *HelpPage {
	h := &HelpPage{textPane: newTextPane(e.styles), spec: e.spec, keys: e.keys}
	h.build = h.lines
	return h
}

// update leaves the page as it is: it shows the key table.
func (h *HelpPage) update(*Controller, bool) {}

// Draw draws the page.
func (h *HelpPage) Draw(screen tcell.Screen) {
	h.setTitle(h.spec.Title + " (" + h.keys.closeHint(h.spec.Open) + ")")
	h.drawLines(screen)
}

func (h *HelpPage) lines(width int) []line {
	labelW := 0
	for _, b := range h.keys {
		labelW = max(labelW, report.Width(b.Label()))
	}
	doc := &report.Document{}
	for _, ctx := range []KeyContext{ContextAll, ContextPriorities, ContextPage, ContextForm, ContextPicker, ContextTyping, ContextAsk} {
		keys := &report.Section{Heading: contextNames[ctx]}
		for _, b := range h.keys {
			if b.Context != ctx {
				continue
			}
			keys.Lines = append(keys.Lines, report.Line{Lead: []report.Span{{Text: "  " + report.Pad(b.Label(), labelW) + "  ", Role: report.RoleKey}},
				Text: report.Span{Text: h.keys.helpText(b), Role: report.RoleText}, Wrap: true})
		}
		doc.Sections = append(doc.Sections, keys)
	}
	key := h.keys.KeyLabel
	for k, p := range []string{
		"score = (1 − urgency) × fit + urgency × relief. Fit (0–100) is how well an opportunity matches your priorities. " +
			"Relief (0–100) is how much taking it would ease your need for a paycheck, counting the chance it comes through. " +
			"Urgency (0–1) is how much that need counts now; the header says where it comes from.",
		"The ranking lists open opportunities best first at the urgency in force, then vetoed ones (a rating below a " +
			"deal-breaker floor), then closed ones. " + inHandMark + " after the stage marks an offer in hand (an offer or an " +
			"accepted job: yours to take), apart from processes still deciding, whose relief counts their chance. FIT shows in " +
			"brackets the range that unknown ratings leave open, where there is room once the reasons have theirs; " +
			"\"at risk\" means an unknown could still fall below a floor (\"manager ?\": not known; \"vetoed: manager 1 < 2\": " +
			"rated 1, below its floor of 2). The details pane says the reason in full in its first lines, and what to ask.",
		"The chart draws each score as a line from urgency 0 to 1. Where lines cross (◆ on the lines, ┴ on the axis) the " +
			"leader changes; ▲ and the dotted upright mark the urgency now; the foot of the chart says so. " +
			key(IntentToggleChart) + " switches to fit against relief, where the slanted line joins everything that " +
			"scores like the leader.",
		"The Advice line is what to do today, weighed in money: " + key(IntentDecide) + " opens the decide page: wait or accept for each offer " +
			"with a deadline, and what to ask about the selected opportunity.",
		key(IntentUrgencyUp) + " and " + key(IntentUrgencyDown) + " are what-ifs: they change nothing on disk. " + key(IntentReset) +
			" drops them; " + key(IntentPrevScenario) + " and " + key(IntentNextScenario) + " try the profile's scenarios.",
		"FIRST is how sure a place is: the share of the ways the unknown and unsure ratings could turn out in which it ranks first. " +
			"A ? after a relief says the pay is unknown, so relief counts no income. " +
			key(IntentPriorities) + " opens the Priorities page: each weight, and the weights at which the leader would change; " +
			"there " + key(IntentWeightUp) + " and " + key(IntentWeightDown) + " move the selected weight as a what-if.",
		"Every number here can be checked with: mutual explain NAME",
	} {
		heading := ""
		if k == 0 {
			heading = "Reading the dashboard"
		}
		doc.Sections = append(doc.Sections, &report.Section{Heading: heading,
			Lines: []report.Line{{Text: report.Span{Text: p, Role: report.RoleText}, Wrap: true}}})
	}
	return h.styles.rows(doc.Rows(width))
}
