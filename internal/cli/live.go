package cli

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/rivo/tview"

	"mutual/model"
	"mutual/profiles"
	"mutual/views"
)

// liveProfile keeps the dashboard's profile in step with the files on
// disk: it opens the user's editor (e), saves what-ifs (s), reloads on
// request (R) and whenever a watched file changes. Everything it does runs
// on the dashboard's event loop, so it needs no locks.
type liveProfile struct {
	s   *session
	app *tview.Application
	// sys gives the editor its environment and the terminal's streams.
	sys System
	// watcher is nil when the files cannot be watched; R still reloads.
	watcher *profiles.Watcher
	// lastWrite is the last write made from the dashboard (a form's, or a
	// save of the what-ifs), for undo (editlive.go); nil when there is
	// none to undo.
	lastWrite *profiles.Saved
	// broken is where the profile on disk last failed to load, while the
	// screen shows the last good one: e opens the file there.
	broken *profiles.Diagnostic
}

// hooks are the dashboard's e, s and R keys. The built-in example is not a
// file: it gets none, and the keys say so.
func (lp *liveProfile) hooks() views.Hooks {
	if lp.s.example {
		return views.Hooks{}
	}
	h := views.Hooks{Edit: lp.edit, Save: lp.save, SaveScenario: lp.saveScenario, Place: lp.place, Reload: lp.reload,
		Warnings: func() string { return warningLine(lp.s.loaded.Warnings, lp.short) }}
	lp.editHooks(&h)
	return h
}

// reload reads the profile from disk again. A profile that no longer loads
// leaves the last good one in force and says why, in one line.
func (lp *liveProfile) reload() (*model.Profile, error) {
	l, err := profiles.Load(lp.s.loaded.Path)
	if err != nil {
		return nil, lp.oneLine(err)
	}
	lp.adopt(l)
	return &l.Profile, nil
}

// adopt makes l the session's profile and watches its files, which change
// when includes come and go. A file that cannot be watched is reported by
// the watcher itself, as a failure (see watch).
func (lp *liveProfile) adopt(l *profiles.Loaded) {
	lp.s.loaded = l
	lp.broken = nil
	if lp.watcher != nil {
		lp.watcher.Watch(slices.Concat(l.Files, l.Absent))
	}
}

// unchanged reports whether l holds exactly the bytes the session shows.
func (lp *liveProfile) unchanged(l *profiles.Loaded) bool {
	cur := lp.s.loaded
	if !slices.Equal(cur.Files, l.Files) {
		return false
	}
	for _, f := range l.Files {
		if !bytes.Equal(cur.Contents[f], l.Contents[f]) {
			return false
		}
	}
	return true
}

