package views

// This file holds the questions the status line asks (quit with what-ifs
// unsaved? save them where?) and how a key answers them.

// question is what the status line is asking.
type question int

const (
	askNothing question = iota
	askQuit
	askSave
)

// Asking reports whether the status line is asking a question (to quit,
// or where to save).
func (c *Controller) Asking() bool { return c.asking != askNothing }
