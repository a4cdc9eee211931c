package views

import (
	"time"

	"github.com/gdamore/tcell/v2"

	"mutual/views/report"
)

// This file holds the Messages log: every status message the dashboard
// showed, in full and with its time, so that a long one cut at the
// screen's edge, or one that the next key replaced, is never lost.

// PageMessages is the Messages page: every status message in full, with
// its time.
const PageMessages Page = "messages"

// Message is one status message and when it was shown.
type Message struct {
	At time.Time
	Status
}

// maxMessages bounds the log; the oldest go first.
const maxMessages = 500

// SetClock sets the clock that times the messages (tests pass a fixed
// one).
func (c *Controller) SetClock(now func() time.Time) { c.now = now }

// Messages are the status messages shown so far, oldest first.
func (c *Controller) Messages() []Message { return c.messages }

// logStatus records the status message in force, unless it is the one
// recorded last.
func (c *Controller) logStatus() { c.record(c.status) }

func (c *Controller) record(st Status) {
	if st.Text == "" {
		return
	}
	if n := len(c.messages); n > 0 && c.messages[n-1].Status == st {
		return
	}
	if len(c.messages) == maxMessages {
		c.messages = append(c.messages[:0], c.messages[1:]...)
	}
	c.messages = append(c.messages, Message{At: c.now(), Status: st})
}

// MessagesPage lists the Messages log, newest first.
type MessagesPage struct {
	*textPane
	spec     PageSpec
	keys     Keymap
	messages []Message
}

// newMessagesPage returns the Messages page.
func newMessagesPage(e pageEnv) *MessagesPage {
	m := &MessagesPage{textPane: newTextPane(e.styles), spec: e.spec, keys: e.keys}
	m.build = m.lines
	return m
}

// SetMessages shows the log.
func (m *MessagesPage) SetMessages(ms []Message) { m.messages = ms }

// update hands the page the log while it is in front.
func (m *MessagesPage) update(c *Controller, front bool) {
	if front {
		m.SetMessages(c.Messages())
	}
}

// Draw draws the page.
func (m *MessagesPage) Draw(screen tcell.Screen) {
	m.setTitle(m.spec.Title + " (" + m.keys.closeHint(m.spec.Open) + ")")
	m.drawLines(screen)
}

func (m *MessagesPage) lines(width int) []line {
	sec := &report.Section{Heading: "Every status message, newest first"}
	if len(m.messages) == 0 {
		sec.Lines = append(sec.Lines, report.Line{Text: report.Span{Text: "No messages yet.", Role: report.RoleDim}})
	}
	for k := len(m.messages) - 1; k >= 0; k-- {
		msg := m.messages[k]
		role := report.RoleText
		if msg.Kind == StatusWarn {
			role = report.RoleWarning
		}
		sec.Lines = append(sec.Lines, report.Line{Lead: []report.Span{{Text: msg.At.Format("15:04:05") + "  ", Role: report.RoleDim}},
			Text: report.Span{Text: msg.Text, Role: role}, Wrap: true})
	}
	doc := &report.Document{Sections: []*report.Section{sec}}
	return m.styles.rows(doc.Rows(width))
}