// edit opens the file that defines the selected opportunity (an include,
// perhaps) at its line, in $VISUAL, $EDITOR or vi, with the dashboard
// suspended, and reloads when the editor exits. While the profile on disk
// is broken it opens the file and line of the error instead: that is
// what needs the edit.
func (lp *liveProfile) edit(selected int) (*model.Profile, error) {
	file, line := lp.s.loaded.Path, 0
	if o := lp.s.loaded.Origins.Opportunities; selected >= 0 && selected < len(o) {
		file, line = o[selected].File, o[selected].Line()
	}
	if b := lp.broken; b != nil && b.File != "" {
		file, line = b.File, b.Line
	}
	argv := editorCommand(lp.sys.Getenv, file, line)
	program, err := lookPath(lp.sys.Getenv("PATH"), argv[0])
	if err != nil {
		return nil, &views.EditorError{Err: fmt.Errorf("%q did not start (%v): set VISUAL or EDITOR to your editor", argv[0], err)}
	}
	var runErr error
	lp.app.Suspend(func() {
		// The editor runs in the system's environment and streams, as
		// the rest of the run does, not in the process's own.
		cmd := exec.Command(program, argv[1:]...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = lp.sys.Stdin, lp.sys.Stdout, lp.sys.Stderr
		if lp.sys.Environ != nil {
			cmd.Env = lp.sys.Environ()
		}
		runErr = cmd.Run()
	})
	if runErr != nil {
		var ee *exec.ExitError
		if !errors.As(runErr, &ee) {
			return nil, &views.EditorError{Err: fmt.Errorf("%q did not start (%v): set VISUAL or EDITOR to your editor", argv[0], runErr)}
		}
		// An editor that exits non-zero (vim's :cq) may still have saved.
	}
	l, err := profiles.Load(lp.s.loaded.Path)
	if err != nil {
		return nil, lp.oneLine(err)
	}
	if lp.unchanged(l) {
		lp.broken = nil
		return nil, nil
	}
	lp.adopt(l)
	return &l.Profile, nil
}

// lookPath finds a program the way a shell would with the system's PATH
// (exec.LookPath reads the process's own): a name with a slash is used as
// it is, any other is looked for in each directory of path.
func lookPath(path, name string) (string, error) {
	if strings.ContainsRune(name, '/') {
		return name, nil
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		if dir == "." {
			p = "./" + name // a bare name would be looked up again
		}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("not found in PATH")
}

// editorCommand is the editor to run on file: $VISUAL, else $EDITOR, else
// vi, split into words (so "code --wait" works), with +LINE for editors
// known to take it.
func editorCommand(getenv func(string) string, file string, line int) []string {
	editor := strings.Fields(getenv("VISUAL"))
	if len(editor) == 0 {
		editor = strings.Fields(getenv("EDITOR"))
	}
	if len(editor) == 0 {
		editor = []string{"vi"}
	}
	switch filepath.Base(editor[0]) {
	case "vi", "vim", "nvim", "view", "nano", "emacs", "emacsclient", "micro", "kak", "joe", "mg", "ne":
		if line > 0 {
			editor = append(editor, "+"+strconv.Itoa(line))
		}
	}
	return append(editor, file)
}

// save writes the what-ifs (savings, urgency) into the file that holds
// [situation], in one edit: both are written or neither is, so the screen
// and the disk agree after a save that failed.
func (lp *liveProfile) save(w model.WhatIf) (*model.Profile, string, error) {
	var values []profiles.SituationValue
	if v := w.Situation.Savings; v != nil {
		values = append(values, profiles.SituationValue{Key: "savings", Value: math.Round(*v*100) / 100})
	}
	if v := w.Urgency; v != nil {
		values = append(values, profiles.SituationValue{Key: "urgency", Value: roundUrgency(*v)})
	}
	if len(values) == 0 {
		return nil, "", errors.New("there is no savings or urgency what-if to save into [situation]; save the what-ifs as a scenario (s) instead")
	}
	saved, err := profiles.SetSituationValues(lp.s.loaded, values...)
	if err != nil {
		return nil, "", err
	}
	lp.lastWrite = saved // u undoes a save as it does a form's write
	lp.adopt(saved.Loaded)
	return &saved.Loaded.Profile, lp.short(savedWhere(saved)), nil
}

// saveScenario appends the what-ifs, over the scenario in force, as a new
// scenario called name, in file ("" for where the scenarios go).
func (lp *liveProfile) saveScenario(w model.WhatIf, over, name, file string) (*model.Profile, string, error) {
	p := &lp.s.loaded.Profile
	var sit model.Situation
	weights := map[string]float64{}
	if sc, ok := p.Scenario(over); ok {
		sit = sc.Situation
		for id, v := range sc.Weights {
			weights[id] = v
		}
	}
	sit = sit.Overlay(w.Situation)
	if w.Urgency != nil {
		sit.Urgency = model.Float(roundUrgency(*w.Urgency))
	}
	for id, v := range w.Weights {
		weights[id] = v
	}
	if len(weights) == 0 {
		weights = nil
	}
	if file == "" {
		file = profiles.ScenarioFile(lp.s.loaded)
	} else if !filepath.IsAbs(file) {
		file = filepath.Join(filepath.Dir(lp.s.loaded.Path), file)
	}
	saved, err := profiles.AddScenarioTo(lp.s.loaded, model.Scenario{Name: name, Situation: sit, Weights: weights}, lp.profileFile(file))
	if err != nil {
		return nil, "", err
	}
	lp.lastWrite = saved
	lp.adopt(saved.Loaded)
	return &saved.Loaded.Profile, lp.short(savedWhere(saved)), nil
}

// roundUrgency keeps a saved urgency to the two decimals the dashboard
// shows: the keys move it in steps of 0.05, and 0.6000000000000001 is not
// what anyone typed.
func roundUrgency(u float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(u, 'f', 2, 64), 64)
	return v
}

func savedWhere(s *profiles.Saved) string {
	if s.Reapplied {
		return s.File + " (it had changed on disk: the change was made on its new content)"
	}
	return s.File
}

// watch starts watching the profile's files and reloads the dashboard
// within a second of a change. It returns how to stop, or nil when there
// is nothing to watch. A watcher that cannot start, or fails later, says
// so on screen and leaves the reload key to do its work.
func (lp *liveProfile) watch(d *views.Dashboard) (stop func()) {
	if lp.s.example {
		return nil
	}
	// An absent optional include is watched too: it is merged once it
	// is there.
	w, err := profiles.NewWatcher(slices.Concat(lp.s.loaded.Files, lp.s.loaded.Absent))
	if err != nil {
		lp.watchFailed(d, "Cannot watch the profile for changes", err)
		return nil
	}
	lp.watcher = w
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		follow(w.Changes(), w.Errors(), done, lp.app, func() { lp.fromDisk(d) }, func(err error) {
			lp.watchFailed(d, "Watching the profile for changes failed", err)
		})
	}()
	return func() {
		close(done)
		w.Close()
		<-finished
	}
}

