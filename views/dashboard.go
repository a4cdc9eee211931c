package views

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/model"
	"mutual/views/report"
)

// The dashboard's smallest usable size. Below 60 columns the ranking
// cannot show a name beside its score, fit and relief; below 20 rows the
// ranking and the details cannot both show a few lines. Smaller
// terminals get a message saying so instead of a broken layout.
const (
	MinWidth  = 60
	MinHeight = 20
)

// wideLayout is the width from which the details and the chart stand side
// by side; below it the bottom shows one of them, the one with the focus.
const wideLayout = 80

// Application is the part of the tview application the dashboard uses.
// The host builds the application and its screen and passes it in; tests
// pass a stand-in.
type Application interface {
	// Stop ends the application's event loop and restores the terminal.
	Stop()
}

// Hooks are what the dashboard asks of its host for the things it cannot
// do itself because they reach beyond the screen: the editor and the
// profile file. A nil hook makes its key say that it is coming soon.
type Hooks struct {
	// Edit lets the user edit the file that defines the selected
	// opportunity (an index into the state's assessments, or -1 for the
	// profile itself): the host suspends the screen and runs $EDITOR. It
	// returns the profile as loaded afterwards, or nil when nothing
	// changed. The what-ifs in force survive it.
	Edit func(selected int) (*model.Profile, error)
	// Save writes the what-ifs' savings and urgency (each only when it is
	// a what-if) over the profile's [situation] and returns the profile as
	// saved and the file it was written to; the what-ifs are then part of
	// the profile. The dashboard calls it only after the user saw the old
	// and the new values and said yes.
	Save func(w model.WhatIf) (p *model.Profile, file string, err error)
	// SaveScenario appends the what-ifs, over the scenario in force (""
	// for none), as a new [[scenario]] block called name, in file ("" for
	// where the profile keeps its scenarios), and returns the profile as
	// saved and the file it was written to.
	SaveScenario func(w model.WhatIf, scenario, name, file string) (p *model.Profile, saved string, err error)
	// Place says, before a save, where it would write and what git knows
	// of that file: over [situation] when situation is set, else a new
	// scenario over the scenario in force. Nil asks nothing of git.
	Place func(w model.WhatIf, scenario string, situation bool) SavePlace
	// Reload reads the profile from disk again (the R key; a file watcher
	// calls [Dashboard.Reload] itself).
	Reload func() (*model.Profile, error)
	// Warnings is what the profile as last loaded has to warn of (what
	// 'mutual check' would), in one line, or "" for nothing: every reload
	// says it on the status line and so in the Messages log.
	Warnings func() string

	// Rate, Stage and Add write what the Ratings form, the Stage picker
	// and the New opportunity form hold, as 'mutual rate', 'mutual stage'
	// and 'mutual add' do, and Undo takes back the last of those writes
	// while the file still holds it. Each returns the profile as saved
	// (nil when nothing needed writing) and the file written. Rate and
	// Stage name the opportunity, not its place in the list: the file may
	// have changed since the form opened, and the name is what the user
	// chose.
	Rate  func(name string, ratings []model.RatingValue) (p *model.Profile, file string, err error)
	Stage func(name string, stage model.Stage) (p *model.Profile, file string, err error)
	Add   func(o model.Opportunity) (p *model.Profile, file string, err error)
	Undo  func() (p *model.Profile, file string, err error)
}

// EditorError is an Edit hook's error about the editor itself (it could
// not be started), not about the profile: the dashboard reports it as
// such, and the profile on screen stays as it is.
type EditorError struct{ Err error }

func (e *EditorError) Error() string { return e.Err.Error() }

// Options say what the dashboard shows around the numbers.
type Options struct {
	// Info names the profile (its path, or the built-in example) and the
	// day the numbers are for.
	Info report.Info
	// Example marks the built-in example: a banner says so, and how to
	// start one's own.
	Example bool
	// Styles are the looks to draw with (see [NewStyles]).
	Styles Styles
	// Keys is the key table; nil means [DefaultKeymap].
	Keys Keymap
	// Status is the status line's first message, such as the number of
	// warnings the profile loaded with.
	Status Status
	// Clock times the Messages log; nil is the wall clock.
	Clock func() time.Time
	// Later runs f on the event loop after the screen has been drawn, as
	// go app.QueueUpdateDraw(f) does: the decide page draws "Working…"
	// first when the whole decision is slow to solve. Nil solves it at
	// once, before the next draw (tests).
	Later func(f func())
	// pages replaces the page registry, for tests; nil is [Pages].
	pages []PageSpec
}

