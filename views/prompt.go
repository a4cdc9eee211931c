package views

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// inputLine is the line typed on the footer (a new scenario's name, the
// ranking's filter): a tview input field, which the dashboard hands every
// key the typing context does not bind, so that typing never fires a
// hotkey.
type inputLine struct {
	field *tview.InputField
}

func newInputLine(st Styles) *inputLine {
	f := tview.NewInputField()
	f.SetBackgroundColor(tcell.ColorDefault)
	f.SetFieldStyle(st.Selected).SetLabelStyle(st.Strong)
	return &inputLine{field: f}
}

// start clears the line for a new text, with label in front of it.
func (l *inputLine) start(label, text string) {
	l.field.SetLabel(label)
	l.field.SetText(text)
}

// key types one key into the line.
func (l *inputLine) key(ev *tcell.EventKey) {
	if h := l.field.InputHandler(); h != nil {
		h(ev, func(tview.Primitive) {})
	}
}

// paste types pasted text into the line, on one line.
func (l *inputLine) paste(text string) {
	text = strings.Join(strings.Fields(text), " ")
	if h := l.field.PasteHandler(); h != nil {
		h(text, func(tview.Primitive) {})
	}
}

// text is what has been typed.
func (l *inputLine) text() string { return l.field.GetText() }

// draw draws the line at row y of width w.
func (l *inputLine) draw(screen tcell.Screen, x, y, w int) {
	l.field.SetRect(x, y, w, 1)
	l.field.Focus(func(tview.Primitive) {})
	l.field.Draw(screen)
}
