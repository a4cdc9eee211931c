package views

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/views/report"
)

// newFrame returns the bordered box every pane draws in.
func newFrame(st Styles) *frame {
	b := plainBox().SetBorder(true)
	b.SetBorderStyle(st.Border)
	fg, _, _ := st.Title.Decompose()
	b.SetTitleColor(fg)
	b.SetTitleAlign(tview.AlignLeft)
	return &frame{Box: b, styles: st}
}

// frame is a pane's box. Its focus is the dashboard's to give (the
// controller decides it, not tview), and it shows it with a double, bold
// border that reads without colour.
type frame struct {
	*tview.Box
	styles  Styles
	focused bool
}

// HasFocus reports whether the dashboard has given this pane the focus;
// tview asks it to choose the border.
func (f *frame) HasFocus() bool { return f.focused }

// setFocused gives or takes the focus.
func (f *frame) setFocused(on bool) { f.focused = on }

// setTitle sets the title, shown literally.
func (f *frame) setTitle(title string) {
	if title != "" {
		title = " " + title + " "
	}
	f.Box.SetTitle(Literal(title))
}

// drawFrame draws the background and the border, in the style that shows
// the focus.
func (f *frame) drawFrame(screen tcell.Screen) {
	if f.focused {
		f.Box.SetBorderStyle(f.styles.BorderFocus)
	} else {
		f.Box.SetBorderStyle(f.styles.Border)
	}
	f.Box.DrawForSubclass(screen, f)
}

// Literal is [report.Clean] for tview: it also escapes tview's [tag]
// syntax so the text is drawn exactly as written.
func Literal(s string) string { return tview.Escape(report.Clean(s)) }
