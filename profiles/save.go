package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"mutual/model"
)

// This file saves what-ifs into the user's files without harm: only the
// lines that change, checked before writing, written atomically through
// symlinks with the file's mode and owner kept, never over a change made
// on disk since the profile was loaded, and under a lock (lock.go) so that
// two mutuals saving at once both land.

// Saved says what a save did.
type Saved struct {
	// File is the file written, as named in Loaded.Files.
	File string
	// Reapplied reports that the file had changed on disk since it was
	// loaded, and the change was made on the new content instead.
	Reapplied bool
	// Loaded is the profile as it is now on disk.
	Loaded *Loaded
	// before and after are the file's text just before the save and as
	// the save wrote it, for Undo.
	before *string
	after  string
}

// ErrExample is returned when asked to save into the built-in example.
var ErrExample = errors.New("the built-in example is not a file; run 'mutual init' to start a profile of your own, then save there")

// SetSituation sets one [situation] key (savings, urgency, insured...) in
// the file whose [situation] the profile uses, or in the main file when
// there is none yet.
func SetSituation(l *Loaded, key string, value any) (*Saved, error) {
	return SetSituationValues(l, SituationValue{key, value})
}

// SituationValue is one [situation] key and the value to save in it.
type SituationValue struct {
	Key   string
	Value any
}

// SetSituationValues sets several [situation] keys in one edit of one
// file: all of them are written, or none is, so what the screen shows and
// what the disk holds never part after a save that failed half way.
func SetSituationValues(l *Loaded, values ...SituationValue) (*Saved, error) {
	return setSituation(l, atomicWriter{}, values)
}

func setSituation(l *Loaded, w atomicWriter, values []SituationValue) (*Saved, error) {
	if len(values) == 0 {
		return nil, errors.New("there is nothing to save")
	}
	file := ""
	for _, v := range values {
		if !isSituationKey(v.Key) {
			return nil, fmt.Errorf("%q is not a [situation] key", v.Key)
		}
		f := situationFile(l, v.Key)
		if file != "" && f != file {
			return nil, fmt.Errorf("%s is set in %s and %s in %s; one save writes one file, so save them one at a time or move them together",
				values[0].Key, file, v.Key, f)
		}
		file = f
	}
	return save(l, file, w, func(src string) (string, error) {
		var err error
		for _, v := range values {
			if src, err = setKey(src, "situation", v.Key, v.Value); err != nil {
				return "", err
			}
		}
		return src, nil
	})
}

// situationFile is the file a [situation] key is saved in: where it is
// set, else the file whose [situation] the profile uses, else the main
// file.
func situationFile(l *Loaded, key string) string {
	if o, ok := l.Origins.Situation[key]; ok {
		return o.File
	}
	if l.Origins.SituationTable != "" {
		return l.Origins.SituationTable
	}
	return l.Path
}

// AddScenario appends a [[scenario]] block to the file that holds the
// other scenarios, or else the one that holds [situation]: scenarios hold
// money, and money belongs wherever the user keeps it private.
func AddScenario(l *Loaded, sc model.Scenario) (*Saved, error) {
	return AddScenarioTo(l, sc, ScenarioFile(l))
}

// ScenarioFile is the file a new scenario goes into: the one that holds
// the other scenarios, or else the one that holds [situation], or else
// the main file.
func ScenarioFile(l *Loaded) string {
	if n := len(l.Origins.Scenarios); n > 0 {
		return l.Origins.Scenarios[n-1].File
	}
	if l.Origins.SituationTable != "" {
		return l.Origins.SituationTable
	}
	return l.Path
}

// SituationFile is the file a save of [situation] key writes: where the
// key is set, else the file whose [situation] the profile uses, else the
// main file.
func SituationFile(l *Loaded, key string) string { return situationFile(l, key) }

