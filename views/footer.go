package views

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/views/report"
)

// Footer is the dashboard's bottom two lines: the status line, which
// answers the last key (who leads now, a question, an error), and the key
// hints, drawn from the key table so they can never disagree with what
// the keys do.
type Footer struct {
	*tview.Box
	styles Styles
	keys   Keymap
	status Status
	// context is the key context in force, whose keys the hints show.
	context KeyContext
}

// idleStatus is what the status line says when there is no news: the one
// thing to try first, as long a version as fits.
func (f *Footer) idleStatus(width int) string {
	key := f.keys.KeyLabel
	try, help := "Try "+key(IntentUrgencyUp)+" and "+key(IntentUrgencyDown), key(IntentHelp)+" lists every key."
	texts := []string{
		try + ": they move the urgency and re-rank at once. " + key(IntentDetails) + " explains a row; " + help,
		try + ": the urgency moves and the ranking follows. " + help,
		try + ". " + help,
	}
	if f.context == ContextPriorities {
		try = "Try " + key(IntentWeightUp) + " and " + key(IntentWeightDown)
		texts = []string{
			try + ": they move the selected weight and re-rank at once. " + key(IntentReset) + " resets; " + help,
			try + ": the weight moves and the ranking follows. " + help,
			try + ". " + help,
		}
	}
	for _, text := range texts {
		if report.Width(text) <= width {
			return text
		}
	}
	return key(IntentHelp) + " lists the keys"
}

// NewFooter returns a footer whose hints come from keys.
func NewFooter(st Styles, keys Keymap) *Footer {
	return &Footer{Box: plainBox(), styles: st, keys: keys}
}

// SetStatus sets the status line's message; an empty one shows a hint.
func (f *Footer) SetStatus(s Status) { f.status = s }

// SetContext shows the hints of the keys in force in context ctx.
func (f *Footer) SetContext(ctx KeyContext) { f.context = ctx }

// Height is how many lines the footer takes.
func (f *Footer) Height() int { return 2 }

// Draw draws the status line and the hints.
func (f *Footer) Draw(screen tcell.Screen) {
	f.Box.DrawForSubclass(screen, f)
	x, y, w, h := f.GetInnerRect()
	if w <= 0 || h <= 0 {
		return
	}
	st := f.styles
	text, style := f.status.Text, st.Text
	switch f.status.Kind {
	case StatusNews:
		style = st.Change
	case StatusWarn:
		style = st.Warn
	}
	if text == "" {
		text, style = f.idleStatus(w), st.Dim
	}
	drawText(screen, x, y, w, text, style)
	if h < 2 {
		return
	}
	var l line
	for k, hint := range f.keys.HintsIn(w, f.context) {
		if k > 0 {
			l = append(l, span{hintSeparator, st.Dim})
		}
		l = append(l, span{hint.Keys, st.Key}, span{" " + hint.Word, st.Text})
	}
	drawLine(screen, x, y+1, w, l)
}
