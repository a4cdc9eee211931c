package arrows

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is the module whose arrows are checked.
const module = "mutual"

// The third-party packages the rooms are kept apart from. A root stands for
// itself and every package below it, so tcell covers tcell/v2/terminfo too.
const (
	tview = "github.com/rivo/tview"
	tcell = "github.com/gdamore/tcell/v2"
	toml  = "github.com/BurntSushi/toml"
)

// arrow is one rule of the design: the packages it is for must not import,
// directly or not, anything under the forbidden roots.
type arrow struct {
	name string
	// applies reports whether the rule is for package pkg.
	applies func(pkg string) bool
	// optional is true for a rule whose packages need not exist yet; a
	// rule for a room that is missing would otherwise pass by checking
	// nothing.
	optional  bool
	forbidden []string
	why       string
}

func TestArrows(t *testing.T) {
	g := listGraph(t)
	arrows := []arrow{
		{
			name:      "model is pure",
			applies:   func(pkg string) bool { return under(pkg, module+"/model") },
			forbidden: []string{"os", tview, tcell, toml, module + "/profiles", module + "/views"},
			why:       "the decision logic does no I/O and draws nothing; files belong to profiles, terminals to views",
		},
		{
			name:      "views do not read files or run commands",
			applies:   func(pkg string) bool { return under(pkg, module+"/views") },
			forbidden: []string{module + "/profiles", module + "/internal/cli"},
			why:       "views draw a model state and turn keys into intents; the command layer hands them what to draw",
		},
		{
			name: "reports use no widgets",
			applies: func(pkg string) bool {
				return under(pkg, module+"/views") && strings.HasSuffix(pkg, "/report")
			},
			optional:  true,
			forbidden: []string{tview, tcell},
			why:       "the plain-text reports are printed to stdout and pipes, and the pages style them",
		},
		{
			name:      "profiles know nothing of views",
			applies:   func(pkg string) bool { return under(pkg, module+"/profiles") },
			forbidden: []string{module + "/views", tview, tcell},
			why:       "reading and writing profiles is the same whether they are shown on a terminal or not",
		},
	}
	for _, a := range arrows {
		t.Run(a.name, func(t *testing.T) {
			checked := 0
			for _, pkg := range g.modulePackages() {
				if !a.applies(pkg) {
					continue
				}
				checked++
				for _, root := range a.forbidden {
					if c := g.chain(pkg, root); c != nil {
						t.Errorf("%s must not import %s (%s): %s", pkg, root, a.why, describe(c))
					}
				}
			}
			switch {
			case checked == 0 && a.optional:
				t.Logf("no package of module %s is covered by this rule yet", module)
			case checked == 0:
				t.Errorf("no package of module %s is covered by this rule: has a room moved?", module)
			}
		})
	}
}

func TestOnlyTheProgramJoinsTheRooms(t *testing.T) {
	g := listGraph(t)
	// joiners may import model, profiles and views together: the program and
	// its command layer, which build the system, and the benchmark driver,
	// which builds the dashboard in-process the same way to time a key press,
	// and the docs generator, which reads every room's tables to write docs/.
	joiners := []string{module, module + "/internal/cli", module + "/bench/driver", module + "/internal/docgen"}
	rooms := []string{module + "/model", module + "/profiles", module + "/views"}
	for _, pkg := range g.modulePackages() {
		if slices.Contains(joiners, pkg) {
			continue
		}
		var chains []string
		for _, r := range rooms {
			if c := g.chain(pkg, r); c != nil {
				chains = append(chains, describe(c))
			}
		}
		if len(chains) == len(rooms) {
			t.Errorf("%s imports model, profiles and views together, which only %s may: %s",
				pkg, strings.Join(joiners, ", "), strings.Join(chains, "; "))
		}
	}
}

// graph is the import graph of the module and everything it imports: each
// package's direct imports.
type graph map[string][]string

// listGraph asks the go tool for the graph, or skips the test when there is
// no go tool to ask.
func listGraph(t *testing.T) graph {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("cannot check the import arrows: the go tool is not on PATH (%v)", err)
	}
	cmd := exec.Command(goTool, "list", "-deps", "-json=ImportPath,Imports", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s/...: %v\n%s", module, err, stderr.Bytes())
	}
	g := graph{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading go list's output: %v", err)
		}
		g[p.ImportPath] = p.Imports
	}
	if len(g.modulePackages()) == 0 {
		t.Fatalf("go list found no packages of module %s", module)
	}
	lookAtSources(t)
	return g
}

// lookAtSources lists every directory of the module and stats every Go
// file in it. go test caches a pass by the files the test itself opened,
// and go list read the sources in another process: without this, an
// import added after a pass would hide behind the cached pass.
func lookAtSources(t *testing.T) {
	t.Helper()
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(root)
		if up == root {
			t.Fatal("no go.mod above the test's directory")
		}
		root = up
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")):
			return filepath.SkipDir // the go tool ignores these too
		case !d.IsDir() && (strings.HasSuffix(path, ".go") || d.Name() == "go.mod" || d.Name() == "go.sum"):
			_, err := os.Stat(path)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// modulePackages are the packages of the module itself, sorted.
func (g graph) modulePackages() []string {
	var out []string
	for pkg := range g {
		if under(pkg, module) {
			out = append(out, pkg)
		}
	}
	slices.Sort(out)
	return out
}

// chain returns the shortest import chain from pkg to a package under
// root, pkg first, or nil when pkg does not import root at all.
func (g graph) chain(pkg, root string) []string {
	from := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range g[p] {
			if _, seen := from[q]; seen {
				continue
			}
			from[q] = p
			if under(q, root) {
				c := []string{q}
				for x := p; x != ""; x = from[x] {
					c = append(c, x)
				}
				slices.Reverse(c)
				return c
			}
			queue = append(queue, q)
		}
	}
	return nil
}

// describe puts an import chain in words: "a imports b, which imports c".
func describe(chain []string) string {
	var b strings.Builder
	b.WriteString(chain[0])
	for k, p := range chain[1:] {
		if k == 0 {
			b.WriteString(" imports ")
		} else {
			b.WriteString(", which imports ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// under reports whether pkg is root or a package below it.
func under(pkg, root string) bool {
	return pkg == root || strings.HasPrefix(pkg, root+"/")
}