// AddScenarioTo appends a [[scenario]] block to file, one of the
// profile's files (an include git does not track, say, when the user
// chose it over the usual one).
func AddScenarioTo(l *Loaded, sc model.Scenario, file string) (*Saved, error) {
	if !slices.Contains(l.Files, file) {
		return nil, fmt.Errorf("%s is not one of the profile's files", file)
	}
	if strings.TrimSpace(sc.Name) == "" {
		return nil, errors.New("a scenario needs a name")
	}
	if _, dup := l.Profile.Scenario(sc.Name); dup {
		return nil, fmt.Errorf("a scenario named %q already exists", sc.Name)
	}
	keys, values := []string{"name"}, []any{sc.Name}
	for _, k := range model.SituationTable() {
		if v, ok := k.Value(sc.Situation); ok {
			keys, values = append(keys, k.Key), append(values, tomlValue(k.Kind, v))
		}
	}
	if len(sc.Weights) > 0 {
		keys, values = append(keys, "weights"), append(values, weightsTable(l.Profile.Priorities, sc.Weights))
	}
	return save(l, file, atomicWriter{}, func(src string) (string, error) { return appendBlock(src, "scenario", keys, values) })
}

// weightsTable is a scenario's weights as the inline table it is written
// as, in the order of the profile's priorities.
func weightsTable(prs []model.Priority, weights map[string]float64) inlineTable {
	var t inlineTable
	for _, pr := range prs {
		if v, ok := weights[pr.ID]; ok {
			t.keys, t.values = append(t.keys, pr.ID), append(t.values, v)
		}
	}
	for _, id := range sortedKeys(weights) {
		if !slices.Contains(t.keys, id) {
			t.keys, t.values = append(t.keys, id), append(t.values, weights[id])
		}
	}
	return t
}

// AddOpportunities appends one [[opportunity]] block for each of opps to
// the file that holds the opportunities (the last one's), or else the
// main file, in one save: all of them are written, or none is. A name the
// profile already has, or one given twice, is refused before anything is
// written. Ratings are not written: a new opportunity starts unrated.
func AddOpportunities(l *Loaded, opps []model.Opportunity) (*Saved, error) {
	if len(opps) == 0 {
		return nil, errors.New("there is nothing to add")
	}
	seen := map[string]bool{}
	for _, o := range l.Profile.Opportunities {
		seen[strings.ToLower(o.Name)] = true
	}
	for _, o := range opps {
		if strings.TrimSpace(o.Name) == "" {
			return nil, errors.New("an opportunity needs a name")
		}
		if seen[strings.ToLower(o.Name)] {
			return nil, fmt.Errorf("an opportunity named %q already exists", o.Name)
		}
		if len(o.Ratings) > 0 {
			return nil, fmt.Errorf("%q has ratings; rate a new opportunity once it is added", o.Name)
		}
		seen[strings.ToLower(o.Name)] = true
	}
	file := l.Path
	if n := len(l.Origins.Opportunities); n > 0 {
		file = l.Origins.Opportunities[n-1].File
	}
	return save(l, file, atomicWriter{}, func(src string) (string, error) {
		return appendBlocks(src, "opportunity", opportunityBlocks(opps))
	})
}

// OpportunityBlocks writes opps as the [[opportunity]] blocks that
// AddOpportunities would append, for a person to read or paste.
func OpportunityBlocks(opps []model.Opportunity) (string, error) {
	return appendBlocks("", "opportunity", opportunityBlocks(opps))
}

func opportunityBlocks(opps []model.Opportunity) []block {
	out := make([]block, len(opps))
	for i, o := range opps {
		out[i].keys, out[i].values = opportunityBlock(o)
	}
	return out
}

// opportunityBlock is the keys an opportunity sets and their values, in
// the order of its table of keys (model.OpportunityFields).
func opportunityBlock(o model.Opportunity) ([]string, []any) {
	var keys []string
	var values []any
	for _, f := range opportunityFields {
		v, written := f.Get(o)
		if !written {
			continue
		}
		if moves, ok := v.([]model.Move); ok {
			v = history(moves)
		}
		keys, values = append(keys, f.Key), append(values, v)
	}
	return keys, values
}

func isSituationKey(k string) bool {
	return slices.ContainsFunc(model.SituationTable(), func(s model.Setting[model.Situation]) bool { return s.Key == k })
}

