package profiles

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func waitChange(t *testing.T, w *Watcher, what string) {
	t.Helper()
	select {
	case <-w.Changes():
	case err := <-w.Errors():
		t.Fatalf("%s: watcher error %v", what, err)
	case <-time.After(2 * time.Second):
		t.Fatalf("%s: no change reported within 2s", what)
	}
}

func noChange(t *testing.T, w *Watcher, what string) {
	t.Helper()
	select {
	case <-w.Changes():
		t.Fatalf("%s: a change was reported", what)
	case <-time.After(3 * settle):
	}
}

// TestWatcherSeesEveryKindOfSave drives the real watcher through the ways
// files change in a dotfiles setup: an in-place write, an editor's
// write-and-rename, an edit behind a stow symlink, an include.
func TestWatcherSeesEveryKindOfSave(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	cfg, repo := dotfiles(t)
	l, err := Load(filepath.Join(cfg, "profile.toml"))
	must(t, err)
	w, err := NewWatcher(l.Files)
	must(t, err)
	defer w.Close()

	must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(privateProfile+"\n"), 0o640))
	waitChange(t, w, "write to the include")

	tmp := filepath.Join(cfg, ".private.toml.swp")
	must(t, os.WriteFile(tmp, []byte(privateProfile), 0o640))
	must(t, os.Rename(tmp, filepath.Join(cfg, "private.toml")))
	waitChange(t, w, "an editor's rename over the include")

	must(t, os.WriteFile(filepath.Join(repo, "profile.toml"), []byte(publicProfile+"\n"), 0o644))
	waitChange(t, w, "an edit of the symlink's target in the dotfiles repo")

	must(t, os.WriteFile(filepath.Join(cfg, "unrelated.txt"), []byte("x"), 0o644))
	noChange(t, w, "a file that is not part of the profile")

	// Several quick writes are one change.
	for i := 0; i < 5; i++ {
		must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(privateProfile), 0o640))
	}
	waitChange(t, w, "a burst of writes")
	noChange(t, w, "the same burst")

	// After re-watching without the include, it no longer counts.
	must(t, w.Watch([]string{filepath.Join(cfg, "profile.toml")}))
	must(t, os.WriteFile(filepath.Join(cfg, "private.toml"), []byte(privateProfile+"\n\n"), 0o640))
	noChange(t, w, "a file no longer watched")
}
