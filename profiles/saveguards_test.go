package profiles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"mutual/model"
)

// More guards of the save path, each with the test that fails when the
// guard is taken out (each was checked so):
//
//	a save is a new file renamed over, not a write in place   TestASaveReplacesTheFileWhole
//	the temporary file goes beside the target, not in $TMPDIR  TestTheTemporaryFileIsBesideTheTarget
//	a short write or a full disk stops the save                TestAFailedWriteLeavesTheFileAndNoTemp
//	a failed write, sync or rename leaves no temporary file    TestAFailedWriteLeavesTheFileAndNoTemp
//	the data is synced before the rename                       TestAFailedWriteLeavesTheFileAndNoTemp (sync)
//	a dangling symlink stays a link; its target is written     TestADanglingSymlinkStaysALink
//	a new file's directory that is a link stays a link         TestANewFileInALinkedDirectory
//	a hard link is refused, not split                          TestAHardLinkIsRefused
//	the owner is kept, or the save refused                     TestTheOwnerIsKept, TestAnOwnerThatCannotBeKeptIsRefused
//	a directory that takes no new file is named                TestAReadOnlyDirectoryIsNamed
//	inserted lines follow the file's usual line ending         TestInsertedLinesFollowTheMajorityLineEnding
//	an unclosed """ is reported where it opens                 TestAnUnclosedMultilineStringIsReportedWhereItOpens
//	a rating that changes nothing writes nothing               TestARatingThatChangesNothingWritesNothing
//	a rating added at the end of a file with no final newline  TestARatingAtTheEndOfAFileWithNoFinalNewline
//	edits aim at the name in the text being written            TestEditsAimAtTheNameNotThePosition
//	two saves at once both land                                TestConcurrentAddsAllLand, TestASaveThatCannotLockSaysSo

// TestASaveReplacesTheFileWhole: a reader that opened the file before a
// save still reads the whole old text after it (the save renamed a new
// file over the name; a write in place would have changed what it
// reads), and the name leads to a new file.
func TestASaveReplacesTheFileWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.toml")
	old := "savings = 1 # " + strings.Repeat("x", 5000) + "\n"
	must(t, os.WriteFile(path, []byte(old), 0o600))
	reader, err := os.Open(path)
	must(t, err)
	defer reader.Close()
	before, err := reader.Stat()
	must(t, err)
	must(t, WriteFileAtomic(path, []byte("savings = 2\n")))
	buf := make([]byte, len(old)+10)
	n, _ := reader.ReadAt(buf, 0)
	if string(buf[:n]) != old {
		t.Errorf("a reader of the old file now reads %q", buf[:min(n, 40)])
	}
	after, err := os.Stat(path)
	must(t, err)
	if os.SameFile(before, after) {
		t.Error("the save wrote the file in place")
	}
	if read(t, path) != "savings = 2\n" {
		t.Error("the new text is not in the file")
	}
}

// TestTheTemporaryFileIsBesideTheTarget: the new text is written in the
// target's own directory (a rename across file systems fails), whatever
// $TMPDIR says.
func TestTheTemporaryFileIsBesideTheTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("savings = 1\n"), 0o600))
	t.Setenv("TMPDIR", filepath.Join(dir, "no such directory"))
	var in string
	w := atomicWriter{fs: fileCalls{createTemp: func(d, pattern string) (*os.File, error) {
		in = d
		return os.CreateTemp(d, pattern)
	}}}
	must(t, w.write(path, []byte("savings = 2\n")))
	if in != dir {
		t.Errorf("the temporary file was made in %q, not beside the file in %q", in, dir)
	}
}

// TestAFailedWriteLeavesTheFileAndNoTemp: a write that fails (a full
// disk), is short without saying why, a sync that fails, or a rename that
// fails, stops the save: the file holds its old text and no temporary
// file is left beside it.
func TestAFailedWriteLeavesTheFileAndNoTemp(t *testing.T) {
	halfWrite := func(f *os.File, b []byte) (int, error) { return f.Write(b[:len(b)/2]) }
	cases := []struct {
		name string
		fs   fileCalls
	}{
		{"disk full", fileCalls{write: func(f *os.File, b []byte) (int, error) {
			n, _ := f.Write(b[:len(b)/2])
			return n, syscall.ENOSPC
		}}},
		{"short write", fileCalls{write: halfWrite}},
		{"sync", fileCalls{sync: func(*os.File) error { return syscall.EIO }}},
		{"rename", fileCalls{rename: func(string, string) error { return syscall.EXDEV }}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "profile.toml")
			old := "savings = 1\n"
			must(t, os.WriteFile(path, []byte(old), 0o600))
			err := atomicWriter{fs: c.fs}.write(path, []byte("savings = 2 # "+strings.Repeat("y", 100)+"\n"))
			if err == nil || !strings.Contains(err.Error(), "cannot save "+path) {
				t.Errorf("the save went on: %v", err)
			}
			if read(t, path) != old {
				t.Errorf("the file is %q", read(t, path))
			}
			noTemps(t, dir)
		})
	}
}

