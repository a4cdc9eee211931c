package views

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// This file checks that the key table is the one place that names keys:
// every sentence that tells the user to press a key takes the key's name
// from the table, so a key bound differently is named differently
// everywhere, and no string in views or views/report names a key by
// itself.

// keyNames are the names of every key bound in each keymap.
func keyNames(kms ...Keymap) []string {
	var out []string
	for _, km := range kms {
		for _, b := range km {
			for _, k := range b.Keys {
				if !slices.Contains(out, k.Name()) {
					out = append(out, k.Name())
				}
			}
		}
	}
	return out
}

// mentionFinder finds the words of a text that tell the user to press a
// key: "press s", "r resets", "(v: fit", "q or y quits", "↑/↓ scroll",
// "[ ] cycles", "Try + and -". Each match is the run of key names. A key
// that is also an English word (a, for the New opportunity form) is a
// mention only with a colon ("a: add") or after press: "a close call" is
// prose.
type mentionFinder struct{ before, verb, after *regexp.Regexp }

func newMentionFinder(names []string) mentionFinder {
	names = slices.Clone(names)
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	quoted := make([]string, len(names))
	for k, n := range names {
		quoted[k] = regexp.QuoteMeta(n)
	}
	key := "(?:" + strings.Join(quoted, "|") + ")"
	run := key + `(?:(?:\s+(?:or|and)\s+|/|\s)` + key + `)*`
	var notWords []string
	for k, n := range names {
		if n != "a" {
			notWords = append(notWords, quoted[k])
		}
	}
	keyNotWord := "(?:" + strings.Join(notWords, "|") + ")"
	runNotWord := keyNotWord + `(?:(?:\s+(?:or|and)\s+|/|\s)` + key + `)*`
	verbs := `again|closes|close|resets|reset|quits|quit|switches|lists|drops|brings|shows|leaves|cycles|cycle|answers|opens|` +
		`explains|moves|make|makes|scrolls|scroll|select|first|to|writes|saves|cancels|keeps|clears`
	return mentionFinder{
		before: regexp.MustCompile(`(?:^|[\s(“"'])(` + run + `)(?::\s)`),
		verb:   regexp.MustCompile(`(?:^|[\s(“"'])(` + runNotWord + `),?\s+(?:` + verbs + `)\b`),
		after:  regexp.MustCompile(`\b(?:[Pp]ress|Try)\s+(` + run + `)`),
	}
}

// mention is one place a text tells the user to press keys: the run of
// key names, and the words around it.
type mention struct{ keys, context string }

// find lists the places text tells the user to press keys.
func (f mentionFinder) find(text string) []mention {
	var out []mention
	for _, re := range []*regexp.Regexp{f.before, f.verb, f.after} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			from, to := max(0, m[0]-40), min(len(text), m[1]+40)
			for from > 0 && !utf8.RuneStart(text[from]) {
				from--
			}
			for to < len(text) && !utf8.RuneStart(text[to]) {
				to++
			}
			out = append(out, mention{text[m[2]:m[3]], text[from:to]})
		}
	}
	return out
}

// remapped is the default key table with most keys bound to others, the
// way a person would edit the table: the keys of a row, and the footer's
// writing of them where the row has its own.
func remapped() Keymap {
	km := slices.Clone(DefaultKeymap())
	r, sp := RuneKey, SpecialKey
	for k := range km {
		b := &km[k]
		switch b.Intent {
		case IntentUp:
			b.Keys, b.HintKeys = []Key{r('K')}, "K/J"
		case IntentDown:
			b.Keys = []Key{r('J')}
		case IntentDetails:
			b.Keys = []Key{r('o')}
		case IntentDecide:
			b.Keys = []Key{r('w')}
		case IntentUrgencyUp:
			b.Keys, b.HintKeys = []Key{r('*')}, "*/_"
		case IntentUrgencyDown:
			b.Keys = []Key{r('_')}
		case IntentReset:
			b.Keys = []Key{r('x')}
		case IntentPrevScenario:
			b.Keys = []Key{r('{')}
		case IntentNextScenario:
			b.Keys, b.HintKeys = []Key{r('}')}, "{ }"
		case IntentToggleChart:
			b.Keys = []Key{r('c')}
		case IntentSave:
			b.Keys = []Key{r('S')}
		case IntentSaveSituation:
			b.Keys = []Key{r('N')}
		case IntentMessages:
			b.Keys = []Key{r('M')}
		case IntentHelp:
			b.Keys = []Key{r('h')}
		case IntentClose:
			b.Keys = []Key{sp(tcell.KeyBackspace2)}
		case IntentQuit:
			b.Keys = []Key{r('Q')}
		case IntentConfirm:
			b.Keys = []Key{r('Y')}
		}
	}
	return km
}

