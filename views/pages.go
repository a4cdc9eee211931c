package views

import (
	"github.com/rivo/tview"

	"mutual/views/report"
)

// Page is what covers the panes, if anything: the name a page registers
// under in [Pages]. Each page's file declares its own.
type Page string

// PageNone is no page: the panes show.
const PageNone Page = ""

// PageSpec is one page's registration: the key that opens it, its title,
// the keys and footer hints in force while it is in front, where it sits,
// and the widget that draws it. What the dashboard and the controller
// know of a page comes from here, so a new page is its own file and one
// line in [Pages] (and its key's row in the key table, where every key
// lives).
type PageSpec struct {
	// Page is the page's name.
	Page Page
	// Title is the start of the page's frame title ("Help"); the title
	// goes on to say which keys close it.
	Title string
	// Open is the intent of the key that opens the page; pressed again it
	// closes it, as esc does (in a form, which takes every key, esc only).
	Open Intent
	// Context is the key context while the page is in front: the keys
	// that act there, and the footer's hints.
	Context KeyContext
	// Beside puts the page in the details pane's place, so the ranking,
	// the chart and the header stay in sight; otherwise it covers them
	// all, between the header and the footer.
	Beside bool
	// unselected is the status line's answer when the page is about the
	// selected opportunity and none is (its title then names the one it
	// is about); nil opens it regardless.
	unselected func(Keymap) string
	// build makes the page's widget, once, with the dashboard.
	build func(pageEnv) pageView
	// form, for a form instead, builds it afresh with its title each time
	// it opens: a form takes every key until it closes (editforms.go).
	form func(d *Dashboard, title string) *formPage
}

// Pages is the page registry: every page the dashboard has, one line
// each. A test holds that no two pages open with the same key.
func Pages() []PageSpec {
	return []PageSpec{
		{Page: PageHelp, Title: "Help", Open: IntentHelp, Context: ContextPage, build: buildPage(newHelpPage)},
		{Page: PageDetails, Title: "Details", Open: IntentDetails, Context: ContextPage, build: buildPage(newExplainPage), unselected: noneToExplain},
		{Page: PageDecide, Title: "Decide", Open: IntentDecide, Context: ContextPage, build: buildPage(newDecidePage)},
		{Page: PagePriorities, Title: "Priorities", Open: IntentPriorities, Context: ContextPriorities, Beside: true, build: buildPage(newPrioritiesPage)},
		{Page: PageMessages, Title: "Messages", Open: IntentMessages, Context: ContextPage, build: buildPage(newMessagesPage)},
		{Page: FormRatings, Title: "Ratings", Open: IntentRatings, Context: ContextForm, form: (*Dashboard).ratingsForm, unselected: noneSelected},
		{Page: FormStage, Title: "Stage", Open: IntentStage, Context: ContextPicker, form: (*Dashboard).stageForm, unselected: noneSelected},
		{Page: FormNewOpportunity, Title: "New opportunity", Open: IntentNewOpportunity, Context: ContextForm, form: (*Dashboard).newOpportunityForm},
	}
}

// noneToExplain and noneSelected are what the status line says when a
// page about the selected opportunity opens with none selected.
func noneToExplain(Keymap) string {
	return "No opportunity to explain: add an [[opportunity]] to the profile."
}

func noneSelected(km Keymap) string {
	return "No opportunity is selected: " + km.KeyLabel(IntentNewOpportunity) + " adds one."
}

// pageEnv is what a page's widget is built from.
type pageEnv struct {
	spec   PageSpec
	styles Styles
	keys   Keymap
	// info names the profile and the day, for the pages that print them.
	info report.Info
	// later runs f on the event loop after the next draw and syncs the
	// dashboard after it (see Options.Later); nil when there is none.
	later func(f func())
}

// pageView is a page's widget: it draws itself, scrolls, and takes from
// the controller what it shows.
type pageView interface {
	tview.Primitive
	// scroller is what ↑ and ↓ scroll while the page is in front.
	scroller() *textPane
	// update hands the page the controller's state after every key;
	// front says whether the page is in front, so that a page that is
	// costly to feed (the decide page solves the whole decision) is fed
	// only while it shows.
	update(c *Controller, front bool)
}

// buildPage turns a page's constructor into a registry's builder.
func buildPage[P pageView](newPage func(pageEnv) P) func(pageEnv) pageView {
	return func(e pageEnv) pageView { return newPage(e) }
}

// pageSpec is the registration of page p, and whether there is one.
func pageSpec(pages []PageSpec, p Page) (PageSpec, bool) {
	for _, s := range pages {
		if s.Page == p {
			return s, true
		}
	}
	return PageSpec{}, false
}

// pageOpenedBy is the registration of the page that intent in opens, and
// whether there is one.
func pageOpenedBy(pages []PageSpec, in Intent) (PageSpec, bool) {
	for _, s := range pages {
		if s.Open == in {
			return s, true
		}
	}
	return PageSpec{}, false
}

// scroller lets every text pane stand as a page's scroller.
func (t *textPane) scroller() *textPane { return t }