// Dashboard is the whole screen: the header, the ranking, the details of
// the selected opportunity, the chart, the status line and the key hints,
// with the help, details and decide pages over them when asked for. It is
// the application's root primitive and the only one tview gives the focus:
// every key comes to it, resolves through the key table to an intent, and
// goes to the [Controller]; the panes only draw what the controller holds.
type Dashboard struct {
	*tview.Box
	app   Application
	hooks Hooks
	ctl   *Controller
	keys  Keymap
	// beforeSave is the scenario in force and the what-ifs just before
	// the last write, when that write was a save of the what-ifs: undoing
	// it brings them back. Nil after a form's write.
	beforeSave *whatIfView
	styles     Styles
	info       report.Info
	example    bool

	header  *Header
	table   *RankTable
	detail  *DetailPane
	chart   *ScoreChart
	scatter *FitReliefScatter
	footer  *Footer
	// pages are the widgets of the registered pages ([Pages]).
	pages map[Page]pageView
	// forms is the form over the panes, if one is open (editforms.go).
	forms forms
	input *inputLine
	// visible are the panes the last draw laid out, for the mouse.
	visible []tview.Primitive
}

// NewDashboard evaluates p for req and returns the dashboard showing it.
// It fails when req names a scenario p does not have.
func NewDashboard(app Application, p *model.Profile, req model.Request, opts Options, hooks Hooks) (*Dashboard, error) {
	keys := opts.Keys
	if keys == nil {
		keys = DefaultKeymap()
	}
	ctl, err := NewController(p, req, keys)
	if err != nil {
		return nil, err
	}
	if opts.pages != nil {
		ctl.pages = opts.pages
	}
	st := opts.Styles
	d := &Dashboard{
		Box: plainBox(),
		app: app, hooks: hooks, ctl: ctl, keys: keys, styles: st, info: opts.Info, example: opts.Example,
		header:  NewHeader(st, keys, opts.Info.Profile, opts.Info.Today, opts.Example),
		table:   NewRankTable(st),
		detail:  NewDetailPane(st, keys),
		chart:   NewScoreChart(st, keys),
		scatter: NewFitReliefScatter(st, keys),
		footer:  NewFooter(st, keys),
		pages:   map[Page]pageView{},
		input:   newInputLine(st),
	}
	for _, spec := range ctl.pages {
		if spec.build != nil {
			d.pages[spec.Page] = spec.build(pageEnv{spec: spec, styles: st, keys: keys, info: opts.Info, later: laterThen(opts.Later, d.sync)})
		}
	}
	if opts.Clock != nil {
		ctl.SetClock(opts.Clock)
	}
	ctl.SetStatus(opts.Status)
	d.sync()
	return d, nil
}

// laterThen is later with the dashboard synced after f, or nil with no
// later.
func laterThen(later func(func()), sync func()) func(func()) {
	if later == nil {
		return nil
	}
	return func(f func()) { later(func() { f(); sync() }) }
}

// Controller is the dashboard's state, for tests and for a host that
// needs to read it.
func (d *Dashboard) Controller() *Controller { return d.ctl }

// Keys is the key table the dashboard runs on, so that the host's own
// messages name the keys it binds.
func (d *Dashboard) Keys() Keymap { return d.keys }

// Reload shows a new version of the profile, keeping the scenario, the
// selection and the what-ifs that still apply, and clears any standing
// problem. Call it from the event loop, as in
// app.QueueUpdateDraw(func() { d.Reload(p) }) when a file watcher sees the
// profile change.
func (d *Dashboard) Reload(p *model.Profile) error {
	err := d.ctl.Reload(p, true)
	if err != nil {
		// A what-if that no longer applies (a priority gone) is dropped.
		err = d.ctl.Reload(p, false)
	}
	switch {
	case err != nil:
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "The profile was not reloaded: " + report.Clean(err.Error())})
	case d.ctl.problem.Text != "":
		d.ctl.SetProblem("")
		d.reloaded("Fixed: the profile loads again, and is reloaded.")
	default:
		d.reloaded("Profile reloaded.")
	}
	d.sync()
	return err
}

