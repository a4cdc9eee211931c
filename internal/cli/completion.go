package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"mutual/profiles"
)

// This file holds 'mutual completion SHELL', which prints a completion
// script for bash, zsh or fish, and the hidden 'mutual complete-names',
// which the scripts run to name what is in the profile. The scripts are
// written from the command table: its commands, each command's flags and
// formats, and what each of its arguments is. The names (opportunities,
// scenarios, profiles) are read when the shell completes, from the
// profile the command line names, so they are never stale.

// shells are the shells a completion script is written for.
func shells() []string { return []string{"bash", "zsh", "fish"} }

// cmdCompletion prints the completion script for the shell named.
func cmdCompletion(sys System, opts options) error {
	var script string
	switch opts.args[0] {
	case "bash":
		script = bashCompletion()
	case "zsh":
		script = zshCompletion()
	case "fish":
		script = fishCompletion()
	default:
		return &usageError{msg: fmt.Sprintf("no completion for %q", opts.args[0]), hint: "use one of: " + strings.Join(shells(), ", ")}
	}
	_, err := fmt.Fprint(sys.Stdout, script)
	return err
}

// nameKinds are what 'complete-names' lists.
func nameKinds() []string { return []string{"opportunities", "scenarios", "priorities", "profiles"} }

// cmdCompleteNames prints, one a line, the names of one kind that the
// word being completed could stand for: those it begins, else those it
// begins in another case, else those it is part of. The word is as the
// shell has it, quotes and backslashes included. A name the line could
// not hold safely (a newline, an escape, a bidirectional override) is
// left out: part of it still finds it in explain and prep. Nothing goes
// to stderr: a completion has nowhere to show it.
func cmdCompleteNames(sys System, opts options) error {
	kind := opts.args[0]
	word := ""
	if len(opts.args) > 1 {
		word = shellDequote(opts.args[1])
	}
	var names []string
	switch kind {
	case "profiles":
		names = profileNames(sys)
	case "opportunities", "scenarios", "priorities":
		l, ok := namesProfile(sys, opts)
		if !ok {
			return &silentFailure{msg: "no profile"}
		}
		switch kind {
		case "opportunities":
			for _, o := range l.Profile.Opportunities {
				names = append(names, o.Name)
			}
		case "priorities":
			for _, pr := range l.Profile.Priorities {
				names = append(names, pr.ID)
			}
		default:
			for _, s := range l.Profile.Scenarios {
				names = append(names, s.Name)
			}
		}
	default:
		return &usageError{msg: fmt.Sprintf("no names of %q", kind), hint: "use one of: " + strings.Join(nameKinds(), ", ")}
	}
	for _, n := range matchNames(slices.DeleteFunc(names, unsafeOnLine), word) {
		fmt.Fprintln(sys.Stdout, n)
	}
	return nil
}

// namesProfile loads the profile the command line names, or the built-in
// example where a command would open it.
func namesProfile(sys System, opts options) (*profiles.Loaded, bool) {
	env := profiles.Env{Getenv: sys.Getenv, Home: sys.Home}
	choice, err := profiles.Choose(expandHome(shellDequote(opts.profile), sys.Home), env)
	if err != nil {
		return nil, false
	}
	var l *profiles.Loaded
	if opts.example || choice.From == "default" && !choice.Exists() {
		l, err = profiles.Example(opts.today)
	} else {
		l, err = profiles.Load(choice.Path)
	}
	return l, err == nil
}

// profileNames lists the profile NAMEs of the config directory: its .toml
// files without the extension.
func profileNames(sys System) []string {
	dir, err := profiles.ConfigDir(profiles.Env{Getenv: sys.Getenv, Home: sys.Home})
	if err != nil {
		return nil
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".toml"); ok && name != "" && !strings.HasPrefix(name, ".") && !e.IsDir() {
			names = append(names, name)
		}
	}
	return names
}

// matchNames keeps the names word could complete to: those that begin
// with it, else those that begin with it in another case, else those that
// hold it anywhere, in any case (explain and prep take any unique part).
func matchNames(names []string, word string) []string {
	if word == "" {
		return names
	}
	lower := strings.ToLower(word)
	tests := []func(string) bool{
		func(n string) bool { return strings.HasPrefix(n, word) },
		func(n string) bool { return strings.HasPrefix(strings.ToLower(n), lower) },
		func(n string) bool { return strings.Contains(strings.ToLower(n), lower) },
	}
	for _, test := range tests {
		var out []string
		for _, n := range names {
			if test(n) {
				out = append(out, n)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// unsafeOnLine reports whether a name holds a character that a command
// line should not be given by a completion: a control character (an
// escape would reach the terminal) or a bidirectional control (the line
// would not read as it runs).
func unsafeOnLine(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool {
		return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
	})
}

// shellDequote reads a word as a POSIX shell would, for what it stands
// for: a backslash keeps the next character, single quotes keep all up to
// the next one, double quotes keep all but a backslash before $, `, " or
// \. A quote still open (the word is being typed) runs to the end.
func shellDequote(word string) string {
	var b strings.Builder
	quote := rune(0)
	escaped := false
	for _, r := range word {
		switch {
		case escaped:
			if quote == '"' && !strings.ContainsRune("$`\"\\\n", r) {
				b.WriteRune('\\')
			}
			b.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				b.WriteRune(r)
			}
		case r == '\\':
			escaped = true
		case quote == '"':
			if r == '"' {
				quote = 0
			} else {
				b.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote = r
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// expandHome turns a leading ~/ into the home directory, as the shell
// would have once the line runs.
func expandHome(path, home string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok && home != "" {
		return filepath.Join(home, rest)
	}
	return path
}

// completionCommand is what the scripts know of one command.
type completionCommand struct {
	name    string
	summary string
	// flags are every flag the command takes, with their dashes.
	flags   []string
	formats []string
	args    func(n int) argKind
	// nargs is how many arguments args describes.
	nargs   int
	maxArgs int
}

// completionCommands lists the commands as the scripts see them, the
// dashboard (no command) first.
func completionCommands() []completionCommand {
	var out []completionCommand
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		cc := completionCommand{name: c.name, summary: c.summary, formats: c.formats, args: c.argAt, nargs: len(c.args), maxArgs: c.maxArgs}
		for _, f := range commonFlags() {
			cc.flags = append(cc.flags, "--"+f.name)
		}
		if len(c.formats) > 0 {
			cc.flags = append(cc.flags, "--format")
		}
		for _, f := range c.flags {
			cc.flags = append(cc.flags, "--"+f.name)
		}
		out = append(out, cc)
	}
	return out
}

// valueFlags are the flags that take a value, on any command: the
// scripts skip the value when they look for the command and its
// arguments.
func valueFlags() []string {
	var flags []string
	for _, f := range allFlags() {
		if f.takesValue() {
			flags = append(flags, "--"+f.name)
		}
	}
	return flags
}

// flagWords are the flags whose values are a fixed few, with them.
func flagWords() []ownFlag {
	var out []ownFlag
	for _, f := range allFlags() {
		if f.takesValue() && len(f.words) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// argWords are the fixed words an argument of this kind takes, for the
// kinds that have them.
func argWords(k argKind) []string {
	switch k {
	case argCommand:
		return commandNames()
	case argShell:
		return shells()
	case argStage:
		return stageNames()
	case argKey:
		return settableKeys()
	}
	return nil
}
