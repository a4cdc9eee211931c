package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdamore/tcell/v2"

	"mutual/views/report"
)

// Intent is what a key asks the dashboard to do. Keys resolve to intents
// through the key table ([Keymap]), never to code, so that what a key does
// can be tested as data, and remapped later without touching a widget.
type Intent int

// The dashboard's intents.
const (
	// IntentNone is a key the table does not know.
	IntentNone Intent = iota
	// IntentUp and IntentDown select the row above or below, or scroll the
	// pane or page that has focus.
	IntentUp
	IntentDown
	// IntentDetails opens (or closes) the full explanation of the selected
	// opportunity.
	IntentDetails
	// IntentNextPane and IntentPrevPane move the focus between the panes.
	IntentNextPane
	IntentPrevPane
	// IntentUrgencyUp and IntentUrgencyDown move the urgency by one step as
	// a what-if.
	IntentUrgencyUp
	IntentUrgencyDown
	// IntentReset drops every what-if.
	IntentReset
	// IntentPrevScenario and IntentNextScenario cycle the profile's
	// scenarios: none, first, …, last, none.
	IntentPrevScenario
	IntentNextScenario
	// IntentToggleChart switches the chart between score against urgency
	// and fit against relief.
	IntentToggleChart
	// IntentEdit opens the profile in the user's editor.
	IntentEdit
	// IntentSave writes the what-ifs into the profile.
	IntentSave
	// IntentHelp opens (or closes) the help page.
	IntentHelp
	// IntentClose closes the page in front (help, details, decide), or
	// cancels a question.
	IntentClose
	// IntentQuit quits, asking first when what-ifs are unsaved.
	IntentQuit
	// IntentConfirm answers yes to the question the status line asks.
	IntentConfirm
	// IntentQuitNow quits without asking.
	IntentQuitNow
	// IntentReload reads the profile from disk again (it also reloads by
	// itself when a watched file changes).
	IntentReload
	// IntentDecide opens (or closes) the decide page: wait or accept, and
	// what to ask.
	IntentDecide
	// IntentSavingsUp and IntentSavingsDown move the savings by one
	// month of burn as a what-if: one month more or less of runway.
	IntentSavingsUp
	IntentSavingsDown
	// IntentPriorities opens (or closes) the Priorities page: every
	// priority's weight and share, and the weights at which the leader
	// would change.
	IntentPriorities
	// IntentPriorityUp and IntentPriorityDown select the priority above or
	// below on the Priorities page.
	IntentPriorityUp
	IntentPriorityDown
	// IntentWeightUp and IntentWeightDown move the selected priority's
	// weight by 1 (never below 0) as a what-if.
	IntentWeightUp
	IntentWeightDown
	// IntentSaveWeights saves the what-ifs, weights and all, as a new
	// scenario.
	IntentSaveWeights

	// The keys that change the profile from the dashboard (issue 14).

	// IntentRatings opens the Ratings form of the selected opportunity.
	IntentRatings
	// IntentStage opens the Stage picker of the selected opportunity.
	IntentStage
	// IntentNewOpportunity opens the New opportunity form.
	IntentNewOpportunity
	// IntentUndo takes back the last write made from the dashboard.
	IntentUndo
	// IntentFormNext and IntentFormPrev move between a form's fields;
	// IntentFormSubmit saves the form. A form's widgets carry them out:
	// these rows say which keys do it.
	IntentFormNext
	IntentFormPrev
	IntentFormSubmit

	// The keys of the save flow, the Messages log and the filter.

	// IntentSaveSituation writes the what-ifs over the real [situation],
	// after showing the old and the new values.
	IntentSaveSituation
	// IntentMessages opens (or closes) the Messages page: every status
	// message in full, with its time.
	IntentMessages
	// IntentFilter starts typing a filter of the ranking by name.
	IntentFilter
	// IntentSubmit ends the line being typed: saves under the name typed,
	// or keeps the filter.
	IntentSubmit
	// IntentWriteAnyway answers the warning that git tracks the file a
	// save would write money into: write it there all the same.
	IntentWriteAnyway
)

