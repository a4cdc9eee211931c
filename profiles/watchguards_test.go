package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The watcher's guards, each with the test that fails without it (each
// was checked so):
//
//	the link's target is watched too        TestTheWatcherSeesALinksTarget
//	the end of the system's watch reported  TestTheWatcherReportsItsFailures
//	an error of the system's watch reported TestTheWatcherReportsItsFailures
//	a failed re-watch reported              TestAFailedRewatchIsReported
//	a second Close does not panic           TestCloseTwice
//	a burst of writes is one change         TestTheWatcherWaitsForQuiet

// fakeWatcher runs the watcher's loop on channels the test feeds, in
// place of the system's watch, over the files named.
func fakeWatcher(t *testing.T, names ...string) (*Watcher, chan fsnotify.Event, chan error) {
	events, errs := make(chan fsnotify.Event), make(chan error)
	w := &Watcher{fs: &fsnotify.Watcher{Events: events, Errors: errs}, changes: make(chan struct{}, 1), errors: make(chan error, 1),
		done: make(chan struct{}), names: map[string]bool{}, dirs: map[string]bool{}, started: true}
	for _, n := range names {
		w.names[n] = true
	}
	go w.loop()
	t.Cleanup(func() {
		select {
		case <-w.done:
		default:
			close(w.done)
		}
	})
	return w, events, errs
}

// TestTheWatcherSeesALinksTarget: a profile named through a link is
// watched where the link leads as well, so an edit of the target (in a
// dotfiles repository) is seen.
func TestTheWatcherSeesALinksTarget(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "repo", "profile.toml")
	must(t, os.MkdirAll(filepath.Dir(target), 0o755))
	must(t, os.WriteFile(target, []byte("version = 1\n"), 0o644))
	link := filepath.Join(root, "cfg", "profile.toml")
	must(t, os.MkdirAll(filepath.Dir(link), 0o755))
	must(t, os.Symlink(target, link))
	names := watchNames(link)
	if len(names) != 2 || names[1] != target {
		t.Fatalf("watchNames(link) = %v, want the link and %s", names, target)
	}
	w, err := NewWatcher([]string{link})
	must(t, err)
	defer w.Close()
	must(t, os.WriteFile(target, []byte("version = 1\n# edited in the repo\n"), 0o644))
	waitChange(t, w, "an edit of the link's target")
}

// TestTheWatcherReportsItsFailures: the system's watch ending, or
// reporting an error, shows on Errors: changes may go unseen after.
func TestTheWatcherReportsItsFailures(t *testing.T) {
	for _, how := range []string{"events end", "errors end", "an error"} {
		w, events, errs := fakeWatcher(t, "/p/profile.toml")
		switch how {
		case "events end":
			close(events)
		case "errors end":
			close(errs)
		case "an error":
			errs <- errors.New("queue overflow")
		}
		select {
		case err := <-w.Errors():
			if how == "an error" && err.Error() != "queue overflow" || how != "an error" && !strings.Contains(err.Error(), "stopped reporting") {
				t.Errorf("%s: reported %v", how, err)
			}
		case <-time.After(2 * time.Second):
			t.Errorf("%s: nothing reported", how)
		}
	}
	// After Close, the end is not a failure.
	w, _, _ := fakeWatcher(t, "/p/profile.toml")
	close(w.done)
	w.stopped()
	select {
	case err := <-w.Errors():
		t.Errorf("the end after Close was reported: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
}

// TestAFailedRewatchIsReported: after a reload names a file in a
// directory that cannot be watched, Watch says so and so does Errors.
func TestAFailedRewatchIsReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("version = 1\n"), 0o600))
	w, err := NewWatcher([]string{path})
	must(t, err)
	defer w.Close()
	gone := filepath.Join(dir, "no such directory", "private.toml")
	if err := w.Watch([]string{path, gone}); err == nil {
		t.Error("Watch of a missing directory said nothing")
	}
	select {
	case err := <-w.Errors():
		if err == nil {
			t.Error("a nil failure")
		}
	case <-time.After(time.Second):
		t.Error("the failed re-watch was not reported on Errors")
	}
}

// TestCloseTwice: the dashboard may close the watcher at quit after a
// failure closed it: the second Close does nothing.
func TestCloseTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.toml")
	must(t, os.WriteFile(path, []byte("version = 1\n"), 0o600))
	w, err := NewWatcher([]string{path})
	must(t, err)
	must(t, w.Close())
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestTheWatcherWaitsForQuiet: while events keep coming closer together
// than settle, no change is reported; once they stop, one is.
func TestTheWatcherWaitsForQuiet(t *testing.T) {
	const name = "/p/profile.toml"
	w, events, _ := fakeWatcher(t, name)
	stop := time.Now().Add(4 * settle)
	for time.Now().Before(stop) {
		events <- fsnotify.Event{Name: name, Op: fsnotify.Write}
		select {
		case <-w.Changes():
			t.Fatal("a change was reported while the file was still being written")
		case <-time.After(settle / 6):
		}
	}
	select {
	case <-w.Changes():
	case <-time.After(2 * time.Second):
		t.Fatal("no change after the writes stopped")
	}
	select {
	case <-w.Changes():
		t.Error("one burst was reported twice")
	case <-time.After(2 * settle):
	}
	// An event on another file is no change.
	events <- fsnotify.Event{Name: "/p/other.txt", Op: fsnotify.Write}
	select {
	case <-w.Changes():
		t.Error("a change to another file was reported")
	case <-time.After(2 * settle):
	}
}