// reloaded says that the profile was reloaded, and what it warns of.
func (d *Dashboard) reloaded(text string) {
	if d.hooks.Warnings != nil {
		if w := d.hooks.Warnings(); w != "" {
			d.ctl.SetStatus(Status{Kind: StatusWarn, Text: text + " " + report.Clean(w)})
			return
		}
	}
	d.ctl.SetStatus(Status{Text: text})
}

// ShowProblem keeps the numbers on screen as they are and says, until the
// next good reload, why the profile on disk could not be read (a broken
// edit, with its file and line). Call it from the event loop.
func (d *Dashboard) ShowProblem(err error) {
	d.ctl.SetProblem("Showing the last good profile: " + report.Clean(err.Error()))
	d.ctl.SetStatus(Status{}) // the problem is the news now
	d.sync()
}

// ShowStatus puts a message of the host's on the status line at once (a
// watcher that failed, with the key that reloads instead). Call it from
// the event loop, or before the dashboard runs.
func (d *Dashboard) ShowStatus(st Status) {
	d.ctl.SetStatus(Status{Kind: st.Kind, Text: report.Clean(st.Text)})
	d.sync()
}

func (d *Dashboard) reload() {
	if d.hooks.Reload == nil {
		d.ctl.SetStatus(Status{Text: "There is no profile file to reload."})
		return
	}
	p, err := d.hooks.Reload()
	if err != nil {
		d.ShowProblem(err)
		return
	}
	_ = d.Reload(p) // the status line says how it went
}

// HandleKey resolves a key press through the key table and carries out
// its intents. While a line is being typed, a key the typing context does
// not bind is text for that line, never a hotkey.
func (d *Dashboard) HandleKey(ev *tcell.EventKey) {
	if d.forms.page != nil {
		d.formKey(d.keys.ResolveIn(ev, d.ctl.KeyContext()), ev)
		d.sync()
		return
	}
	if d.ctl.Typing() {
		if in := d.keys.ResolveIn(ev, ContextTyping); in != IntentNone {
			d.Do(in)
			return
		}
		d.input.key(ev)
		d.ctl.Type(d.input.text())
		d.sync()
		return
	}
	for _, in := range d.keys.IntentsIn(ev, d.ctl.KeyContext()) {
		d.Do(in)
	}
}

// Do carries out an intent: the controller changes the state, and the
// dashboard carries out the effect it asks for.
func (d *Dashboard) Do(in Intent) {
	if (in == IntentSave || in == IntentSaveSituation) && d.hooks.Save == nil && d.hooks.SaveScenario == nil &&
		!d.ctl.Asking() && !d.ctl.Typing() && d.ctl.Unsaved() {
		// Nowhere to save: say so now rather than after asking a name.
		d.nowhereToSave()
		d.sync()
		return
	}
	before, typing := d.ctl.Page(), d.ctl.Typing()
	effect := d.ctl.Apply(in)
	if page := d.ctl.Page(); page != before && page != PageNone {
		// A page opens at its top: its first lines say what matters most.
		d.scrollTarget().ScrollTop()
	}
	if !typing && d.ctl.Typing() {
		d.input.start(d.ctl.TypingPrompt(), d.ctl.Typed())
	}
	switch effect {
	case EffectQuit:
		d.app.Stop()
	case EffectEdit:
		d.edit()
	case EffectSave:
		d.save()
	case EffectSaveScenario:
		d.saveScenario()
	case EffectReload:
		d.reload()
	case EffectScrollUp:
		d.scrollTarget().Scroll(-1)
	case EffectScrollDown:
		d.scrollTarget().Scroll(+1)
	case EffectForm, EffectUndo:
		d.doEdit(effect)
	}
	d.sync()
}

// scrollTarget is what ↑ and ↓ scroll when they do not select.
func (d *Dashboard) scrollTarget() *textPane {
	if page, ok := d.pages[d.ctl.Page()]; ok {
		return page.scroller()
	}
	return d.detail.textPane
}

func (d *Dashboard) edit() {
	if d.hooks.Edit == nil {
		text := fmt.Sprintf("There is no editor hook here: edit %s in your editor and reopen mutual.", report.Clean(d.info.Profile))
		if d.example {
			text = "The built-in example is not a file you can edit: run 'mutual init' to start your own profile."
		}
		d.ctl.SetStatus(Status{Text: text})
		return
	}
	p, err := d.hooks.Edit(d.ctl.Selected())
	var ee *EditorError
	switch {
	case errors.As(err, &ee):
		d.ctl.SetStatus(Status{Kind: StatusWarn, Text: "Could not open the editor: " + report.Clean(ee.Error())})
	case err != nil:
		d.ShowProblem(err)
	case p != nil:
		_ = d.Reload(p) // the status line says how it went
	case !d.Unchanged():
		d.ctl.SetStatus(Status{Text: "The profile did not change."})
	}
}