// TestADanglingSymlinkStaysALink: a save through a link whose target does
// not exist yet creates the target, and the link stays a link.
func TestADanglingSymlinkStaysALink(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "repo", "profile.toml")
	must(t, os.MkdirAll(filepath.Dir(target), 0o755))
	link := filepath.Join(root, "profile.toml")
	must(t, os.Symlink(filepath.Join("repo", "profile.toml"), link))
	must(t, WriteFileAtomic(link, []byte("version = 1\n")))
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != os.ModeSymlink {
		t.Fatal("the link was replaced by a file")
	}
	if read(t, target) != "version = 1\n" {
		t.Error("the link's target was not written")
	}
}

// TestANewFileInALinkedDirectory: a new file whose directory is a link
// lands in the real directory, and the link stays a link.
func TestANewFileInALinkedDirectory(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "dotfiles", "mutual")
	must(t, os.MkdirAll(real, 0o755))
	link := filepath.Join(root, "mutual")
	must(t, os.Symlink(real, link))
	must(t, WriteFileAtomic(filepath.Join(link, "profile.toml"), []byte("version = 1\n")))
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != os.ModeSymlink {
		t.Fatal("the directory link was replaced")
	}
	if read(t, filepath.Join(real, "profile.toml")) != "version = 1\n" {
		t.Error("the file is not in the real directory")
	}
	noTemps(t, real)
}

// TestAHardLinkIsRefused: a save would split a hard link (the other name
// keeping the old text), so it is refused with a hint and nothing written.
func TestAHardLinkIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte(aimProfile), 0o600))
	other := filepath.Join(dir, "repo-copy.toml")
	must(t, os.Link(path, other))
	l, err := Load(path)
	must(t, err)
	_, err = SetRatings(l, "Globex", RatingValue{ID: "fit", Rating: model.Rating{Low: 4, High: 4}, Known: true})
	if err == nil || !strings.Contains(err.Error(), "2 hard links") || !strings.Contains(err.Error(), "ln -sf") {
		t.Fatalf("a save into a hard-linked file: %v", err)
	}
	if read(t, path) != aimProfile || read(t, other) != aimProfile {
		t.Error("a refused save wrote the file")
	}
	noTemps(t, dir)
}

// TestTheOwnerIsKept: root saving a user's file gives the new file the
// user's owner and group.
func TestTheOwnerIsKept(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	path := filepath.Join(t.TempDir(), "profile.toml")
	must(t, os.WriteFile(path, []byte("savings = 1\n"), 0o640))
	must(t, os.Chown(path, 4321, 4322))
	must(t, WriteFileAtomic(path, []byte("savings = 2\n")))
	fi, err := os.Stat(path)
	must(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 4321 || st.Gid != 4322 || fi.Mode().Perm() != 0o640 {
		t.Errorf("owner %d:%d mode %v, want 4321:4322 0640", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

// TestAnOwnerThatCannotBeKeptIsRefused: a save by a user who cannot give
// the new file the old one's owner is refused, nothing written.
func TestAnOwnerThatCannotBeKeptIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("savings = 1\n"), 0o644))
	if os.Geteuid() == 0 {
		must(t, os.Chown(path, 4321, 4321))
	} else if fi, _ := os.Stat(path); fi.Sys().(*syscall.Stat_t).Uid == uint32(os.Geteuid()) {
		// Only a file someone else owns shows it; the seam below stands
		// in for the refusal a real chown would give.
		t.Log("the file is this user's own")
	}
	chowned := false
	w := atomicWriter{fs: fileCalls{
		chown:   func(*os.File, int, int) error { chowned = true; return syscall.EPERM },
		geteuid: func() int { return 1000 },
	}}
	err := w.write(path, []byte("savings = 2\n"))
	if os.Geteuid() != 0 && !chowned {
		t.Skip("not root: the file is this user's own, so there is no owner to keep")
	}
	fi, _ := os.Stat(path)
	owner := fmt.Sprintf("belongs to user %d", fi.Sys().(*syscall.Stat_t).Uid)
	if err == nil || !strings.Contains(err.Error(), owner) || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("a save that cannot keep the owner: %v", err)
	}
	if read(t, path) != "savings = 1\n" {
		t.Error("the file was written")
	}
	noTemps(t, dir)
}

// TestAReadOnlyDirectoryIsNamed: when the directory takes no new file,
// the error names the directory, not only the file.
func TestAReadOnlyDirectoryIsNamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	must(t, os.WriteFile(path, []byte("savings = 1\n"), 0o600))
	fs := fileCalls{}
	if os.Geteuid() == 0 {
		// root writes into any directory: the refusal is stood in for.
		fs.createTemp = func(string, string) (*os.File, error) {
			return nil, &os.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
		}
	} else {
		must(t, os.Chmod(dir, 0o555))
		defer os.Chmod(dir, 0o755)
	}
	err := atomicWriter{fs: fs}.write(path, []byte("savings = 2\n"))
	if err == nil || !strings.Contains(err.Error(), "directory "+dir) || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("a save into a read-only directory: %v", err)
	}
}

