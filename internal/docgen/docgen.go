// Command docgen rewrites the tables of docs/*.md from the code's own
// tables: the profile's keys and settings (profiles.DocTables), the
// dashboard's keys (views.DocTables), the commands and their flags
// (cli.DocTables, cli.DocBlocks). A generated region sits between
//
//	<!-- generated: NAME -->
//	<!-- end generated -->
//
// and everything between the two markers is the code's; the prose around
// it is the writer's. Run it after changing a table:
//
//	go generate ./internal/docgen
//
// Its test fails when a region differs from what the code would write, as
// lazygit's cheatsheet check does, so the docs cannot drift from the code.
package main

//go:generate go run .

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"mutual/internal/cli"
	"mutual/profiles"
	"mutual/views"
)

// regenerate is the command that rewrites the regions, for messages.
const regenerate = "go generate ./internal/docgen"

const (
	openPrefix = "<!-- generated: "
	openSuffix = " -->"
	closeMark  = "<!-- end generated -->"
)

func main() {
	root, err := moduleRoot()
	if err == nil {
		err = writeDocs(root)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

// regions are the generated regions' contents, by name.
func regions() map[string]string {
	out := map[string]string{}
	for _, tables := range []map[string][][]string{profiles.DocTables(), views.DocTables(), cli.DocTables()} {
		for name, rows := range tables {
			out[name] = markdownTable(rows)
		}
	}
	for name, text := range cli.DocBlocks() {
		out[name] = "```\n" + strings.TrimRight(text, "\n") + "\n```\n"
	}
	return out
}

// markdownTable writes rows as a Markdown table, the first row its
// header. A | inside a cell is escaped, so a usage line's choices
// (table|json) stay in their cell.
func markdownTable(rows [][]string) string {
	var b strings.Builder
	for i, row := range rows {
		cells := make([]string, len(row))
		for k, c := range row {
			cells[k] = strings.ReplaceAll(c, "|", `\|`)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
		}
	}
	return b.String()
}

// rewrite returns text with every generated region's content replaced by
// what the code writes, and the names of the regions it holds. A marker
// is a line of its own (one quoted inside a sentence is prose). A region
// the code does not write, or one left open, is an error.
func rewrite(text string, gen map[string]string) (string, []string, error) {
	var b strings.Builder
	var names []string
	lines := strings.SplitAfter(text, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		b.WriteString(line)
		trimmed := strings.TrimRight(line, "\n")
		if !strings.HasPrefix(trimmed, openPrefix) {
			continue
		}
		name, ok := strings.CutSuffix(strings.TrimPrefix(trimmed, openPrefix), openSuffix)
		if !ok {
			return "", nil, fmt.Errorf("line %d: a %q marker does not end with %q", i+1, openPrefix, openSuffix)
		}
		content, ok := gen[name]
		if !ok {
			return "", nil, fmt.Errorf("line %d: region %q is not a table the code writes (it writes: %s)", i+1, name, strings.Join(slices.Sorted(maps.Keys(gen)), ", "))
		}
		end := i + 1
		for end < len(lines) && strings.TrimRight(lines[end], "\n") != closeMark {
			end++
		}
		if end == len(lines) {
			return "", nil, fmt.Errorf("line %d: region %q has no %q line", i+1, name, closeMark)
		}
		if !strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
		names = append(names, name)
		b.WriteString(content)
		i = end - 1 // the close marker is written as it is
	}
	return b.String(), names, nil
}

// docFiles lists the Markdown files under root's docs/.
func docFiles(root string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err == nil && len(files) == 0 {
		err = errors.New("no docs/*.md under " + root)
	}
	return files, err
}

// writeDocs rewrites the generated regions of every docs file that
// differs, and says which it wrote.
func writeDocs(root string) error {
	files, err := docFiles(root)
	if err != nil {
		return err
	}
	gen := regions()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		out, _, err := rewrite(string(data), gen)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if out == string(data) {
			continue
		}
		if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
			return err
		}
		fmt.Println("docgen: wrote", f)
	}
	return nil
}

// moduleRoot is the directory of go.mod, from the working directory up:
// go generate runs in this package's directory, go run wherever it is
// typed.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
