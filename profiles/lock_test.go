package profiles

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"mutual/model"
)

// TestConcurrentAddsAllLand: eight saves at once, each from its own load
// of a profile reached through a symlink, all land: none is written over
// by another, none gives up.
func TestConcurrentAddsAllLand(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "repo", "profile.toml")
	must(t, os.MkdirAll(filepath.Dir(real), 0o755))
	must(t, os.WriteFile(real, []byte(aimProfile), 0o644))
	link := filepath.Join(root, "profile.toml")
	must(t, os.Symlink(real, link))
	const n = 8
	loads := make([]*Loaded, n)
	for i := range loads {
		l, err := Load(link)
		must(t, err)
		loads[i] = l
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := model.Opportunity{Name: fmt.Sprintf("C%d", i), Stage: model.StageLead}
			_, errs[i] = AddOpportunities(loads[i], []model.Opportunity{o})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("add C%d: %v", i, err)
		}
	}
	l, err := Load(link)
	must(t, err)
	for i := range n {
		if _, err := model.FindName(l.Profile.Opportunities, fmt.Sprintf("C%d", i)); err != nil {
			t.Errorf("C%d is not in the file: %v", i, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != os.ModeSymlink {
		t.Error("the link is no longer a link")
	}
	noTemps(t, filepath.Dir(real))
	if entries, _ := os.ReadDir(filepath.Dir(real)); len(entries) != 1 {
		t.Errorf("the save left files beside the profile: %v", entries)
	}
}

// TestASaveThatCannotLockSaysSo: while another holds the file, a save
// waits, then gives up with a message that says why, and writes nothing.
func TestASaveThatCannotLockSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.toml")
	must(t, os.WriteFile(path, []byte(aimProfile), 0o600))
	l, err := Load(path)
	must(t, err)
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	must(t, syscall.Flock(int(f.Fd()), syscall.LOCK_EX))
	start := time.Now()
	_, err = setSituation(l, atomicWriter{wait: 100 * time.Millisecond}, []SituationValue{{"urgency", 0.8}})
	if err == nil || !strings.Contains(err.Error(), "another mutual has been saving") || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("a save that could not lock: %v", err)
	}
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Errorf("gave up after %v, before its wait", d)
	}
	if read(t, path) != aimProfile {
		t.Error("the file was written")
	}
	// Once the other is done, the save goes through.
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	_, err = setSituation(l, atomicWriter{wait: 100 * time.Millisecond}, []SituationValue{{"urgency", 0.8}})
	must(t, err)
}