// HasProblem reports whether the profile on disk is broken and the
// screen shows the last good one: then e opens the file at the error's
// line rather than the selected opportunity's.
func (d *Dashboard) HasProblem() bool { return d.ctl.problem.Text != "" }

// Unchanged is for when the profile on disk loads again and is the one on
// screen: a broken edit undone, back to the last good text. The problem
// that edit raised is gone, so it leaves the status line; nothing is
// ranked again, since nothing changed. It reports whether there was a
// problem to clear. Call it from the event loop.
func (d *Dashboard) Unchanged() bool {
	if d.ctl.problem.Text == "" {
		return false
	}
	d.ctl.SetProblem("")
	d.ctl.SetStatus(Status{Text: "Fixed: the profile loads again, as it was before the broken edit."})
	d.sync()
	return true
}

// sync hands the controller's state to every widget. The search model's
// whole decision is solved only while the decide page shows it; the chart
// needs only the reservation score, which is cheap.
func (d *Dashboard) sync() {
	c := d.ctl
	s, sel := c.State(), c.Selected()
	k, n := c.ScenarioPosition()
	d.header.SetState(s, k, n)
	d.table.SetState(s, c.Rows(), sel)
	d.table.SetShares(c.FirstShares())
	d.detail.SetOpportunity(s, sel)
	d.chart.SetState(s, sel)
	d.header.SetDecision(s, c.Brief())
	for _, spec := range c.pages {
		if view, ok := d.pages[spec.Page]; ok {
			view.update(c, spec.Page == c.Page())
		}
	}
	d.scatter.SetState(s, sel)
	d.table.SetFilter(c.Filter(), c.Typing() && c.typing == typingFilter)
	d.footer.SetStatus(c.Status())
	d.footer.SetContext(c.KeyContext())
	d.footer.SetTyping(c.Typing())
	d.table.setFocused(c.Pane() == PaneRanking)
	d.detail.setFocused(c.Pane() == PaneDetails)
	d.chart.setFocused(c.Pane() == PaneChart)
	d.scatter.setFocused(c.Pane() == PaneChart)
}

// bottomLeft is what sits below the ranking beside the chart: the details
// of the selected opportunity, or a page that sits beside the panes (the
// Priorities page) in their place.
func (d *Dashboard) bottomLeft() tview.Primitive {
	if spec, ok := d.frontPage(); ok && spec.Beside {
		return d.pages[spec.Page]
	}
	return d.detail
}

// frontPage is the registration of the page in front, if one is.
func (d *Dashboard) frontPage() (PageSpec, bool) { return pageSpec(d.ctl.pages, d.ctl.Page()) }

// chartPane is the chart the controller asks for.
func (d *Dashboard) chartPane() tview.Primitive {
	if d.ctl.Chart() == ChartScatter {
		return d.scatter
	}
	return d.chart
}

// Draw lays the panes out for the screen's size and draws them.
func (d *Dashboard) Draw(screen tcell.Screen) {
	d.Box.DrawForSubclass(screen, d)
	x, y, w, h := d.GetRect()
	if w < MinWidth || h < MinHeight {
		d.visible = d.visible[:0]
		d.drawTooSmall(screen, x, y, w, h)
		return
	}
	d.visible = d.visible[:0]
	place := func(p tview.Primitive, px, py, pw, ph int) {
		p.SetRect(px, py, pw, ph)
		p.Draw(screen)
		d.visible = append(d.visible, p)
	}
	hh, fh := d.header.Height(), d.footer.Height(w)
	place(d.header, x, y, w, hh)
	place(d.footer, x, y+h-fh, w, fh)
	if d.ctl.Typing() {
		d.input.draw(screen, x, y+h-fh+d.footer.InputRow(w), w)
	}
	my, mh := y+hh, h-hh-fh

	if d.forms.page != nil {
		place(d.forms.page, x, my, w, mh)
		return
	}
	front, paged := d.frontPage()
	if paged && !front.Beside {
		place(d.pages[front.Page], x, my, w, mh)
		return
	}

	// The ranking takes what it needs, leaving the details and the chart
	// at least eight lines; a status message on more than one line takes
	// its rows from them, not from the ranking.
	th := max(4, min(d.table.Height(), mh-max(6, 8-(fh-2))))
	place(d.table, x, my, w, th)
	by, bh := my+th, mh-th
	if w < wideLayout {
		if d.ctl.Pane() == PaneChart && !paged {
			place(d.chartPane(), x, by, w, bh)
		} else {
			place(d.bottomLeft(), x, by, w, bh)
		}
		return
	}
	cw := max(40, w*9/20)
	place(d.bottomLeft(), x, by, w-cw, bh)
	place(d.chartPane(), x+w-cw, by, cw, bh)
}

