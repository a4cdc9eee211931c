package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// This file follows the include graph: a file is read, decoded and
// walked, then each file it includes, depth first, relative to the file
// that names it. A cycle, a missing file, a dangling symlink or a file
// that cannot be read is reported at the include that named it. A file
// named by optional_include that does not exist is left out with a note.

// file reads one file and, depth first, what it includes. from is where it
// was included, zero for the main file; optional reports that
// optional_include named it.
func (l *loader) file(path string, from Origin, optional bool) {
	canon := canonical(path)
	if i := slices.Index(l.stack, canon); i >= 0 {
		line, col := from.Position()
		l.ds.add(Diagnostic{File: from.File, Line: line, Col: col, Message: fmt.Sprintf("include %q makes a cycle: %s", path, cycleText(l.stack[i:], canon)),
			Hint: "a file may include another only once along any chain; remove one of these includes"})
		l.unread++
		return
	}
	data, err := l.read(path)
	if err != nil && optional && absent(path, err) {
		l.noteAbsent(path, from)
		return
	}
	if err != nil {
		l.readError(path, from, err)
		l.unread++
		return
	}
	doc, text, d := readTOML(path, data)
	if d != nil {
		if from.File != "" {
			line, col := from.Position()
			d.IncludedFrom = where(from.File, line, col)
		}
		l.ds.add(*d)
		l.unread++
		return
	}
	l.files = append(l.files, path)
	l.contents[path] = data
	l.stack = append(l.stack, canon)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()

	w := &walker{file: path, text: text, ds: &l.ds, m: &l.m}
	includes := w.document(doc)
	for _, inc := range includes {
		p := inc.path
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), p)
		}
		l.file(p, inc.at, inc.optional)
	}
}

// absent reports whether err says that nothing is at path: not even a
// symlink, whose missing target is a broken setup rather than a file left
// out on purpose.
func absent(path string, err error) bool {
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, lerr := os.Lstat(path)
	return errors.Is(lerr, fs.ErrNotExist)
}

// noteAbsent notes an optional include that does not exist: the profile is
// read without it, and what it would have held may be missing.
func (l *loader) noteAbsent(path string, from Origin) {
	line, col := from.Position()
	l.absentPaths = append(l.absentPaths, path)
	l.notes = append(l.notes, Diagnostic{File: from.File, Line: line, Col: col, Note: true,
		Message: fmt.Sprintf("optional include %q is absent; the profile is read without it", path)})
}

func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

func cycleText(stack []string, again string) string {
	parts := make([]string, 0, len(stack)+1)
	for _, s := range stack {
		parts = append(parts, filepath.Base(s))
	}
	return strings.Join(append(parts, filepath.Base(again)), " → ")
}

func (l *loader) readError(path string, from Origin, err error) {
	d := Diagnostic{File: path}
	if from.File != "" {
		// The include line is where the fix goes.
		line, col := from.Position()
		d = Diagnostic{File: from.File, Line: line, Col: col}
	}
	subject := ""
	if from.File != "" {
		subject = fmt.Sprintf("include %q: ", path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.Message = subject + "no such file"
		if target, lerr := os.Readlink(path); lerr == nil {
			d.Message = subject + fmt.Sprintf("is a symlink to %s, which does not exist", target)
			d.Hint = "fix or remove the link (a dotfiles manager such as stow may need to be run again)"
			break
		}
		if from.File != "" {
			d.Hint = "include paths are relative to the file that includes them; create the file or fix the path"
		} else {
			d.Hint = "run 'mutual init " + path + "' to write a starter profile there, or name another with --profile"
		}
	case errors.Is(err, errIsDir):
		d.Message = subject + "is a directory, not a profile file"
		d.Hint = "name a .toml file, for example " + filepath.Join(path, "profile.toml")
	case errors.Is(err, errTooLarge):
		d.Message = subject + fmt.Sprintf("is larger than %d MiB, far more than any profile needs", MaxFileSize>>20)
		d.Hint = "check that this is the file you meant"
	case errors.Is(err, fs.ErrPermission):
		d.Message = subject + "cannot be read: permission denied"
		d.Hint = "check the file's permissions (ls -l)"
	default:
		d.Message = subject + fmt.Sprintf("cannot be read: %v", unwrapPathError(err))
	}
	l.ds.add(d)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// includeRef is an include and where it was written; optional when
// optional_include named it.
type includeRef struct {
	path     string
	at       Origin
	optional bool
}

// includes reads the value of include (or of optional_include, when
// optional): a file name or a list of them.
func (w *walker) includes(path []string, v any, optional bool) []includeRef {
	key := "include"
	if optional {
		key = "optional_include"
	}
	fix := "write " + key + ` = ["private.toml"]`
	var list []any
	switch x := v.(type) {
	case string:
		list = []any{x}
	case []any:
		list = x
	default:
		w.errAt(path, fix, "%s must be a list of file names, not %s", key, describe(v))
		return nil
	}
	var out []includeRef
	for i, item := range list {
		p := append(slices.Clone(path), strconv.Itoa(i))
		s, ok := item.(string)
		if !ok || strings.TrimSpace(s) == "" {
			w.errAt(p, fix, "%s entries must be file names, not %s", key, describe(item))
			continue
		}
		out = append(out, includeRef{path: s, at: w.at(p...), optional: optional})
	}
	return out
}
