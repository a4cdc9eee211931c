package views

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// TestMessagesLogKeepsEveryMessage: a message too long for the status
// line is on the Messages page in full, with its time, and so is a
// watcher's failure reported by the host; L again closes the page.
func TestMessagesLogKeepsEveryMessage(t *testing.T) {
	at := time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)
	d, err := NewDashboard(&fakeApp{}, samProfile(), model.Request{Today: exampleToday()},
		Options{Info: exampleInfo(), Styles: NewStyles(true), Clock: func() time.Time { return at }},
		Hooks{Edit: func(int) (*model.Profile, error) {
			return nil, errors.New("private.toml:2:11: savings must be a number, not a string; hint: write a number, for example savings = 3")
		}})
	if err != nil {
		t.Fatal(err)
	}
	press(d, "e")
	d.ShowStatus(Status{Kind: StatusWarn, Text: "Watching the profile for changes failed (too many open files): press R to reload after editing."})
	press(d, "L")
	if d.Controller().Page() != PageMessages {
		t.Fatal("L does not open the Messages page")
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(screenText(drawOn(t, d, 80, 24)), "│", " ")), " ")
	for _, want := range []string{"Messages (L or esc closes", "09:30:00 Watching the profile for changes failed (too many open files): press R to reload after editing.",
		"09:30:00 Showing the last good profile: private.toml:2:11: savings must be a number, not a string; hint: write a number, for example savings = 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Messages page does not say %q:\n%s", want, screenText(drawOn(t, d, 80, 24)))
		}
	}
	if strings.Index(text, "Watching the profile") > strings.Index(text, "Showing the last good") {
		t.Error("the newest message is not first")
	}
	press(d, "L")
	if d.Controller().Page() != PageNone {
		t.Error("L again does not close the page")
	}
}

// TestLongStatusIsNotCutSilently: at 80 columns a long message wraps,
// and what still does not fit says where the rest is.
func TestLongStatusIsNotCutSilently(t *testing.T) {
	d, _ := newTestDashboard(t, samProfile(), model.Request{}, true, Hooks{})
	d.ShowStatus(Status{Text: strings.Repeat("word ", 40) + "the reason at the end."})
	lines := screenLines(drawOn(t, d, 80, 24))
	if got := lines[len(lines)-2]; !strings.HasSuffix(got, "(L: all of it)") {
		t.Errorf("the cut message does not point at L: %q", got)
	}
	d.ShowStatus(Status{Text: "A message that needs two rows at eighty columns, because the part at its end is the reason why it was said at all."})
	lines = screenLines(drawOn(t, d, 80, 24))
	if got := lines[len(lines)-2]; !strings.HasSuffix(got, "said at all.") {
		t.Errorf("the end of the message is lost: %q", got)
	}
}

// TestFilterByName: / filters the ranking as each key is typed; keys
// typed are text, never hotkeys; enter keeps the filter, esc clears it.
func TestFilterByName(t *testing.T) {
	d, app := newTestDashboard(t, samProfile(), model.Request{}, true, Hooks{})
	c := d.Controller()
	press(d, "/gl")
	text := screenText(drawOn(t, d, 100, 30))
	if !strings.Contains(text, `names containing "gl" (1 of 6)`) || !strings.Contains(text, "Globex") || strings.Contains(text, "Hooli") {
		t.Fatalf("the filter does not keep Globex alone:\n%s", text)
	}
	if nameOf(c.State(), c.Selected()) != "Globex" {
		t.Errorf("the selection is not on the one name left: %q", nameOf(c.State(), c.Selected()))
	}
	press(d, "q+")
	if app.stopped != 0 || c.State().Request.WhatIf.Urgency != nil {
		t.Fatal("typing in the filter fired hotkeys")
	}
	if text := screenText(drawOn(t, d, 100, 30)); !strings.Contains(text, `No name contains "glq+".`) {
		t.Errorf("a filter that matches nothing:\n%s", text)
	}
	d.HandleKey(key(tcell.KeyBackspace2, 0))
	d.HandleKey(key(tcell.KeyBackspace2, 0))
	press(d, "o")
	d.HandleKey(key(tcell.KeyEnter, 0))
	if c.Typing() || c.Filter() != "glo" || len(c.Rows()) != 1 {
		t.Fatalf("enter: typing %v, filter %q, rows %d", c.Typing(), c.Filter(), len(c.Rows()))
	}
	press(d, "+") // a hotkey again once the filter is kept
	if c.State().Request.WhatIf.Urgency == nil {
		t.Error("after enter, keys are hotkeys again")
	}
	d.HandleKey(key(tcell.KeyEscape, 0))
	if c.Filter() != "" || len(c.Rows()) != 6 {
		t.Errorf("esc does not clear the filter: %q, %d rows", c.Filter(), len(c.Rows()))
	}
	press(d, "/hoo")
	d.HandleKey(key(tcell.KeyEscape, 0))
	if c.Typing() || c.Filter() != "" || len(c.Rows()) != 6 {
		t.Errorf("esc while typing does not clear: typing %v, %q", c.Typing(), c.Filter())
	}
}
