package views

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/views/report"
)

func TestKeymapHasNoDuplicateKeys(t *testing.T) {
	seen := map[Key]string{}
	for _, b := range DefaultKeymap() {
		if len(b.Keys) == 0 {
			t.Errorf("binding %q has no keys", b.Label())
		}
		for _, k := range b.Keys {
			if other, ok := seen[k]; ok {
				t.Errorf("key %v is bound twice: by %q and by %q", k, other, b.Label())
			}
			seen[k] = b.Label()
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
	all := HintText(km.Hints(1000))
	for _, b := range km {
		if b.Hint != "" && !strings.Contains(all, b.Hint) {
			t.Errorf("hint %q is missing from a wide footer: %q", b.Hint, all)
		}
	}
	// At 100 columns the brief's keys show but for enter (the status
	// line's first tip names it); our own additions (d, v) wait for room.
	want := "↑/↓ j/k select  tab pane  +/- urgency  r reset  [ ] scenario  e edit  s save  ? help  q quit"
	if got := HintText(km.Hints(100)); got != want {
		t.Errorf("hints at 100 columns:\n got %q\nwant %q", got, want)
	}
}