// tomlValue is a setting's value as TOML writes it: a Boolean as true or
// false, the rest as numbers.
func tomlValue(kind model.Kind, v float64) any {
	if kind == model.Boolean {
		return v != 0
	}
	return v
}

// save edits one file of a loaded profile and writes it with w. If the
// file changes on disk while the save is under way, it starts again from
// the new content (a few times at most), so an outside change is never
// written over.
func save(l *Loaded, file string, w atomicWriter, edit func(string) (string, error)) (*Saved, error) {
	return saveWith(l, file, w, func(src string, _ *Loaded) (string, error) { return edit(src) })
}

// errNothingToSave, from an edit, means the file already says what the
// edit would write: the save writes nothing and returns nil.
var errNothingToSave = errors.New("nothing to save")

// saveWith is save for an edit that needs the profile as the text it
// edits holds it (to find an opportunity by its name there): the loaded
// one while the file is as it was loaded, else the profile loaded again
// with the file's new text.
//
// The whole of it, from reading the file to renaming the new one over it,
// holds a lock on the file (see lockFile), so two mutuals saving at once
// each land on top of the other rather than one losing the other's write.
func saveWith(l *Loaded, file string, w atomicWriter, edit func(src string, now *Loaded) (string, error)) (*Saved, error) {
	if l.Path == ExampleName {
		return nil, ErrExample
	}
	loaded, ok := l.Contents[file]
	if !ok {
		return nil, fmt.Errorf("%s is not part of the loaded profile", file)
	}
	// A file its owner may not write is locked on purpose: a save renames
	// a new file over it, which the mode alone would not stop.
	if info, err := os.Stat(file); err == nil && info.Mode().Perm()&0o200 == 0 {
		return nil, fmt.Errorf("%s is read-only (mode %03o), so nothing was written; make it writable (chmod u+w %s) to save into it", file,
			info.Mode().Perm(), file)
	}
	unlock, err := lockFile(file, w.lockWait())
	if err != nil {
		return nil, err
	}
	defer unlock()
	for attempt := 0; ; attempt++ {
		out, err := saveOnce(l, file, loaded, w, edit)
		if errors.Is(err, errNothingToSave) {
			return nil, nil
		}
		if !errors.Is(err, errChangedOnDisk) || attempt == 2 {
			return out, err
		}
	}
}

func saveOnce(l *Loaded, file string, loaded []byte, w atomicWriter, edit func(string, *Loaded) (string, error)) (*Saved, error) {
	current, err := readProfileFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s before saving: %w", file, unwrapPathError(err))
	}
	out := &Saved{File: file, Reapplied: !bytes.Equal(current, loaded)}
	src, _, d := decodeText(file, current)
	if d != nil {
		return nil, fmt.Errorf("%s changed on disk and is no longer readable (%s); nothing was saved", file, d.Message)
	}
	bom := bytes.HasPrefix(current, []byte{0xEF, 0xBB, 0xBF})
	// The other files are read as they are now, once, for the profile
	// before the edit (when needed) and after it alike.
	others := map[string][]byte{}
	overlay := func(text []byte) func(string) ([]byte, error) {
		return func(p string) ([]byte, error) {
			if p == file {
				return text, nil
			}
			if b, ok := others[p]; ok {
				return b, nil
			}
			b, err := readProfileFile(p)
			if err == nil {
				others[p] = b
			}
			return b, err
		}
	}
	now := l
	if out.Reapplied {
		if now, err = load(l.Path, overlay(current), l.Partial); err != nil {
			return nil, fmt.Errorf("%s changed on disk since it was loaded and no longer loads, so nothing was saved:\n%w", file, err)
		}
	}
	edited, err := edit(src, now)
	if errors.Is(err, errNothingToSave) {
		return nil, err
	}
	if err != nil {
		if out.Reapplied {
			return nil, fmt.Errorf("%s changed on disk since it was loaded, and the change cannot be made on the new content: %w", file, err)
		}
		return nil, fmt.Errorf("cannot save to %s: %w", file, err)
	}
	// The whole profile, with the edited file, must still be valid.
	after, err := load(l.Path, overlay([]byte(edited)), l.Partial)
	if err != nil {
		return nil, fmt.Errorf("the saved profile would not be valid, so nothing was written:\n%w", err)
	}
	data := []byte(edited)
	if bom {
		data = append([]byte{0xEF, 0xBB, 0xBF}, data...)
	}
	// The file must still hold what the edit was made on when the new one
	// replaces it; if not, the loop in save starts again.
	w.expect = current
	if err := w.write(file, data); err != nil {
		return nil, err
	}
	after.Contents[file] = data
	out.Loaded = after
	out.before, out.after = &src, edited
	return out, nil
}