func TestKeyNames(t *testing.T) {
	for _, tt := range []struct {
		key  Key
		want string
	}{
		{RuneKey('r'), "r"}, {RuneKey('?'), "?"}, {SpecialKey(tcell.KeyUp), "↑"}, {SpecialKey(tcell.KeyDown), "↓"},
		{SpecialKey(tcell.KeyEnter), "enter"}, {SpecialKey(tcell.KeyTab), "tab"}, {SpecialKey(tcell.KeyBacktab), "shift+tab"},
		{SpecialKey(tcell.KeyEscape), "esc"}, {SpecialKey(tcell.KeyCtrlC), "ctrl+c"}, {SpecialKey(tcell.KeyBackspace2), "backspace"},
		{SpecialKey(tcell.KeyF5), "f5"},
	} {
		if got := tt.key.Name(); got != tt.want {
			t.Errorf("%v is named %q, want %q", tt.key, got, tt.want)
		}
	}
	km := DefaultKeymap()
	for in, want := range map[Intent]string{IntentReset: "r", IntentUrgencyUp: "+", IntentUp: "↑", IntentClose: "esc",
		IntentDetails: "enter", IntentPrevPane: "shift+tab", IntentNone: ""} {
		if got := km.KeyLabel(in); got != want {
			t.Errorf("KeyLabel(%d) = %q, want %q", in, got, want)
		}
	}
	for _, b := range km {
		if b.Intent == IntentUrgencyUp && b.Label() != "+ =" {
			t.Errorf("the help page writes urgency up's keys %q, want %q", b.Label(), "+ =")
		}
	}
}

// TestHintKeysNameTheirRows checks the footer's own writing of a row's
// keys: it names only keys of the row and of its partner (the row after
// it, or before it when the one after has a hint of its own), and the
// row's first key.
func TestHintKeysNameTheirRows(t *testing.T) {
	for _, km := range []Keymap{DefaultKeymap(), remapped()} {
		for k, b := range km {
			if b.HintKeys == "" {
				continue
			}
			var want []string
			for _, p := range []int{k + 1, k - 1} {
				if p >= 0 && p < len(km) && km[p].Hint == "" {
					for _, key := range append(slices.Clone(b.Keys), km[p].Keys...) {
						want = append(want, key.Name())
					}
					break
				}
			}
			// The footer writes a row's first key, and an alias only with
			// its partner's (as "j/k" goes with "↑/↓").
			got := strings.FieldsFunc(b.HintKeys, func(r rune) bool { return r == '/' || r == ' ' })
			for _, name := range got {
				if !slices.Contains(want, name) {
					t.Errorf("the footer writes %q for %q, but %q is not a key of that row or its partner (%v)", b.HintKeys, b.Hint, name, want)
				}
			}
			if !slices.Contains(got, b.Keys[0].Name()) {
				t.Errorf("the footer writes %q for %q without its first key %q", b.HintKeys, b.Hint, b.Keys[0].Name())
			}
		}
	}
}

