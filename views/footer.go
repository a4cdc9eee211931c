package views

import (
	"strings"

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
	// typing leaves a row between the status line and the hints for the
	// line being typed, which the dashboard draws there.
	typing bool
}

// maxStatusRows bounds how many rows a warning or a question takes: they
// wrap, since the part cut off would be the reason or the answer keys.
const maxStatusRows = 3

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
	// In a form or the Stage picker every key is the form's: a tip about
	// + and - would send the person typing them into a field.
	switch f.context {
	case ContextForm:
		texts = []string{"Here keys type into the form; " + key(IntentClose) + " leaves it and writes nothing."}
	case ContextPicker:
		texts = []string{"Pick the stage it moved to; " + key(IntentClose) + " leaves and writes nothing."}
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

// SetTyping leaves a row for the line being typed (see [Footer.InputRow]).
func (f *Footer) SetTyping(on bool) { f.typing = on }

// Height is how many lines the footer takes at width w: the status line
// (a warning or a question wraps onto up to three), the row for the line
// being typed, and the key hints.
func (f *Footer) Height(w int) int {
	n := len(f.statusRows(w)) + 1
	if f.typing {
		n++
	}
	return n
}

// InputRow is the row, from the footer's top at width w, where the line
// being typed goes.
func (f *Footer) InputRow(w int) int { return len(f.statusRows(w)) }

// statusRows are the status line's rows at width w. A message wraps onto
// a second row rather than lose its end, which is often the reason; a
// warning or a question onto a third, since its end is the answer keys.
// What still does not fit ends with where to read all of it.
func (f *Footer) statusRows(w int) []string {
	text := f.status.Text
	if text == "" || w <= 0 {
		return []string{text}
	}
	most := 2
	if f.status.Kind == StatusWarn {
		most = maxStatusRows
	}
	var rows []string
	for _, spans := range (report.Line{Text: report.Span{Text: text}, Wrap: true}).Rows(w) {
		row := ""
		for _, sp := range spans {
			row += sp.Text
		}
		rows = append(rows, row)
	}
	if len(rows) > most {
		rest := strings.Join(rows[most-1:], " ")
		rows = append(rows[:most-1], f.cut(rest, w))
	}
	return rows
}

// cut fits text in w cells, ending with where to read the rest.
func (f *Footer) cut(text string, w int) string {
	if report.Width(text) <= w {
		return text
	}
	more := " (" + f.keys.KeyLabel(IntentMessages) + ": all of it)"
	if report.Width(more)+10 > w {
		return report.Truncate(text, w)
	}
	return report.Truncate(text, w-report.Width(more)) + more
}

// Draw draws the status line and the hints.
func (f *Footer) Draw(screen tcell.Screen) {
	f.Box.DrawForSubclass(screen, f)
	x, y, w, h := f.GetInnerRect()
	bottom := y + h
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
	rows := f.statusRows(w)
	if text == "" {
		rows, style = []string{f.idleStatus(w)}, st.Dim
	}
	for k, row := range rows {
		if y+k < bottom {
			drawText(screen, x, y+k, w, row, style)
		}
	}
	y += len(rows)
	if f.typing {
		y++
	}
	if y >= bottom {
		return
	}
	var l line
	for k, hint := range f.keys.HintsIn(w, f.context) {
		if k > 0 {
			l = append(l, span{hintSeparator, st.Dim})
		}
		l = append(l, span{hint.Keys, st.Key}, span{" " + hint.Word, st.Text})
	}
	drawLine(screen, x, y, w, l)
}