// drawTooSmall says the terminal is too small, as much of it as fits.
func (d *Dashboard) drawTooSmall(screen tcell.Screen, x, y, w, h int) {
	if w <= 0 || h <= 0 {
		return
	}
	text := fmt.Sprintf("Terminal too small: mutual needs at least %d×%d and this is %d×%d. Enlarge the window, or press %s to quit ('mutual rank' prints the ranking).",
		MinWidth, MinHeight, w, h, d.keys.KeyLabel(IntentQuit))
	rows := report.Line{Text: report.Span{Text: text, Role: report.RoleWarning}, Wrap: true}.Rows(w)
	for row, spans := range rows[:min(len(rows), h)] {
		drawLine(screen, x, y+row, w, d.styles.row(spans))
	}
}

// InputHandler hands every key to [Dashboard.HandleKey].
func (d *Dashboard) InputHandler() func(*tcell.EventKey, func(tview.Primitive)) {
	return d.WrapInputHandler(func(ev *tcell.EventKey, _ func(tview.Primitive)) {
		d.HandleKey(ev)
	})
}

// PasteHandler ignores pasted text, so that a paste can never fire keys,
// and says so.
func (d *Dashboard) PasteHandler() func(string, func(tview.Primitive)) {
	return d.WrapPasteHandler(func(text string, _ func(tview.Primitive)) {
		if d.ctl.Typing() {
			d.input.paste(text)
			d.ctl.Type(d.input.text())
			d.sync()
			return
		}
		d.ctl.SetStatus(Status{Text: "Pasted text is ignored: the dashboard takes one key at a time."})
		d.sync()
	})
}

// MouseHandler lets a click select a row or focus a pane, and the wheel
// scroll or select, when the host enables the mouse (--mouse).
func (d *Dashboard) MouseHandler() func(tview.MouseAction, *tcell.EventMouse, func(tview.Primitive)) (bool, tview.Primitive) {
	return d.WrapMouseHandler(func(action tview.MouseAction, ev *tcell.EventMouse, _ func(tview.Primitive)) (bool, tview.Primitive) {
		mx, my := ev.Position()
		if d.forms.page != nil {
			return false, nil // a form takes keys only
		}
		if d.ctl.Page() != PageNone {
			switch action {
			case tview.MouseScrollUp:
				d.Do(IntentUp)
			case tview.MouseScrollDown:
				d.Do(IntentDown)
			default:
				return false, nil
			}
			return true, nil
		}
		pane := PaneRanking
		switch {
		case d.table.InRect(mx, my) && d.onScreen(d.table):
		case d.detail.InRect(mx, my) && d.onScreen(d.detail):
			pane = PaneDetails
		case d.chart.InRect(mx, my) && d.onScreen(d.chart), d.scatter.InRect(mx, my) && d.onScreen(d.scatter):
			pane = PaneChart
		default:
			return false, nil
		}
		switch action {
		case tview.MouseLeftClick:
			d.ctl.Focus(pane)
			if i, ok := d.table.RowAt(mx, my); ok && pane == PaneRanking {
				d.ctl.Select(i)
			}
			d.sync()
		case tview.MouseScrollUp:
			d.ctl.Focus(pane)
			d.Do(IntentUp)
		case tview.MouseScrollDown:
			d.ctl.Focus(pane)
			d.Do(IntentDown)
		default:
			return false, nil
		}
		return true, nil
	})
}

// onScreen reports whether p was laid out in the last draw: in a narrow
// terminal the details and the chart take turns, and pages cover both.
func (d *Dashboard) onScreen(p tview.Primitive) bool { return slices.Contains(d.visible, p) }
