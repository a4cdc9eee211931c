package cli

import (
	"bytes"
	"testing"
	"time"
)

// TestProgress: past its delay, work says each step on a terminal's
// stderr; within it, or on a stderr that is not a terminal, nothing.
func TestProgress(t *testing.T) {
	for _, tc := range []struct {
		name     string
		terminal bool
		after    time.Duration
		want     string
	}{
		{"slow, on a terminal", true, 0, "mutual: reading…\nmutual: weighing…\n"},
		{"slow, into a file", false, 0, ""},
		{"quick, on a terminal", true, time.Hour, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			p := startProgress(System{Stderr: &stderr, StderrIsTerminal: tc.terminal}, tc.after, "reading")
			time.Sleep(20 * time.Millisecond) // past a delay of 0
			for deadline := time.Now().Add(2 * time.Second); tc.want != "" && time.Now().Before(deadline); {
				p.mu.Lock()
				said := p.said
				p.mu.Unlock()
				if said {
					break
				}
				time.Sleep(time.Millisecond)
			}
			p.between(func() {})
			p.next("weighing")
			p.stop()
			p.next("writing")
			p.mu.Lock()
			got := stderr.String()
			p.mu.Unlock()
			if got != tc.want {
				t.Errorf("stderr = %q, want %q", got, tc.want)
			}
		})
	}
}