// KeyContext is where a binding applies: everywhere, or on one page only,
// where it comes before the bindings for everywhere. A page's keys are
// rows of the one key table, not cases in a handler.
type KeyContext int

// The key contexts.
const (
	// ContextAll is everywhere: the panes and every page.
	ContextAll KeyContext = iota
	// ContextPriorities is the Priorities page.
	ContextPriorities
	// ContextPage is a page that scrolls: help, details, decide and the
	// Messages log. Its keys come first; the rest are the keys for
	// everywhere.
	ContextPage
	// ContextForm is a form (Ratings, New opportunity): a modal context,
	// where only its own keys act and every other key types.
	ContextForm
	// ContextTyping is a line being typed (a scenario's name, the
	// ranking's filter). Unlike a page it has no fallback to the keys for
	// everywhere: every key it does not bind is text, so typing never
	// fires a hotkey.
	ContextTyping
	// ContextAsk is while the status line asks a question: its own
	// answers come first, and any other key cancels.
	ContextAsk
	// ContextPicker is the Stage picker: modal like a form, but a list,
	// where the keys that select a row choose the stage.
	ContextPicker
)

// contextNames name the contexts for the help page.
var contextNames = map[KeyContext]string{ContextAll: "Keys", ContextPriorities: "On the Priorities page",
	ContextPage: "On the help, details, decide and Messages pages",
	ContextForm: "In a form (Ratings, New opportunity)", ContextPicker: "In the Stage picker",
	ContextTyping: "While typing a name or a filter", ContextAsk: "When the status line asks"}

// modal reports whether a context stands alone: the keys for everywhere
// do not act in it (in a form, and on a line being typed, every key it
// does not bind is text).
func (ctx KeyContext) modal() bool {
	return ctx == ContextForm || ctx == ContextPicker || ctx == ContextTyping
}

// Key is one key press a binding answers to: a rune, or a special key
// such as tcell.KeyUp.
type Key struct {
	// Code is the tcell key; tcell.KeyRune for a printable character.
	Code tcell.Key
	// Rune is the character when Code is tcell.KeyRune.
	Rune rune
}

// RuneKey is the key that types r.
func RuneKey(r rune) Key { return Key{Code: tcell.KeyRune, Rune: r} }

// SpecialKey is a key that types no character, such as tcell.KeyEnter.
func SpecialKey(k tcell.Key) Key { return Key{Code: k} }

// KeyOf is the key an event is, or false when modifiers (Ctrl, Alt) make
// it a key the table does not bind. Shift is ignored: it is how '+' and
// '?' are typed on most keyboards.
func KeyOf(ev *tcell.EventKey) (Key, bool) {
	if ev.Key() == tcell.KeyRune {
		if ev.Modifiers()&(tcell.ModCtrl|tcell.ModAlt|tcell.ModMeta) != 0 {
			return Key{}, false
		}
		return RuneKey(ev.Rune()), true
	}
	if ev.Modifiers()&(tcell.ModAlt|tcell.ModMeta) != 0 {
		return Key{}, false
	}
	return SpecialKey(ev.Key()), true
}

// Name writes the key the way the dashboard names it in every sentence:
// the character it types ("r", "?"), or "↑", "enter", "esc", "tab",
// "shift+tab", "ctrl+c" and the like.
func (k Key) Name() string {
	switch k.Code {
	case tcell.KeyRune:
		return string(k.Rune)
	case tcell.KeyUp:
		return "↑"
	case tcell.KeyDown:
		return "↓"
	case tcell.KeyLeft:
		return "←"
	case tcell.KeyRight:
		return "→"
	case tcell.KeyEnter:
		return "enter"
	case tcell.KeyTab:
		return "tab"
	case tcell.KeyBacktab:
		return "shift+tab"
	case tcell.KeyEscape:
		return "esc"
	case tcell.KeyBackspace, tcell.KeyBackspace2:
		return "backspace"
	}
	if k.Code >= tcell.KeyCtrlA && k.Code <= tcell.KeyCtrlZ {
		return "ctrl+" + string(rune('a'+k.Code-tcell.KeyCtrlA))
	}
	if name, ok := tcell.KeyNames[k.Code]; ok {
		return strings.ToLower(name)
	}
	return fmt.Sprintf("key %d", k.Code)
}

