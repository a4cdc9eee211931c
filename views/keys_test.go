package views

import (
	"slices"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/views/report"
)

// TestKeymapHasNoDuplicateKeys: within a context, a key does one thing. A
// page's own binding for a key that is bound everywhere too is how the
// page gives it another meaning, and is no duplicate.
func TestKeymapHasNoDuplicateKeys(t *testing.T) {
	seen := map[KeyContext]map[Key]string{}
	for _, b := range DefaultKeymap() {
		if len(b.Keys) == 0 {
			t.Errorf("binding %q has no keys", b.Label())
		}
		if seen[b.Context] == nil {
			seen[b.Context] = map[Key]string{}
		}
		for _, k := range b.Keys {
			if other, ok := seen[b.Context][k]; ok {
				t.Errorf("key %v is bound twice in context %d: by %q and by %q", k, b.Context, other, b.Label())
			}
			seen[b.Context][k] = b.Label()
		}
	}
}

// TestKeyContexts: on the Priorities page its own keys come first, and the
// keys for everywhere still work where the page binds nothing.
func TestKeyContexts(t *testing.T) {
	km := DefaultKeymap()
	for _, tt := range []struct {
		ev       *tcell.EventKey
		ctx      KeyContext
		want     Intent
		whatDoes string
	}{
		{key(0, '+'), ContextAll, IntentUrgencyUp, "+ moves the urgency on the panes"},
		{key(0, '+'), ContextPriorities, IntentWeightUp, "+ moves the weight on the Priorities page"},
		{key(0, '='), ContextPriorities, IntentWeightUp, "= too"},
		{key(0, '-'), ContextPriorities, IntentWeightDown, "- moves the weight down"},
		{key(0, 'j'), ContextPriorities, IntentPriorityDown, "j selects the priority below"},
		{key(tcell.KeyUp, 0), ContextPriorities, IntentPriorityUp, "↑ the one above"},
		{key(0, 's'), ContextPriorities, IntentSaveWeights, "s saves the weights as a scenario"},
		{key(0, 's'), ContextAll, IntentSave, "s asks where to save on the panes"},
		{key(0, 'r'), ContextPriorities, IntentReset, "r resets everywhere"},
		{key(0, 'p'), ContextPriorities, IntentPriorities, "p closes the page"},
		{key(0, 'p'), ContextAll, IntentPriorities, "p opens it"},
		{key(0, 'q'), ContextPriorities, IntentQuit, "q quits everywhere"},
		{tcell.NewEventKey(tcell.KeyRune, '+', tcell.ModAlt), ContextPriorities, IntentWeightUp, "alt++ is esc, then the page's +"},
	} {
		got := km.IntentsIn(tt.ev, tt.ctx)
		if got[len(got)-1] != tt.want {
			t.Errorf("%s: intents %v, want %d last", tt.whatDoes, got, tt.want)
		}
	}
}

func TestKeymapBindsEveryIntent(t *testing.T) {
	bound := map[Intent]bool{}
	for _, b := range DefaultKeymap() {
		if b.Help == "" || b.Label() == "" {
			t.Errorf("binding for intent %d needs a label and a help sentence", b.Intent)
		}
		bound[b.Intent] = true
	}
	for in := IntentUp; in <= IntentDecide; in++ {
		if !bound[in] {
			t.Errorf("intent %d has no key", in)
		}
	}
}