// updater is what follow needs of the tview application: a way to run a
// function on its event loop.
type updater interface {
	QueueUpdateDraw(func()) *tview.Application
}

// follow turns the watcher's reports into updates on the event loop until
// done is closed: a change runs onChange, a failure of the watcher itself
// runs onFailure. It returns as soon as done closes, whatever the event
// loop is doing.
func follow(changes <-chan struct{}, failures <-chan error, done <-chan struct{}, app updater, onChange func(), onFailure func(error)) {
	for {
		select {
		case <-done:
			return
		case <-changes:
			queue(app, done, onChange)
		case err, ok := <-failures:
			if !ok {
				return
			}
			queue(app, done, func() { onFailure(err) })
		}
	}
}

// queue runs f on the event loop and waits for it, unless done closes
// first. tview's QueueUpdateDraw waits for the event loop to run f, and
// once the dashboard has quit there is no loop: the wait is left to a
// goroutine of its own, which then stays parked until the process exits
// (tview gives no way to take back a queued update), and f, should it
// ever run, does nothing.
func queue(app updater, done <-chan struct{}, f func()) {
	ran := make(chan struct{})
	go func() {
		app.QueueUpdateDraw(func() {
			select {
			case <-done:
			default:
				f()
			}
		})
		close(ran)
	}()
	select {
	case <-ran:
	case <-done:
	}
}

// watchFailed tells the user that changes on disk will not show by
// themselves any more, and which key reloads instead. It is the one place
// a watcher problem is reported; the dashboard's status line records it
// in the Messages log (L) too, in full.
func (lp *liveProfile) watchFailed(d *views.Dashboard, what string, err error) {
	if lp.watcher != nil {
		lp.watcher.Close()
		lp.watcher = nil
	}
	d.ShowStatus(views.Status{Kind: views.StatusWarn,
		Text: what + " (" + err.Error() + "): press " + d.Keys().KeyLabel(views.IntentReload) + " to reload after editing."})
}

// fromDisk reloads after a watched file changed: a broken file keeps the
// last good profile on screen with the error; an unchanged one (a save of
// our own, an editor touching the file) does nothing but clear the error
// of a broken edit that was undone.
func (lp *liveProfile) fromDisk(d *views.Dashboard) {
	l, err := profiles.Load(lp.s.loaded.Path)
	if err != nil {
		d.ShowProblem(lp.oneLine(err))
		return
	}
	if lp.unchanged(l) {
		d.Unchanged()
		return
	}
	lp.adopt(l)
	d.Reload(&l.Profile)
}

// short names a file relative to the profile's own directory when it is
// inside it: the status line is one line, and the user knows where their
// profile is.
func (lp *liveProfile) short(file string) string {
	rel, err := filepath.Rel(filepath.Dir(lp.s.loaded.Path), file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return file
	}
	return rel
}

// oneLine turns a load error into one line for the status line: the first
// problem with its place (the file named as short does), and how many more
// there are.
func (lp *liveProfile) oneLine(err error) error {
	var pe *profiles.Error
	if !errors.As(err, &pe) || len(pe.Diagnostics) == 0 {
		return err
	}
	var first *profiles.Diagnostic
	errs := 0
	for i, d := range pe.Diagnostics {
		if !d.Warning {
			errs++
			if first == nil {
				first = &pe.Diagnostics[i]
			}
		}
	}
	if first == nil {
		first = &pe.Diagnostics[0]
	}
	lp.broken = first
	d := *first
	d.File = lp.short(d.File)
	text := d.String()
	if errs > 1 {
		text += fmt.Sprintf(" (and %d more: 'mutual check' lists them)", errs-1)
	}
	if d.Hint != "" {
		text += "; hint: " + d.Hint
	}
	return errors.New(text)
}
