package profiles

import (
	"errors"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the files must be quiet before a change is reported:
// editors write a file in several steps (write, rename, chmod), and one
// save should mean one reload.
const settle = 120 * time.Millisecond

// Watcher reports changes to a profile's files. It watches the
// directories that hold them, not the files, because editors save by
// writing a new file and renaming it over the old one; and it watches both
// where a file is named and where its symlinks lead, so an edit in a
// dotfiles repo is seen through a stow link.
type Watcher struct {
	fs      *fsnotify.Watcher
	changes chan struct{}
	errors  chan error
	done    chan struct{}

	mu    sync.Mutex
	names map[string]bool
	dirs  map[string]bool
	// started is set once NewWatcher has returned: from then on, a
	// failure to watch is reported on Errors rather than returned alone.
	started bool
}

// NewWatcher watches the given files (as Loaded.Files names them).
func NewWatcher(files []string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fs: fw, changes: make(chan struct{}, 1), errors: make(chan error, 1), done: make(chan struct{}),
		names: map[string]bool{}, dirs: map[string]bool{}}
	if err := w.Watch(files); err != nil {
		fw.Close()
		return nil, err
	}
	w.started = true
	go w.loop()
	return w, nil
}

// Changes delivers one value after each burst of changes to the files.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Errors delivers the watcher's own failures (not the profile's): after
// one, changes may go unseen. It includes a directory that cannot be
// watched after a reload, and the end of the system's watch.
func (w *Watcher) Errors() <-chan error { return w.errors }

// fail reports err on Errors, unless a failure is already waiting there.
func (w *Watcher) fail(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

// Watch replaces the set of files watched: after a reload, includes may
// have come or gone, and links may lead elsewhere.
func (w *Watcher) Watch(files []string) error {
	names, dirs := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		for _, n := range watchNames(f) {
			names[n] = true
			dirs[filepath.Dir(n)] = true
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for d := range w.dirs {
		if !dirs[d] {
			w.fs.Remove(d)
		}
	}
	var firstErr error
	for d := range dirs {
		if w.dirs[d] {
			continue
		}
		if err := w.fs.Add(d); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	w.names, w.dirs = names, dirs
	if firstErr != nil && w.started {
		w.fail(firstErr)
	}
	return firstErr
}

// watchNames lists the paths under which a change to file can show up: the
// file in its directory (with that directory's links resolved), and the
// file its links lead to.
func watchNames(file string) []string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil
	}
	var out []string
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		out = append(out, filepath.Join(dir, filepath.Base(abs)))
	} else {
		out = append(out, abs)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil && real != out[0] {
		out = append(out, real)
	}
	return out
}

// Close stops watching.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	return w.fs.Close()
}

func (w *Watcher) loop() {
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				w.stopped()
				return
			}
			if !w.matches(ev.Name) {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(settle)
			} else {
				timer.Reset(settle)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			select {
			case w.changes <- struct{}{}:
			default: // one pending change is enough
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				w.stopped()
				return
			}
			w.fail(err)
		}
	}
}

// stopped reports that the system's watch ended without Close.
func (w *Watcher) stopped() {
	select {
	case <-w.done:
	default:
		w.fail(errors.New("the system stopped reporting changes"))
	}
}

func (w *Watcher) matches(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.names[name] {
		return true
	}
	// An event on a path that resolves to a watched file counts too.
	real, err := filepath.EvalSymlinks(name)
	return err == nil && w.names[real]
}