// Binding is one row of the key table: the keys, what the help page says
// of them, how the footer hints at them, and the intent they resolve to.
type Binding struct {
	// Keys answer to this binding; the first is the one sentences name.
	Keys []Key
	// Help is the help page's sentence for the binding. Each %s in it is
	// the key of an intent in HelpKeys, in order, so that the sentence
	// follows when those keys are bound differently.
	Help     string
	HelpKeys []Intent
	// Intent is what the keys ask for.
	Intent Intent
	// Hint is the footer's word for the binding; empty keeps it off the
	// footer (its partner row speaks for both, as "↑/↓ j/k select" does).
	Hint string
	// HintKeys writes the keys of this row and of its partner in the
	// footer ("+/-"); empty writes this row's [Binding.Label]. The partner
	// is the row after it, or the row before when the one after has a hint
	// of its own. The keys are written out here, beside the keys they
	// write, and a test checks that they are keys of the two rows.
	HintKeys string
	// Keep orders what the footer drops when the terminal is narrow: the
	// higher, the longer a hint stays.
	Keep int
	// Context is where the binding applies; ContextAll by default.
	Context KeyContext
	// Idle are the contexts in which the key does nothing useful (tab on
	// a page, which covers the panes it would move between): their
	// footers leave its hint out, for the page's own keys.
	Idle []KeyContext
}

// Label writes the binding's keys for the help page: "↑ k", "+ =".
func (b Binding) Label() string {
	names := make([]string, len(b.Keys))
	for k, key := range b.Keys {
		names[k] = key.Name()
	}
	return strings.Join(names, " ")
}

// Keymap is the key table: the single place that says which key does
// what. Dispatch, the footer, the help page and every sentence that names
// a key read it.
type Keymap []Binding

// KeyLabel names the key of intent in, for a sentence that tells the user
// to press it ("r resets"): the first key of the first binding for it (a
// binding's other keys are aliases, as = is for +), or "" when no key is
// bound to it.
func (km Keymap) KeyLabel(in Intent) string {
	for _, b := range km {
		if b.Intent == in && len(b.Keys) > 0 {
			return b.Keys[0].Name()
		}
	}
	return ""
}

// closeHint says, for a page title, how to close the page that intent
// in opens and how to scroll it: "d or esc closes, ↑/↓ scroll".
func (km Keymap) closeHint(in Intent) string {
	return km.KeyLabel(in) + " or " + km.KeyLabel(IntentClose) + " closes, " + km.KeyLabel(IntentUp) + "/" + km.KeyLabel(IntentDown) + " scroll"
}

// scenarioKeys names the keys that cycle the scenarios, as the header and
// the status line write them: "[ ]".
func (km Keymap) scenarioKeys() string {
	return km.KeyLabel(IntentPrevScenario) + " " + km.KeyLabel(IntentNextScenario)
}

// reportKeys are the keys that the report documents drawn on pages name.
func (km Keymap) reportKeys() report.Keys {
	return report.Keys{Reset: km.KeyLabel(IntentReset), Decide: km.KeyLabel(IntentDecide), Close: km.KeyLabel(IntentClose),
		SavingsUp: km.KeyLabel(IntentSavingsUp), SavingsDown: km.KeyLabel(IntentSavingsDown)}
}

// priorityKeys are the keys the Priorities page's document names.
func (km Keymap) priorityKeys() report.PriorityKeys {
	return report.PriorityKeys{Up: km.KeyLabel(IntentWeightUp), Down: km.KeyLabel(IntentWeightDown), Reset: km.KeyLabel(IntentReset),
		Save: km.KeyLabel(IntentSaveWeights)}
}

// helpText is binding b's sentence for the help page, with the keys it
// names as they are bound in km.
func (km Keymap) helpText(b Binding) string {
	if len(b.HelpKeys) == 0 {
		return b.Help
	}
	keys := make([]any, len(b.HelpKeys))
	for k, in := range b.HelpKeys {
		keys[k] = km.KeyLabel(in)
	}
	return fmt.Sprintf(b.Help, keys...)
}