func TestKeymapResolve(t *testing.T) {
	km := DefaultKeymap()
	tests := []struct {
		name string
		ev   *tcell.EventKey
		want Intent
	}{
		{"up arrow", key(tcell.KeyUp, 0), IntentUp},
		{"k", key(0, 'k'), IntentUp},
		{"down arrow", key(tcell.KeyDown, 0), IntentDown},
		{"j", key(0, 'j'), IntentDown},
		{"enter", key(tcell.KeyEnter, 0), IntentDetails},
		{"d", key(0, 'd'), IntentDecide},
		{"tab", key(tcell.KeyTab, 0), IntentNextPane},
		{"shift+tab", tcell.NewEventKey(tcell.KeyTab, 0, tcell.ModShift), IntentPrevPane},
		{"plus", key(0, '+'), IntentUrgencyUp},
		{"plus typed with shift", tcell.NewEventKey(tcell.KeyRune, '+', tcell.ModShift), IntentUrgencyUp},
		{"equals", key(0, '='), IntentUrgencyUp},
		{"minus", key(0, '-'), IntentUrgencyDown},
		{"r", key(0, 'r'), IntentReset},
		{"[", key(0, '['), IntentPrevScenario},
		{"]", key(0, ']'), IntentNextScenario},
		{"v", key(0, 'v'), IntentToggleChart},
		{"e", key(0, 'e'), IntentEdit},
		{"s", key(0, 's'), IntentSave},
		{"?", key(0, '?'), IntentHelp},
		{"esc", key(tcell.KeyEscape, 0), IntentClose},
		{"q", key(0, 'q'), IntentQuit},
		{"y", key(0, 'y'), IntentConfirm},
		{"ctrl+c", tcell.NewEventKey(tcell.KeyCtrlC, 0, tcell.ModCtrl), IntentQuitNow},
		{"an unbound letter", key(0, 'x'), IntentNone},
		{"capital Q is not q", key(0, 'Q'), IntentNone},
		{"alt+j is not j", tcell.NewEventKey(tcell.KeyRune, 'j', tcell.ModAlt), IntentNone},
		{"ctrl+e is not e", tcell.NewEventKey(tcell.KeyCtrlE, 0, tcell.ModCtrl), IntentNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := km.Resolve(tt.ev); got != tt.want {
				t.Errorf("Resolve = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestEscTypedJustBeforeAKey(t *testing.T) {
	km := DefaultKeymap()
	tests := []struct {
		name string
		ev   *tcell.EventKey
		want []Intent
	}{
		{"a plain key", key(0, '?'), []Intent{IntentHelp}},
		{"alt+? is esc then ?", tcell.NewEventKey(tcell.KeyRune, '?', tcell.ModAlt), []Intent{IntentClose, IntentHelp}},
		{"alt+enter is esc then enter", tcell.NewEventKey(tcell.KeyEnter, 0, tcell.ModAlt), []Intent{IntentClose, IntentDetails}},
		{"alt with an unbound key is nothing", tcell.NewEventKey(tcell.KeyRune, 'x', tcell.ModAlt), []Intent{IntentNone}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := km.Intents(tt.ev)
			if len(got) != len(tt.want) {
				t.Fatalf("Intents = %v, want %v", got, tt.want)
			}
			for k := range got {
				if got[k] != tt.want[k] {
					t.Fatalf("Intents = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestHintsFitAndAlwaysOfferHelpAndQuit(t *testing.T) {
	km := DefaultKeymap()
	for w := 16; w <= 200; w++ {
		text := HintText(km.Hints(w))
		if report.Width(text) > w {
			t.Fatalf("at width %d the hints are %d wide: %q", w, report.Width(text), text)
		}
		if !strings.Contains(text, "? help") || !strings.Contains(text, "q quit") {
			t.Fatalf("at width %d the hints lose help or quit: %q", w, text)
		}
	}
	for _, ctx := range []KeyContext{ContextAll, ContextPriorities} {
		all := HintText(km.HintsIn(1000, ctx))
		for _, b := range km {
			if b.Hint != "" && km.inContext(b, ctx) && !slices.Contains(b.Idle, ctx) && !strings.Contains(all, b.Hint) {
				t.Errorf("hint %q is missing from a wide footer: %q", b.Hint, all)
			}
		}
		for w := 16; w <= 200; w++ {
			if text := HintText(km.HintsIn(w, ctx)); report.Width(text) > w || !strings.Contains(text, "? help") {
				t.Fatalf("in context %d at width %d the hints are %q", ctx, w, text)
			}
		}
	}
	// On the Priorities page the page's keys replace the ones they shadow.
	for w, want := range map[int]string{
		100: "↑/↓ j/k priority  +/- weight  s save  enter details  d decide  r reset  [ ] scenario  ? help  q quit",
		80:  "↑/↓ j/k priority  +/- weight  s save  enter details  d decide  ? help  q quit",
		60:  "↑/↓ j/k priority  +/- weight  enter details  ? help  q quit",
	} {
		if got := HintText(km.HintsIn(w, ContextPriorities)); got != want {
			t.Errorf("hints on the Priorities page at %d columns:\n got %q\nwant %q", w, got, want)
		}
	}
	// From 80 columns up, enter and d stay: a first look wants the
	// details and what to do today before the finer keys.
	for w, want := range map[int]string{
		100: "↑/↓ j/k select  enter details  d decide  tab pane  +/- urgency  r reset  s save  ? help  q quit",
		80:  "↑/↓ j/k select  enter details  d decide  +/- urgency  s save  ? help  q quit",
	} {
		if got := HintText(km.Hints(w)); got != want {
			t.Errorf("hints at %d columns:\n got %q\nwant %q", w, got, want)
		}
	}
}
