package views

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/views/report"
)

// formPage is a form over the dashboard (the Ratings form, the Stage
// picker, the New opportunity form): a frame with its title in bold, a
// line saying what to type, and a tview form or list whose fields show
// their errors beside them as they are typed. It takes every key while
// open, so that typing never fires a dashboard key; the dashboard hands it
// the keys its own key table does not keep (esc).
//
// The dashboard is the only primitive the application gives the focus,
// so the form keeps the focus among its own widgets itself: focusOn is
// the setFocus tview's widgets call to move it.
type formPage struct {
	*frame
	title, note string
	form        *tview.Form
	list        *tview.List
	// errs are the errors beside the form's items, by item index.
	errs []string
	// message is the line under the fields: why a save did not happen.
	message string
	focused tview.Primitive
}

// fieldWidth is the width of a form's text fields.
const fieldWidth = 14

func newFormPage(st Styles, title, note string) *formPage {
	fp := &formPage{frame: newFrame(st), title: title, note: note}
	fp.frame.setFocused(true)
	return fp
}

// styledForm is a tview form in the dashboard's styles: fields underlined
// on the terminal's own background, the button in focus in reverse video,
// so that it all reads with NO_COLOR.
func styledForm(st Styles) *tview.Form {
	f := tview.NewForm().SetItemPadding(0)
	f.SetBackgroundColor(tcell.ColorDefault)
	f.SetBorderPadding(0, 0, 0, 0)
	label, _, _ := st.Text.Decompose()
	f.SetLabelColor(label).SetFieldStyle(st.Text.Underline(true))
	f.SetButtonStyle(st.Text).SetButtonActivatedStyle(st.Selected)
	f.SetButtonsAlign(tview.AlignLeft)
	return f
}

// styledList is a tview list in the dashboard's styles.
func styledList(st Styles) *tview.List {
	l := tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).SetWrapAround(false)
	l.SetBackgroundColor(tcell.ColorDefault)
	l.SetMainTextStyle(st.Text).SetSelectedStyle(st.Selected)
	return l
}

// body is the widget that holds the fields.
func (fp *formPage) body() tview.Primitive {
	if fp.list != nil {
		return fp.list
	}
	return fp.form
}

// open gives the form's first field the focus.
func (fp *formPage) open() { fp.focusOn(fp.body()) }

// focusOn moves the focus inside the form to p, as tview's setFocus does.
func (fp *formPage) focusOn(p tview.Primitive) {
	if fp.focused != nil && fp.focused != p {
		fp.focused.Blur()
	}
	fp.focused = p
	p.Focus(fp.focusOn)
}

// handle hands a key to the widget that has the focus.
func (fp *formPage) handle(ev *tcell.EventKey) {
	if h := fp.body().InputHandler(); h != nil {
		h(ev, fp.focusOn)
	}
}

// setError shows err beside item k ("" clears it).
func (fp *formPage) setError(k int, err string) {
	for len(fp.errs) <= k {
		fp.errs = append(fp.errs, "")
	}
	fp.errs[k] = err
}

// hasErrors reports whether any field shows an error.
func (fp *formPage) hasErrors() bool {
	for _, e := range fp.errs {
		if e != "" {
			return true
		}
	}
	return false
}

// Draw draws the frame, the title in bold, the note, the fields with
// their errors beside them, and the message.
func (fp *formPage) Draw(screen tcell.Screen) {
	fp.drawFrame(screen)
	x, y, w, h := fp.GetInnerRect()
	bx, by, _, _ := fp.GetRect()
	drawText(screen, bx+1, by, w, " "+report.Clean(fp.title)+" ", fp.styles.Title)
	if w <= 0 || h <= 0 {
		return
	}
	row := y
	if fp.note != "" {
		for _, r := range (report.Line{Text: report.Span{Text: fp.note, Role: report.RoleDim}, Wrap: true}).Rows(w) {
			if row >= y+h {
				break
			}
			drawLine(screen, x, row, w, fp.styles.row(r))
			row++
		}
		row++
	}
	bodyH := y + h - row
	if fp.message != "" {
		bodyH--
	}
	if bodyH <= 0 {
		return
	}
	body := fp.body()
	formW := w
	if fp.form != nil {
		formW = min(w, fp.formWidth())
	}
	body.SetRect(x, row, formW, bodyH)
	body.Draw(screen)
	if fp.form != nil {
		for k, e := range fp.errs {
			if e == "" || k >= fp.form.GetFormItemCount() {
				continue
			}
			ix, iy, iw, _ := fp.form.GetFormItem(k).GetRect()
			ex := ix + iw + 1
			if iy >= row && iy < row+bodyH && ex < x+w {
				drawText(screen, ex, iy, x+w-ex, "← "+e, fp.styles.Warn)
			}
		}
	}
	if fp.message != "" {
		drawText(screen, x, y+h-1, w, fp.message, fp.styles.Warn)
	}
}

// formWidth is the width the fields take: the longest label, a space and
// a field.
func (fp *formPage) formWidth() int {
	labelW := 0
	for k := range fp.form.GetFormItemCount() {
		labelW = max(labelW, report.Width(fp.form.GetFormItem(k).GetLabel()))
	}
	return labelW + 1 + fieldWidth
}