// TestHelpTextsNameTheirKeys checks that every help sentence has a key
// for each of its %s, and names the keys as the table binds them.
func TestHelpTextsNameTheirKeys(t *testing.T) {
	def, re := DefaultKeymap(), remapped()
	for k, b := range def {
		if n := strings.Count(b.Help, "%s"); n != len(b.HelpKeys) || strings.Count(b.Help, "%") != n {
			t.Errorf("help %q has %d verbs for %d keys", b.Help, n, len(b.HelpKeys))
		}
		got := re.helpText(re[k])
		for _, in := range b.HelpKeys {
			if !strings.Contains(got, re.KeyLabel(in)) {
				t.Errorf("remapped, help %q does not name %q", got, re.KeyLabel(in))
			}
		}
	}
	for _, b := range def {
		if got, want := def.helpText(b), "quit; with unsaved what-ifs it asks once (q again or y quits, any other key stays)"; b.Intent == IntentQuit && got != want {
			t.Errorf("quit's help reads %q, want %q", got, want)
		}
	}
}

// dashboardText drives a dashboard on the example with keymap km through
// every state whose text names keys, and returns each screen and status
// line as one line of text, so that a sentence wrapped across rows still
// reads whole.
func dashboardText(t *testing.T, km Keymap) []string {
	t.Helper()
	name := func(in Intent) *tcell.EventKey {
		for _, b := range km {
			if b.Intent == in {
				k := b.Keys[0]
				return tcell.NewEventKey(k.Code, k.Rune, tcell.ModNone)
			}
		}
		t.Fatalf("intent %d has no key", in)
		return nil
	}
	flatten := func(screen tcell.Screen) string {
		var b strings.Builder
		for _, l := range screenLines(screen) {
			b.WriteString(strings.TrimSpace(strings.Trim(l, "│║")) + " ")
		}
		return b.String()
	}
	var out []string
	for _, path := range [][]Intent{
		{},
		{IntentUrgencyUp},
		{IntentSavingsUp},
		{IntentUrgencyUp, IntentSave},
		{IntentSave},
		{IntentSaveSituation},
		{IntentUrgencyUp, IntentSaveSituation},
		{IntentUrgencyUp, IntentQuit},
		{IntentReset},
		{IntentNone},
		{IntentToggleChart},
		{IntentDecide},
		{IntentDecide, IntentNextPane},
		{IntentUrgencyUp, IntentDecide},
		{IntentDown, IntentDown, IntentDown, IntentDown, IntentDecide},
		{IntentDetails},
		{IntentHelp},
		{IntentUrgencyUp, IntentNextScenario},
		{IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp, IntentUrgencyUp},
		{IntentUrgencyUp, IntentNextPane},
	} {
		d, err := NewDashboard(&fakeApp{}, samProfile(), model.Request{Today: exampleToday()},
			Options{Info: exampleInfo(), Example: true, Styles: NewStyles(true), Keys: km}, Hooks{Save: unsaved})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range path {
			if in == IntentNone {
				d.HandleKey(key(0, '%')) // bound in neither table
				continue
			}
			d.HandleKey(name(in))
		}
		out = append(out, d.Controller().Status().Text)
		for _, size := range [][2]int{{100, 60}, {200, 90}, {70, 40}, {40, 10}} {
			out = append(out, flatten(drawOn(t, d, size[0], size[1])))
		}
	}
	return out
}

// unsaved is a Save hook that saves nothing: with one, the save key asks
// where to save.
func unsaved(model.WhatIf) (*model.Profile, string, error) { return nil, "", errors.New("not saved") }