// DefaultKeymap is the dashboard's key table.
func DefaultKeymap() Keymap {
	r := RuneKey
	sp := SpecialKey
	return Keymap{
		{Keys: []Key{sp(tcell.KeyUp), r('k')}, Intent: IntentUp,
			Help: "select the opportunity above (in the details pane or a page: scroll up)",
			Hint: "select", HintKeys: "↑/↓ j/k", Keep: 8},
		{Keys: []Key{sp(tcell.KeyDown), r('j')}, Intent: IntentDown,
			Help: "select the opportunity below (in the details pane or a page: scroll down)"},
		{Keys: []Key{sp(tcell.KeyEnter)}, Intent: IntentDetails,
			Help:     "open every term of the selected opportunity's score (as 'mutual explain' prints it); %s again closes",
			HelpKeys: []Intent{IntentDetails}, Hint: "details", Keep: 9},
		{Keys: []Key{r('d')}, Intent: IntentDecide,
			Help: "the decide page: accept, hold or let go for every offer in hand, the reservation score by months of runway, " +
				"and what to ask about the selected opportunity (as 'mutual decide' says); %s again closes",
			HelpKeys: []Intent{IntentDecide}, Hint: "decide", Keep: 7},
		{Keys: []Key{sp(tcell.KeyTab)}, Intent: IntentNextPane,
			Help: "move to the next pane: ranking, details, chart (a narrow terminal shows one of the last two at a time)",
			Hint: "pane", Keep: 4, Idle: []KeyContext{ContextPriorities}},
		{Keys: []Key{sp(tcell.KeyBacktab)}, Intent: IntentPrevPane,
			Help: "move to the previous pane"},
		{Keys: []Key{r('+'), r('=')}, Intent: IntentUrgencyUp,
			Help: "what-if: urgency up by 0.05 (more need: relief counts more)",
			Hint: "urgency", HintKeys: "+/-", Keep: 10},
		{Keys: []Key{r('-')}, Intent: IntentUrgencyDown,
			Help: "what-if: urgency down by 0.05 (less need: fit counts more)"},
		{Keys: []Key{r('>')}, Intent: IntentSavingsUp,
			Help: "what-if: savings up by one month of burn (a month more runway; the urgency follows)",
			Hint: "savings", HintKeys: "< >", Keep: 0},
		{Keys: []Key{r('<')}, Intent: IntentSavingsDown,
			Help: "what-if: savings down by one month of burn (a month less runway)"},
		{Keys: []Key{r('r')}, Intent: IntentReset,
			Help: "reset the what-ifs: urgency, savings and weights back to where they come from", Hint: "reset", Keep: 5},
		{Keys: []Key{r('[')}, Intent: IntentPrevScenario,
			Help: "previous scenario of the profile (… → last → none)"},
		{Keys: []Key{r(']')}, Intent: IntentNextScenario,
			Help: "next scenario of the profile (none → first → …)",
			Hint: "scenario", HintKeys: "[ ]", Keep: 3},
		{Keys: []Key{r('p')}, Intent: IntentPriorities,
			Help:     "the Priorities page: every weight and share, and the weights at which the leader would change; %s again closes",
			HelpKeys: []Intent{IntentPriorities}, Hint: "priorities", Keep: 1},
		{Keys: []Key{r('v')}, Intent: IntentToggleChart,
			Help: "switch the chart: score against urgency, or fit against relief", Hint: "chart", Keep: 1},
		{Keys: []Key{r('e')}, Intent: IntentEdit,
			Help: "edit the file that defines the selected opportunity, at its line, in $VISUAL or $EDITOR (vi when unset); it reloads after", Hint: "edit", Keep: 3},
		{Keys: []Key{r('s')}, Intent: IntentSave,
			Help:     "save the what-ifs as a new [[scenario]]: it asks its name (typing fires no keys; %s saves, %s cancels)",
			HelpKeys: []Intent{IntentSubmit, IntentClose}, Hint: "save", Keep: 6},
		// Issue 14's keys, kept together: writing over [situation], the
		// Messages log, the filter, and the keys of a line being typed.
		{Keys: []Key{r('S')}, Intent: IntentSaveSituation,
			Help:     "write the what-ifs over the real [situation] instead of a scenario: it shows the old and the new values first, and only %s writes",
			HelpKeys: []Intent{IntentConfirm}},
		{Keys: []Key{r('L')}, Intent: IntentMessages,
			Help:     "the Messages page: every status message in full, newest first, with its time; %s again closes",
			HelpKeys: []Intent{IntentMessages}, Hint: "messages", Keep: 0},
		{Keys: []Key{r('/')}, Intent: IntentFilter,
			Help:     "filter the ranking by name as you type (typing fires no keys); %s keeps the filter, %s clears it",
			HelpKeys: []Intent{IntentSubmit, IntentClose}, Hint: "filter", Keep: 0},
		{Keys: []Key{sp(tcell.KeyEnter)}, Intent: IntentSubmit, Context: ContextTyping,
			Help: "save under the name typed, or keep the filter typed", Hint: "done", Keep: 2},
		{Keys: []Key{sp(tcell.KeyEscape)}, Intent: IntentClose, Context: ContextTyping,
			Help: "cancel the name; clear the filter", Hint: "cancel", Keep: 2},
		{Keys: []Key{sp(tcell.KeyUp)}, Intent: IntentUp, Context: ContextTyping,
			Help: "while filtering: select the opportunity above"},
		{Keys: []Key{sp(tcell.KeyDown)}, Intent: IntentDown, Context: ContextTyping,
			Help: "while filtering: select the opportunity below"},
		{Keys: []Key{r('w')}, Intent: IntentWriteAnyway, Context: ContextAsk,
			Help: "when git tracks the file a save would put money in: write it there anyway"},
		{Keys: []Key{r('R')}, Intent: IntentReload,
			Help: "reload the profile from disk (it reloads by itself within a second when a file changes)"},
		{Keys: []Key{r('?')}, Intent: IntentHelp,
			Help: "this help; %s again closes it", HelpKeys: []Intent{IntentHelp}, Hint: "help", Keep: 12},
		{Keys: []Key{sp(tcell.KeyEscape)}, Intent: IntentClose,
			Help: "close the help, the details or the decide page; cancel a question"},
		{Keys: []Key{r('q')}, Intent: IntentQuit,
			Help:     "quit; with unsaved what-ifs it asks once (%s again or %s quits, any other key stays)",
			HelpKeys: []Intent{IntentQuit, IntentConfirm}, Hint: "quit", Keep: 11},
		{Keys: []Key{r('y')}, Intent: IntentConfirm,
			Help: "yes, when the status line asks (quit; write over [situation]; write into the private include)"},
		{Keys: []Key{sp(tcell.KeyCtrlC)}, Intent: IntentQuitNow,
			Help: "quit at once, without asking"},

		{Keys: []Key{sp(tcell.KeyUp), r('k')}, Intent: IntentPriorityUp, Context: ContextPriorities,
			Help: "select the priority above", Hint: "priority", HintKeys: "↑/↓ j/k", Keep: 8},
		{Keys: []Key{sp(tcell.KeyDown), r('j')}, Intent: IntentPriorityDown, Context: ContextPriorities,
			Help: "select the priority below"},
		{Keys: []Key{r('+'), r('=')}, Intent: IntentWeightUp, Context: ContextPriorities,
			Help: "what-if: the selected priority's weight up by 1; the ranking, the chart and the header follow at once",
			Hint: "weight", HintKeys: "+/-", Keep: 10},
		{Keys: []Key{r('-')}, Intent: IntentWeightDown, Context: ContextPriorities,
			Help: "what-if: the selected priority's weight down by 1, never below 0"},
		{Keys: []Key{r('s')}, Intent: IntentSaveWeights, Context: ContextPriorities,
			Help: "save the what-ifs, the weights with them, as a new [[scenario]] (weights = { ... })", Hint: "save", Keep: 6},

		// Changing the profile from the dashboard: forms, and undo.
		{Keys: []Key{r('i')}, Intent: IntentRatings,
			Help: "the Ratings form of the selected opportunity: every priority, a number, a range like 2-4, or empty for unknown (as 'mutual rate')"},
		{Keys: []Key{r('t')}, Intent: IntentStage,
			Help: "the Stage picker of the selected opportunity: the move is kept with today's date in its history (as 'mutual stage')"},
		{Keys: []Key{r('a')}, Intent: IntentNewOpportunity,
			Help: "the New opportunity form: name, stage, pay, dates, insurance, checked as you type (as 'mutual add')"},
		{Keys: []Key{r('u')}, Intent: IntentUndo,
			Help: "undo the last write made from the dashboard, while the file still holds what it wrote"},
		{Keys: []Key{sp(tcell.KeyTab)}, Intent: IntentFormNext, Context: ContextForm,
			Help: "the next field (enter too)", Hint: "field", HintKeys: "tab/shift+tab", Keep: 8},
		{Keys: []Key{sp(tcell.KeyBacktab)}, Intent: IntentFormPrev, Context: ContextForm,
			Help: "the previous field"},
		{Keys: []Key{sp(tcell.KeyEnter)}, Intent: IntentFormSubmit, Context: ContextForm,
			Help: "on Save: write it; in a field, the next field", Hint: "save", Keep: 9},
		{Keys: []Key{sp(tcell.KeyEscape)}, Intent: IntentClose, Context: ContextForm,
			Help: "cancel: close the form, nothing written", Hint: "cancel", Keep: 10},
		{Keys: []Key{sp(tcell.KeyUp), r('k')}, Intent: IntentUp, Context: ContextPage,
			Help: "scroll up", Hint: "scroll", HintKeys: "↑/↓ j/k", Keep: 8},
		{Keys: []Key{sp(tcell.KeyDown), r('j')}, Intent: IntentDown, Context: ContextPage,
			Help: "scroll down"},
		{Keys: []Key{sp(tcell.KeyEscape)}, Intent: IntentClose, Context: ContextPage,
			Help: "close the page", Hint: "close", Keep: 9},
		{Keys: []Key{sp(tcell.KeyUp), r('k')}, Intent: IntentUp, Context: ContextPicker,
			Help: "the stage above", Hint: "stage", HintKeys: "↑/↓ j/k", Keep: 8},
		{Keys: []Key{sp(tcell.KeyDown), r('j')}, Intent: IntentDown, Context: ContextPicker,
			Help: "the stage below"},
		{Keys: []Key{sp(tcell.KeyEnter)}, Intent: IntentFormSubmit, Context: ContextPicker,
			Help: "move it to the stage chosen (today's date goes in its history)", Hint: "move", Keep: 9},
		{Keys: []Key{sp(tcell.KeyEscape)}, Intent: IntentClose, Context: ContextPicker,
			Help: "cancel: close the picker, nothing written", Hint: "cancel", Keep: 10},
	}
}