// TestInsertedLinesFollowTheMajorityLineEnding: one CRLF line in an LF
// file does not make the inserted line CRLF, nor one LF line in a CRLF
// file the other way.
func TestInsertedLinesFollowTheMajorityLineEnding(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"# pasted\r\n[situation]\nsavings = 1\nmonthly_expenses = 2\n",
			"# pasted\r\n[situation]\nsavings = 1\nmonthly_expenses = 2\nurgency = 0.3\n"},
		{"# mine\n[situation]\r\nsavings = 1\r\nmonthly_expenses = 2\r\n",
			"# mine\n[situation]\r\nsavings = 1\r\nmonthly_expenses = 2\r\nurgency = 0.3\r\n"},
	} {
		got, err := setKey(c.src, "situation", "urgency", 0.3)
		must(t, err)
		if got != c.want {
			t.Errorf("setKey(%q) = %q, want %q", c.src, got, c.want)
		}
	}
	got, err := appendBlock("a = 1\r\nb = 2\nc = 3\n", "scenario", []string{"name"}, []any{"x"})
	must(t, err)
	if want := "a = 1\r\nb = 2\nc = 3\n\n[[scenario]]\nname = \"x\"\n"; got != want {
		t.Errorf("appendBlock = %q, want %q", got, want)
	}
}

// TestAnUnclosedMultilineStringIsReportedWhereItOpens: the parser meets
// the end of the file; the message points at the """ (or ”') left open.
func TestAnUnclosedMultilineStringIsReportedWhereItOpens(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
	}{
		{"version = 1\n[situation]\nurgency = 0.5 # \"\"\" in a comment\nnotes = \"\"\"\nabc\n\n[[priority]]\nid = \"growth\"\n\n", 4, 9},
		{"version = 1\nx = \"a \\\" \\\"\\\"\\\" b\" # '''\ny = '''\nabc\n\n[[priority]]\nid = \"growth\"\n", 3, 5},
		{"version = 1\nx = \"\"\"closed\"\"\"\ny = \"\"\"\nopen\n", 3, 5},
	} {
		_, err := Parse("p.toml", []byte(c.src))
		var e *Error
		if !errors.As(err, &e) || len(e.Diagnostics) == 0 {
			t.Fatalf("%q: %v", c.src, err)
		}
		if d := e.Diagnostics[0]; d.Line != c.line || d.Col != c.col {
			t.Errorf("%q: reported at %d:%d (%s), want %d:%d", c.src, d.Line, d.Col, d.Message, c.line, c.col)
		}
	}
}

// TestARatingThatChangesNothingWritesNothing: a rating already so writes
// nothing: the file is the same file, not a copy renamed over it, and
// the result is nil. So too when the file changed on disk meanwhile and
// the new text has the rating already.
func TestARatingThatChangesNothingWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profile.toml")
	must(t, os.WriteFile(path, []byte(aimProfile), 0o600))
	l, err := Load(path)
	must(t, err)
	before, err := os.Stat(path)
	must(t, err)
	same := RatingValue{ID: "fit", Rating: model.Rating{Low: 3, High: 3}, Known: true}
	saved, err := SetRatings(l, "Globex", same)
	must(t, err)
	if after, _ := os.Stat(path); saved != nil || !os.SameFile(before, after) {
		t.Errorf("a rating already so was written (saved %v)", saved != nil)
	}
	// On disk meanwhile: Globex rated 4 by an editor, and a comment.
	outside := strings.Replace(aimProfile, "ratings.fit = 3\n", "ratings.fit = 4 # by hand\n", 1)
	must(t, os.WriteFile(path, []byte(outside), 0o600))
	before, _ = os.Stat(path)
	saved, err = SetRatings(l, "Globex", RatingValue{ID: "fit", Rating: model.Rating{Low: 4, High: 4}, Known: true})
	must(t, err)
	if after, _ := os.Stat(path); saved != nil || !os.SameFile(before, after) || read(t, path) != outside {
		t.Errorf("a rating the new text has already was written (saved %v)", saved != nil)
	}
}

// TestARatingAtTheEndOfAFileWithNoFinalNewline: the new line goes on a
// line of its own, and the file still ends without one.
func TestARatingAtTheEndOfAFileWithNoFinalNewline(t *testing.T) {
	head := "[[priority]]\nid = \"fit\"\n[[priority]]\nid = \"pay\"\n"
	for _, c := range []struct{ block, want string }{
		{"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\nfit = 3\npay = 4"},
		{"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings.fit = 3",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\nratings.fit = 3\nratings.pay = 4"},
		{"[[opportunity]]\nname = \"A\"\nstage = \"lead\"",
			"[[opportunity]]\nname = \"A\"\nstage = \"lead\"\n[opportunity.ratings]\npay = 4"},
	} {
		got, err := editRatings(head+c.block, []string{"opportunity", "0"}, "A", []RatingValue{{ID: "pay", Rating: model.Rating{Low: 4, High: 4}, Known: true}})
		if err != nil {
			t.Errorf("%q: %v", c.block, err)
			continue
		}
		if got != head+c.want {
			t.Errorf("got %q, want %q", got, head+c.want)
		}
	}
}
