package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// TestPagesHaveTheirOwnKeys holds the registry to one page a key: no two
// pages share a name or an opening intent, every opening intent is bound
// in the key table, and no key opens two pages.
func TestPagesHaveTheirOwnKeys(t *testing.T) {
	km := DefaultKeymap()
	names, intents, keys := map[Page]bool{}, map[Intent]Page{}, map[Key]Page{}
	for _, spec := range Pages() {
		if spec.Page == PageNone || spec.Title == "" || (spec.build == nil) == (spec.form == nil) {
			t.Errorf("page %q is registered without a name, a title, or one widget or form", spec.Page)
		}
		if names[spec.Page] {
			t.Errorf("page %q is registered twice", spec.Page)
		}
		names[spec.Page] = true
		if other, ok := intents[spec.Open]; ok {
			t.Errorf("pages %q and %q open with the same intent", other, spec.Page)
		}
		intents[spec.Open] = spec.Page
		if km.KeyLabel(spec.Open) == "" {
			t.Errorf("page %q opens with an intent no key is bound to", spec.Page)
		}
		for _, b := range km {
			if b.Intent != spec.Open || b.Context != ContextAll {
				continue
			}
			for _, k := range b.Keys {
				if other, ok := keys[k]; ok {
					t.Errorf("key %s opens both %q and %q", k.Name(), other, spec.Page)
				}
				keys[k] = spec.Page
			}
		}
	}
}

// openPage presses the first key bound to intent in, and returns the
// screen drawn at w×h afterwards.
func openPage(t *testing.T, d *Dashboard, in Intent, w, h int) []string {
	t.Helper()
	for _, b := range d.Keys() {
		if b.Intent == in && b.Context == ContextAll && len(b.Keys) > 0 {
			k := b.Keys[0]
			d.HandleKey(tcell.NewEventKey(k.Code, k.Rune, tcell.ModNone))
			return screenLines(drawOn(t, d, w, h))
		}
	}
	t.Fatalf("no key opens intent %d", in)
	return nil
}

// checkPage checks that the screen shows the page of spec: opened by its
// key, titled by its title and that key (a form: its title and the name
// of the opportunity it is about), with its context's footer.
func checkPage(t *testing.T, d *Dashboard, spec PageSpec, lines []string, w int) {
	t.Helper()
	got, title, closing := d.Controller().Page(), spec.Title, d.Keys().KeyLabel(spec.Open)+" or "+d.Keys().KeyLabel(IntentClose)+" closes"
	if spec.form != nil {
		got, closing = d.Controller().Form(), ""
		if spec.unselected != nil {
			title += ": " + d.selectedName()
		}
	}
	if got != spec.Page {
		t.Fatalf("the key of %q opened page %q", spec.Page, got)
	}
	if got := d.Controller().KeyContext(); got != spec.Context {
		t.Errorf("page %q: key context %d, want its registered %d", spec.Page, got, spec.Context)
	}
	titled := false
	for _, l := range lines {
		if strings.Contains(l, title) && strings.Contains(l, closing) {
			titled = true
		}
	}
	if !titled {
		t.Errorf("page %q: no line holds its title %q and its key:\n%s", spec.Page, spec.Title, strings.Join(lines, "\n"))
	}
	if got, want := lines[len(lines)-1], HintText(d.Keys().HintsIn(w, spec.Context)); got != want {
		t.Errorf("page %q: footer %q, want its context's %q", spec.Page, got, want)
	}
}

// TestPagesComeFromTheirRegistration opens every registered page with its
// key and finds its title and its footer; then it registers the help page
// differently and finds the dashboard following the registration.
func TestPagesComeFromTheirRegistration(t *testing.T) {
	const w, h = 100, 40
	for _, spec := range Pages() {
		t.Run(string(spec.Page), func(t *testing.T) {
			// Not the example, and with hooks to write through: the
			// forms open only where they can write.
			d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, (&editHooks{}).hooks())
			checkPage(t, d, spec, openPage(t, d, spec.Open, w, h), w)
			if spec.form != nil {
				d.HandleKey(key(tcell.KeyEscape, 0))
				if got := d.Controller().Form(); got != FormNone {
					t.Errorf("esc left form %q open", got)
				}
				return
			}
			openPage(t, d, spec.Open, w, h)
			if got := d.Controller().Page(); got != PageNone {
				t.Errorf("the key of %q again left page %q open", spec.Page, got)
			}
		})
	}

	// The help page, registered under another title, key and context.
	pages := Pages()
	var moved PageSpec
	for k := range pages {
		if pages[k].Page == PageHelp {
			pages[k].Title, pages[k].Open, pages[k].Context = "Guide", IntentReload, ContextPriorities
			moved = pages[k]
		}
	}
	d, err := NewDashboard(&fakeApp{}, samProfile(), model.Request{Today: exampleToday()},
		Options{Info: exampleInfo(), Example: true, Styles: NewStyles(true), pages: pages}, Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, d, moved, openPage(t, d, IntentReload, w, h), w)
	openPage(t, d, IntentClose, w, h)
	openPage(t, d, IntentHelp, w, h)
	if got := d.Controller().Page(); got == PageHelp {
		t.Errorf("the help key still opens the help page registered under another key")
	}
}
