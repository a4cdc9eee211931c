package profiles

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"mutual/model"
)

// TrackedMoney warns about money figures (savings, expenses, income, pay)
// written in a file that git tracks: many people keep their dotfiles in a
// public repository, and a salary does not belong there. It asks git,
// when git is installed; without git it says nothing. The warning is
// silenced with tracked_money_ok = true at the top of the profile.
func TrackedMoney(l *Loaded) []Diagnostic {
	if l.Path == ExampleName {
		return nil
	}
	if l.TrackedMoneyOK {
		return nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	keys := moneyByFile(l)
	files := make([]string, 0, len(keys))
	for f := range keys {
		files = append(files, f)
	}
	sort.Strings(files)
	var out []Diagnostic
	for _, f := range files {
		repo, tracked := gitTracked(f)
		if !tracked {
			continue
		}
		line, col := keys[f][0].Position()
		out = append(out, Diagnostic{File: f, Line: line, Col: col, Warning: true,
			Message: fmt.Sprintf("%s in a file git tracks (in %s); anyone who can read that repository can read them", moneyWords(keys[f]), repo),
			Hint:    trackedHint(l, f, keys[f])})
	}
	return out
}

// trackedHint says how to keep the money in file out of git, in the
// profile's own terms: the money may already live in an include, and only
// a scenario saved beside the public text gives it away.
func trackedHint(l *Loaded, file string, keys []moneyKey) string {
	const ok = "or set tracked_money_ok = true at the top of the profile if the repository is private"
	onlyScenarios := !slices.ContainsFunc(keys, func(k moneyKey) bool { return k.name != "scenario money" })
	if sit := l.Origins.SituationTable; onlyScenarios && sit != "" && sit != file {
		if _, tracked := gitTracked(sit); !tracked {
			return fmt.Sprintf("move the [[scenario]] blocks that hold money into %s, where [situation] is and which git does not track, %s", sit, ok)
		}
	}
	if file != l.Path {
		return fmt.Sprintf("%s is an include already: tell git to ignore it (add it to .gitignore, then git rm --cached %s), %s",
			file, filepath.Base(file), ok)
	}
	return "move [situation] and the opportunities into an include that git ignores (see docs/dotfiles.md), " + ok
}

type moneyKey struct {
	name string
	Origin
}

// moneyByFile lists, per file, the money keys it holds.
func moneyByFile(l *Loaded) map[string][]moneyKey {
	out := map[string][]moneyKey{}
	var money []model.Setting[model.Situation]
	for _, k := range model.SituationTable() {
		if k.Kind == model.Money {
			money = append(money, k)
		}
	}
	for _, k := range money {
		if o, ok := l.Origins.Situation[k.Key]; ok {
			out[o.File] = append(out[o.File], moneyKey{k.Key, o})
		}
	}
	for i, o := range l.Profile.Opportunities {
		if o.Pay != nil {
			at := l.Origins.Opportunities[i]
			out[at.File] = append(out[at.File], moneyKey{"pay", at})
		}
	}
	for i, s := range l.Profile.Scenarios {
		if slices.ContainsFunc(money, func(k model.Setting[model.Situation]) bool { _, set := k.Value(s.Situation); return set }) {
			at := l.Origins.Scenarios[i]
			out[at.File] = append(out[at.File], moneyKey{"scenario money", at})
		}
	}
	for f := range out {
		sort.SliceStable(out[f], func(a, b int) bool { return out[f][a].Line() < out[f][b].Line() })
	}
	return out
}

func moneyWords(keys []moneyKey) string {
	seen := map[string]bool{}
	var names []string
	for _, k := range keys {
		if !seen[k.name] {
			seen[k.name] = true
			names = append(names, k.name)
		}
	}
	return "money figures (" + strings.Join(names, ", ") + ") are"
}

// GitTracked reports whether git tracks file, and in which repository:
// the check that TrackedMoney makes, for a save to make before it writes
// money. Without git it reports false.
func GitTracked(file string) (repo string, tracked bool) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", false
	}
	return gitTracked(file)
}

// gitTracked reports whether git tracks the file, looking where the file
// really is (through symlinks) as well as where it is named.
func gitTracked(file string) (repo string, tracked bool) {
	paths := []string{file}
	if real, err := filepath.EvalSymlinks(file); err == nil && real != file {
		paths = append(paths, real)
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		dir := filepath.Dir(abs)
		cmd := exec.Command("git", "-C", dir, "ls-files", "--error-unmatch", "--", filepath.Base(abs))
		if cmd.Run() != nil {
			continue
		}
		top, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Output()
		if err != nil {
			return dir, true
		}
		return strings.TrimSpace(string(top)), true
	}
	return "", false
}