// WriteFileAtomic replaces the file at path with data so that a crash at
// any moment leaves the old file or the new one, never a mix: it writes a
// temporary file in the target's own directory, syncs it, gives it the
// target's mode, renames it over the target and syncs the directory. A
// symlink is followed to the real file and stays a symlink (also when a
// directory on the way is the link). A new file is private (0600).
func WriteFileAtomic(path string, data []byte) error {
	return atomicWriter{}.write(path, data)
}

// atomicWriter is WriteFileAtomic with a hook that tests use to stop it at
// each step, as a crash would, and seams for the file system calls that
// fail in ways a test cannot provoke on a real disk.
type atomicWriter struct {
	// crash, when set, is called before each step; returning true stops
	// the write there without any clean-up, as if the process had died.
	crash func(step string) bool
	// expect, when set, is what the target must still hold just before
	// the rename; anything else means someone wrote it meanwhile, and the
	// write stops with errChangedOnDisk.
	expect []byte
	// fs replaces the file system calls; its nil fields are the real ones.
	fs fileCalls
	// wait is how long a save waits for another one to finish (0: lockWait).
	wait time.Duration
}

// fileCalls are the calls a write makes whose failures matter: a full
// disk (a write short or refused, a sync refused), a rename refused, an
// owner that cannot be kept, a directory that takes no new file.
type fileCalls struct {
	createTemp func(dir, pattern string) (*os.File, error)
	write      func(f *os.File, b []byte) (int, error)
	sync       func(f *os.File) error
	chown      func(f *os.File, uid, gid int) error
	rename     func(from, to string) error
	geteuid    func() int
}

func (c fileCalls) CreateTemp(dir, pattern string) (*os.File, error) {
	if c.createTemp != nil {
		return c.createTemp(dir, pattern)
	}
	return os.CreateTemp(dir, pattern)
}

func (c fileCalls) Write(f *os.File, b []byte) (int, error) {
	if c.write != nil {
		return c.write(f, b)
	}
	return f.Write(b)
}

func (c fileCalls) Sync(f *os.File) error {
	if c.sync != nil {
		return c.sync(f)
	}
	return f.Sync()
}

func (c fileCalls) Chown(f *os.File, uid, gid int) error {
	if c.chown != nil {
		return c.chown(f, uid, gid)
	}
	return f.Chown(uid, gid)
}

func (c fileCalls) Rename(from, to string) error {
	if c.rename != nil {
		return c.rename(from, to)
	}
	return os.Rename(from, to)
}

func (c fileCalls) Geteuid() int {
	if c.geteuid != nil {
		return c.geteuid()
	}
	return os.Geteuid()
}

// lockWait is how long a save waits for another mutual's save of the same
// file to finish before it gives up and says so.
const lockWait = 10 * time.Second

func (w atomicWriter) lockWait() time.Duration {
	if w.wait > 0 {
		return w.wait
	}
	return lockWait
}

// errChangedOnDisk: the target changed while a save was being prepared.
var errChangedOnDisk = errors.New("the file changed on disk during the save")

func (w atomicWriter) at(step string) bool { return w.crash != nil && w.crash(step) }