// TestSentencesFollowTheKeyTable binds most keys differently in a copy of
// the key table and checks that the dashboard's sentences name the new
// keys: in the footer, the titles, the help page, the header, the status
// line, the details pane, the decide page and the too-small message; and
// that no sentence names a key the table no longer binds.
func TestSentencesFollowTheKeyTable(t *testing.T) {
	km := remapped()
	texts := dashboardText(t, km)
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"Try * and _: they move the urgency and re-rank at once. o explains a row; h lists every key.",
		"K/J select", "*/_ urgency", "x reset", "{ } scenario", "h help", "Q quit",
		"(o or backspace closes, K/J scroll)", "(w or backspace closes, K/J scroll)", "(h or backspace closes, K/J scroll)",
		"c switches to fit against relief", "w opens the decide page", "* and _ are what-ifs", "x drops them; { and } try",
		"(Q again or Y quits", "(N writes over [situation] instead)", "and only Y writes", "M again closes", "o again closes", "w again closes", "h again closes it",
		"3 saved scenarios: press } to try one",
		"x resets.", "urgency derived (0.55) → fixed by hand at 0.60", "Y writes, any other key cancels.", "Nothing to save: make a what-if first (* and _ the urgency, > and < the savings).",
		"backspace cancels", "Q or Y quits, any other key stays.", "That key does nothing here: h lists the keys.",
		"backspace closes this page; then tab moves between panes.", "(c switches).", "x shows the scenario's own.",
		"Score against urgency (c: fit against relief)", "Accept, hold or let go? Press w.", "x brings it back.",
		"backspace, select it, and w again.", "x resets it and brings back the money figures", "(x shows it in money)",
		"press Q to quit",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("with the keys bound differently, nothing says %q", want)
		}
	}
	bound := keyNames(km)
	find := newMentionFinder(keyNames(DefaultKeymap(), km))
	for _, text := range texts {
		for _, m := range find.find(text) {
			for _, name := range strings.FieldsFunc(m.keys, func(r rune) bool { return r == '/' || r == ' ' }) {
				if name != "or" && name != "and" && !slices.Contains(bound, name) {
					t.Errorf("%q names key %q, which the table no longer binds: …%s…", m.keys, name, m.context)
				}
			}
		}
	}
}

// TestMentionFinderFindsTheDefaultSentences checks the finder itself on
// the default table's sentences, so that the test above cannot pass by
// finding nothing.
func TestMentionFinderFindsTheDefaultSentences(t *testing.T) {
	find := newMentionFinder(keyNames(DefaultKeymap()))
	var got []string
	for _, m := range find.find(strings.Join(dashboardText(t, DefaultKeymap()), "\n")) {
		got = append(got, m.keys)
	}
	for _, want := range []string{"r", "? or esc", "↑/↓", "+ and -", "q or y", "]", "v", "d", "enter", "esc", "S", "q"} {
		if !slices.Contains(got, want) {
			t.Errorf("the finder does not find %q among %q", want, got)
		}
	}
}

// TestNoStringNamesAKey reads every non-test Go file of views and
// views/report and fails on a string that tells the user to press a key
// by its name ("r resets", "(v: …", "press q") instead of asking the key
// table for it. Strings joined with + are read as one, with a gap where
// a value goes.
func TestNoStringNamesAKey(t *testing.T) {
	find := newMentionFinder(keyNames(DefaultKeymap()))
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("report/*.go")
	files = append(files, more...)
	fset := token.NewFileSet()
	checked := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[ast.Node]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			expr, ok := n.(ast.Expr)
			if !ok || seen[n] {
				return true
			}
			var parts []string
			var flatten func(e ast.Expr) bool
			flatten = func(e ast.Expr) bool {
				seen[e] = true
				switch e := e.(type) {
				case *ast.BinaryExpr:
					if e.Op == token.ADD {
						flatten(e.X)
						flatten(e.Y)
						return true
					}
				case *ast.BasicLit:
					if e.Kind == token.STRING {
						s, _ := strconv.Unquote(e.Value)
						parts = append(parts, s)
						return true
					}
				case *ast.ParenExpr:
					return flatten(e.X)
				}
				parts = append(parts, "\x00")
				return true
			}
			switch expr.(type) {
			case *ast.BinaryExpr, *ast.BasicLit:
				flatten(expr)
			default:
				return true
			}
			text := strings.Join(parts, "")
			checked++
			for _, m := range find.find(text) {
				t.Errorf("%s: …%s… names key %q itself: take it from the key table (Keymap.KeyLabel)", fset.Position(expr.Pos()), m.context, m.keys)
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d strings read: the scan is not reading views", checked)
	}
}