// ResolveIn is the intent of a key event in context ctx: a binding of the
// context first, then one for everywhere; IntentNone when neither binds
// it.
func (km Keymap) ResolveIn(ev *tcell.EventKey, ctx KeyContext) Intent {
	k, ok := KeyOf(ev)
	if !ok {
		return IntentNone
	}
	if ctx != ContextAll {
		if in := km.resolveKey(k, ctx); in != IntentNone || ctx.modal() {
			return in
		}
	}
	return km.resolveKey(k, ContextAll)
}

func (km Keymap) resolveKey(k Key, ctx KeyContext) Intent {
	for _, b := range km {
		if b.Context != ctx {
			continue
		}
		for _, bk := range b.Keys {
			if bk == k {
				return b.Intent
			}
		}
	}
	return IntentNone
}

// shadowed reports whether a binding for everywhere gives way, in context
// ctx, to one of the context's own for one of its keys.
func (km Keymap) shadowed(b Binding, ctx KeyContext) bool {
	if ctx == ContextAll || b.Context != ContextAll {
		return false
	}
	for _, k := range b.Keys {
		if km.resolveKey(k, ctx) != IntentNone {
			return true
		}
	}
	return false
}

// inContext reports whether binding b is in force in context ctx. While
// typing, only the typing context's own keys are.
func (km Keymap) inContext(b Binding, ctx KeyContext) bool {
	if ctx == ContextTyping {
		return b.Context == ctx
	}
	return (b.Context == ctx || b.Context == ContextAll) && !km.shadowed(b, ctx)
}