func (w atomicWriter) write(path string, data []byte) error {
	real, err := resolve(path)
	if err != nil {
		return err
	}
	dir, base := filepath.Dir(real), filepath.Base(real)
	mode := os.FileMode(0o600)
	owner := (*syscall.Stat_t)(nil)
	if fi, err := os.Stat(real); err == nil {
		mode = fi.Mode().Perm()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			owner = st
			// A save renames a new file over this name: any other hard
			// link would keep the old text (and git in a repository that
			// holds the other link would never see the change).
			if st.Nlink > 1 {
				return fmt.Errorf("%s has %d hard links, and a save (a new file renamed over this name) would leave the others holding the old text, so nothing was written; "+
					"keep one file and make the other names symlinks to it (ln -sf), which saves follow", path, st.Nlink)
			}
		}
	}
	removeStaleTemps(dir, base)
	if w.at("create") {
		return errCrash
	}
	// The temporary file goes beside the target, never in $TMPDIR: a
	// rename is atomic only within one file system.
	tmp, err := w.fs.CreateTemp(dir, tempPrefix(base)+"*")
	if err != nil {
		return fmt.Errorf("cannot save %s: cannot create a file in its directory %s (%v); a save writes the new text beside the file and renames it over, so that directory must be writable",
			path, dir, unwrapPathError(err))
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	if w.at("write") {
		return errCrash
	}
	if n, err := w.fs.Write(tmp, data); err != nil || n != len(data) {
		if err == nil {
			err = io.ErrShortWrite
		}
		return fail(err)
	}
	if owner != nil {
		// Whoever saves, the file stays its owner's: root saving a user's
		// file gives the new one the user's owner and group; anyone else
		// who cannot is refused rather than taking the file over.
		if tfi, err := tmp.Stat(); err == nil {
			if ts, ok := tfi.Sys().(*syscall.Stat_t); ok && (ts.Uid != owner.Uid || ts.Gid != owner.Gid) {
				if err := w.fs.Chown(tmp, int(owner.Uid), int(owner.Gid)); err != nil {
					tmp.Close()
					os.Remove(name)
					return fmt.Errorf("%s belongs to user %d (group %d), and a save by user %d would make the file theirs (%v), so nothing was written; save it as its owner",
						path, owner.Uid, owner.Gid, w.fs.Geteuid(), unwrapPathError(err))
				}
			}
		}
	}
	if w.at("chmod") {
		return errCrash
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if w.at("sync") {
		return errCrash
	}
	// The data must be on disk before the rename makes it the file: else
	// a crash just after could leave the name on an empty file.
	if err := w.fs.Sync(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	if w.expect != nil {
		if now, err := os.ReadFile(real); err != nil || !bytes.Equal(now, w.expect) {
			os.Remove(name)
			return errChangedOnDisk
		}
	}
	if w.at("rename") {
		return errCrash
	}
	if err := w.fs.Rename(name, real); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	if w.at("syncdir") {
		return errCrash
	}
	// The rename is on disk once the directory is: best effort, as some
	// file systems cannot sync a directory, and the file itself is whole
	// either way (a crash here leaves the old file or the new one).
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

var errCrash = errors.New("simulated crash")

// resolve follows every symlink in path, so the write lands on the real
// file and the links stay links.
func resolve(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		return real, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	// A new file: resolve its directory, and a dangling link's target.
	if target, lerr := os.Readlink(path); lerr == nil {
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		return resolve(target)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	return filepath.Join(dir, filepath.Base(path)), nil
}

// tempPrefix names a save's temporary file after the target and the
// process writing it, so a later save can tell a crashed save's leftover
// from another mutual's save in progress.
func tempPrefix(base string) string {
	return "." + base + ".mutual-save-" + strconv.Itoa(os.Getpid()) + "-"
}

// removeStaleTemps deletes temporary files that crashed saves left beside
// the target: this process's own (its saves run one at a time) and those
// of processes that are gone.
func removeStaleTemps(dir, base string) {
	entries, _ := os.ReadDir(dir)
	prefix := "." + base + ".mutual-save-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		pid, _, _ := strings.Cut(rest, "-")
		if n, err := strconv.Atoi(pid); err == nil && n != os.Getpid() && processAlive(n) {
			continue // another mutual is saving right now
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// processAlive reports whether a process with this id exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
