package profiles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockFile takes an advisory lock (flock) on the file a save writes, the
// real file a symlink leads to, and returns what releases it. Two mutuals
// saving the same file take turns: the second reads the file only once the
// first has renamed its new text over it, so it edits on top of it.
//
// The lock is on the profile file itself, not on a lock file beside it:
// nothing is left in the user's directory (a dotfiles repository would
// show a lock file to git), there is nothing to clean up, and the kernel
// frees the lock when its process ends, however it ends, so no lock is
// ever stale. A save replaces the file by a rename, so a lock taken while
// another save was under way may be on the file that save replaced: the
// name is checked to still lead to the locked file, and the lock taken
// again on the new one when not. Editors take no such lock; the save's
// check just before its rename catches their writes (see saveOnce).
//
// A file that does not exist yet needs no lock. A save that waits longer
// than wait for another gives up, with nothing written, and says why.
func lockFile(path string, wait time.Duration) (func(), error) {
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	for {
		f, err := os.Open(real)
		if errors.Is(err, os.ErrNotExist) {
			return func() {}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot save %s: cannot open it to lock it: %w", path, unwrapPathError(err))
		}
		for {
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if err == nil {
				break
			}
			if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
				f.Close()
				return nil, fmt.Errorf("cannot save %s: cannot lock it against another save: %w", path, err)
			}
			if time.Now().After(deadline) {
				f.Close()
				return nil, fmt.Errorf("another mutual has been saving %s for %s, so nothing was written; try again once it is done", path, wait.Round(time.Millisecond))
			}
			time.Sleep(pause)
			pause = min(2*pause, 50*time.Millisecond)
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(real)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() { f.Close() }, nil
		}
		f.Close() // the save that held it renamed a new file over it
		if err2 != nil && errors.Is(err2, os.ErrNotExist) {
			return func() {}, nil
		}
	}
}