// Resolve is the intent of a key event on the panes, or IntentNone.
func (km Keymap) Resolve(ev *tcell.EventKey) Intent { return km.ResolveIn(ev, ContextAll) }

// Intents are what a key event asks for on the panes: [Keymap.IntentsIn]
// for everywhere.
func (km Keymap) Intents(ev *tcell.EventKey) []Intent { return km.IntentsIn(ev, ContextAll) }

// IntentsIn are what a key event asks for in context ctx, in order:
// usually one intent (none for an unbound key). A terminal sends Esc typed
// just before another key the way it sends Alt with that key, so Alt with
// a bound key is read as both: esc's intent, then the key's.
func (km Keymap) IntentsIn(ev *tcell.EventKey, ctx KeyContext) []Intent {
	in := km.ResolveIn(ev, ctx)
	if in != IntentNone || ev.Modifiers()&tcell.ModAlt == 0 {
		return []Intent{in}
	}
	plain := km.ResolveIn(tcell.NewEventKey(ev.Key(), ev.Rune(), ev.Modifiers()&^tcell.ModAlt), ctx)
	if plain == IntentNone {
		return []Intent{IntentNone}
	}
	return []Intent{km.ResolveIn(tcell.NewEventKey(tcell.KeyEscape, 0, tcell.ModNone), ctx), plain}
}

