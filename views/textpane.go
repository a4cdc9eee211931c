package views

import (
	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// textPane is a framed pane of lines that scrolls. The details pane, the
// help page and the details page are textPanes that differ only in the
// lines they build; they build them at draw time, for the width they get.
type textPane struct {
	*frame
	// build makes the lines for a content width.
	build func(width int) []line
	// offset is the first line shown.
	offset int
	// lastLines and lastHeight are from the last draw, so a scroll can stop
	// at the end.
	lastLines, lastHeight int
}

func newTextPane(st Styles) *textPane {
	return &textPane{frame: newFrame(st)}
}

// Scroll moves the view by delta lines, within the text.
func (t *textPane) Scroll(delta int) {
	t.offset = max(0, min(t.offset+delta, t.lastLines-t.lastHeight))
}

// ScrollTop goes back to the first line.
func (t *textPane) ScrollTop() { t.offset = 0 }

// drawLines draws the frame and the lines that fit, with a marker in the
// frame when there is more above or below.
func (t *textPane) drawLines(screen tcell.Screen) {
	t.drawFrame(screen)
	x, y, w, h := t.GetInnerRect()
	if w <= 0 || h <= 0 || t.build == nil {
		return
	}
	lines := t.build(w)
	t.lastLines, t.lastHeight = len(lines), h
	t.offset = max(0, min(t.offset, len(lines)-h))
	for row := 0; row < h && t.offset+row < len(lines); row++ {
		drawLine(screen, x, y+row, w, lines[t.offset+row])
	}
	bx, by, bw, bh := t.GetRect()
	if bw < 8 || bh < 3 {
		return
	}
	if t.offset > 0 {
		drawText(screen, bx+bw-4, by, 3, "▲", t.styles.Strong)
	}
	if t.offset+h < len(lines) {
		drawText(screen, bx+bw-4, by+bh-1, 3, "▼", t.styles.Strong)
	}
}

// selectionPane is a text pane about one opportunity of a state: the
// details pane and the details and decide pages.
type selectionPane struct {
	*textPane
	// keys name the keys the pane's sentences mention.
	keys  Keymap
	state *model.State
	// index is the opportunity shown, an index into state.Assessments; -1
	// for none.
	index int
}

func newSelectionPane(st Styles, keys Keymap) selectionPane {
	return selectionPane{textPane: newTextPane(st), keys: keys, index: -1}
}

// show moves the pane to opportunity i of s; choosing another opportunity
// scrolls back to the top, a new state of the same one keeps the place.
func (p *selectionPane) show(s *model.State, i int) {
	if i != p.index {
		p.ScrollTop()
	}
	p.state, p.index = s, i
}
