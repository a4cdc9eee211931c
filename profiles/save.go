package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"mutual/model"
)

// This file saves what-ifs into the user's files without harm: only the
// lines that change, checked before writing, written atomically through
// symlinks with the file's mode kept, and never over a change made on disk
// since the profile was loaded.

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
// the order of opportunityTable.
func opportunityBlock(o model.Opportunity) ([]string, []any) {
	keys, values := []string{"name", "stage"}, []any{o.Name, string(o.Stage)}
	add := func(k string, v any) { keys, values = append(keys, k), append(values, v) }
	if o.Chance != nil {
		add("chance", *o.Chance)
	}
	if o.Pay != nil {
		add("pay", *o.Pay)
		per := o.Per
		if per == "" {
			per = "year"
		}
		add("per", per)
		if o.HoursPerWeek > 0 {
			add("hours_per_week", o.HoursPerWeek)
		}
	}
	for _, d := range []struct {
		key  string
		date model.Date
	}{{"starts", o.Starts}, {"respond_by", o.RespondBy}, {"decision_expected", o.DecisionExpected}} {
		if !d.date.IsZero() {
			add(d.key, d.date)
		}
	}
	if o.FirstPaycheckDays != nil {
		add("first_paycheck_days", *o.FirstPaycheckDays)
	}
	if o.Insurance {
		add("insurance", true)
	}
	if o.InsuranceWaitDays > 0 {
		add("insurance_wait_days", o.InsuranceWaitDays)
	}
	if o.ContractMonths > 0 {
		add("contract_months", o.ContractMonths)
	}
	if o.Notes != "" {
		add("notes", o.Notes)
	}
	if len(o.History) > 0 {
		add("history", history(o.History))
	}
	keys, values = opportunityMoneyBlock(o, keys, values)
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
	for attempt := 0; ; attempt++ {
		out, err := saveOnce(l, file, loaded, w, edit)
		if !errors.Is(err, errChangedOnDisk) || attempt == 2 {
			return out, err
		}
	}
}

func saveOnce(l *Loaded, file string, loaded []byte, w atomicWriter, edit func(string) (string, error)) (*Saved, error) {
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
	edited, err := edit(src)
	if err != nil {
		if out.Reapplied {
			return nil, fmt.Errorf("%s changed on disk since it was loaded, and the change cannot be made on the new content: %w", file, err)
		}
		return nil, fmt.Errorf("cannot save to %s: %w", file, err)
	}
	// The whole profile, with the edited file, must still be valid.
	overlay := func(p string) ([]byte, error) {
		if p == file {
			return []byte(edited), nil
		}
		return readProfileFile(p)
	}
	after, err := load(l.Path, overlay)
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
// each step, as a crash would.
type atomicWriter struct {
	// crash, when set, is called before each step; returning true stops
	// the write there without any clean-up, as if the process had died.
	crash func(step string) bool
	// expect, when set, is what the target must still hold just before
	// the rename; anything else means someone wrote it meanwhile, and the
	// write stops with errChangedOnDisk.
	expect []byte
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
	if fi, err := os.Stat(real); err == nil {
		mode = fi.Mode().Perm()
	}
	removeStaleTemps(dir, base)
	if w.at("create") {
		return errCrash
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*")
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
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
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
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
	if err := tmp.Sync(); err != nil {
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
	if err := os.Rename(name, real); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot save %s: %w", path, unwrapPathError(err))
	}
	if w.at("syncdir") {
		return errCrash
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: some filesystems cannot sync a directory
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