// Hint is one footer entry: keys and word.
type Hint struct {
	Keys, Word string
}

// Hints are the footer's entries that fit in width cells when joined by
// hintSeparator, in table order. When they do not all fit, the ones with
// the highest Keep are taken first, and then any smaller one that still
// fits.
func (km Keymap) Hints(width int) []Hint { return km.HintsIn(width, ContextAll) }

// HintsIn are [Keymap.Hints] for the bindings in force in context ctx:
// the context's own first, then those for everywhere that none of its
// keys shadow.
func (km Keymap) HintsIn(width int, ctx KeyContext) []Hint {
	type entry struct {
		h    Hint
		keep int
		pos  int
	}
	var all []entry
	// A page's own keys come first: they are what is new there.
	ordered := make([]Binding, 0, len(km))
	for _, b := range km {
		if b.Context == ctx && ctx != ContextAll {
			ordered = append(ordered, b)
		}
	}
	for _, b := range km {
		if b.Context == ContextAll && !ctx.modal() {
			ordered = append(ordered, b)
		}
	}
	for _, b := range ordered {
		if b.Hint == "" || !km.inContext(b, ctx) || slices.Contains(b.Idle, ctx) {
			continue
		}
		keys := b.HintKeys
		if keys == "" {
			keys = b.Label()
		}
		all = append(all, entry{Hint{keys, b.Hint}, b.Keep, len(all)})
	}
	byKeep := slices.Clone(all)
	slices.SortStableFunc(byKeep, func(a, b entry) int { return b.keep - a.keep })
	taken := make([]bool, len(all))
	used := 0
	for _, e := range byKeep {
		w := report.Width(e.h.Keys) + 1 + report.Width(e.h.Word)
		if used > 0 {
			w += report.Width(hintSeparator)
		}
		if used+w <= width {
			taken[e.pos] = true
			used += w
		}
	}
	var out []Hint
	for _, e := range all {
		if taken[e.pos] {
			out = append(out, e.h)
		}
	}
	return out
}

// hintSeparator goes between footer hints; the keys stand out by their
// style, so two spaces are enough and leave room for more hints.
const hintSeparator = "  "

// HintText is the footer line as plain text.
func HintText(hints []Hint) string {
	parts := make([]string, len(hints))
	for i, h := range hints {
		parts[i] = h.Keys + " " + h.Word
	}
	return strings.Join(parts, hintSeparator)
}
