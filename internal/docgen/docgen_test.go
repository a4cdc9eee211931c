package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocsMatchTheCode fails when a generated region of docs/*.md differs
// from what the code's tables would write, and says how to regenerate it.
func TestDocsMatchTheCode(t *testing.T) {
	root := root(t)
	files, err := docFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	gen := regions()
	shown := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		out, names, err := rewrite(string(data), gen)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		for _, n := range names {
			shown[n] = true
		}
		if out != string(data) {
			t.Errorf("%s: a generated table differs from what the code would write (regions %s); run `%s` and commit the result",
				rel, strings.Join(changed(string(data), out, names, gen), ", "), regenerate)
		}
	}
	// Every table the code writes is shown somewhere: a key, a command or
	// a flag cannot be left out of the docs.
	for name := range gen {
		if !shown[name] {
			t.Errorf("no docs/*.md shows the generated table %q: add <!-- generated: %s --> and <!-- end generated --> where it belongs, then run `%s`", name, name, regenerate)
		}
	}
}

// changed names the regions of old whose content is not what gen says.
func changed(old, _ string, names []string, gen map[string]string) []string {
	var out []string
	for _, n := range names {
		if !strings.Contains(old, openPrefix+n+openSuffix+"\n"+gen[n]+closeMark) {
			out = append(out, n)
		}
	}
	return out
}

// TestRewrite pins how a region is rewritten: only between its markers,
// and an unknown or open region is an error.
func TestRewrite(t *testing.T) {
	gen := map[string]string{"t": "| a |\n|---|\n| 1 |\n"}
	in := "before\n<!-- generated: t -->\nstale\n<!-- end generated -->\nafter\n"
	want := "before\n<!-- generated: t -->\n| a |\n|---|\n| 1 |\n<!-- end generated -->\nafter\n"
	got, names, err := rewrite(in, gen)
	if err != nil || got != want || !slices.Equal(names, []string{"t"}) {
		t.Errorf("rewrite = %q, %v, %v; want %q", got, names, err, want)
	}
	if again, _, _ := rewrite(got, gen); again != got {
		t.Errorf("rewriting twice changed it: %q", again)
	}
	for _, bad := range []string{"<!-- generated: nope -->\n<!-- end generated -->\n", "<!-- generated: t -->\nno end\n", "<!-- generated: t"} {
		if _, _, err := rewrite(bad, gen); err == nil {
			t.Errorf("rewrite(%q) succeeded", bad)
		}
	}
	if got := markdownTable([][]string{{"a", "b"}, {"x|y", "z"}}); got != "| a | b |\n|---|---|\n| x\\|y | z |\n" {
		t.Errorf("markdownTable = %q", got)
	}
}

// link is a Markdown link or image target: [text](target).
var link = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestLinksResolve checks that every relative link in README.md and
// docs/*.md points to a file that exists, and that every #anchor names a
// heading of the file it points to.
func TestLinksResolve(t *testing.T) {
	root := root(t)
	files, err := docFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		for _, m := range link.FindAllStringSubmatch(withoutCode(string(data)), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			dest := f
			if path != "" {
				dest = filepath.Join(filepath.Dir(f), filepath.FromSlash(path))
			}
			checked++
			if _, err := os.Stat(dest); err != nil {
				t.Errorf("%s: link %q: %s does not exist", rel, target, path)
				continue
			}
			if anchor == "" || !strings.HasSuffix(dest, ".md") {
				continue
			}
			text, err := os.ReadFile(dest)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(anchors(string(text)), anchor) {
				t.Errorf("%s: link %q: no heading of %s makes the anchor #%s", rel, target, filepath.Base(dest), anchor)
			}
		}
	}
	if checked == 0 {
		t.Error("no relative links found: README.md should point to docs/")
	}
}

// withoutCode is text with its fenced code blocks blanked, so a ](x) in an
// example is not read as a link.
func withoutCode(text string) string {
	lines := strings.Split(text, "\n")
	in := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			in = !in
			lines[i] = ""
			continue
		}
		if in {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// anchors are the anchors GitHub makes of a file's headings: lower case,
// punctuation dropped but for - and _, spaces as -.
func anchors(text string) []string {
	var out []string
	for _, l := range strings.Split(withoutCode(text), "\n") {
		if !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
				b.WriteRune(r)
			}
		}
		out = append(out, b.String())
	}
	return out
}

func root(t *testing.T) string {
	t.Helper()
	r, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReadmeStaysShort: the README is a five-minute read that ends in
// links; the reference belongs in docs/. It keeps the test command CI runs.
func TestReadmeStaysShort(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if n := strings.Count(text, "\n"); n > 250 {
		t.Errorf("README.md has %d lines; keep it to 250 and move the reference to docs/", n)
	}
	for _, want := range []string{"go run .", "go test ./...", "## A two-minute tour", "docs/"} {
		if !strings.Contains(text, want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
}
