package views

import (
	"strings"

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
	// left is the text field the focus just left, to be shown from its
	// start once the key that moved the focus is done; entered the one it
	// came to, whose cursor then goes to the end of its text.
	left, entered *tview.InputField
	// labels are the form's items' labels in full, by item index: Draw
	// cuts them to the room there is.
	labels []string
	// fields says how wide the form's text fields are.
	fields fieldRoom
}

// fieldRoom says how a form shares its width between labels, fields and
// the errors beside them: the fields take what the labels and errRoom
// leave, from least to most cells; when even least does not fit, the
// labels are cut.
type fieldRoom struct {
	least, most int
	// errRoom is the room kept beside the fields for an error, the "← "
	// included: as wide as the form's usual errors.
	errRoom int
}

// fieldWidth is the least width of a form's text fields: a rating, a
// date, "from pay: 3.2".
const fieldWidth = 14

// minLabelWidth is the least room a label is cut to.
const minLabelWidth = 8

func newFormPage(st Styles, title, note string) *formPage {
	fp := &formPage{frame: newFrame(st), title: title, note: note, fields: fieldRoom{least: fieldWidth, most: fieldWidth}}
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

// addItem adds item to the form under label, which Draw cuts to the room
// there is.
func (fp *formPage) addItem(label string, item tview.FormItem) {
	fp.labels = append(fp.labels, report.Clean(label))
	fp.form.AddFormItem(item)
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
// A text field left behind will show its text from the start, not the end
// that was typed last.
func (fp *formPage) focusOn(p tview.Primitive) {
	if fp.focused != nil && fp.focused != p {
		if in, ok := fp.focused.(*tview.InputField); ok {
			fp.left = in // its own key handler is running: see handle
		}
		fp.focused.Blur()
		fp.entered, _ = p.(*tview.InputField)
	}
	fp.focused = p
	p.Focus(fp.focusOn)
}

// handle hands a key to the widget that has the focus. When the key moves
// the focus, the text field it left is sent home, to show the start of
// its text, and the one it came to is sent to the end, to type on.
func (fp *formPage) handle(ev *tcell.EventKey) {
	if h := fp.body().InputHandler(); h != nil {
		h(ev, fp.focusOn)
	}
	for _, move := range []struct {
		field *tview.InputField
		key   tcell.Key
	}{{fp.left, tcell.KeyHome}, {fp.entered, tcell.KeyEnd}} {
		if move.field != nil {
			move.field.InputHandler()(tcell.NewEventKey(move.key, 0, tcell.ModNone), func(tview.Primitive) {})
		}
	}
	fp.left, fp.entered = nil, nil
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
		formW = min(w, fp.layout(w))
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

// layout shares width w between the labels, the fields and the room for
// errors beside them (see [fieldRoom]): it sets each item's label, cut
// when it must be, and each text field's width, and returns the width
// the labels and fields take.
func (fp *formPage) layout(w int) int {
	labelW := 0
	for _, l := range fp.labels {
		labelW = max(labelW, report.Width(l))
	}
	r := fp.fields
	fieldW := max(r.least, min(r.most, w-labelW-1-1-r.errRoom))
	if room := w - fieldW - 1 - 1 - r.errRoom; labelW > room {
		labelW = max(minLabelWidth, room)
	}
	for k, l := range fp.labels {
		if k >= fp.form.GetFormItemCount() {
			break
		}
		if cut := report.Truncate(l, labelW); cut != l {
			l = strings.TrimRight(strings.TrimSuffix(cut, "…"), " ") + "…"
		}
		label := tview.Escape(l)
		switch item := fp.form.GetFormItem(k).(type) {
		case *tview.InputField:
			item.SetLabel(label).SetFieldWidth(fieldW)
		case *tview.Checkbox:
			item.SetLabel(label)
		}
	}
	return labelW + 1 + fieldW
}
