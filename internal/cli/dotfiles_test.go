package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// recipe is the dotfiles recipe of docs/dotfiles.md as written: its
// files, the line it adds to .gitignore, the pre-commit hook's command,
// and the output it shows for a fresh clone.
type recipe struct {
	// files maps a file's name (profile.toml) to its text.
	files map[string]string
	// ignore is the line echoed into .gitignore, and ignoreDir the
	// directory of the repository that .gitignore sits in (mutual).
	ignore, ignoreDir string
	// hook is the pre-commit hook's command, after exec mutual.
	hook []string
	// shown is the sample of a check in a fresh clone: the command after
	// "$ mutual", and the lines it prints.
	shown []string
	out   []string
}

// readRecipe reads the recipe from docs/dotfiles.md.
func readRecipe(t *testing.T) recipe {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "dotfiles.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := recipe{files: map[string]string{}}
	fileName := regexp.MustCompile(`^# ~/\.config/mutual/(\S+) `)
	blocks := regexp.MustCompile("(?s)```(\\w*)\n(.*?)```").FindAllStringSubmatch(string(data), -1)
	for _, b := range blocks {
		lang, text := b[1], b[2]
		first, _, _ := strings.Cut(text, "\n")
		switch {
		case lang == "toml" && fileName.MatchString(first):
			r.files[fileName.FindStringSubmatch(first)[1]] = text
		case lang == "sh" && strings.Contains(text, ".gitignore"):
			m := regexp.MustCompile(`echo "([^"]+)" >> ~/dotfiles/(\S+)/\.gitignore`).FindStringSubmatch(text)
			if m == nil {
				t.Fatalf("docs/dotfiles.md: the .gitignore line is not echo \"NAME\" >> ~/dotfiles/DIR/.gitignore:\n%s", text)
			}
			r.ignore, r.ignoreDir = m[1], m[2]
		case lang == "sh" && strings.Contains(text, "pre-commit"):
			for _, line := range strings.Split(text, "\n") {
				if rest, ok := strings.CutPrefix(line, "exec mutual "); ok {
					r.hook = strings.Fields(rest)
				}
			}
		case lang == "" && strings.HasPrefix(text, "$ mutual check"):
			lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
			r.shown, r.out = strings.Fields(strings.TrimPrefix(lines[0], "$ mutual ")), lines[1:]
		}
	}
	if r.files["profile.toml"] == "" || r.files["private.toml"] == "" || r.ignore == "" || r.hook == nil || r.shown == nil {
		t.Fatalf("docs/dotfiles.md: the recipe's parts were not all found: %+v", r)
	}
	return r
}

// TestDotfilesRecipe follows docs/dotfiles.md as written: the public and
// the private file in a dotfiles repository laid out for GNU stow, the
// private one git-ignored. In a fresh clone, where git has left the private
// file out, the pre-commit hook's check --strict passes and prints what the
// docs show, while rank says what is missing; with the private file there,
// check --strict passes on the whole profile.
func TestDotfilesRecipe(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	r := readRecipe(t)
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "dotfiles")
	config := filepath.Join(repo, r.ignoreDir, ".config", "mutual")
	if err := os.MkdirAll(config, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, text := range r.files {
		if err := os.WriteFile(filepath.Join(config, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, r.ignoreDir, ".gitignore"), []byte(r.ignore+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	git(repo, "init", "-q")
	git(repo, "add", "-A")
	git(repo, "commit", "-q", "-m", "mutual")
	if tracked := git(repo, "ls-files"); strings.Contains(tracked, "private.toml") || !strings.Contains(tracked, "profile.toml") {
		t.Fatalf("git tracks:\n%s\nwant profile.toml and not private.toml", tracked)
	}
	clone := filepath.Join(tmp, "clone")
	git(tmp, "clone", "-q", repo, clone)

	run := func(dir string, args ...string) (int, string, string) {
		t.Helper()
		t.Chdir(dir)
		var out, errs bytes.Buffer
		sys := testSystem(t, &out, &errs)
		code := Run(args, sys)
		return code, out.String(), errs.String()
	}

	// The fresh clone: the hook's command, and the sample the docs show.
	if code, out, errs := run(clone, r.hook...); code != 0 {
		t.Fatalf("in a fresh clone, mutual %s: exit %d\n%s%s", strings.Join(r.hook, " "), code, out, errs)
	}
	code, out, errs := run(clone, r.shown...)
	if code != 0 {
		t.Fatalf("in a fresh clone, mutual %s: exit %d\n%s%s", strings.Join(r.shown, " "), code, out, errs)
	}
	if got := strings.Split(strings.TrimRight(errs+out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(r.out, "\n") {
		t.Errorf("in a fresh clone, mutual %s prints\n%s\ndocs/dotfiles.md shows\n%s", strings.Join(r.shown, " "), strings.Join(got, "\n"), strings.Join(r.out, "\n"))
	}
	profile := r.hook[len(r.hook)-1]
	code, _, errs = run(clone, "rank", "--profile", profile)
	if code != 1 || !strings.Contains(errs, "has no [situation]") || !strings.Contains(errs, "private.toml") {
		t.Errorf("rank in a fresh clone: exit %d, stderr\n%s\nwant exit 1 naming [situation] and private.toml", code, errs)
	}

	// The machine with the private file: the whole profile, no note.
	code, out, errs = run(repo, r.hook...)
	if code != 0 || strings.Contains(errs, "note:") || !strings.Contains(out, "1 include)") {
		t.Errorf("with the private file, mutual %s: exit %d\n%s%s", strings.Join(r.hook, " "), code, out, errs)
	}
	if code, out, errs := run(repo, "rank", "--profile", profile); code != 0 {
		t.Errorf("with the private file, rank: exit %d\n%s%s", code, out, errs)
	}
}

// TestHelpPointsToTheDocs: 'mutual help' names the reference in docs/, and
// every file it names is there.
func TestHelpPointsToTheDocs(t *testing.T) {
	_, out, _ := runMutual(t, "help")
	m := regexp.MustCompile(`The reference is in\s+docs/ beside mutual's source: ([^\n]+)\.`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("mutual help does not point to docs/:\n%s", out)
	}
	for _, name := range strings.Split(m[1], ", ") {
		if _, err := os.Stat(filepath.Join("..", "..", "docs", name)); err != nil {
			t.Errorf("mutual help names docs/%s: %v", name, err)
		}
	}
}
