package cli

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// slowAfter is how long a command works in silence: past it, a command
// over a large profile says on stderr what it is doing, so a few seconds
// of nothing do not read as a hang.
const slowAfter = time.Second

// progress says on stderr, once the work has taken longer than its
// delay, which step it is on, and then each next step as it begins. It
// says nothing when stderr is not a terminal (a script reads only the
// output), nor for work done within the delay, which is nearly all.
type progress struct {
	mu    sync.Mutex
	w     io.Writer // nil: say nothing
	step  string
	said  bool
	done  bool
	timer *time.Timer
}

// startProgress begins work whose first step is step.
func startProgress(sys System, after time.Duration, step string) *progress {
	p := &progress{step: step}
	if !sys.StderrIsTerminal {
		return p
	}
	p.w = sys.Stderr
	p.timer = time.AfterFunc(after, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if !p.done {
			p.said = true
			p.say()
		}
	})
	return p
}

// say writes the step; p.mu is held.
func (p *progress) say() { fmt.Fprintf(p.w, "mutual: %s…\n", p.step) }

// next begins the next step.
func (p *progress) next(step string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step = step
	if p.said && !p.done {
		p.say()
	}
}

// between runs f, which writes to stderr too, between the notes, not
// amid one.
func (p *progress) between(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
}

// stop ends the work: nothing more is said.
func (p *progress) stop() {
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Lock()
	p.done = true
	p.mu.Unlock()
}
