package cli

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoNetwork: mutual never talks to a network. Nothing it links may
// even hold a network client.
func TestNoNetwork(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	out, err := exec.Command("go", "list", "-deps", "mutual").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "net" || strings.HasPrefix(pkg, "net/") || pkg == "crypto/tls" {
			t.Errorf("mutual depends on %s", pkg)
		}
	}
}

// snapshot records every file under root with its content.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

// TestWritesStayInTheProfile runs every command and checks what changed on
// disk: init writes its one new file, a save (see profiles) only the
// profile's own files; reading commands write nothing at all, not even a
// temporary file.
func TestWritesStayInTheProfile(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	tmp := filepath.Join(root, "tmp")
	work := filepath.Join(root, "work")
	for _, d := range []string{home, tmp, work} {
		os.MkdirAll(d, 0o755)
	}
	t.Setenv("TMPDIR", tmp)
	t.Chdir(work)
	env := map[string]string{"HOME": home, "TMPDIR": tmp}
	sys := System{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		Getenv: func(k string) string { return env[k] }, Home: home,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }}

	if code := Run([]string{"init"}, sys); code != 0 {
		t.Fatalf("init: %d %s", code, sys.Stderr)
	}
	profile := filepath.Join(home, ".config", "mutual", "profile.toml")
	before := snapshot(t, root)
	if _, ok := before[profile]; !ok || len(before) != 1 {
		t.Fatalf("init wrote %v, want only %s", keys(before), profile)
	}
	for _, args := range [][]string{{"rank"}, {"rank", "--format", "json"}, {"explain", "example offer"}, {"check"}, {"check", "--strict"}, {}, {"help"}, {"--version"}} {
		Run(args, sys)
	}
	after := snapshot(t, root)
	if len(after) != len(before) {
		t.Errorf("reading commands wrote files: %v", keys(after))
	}
	for p, c := range before {
		if after[p] != c {
			t.Errorf("reading commands changed %s", p)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
