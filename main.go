// Command mutual weighs job opportunities by fit against the urgency of
// needing a paycheck, and shows at what urgency, runway and savings the
// answer would change.
//
// This file is wiring only: it reads the command line, finds and loads the
// profile (package profiles), evaluates it (package model) and hands the
// result to a view (package views). The commands live one per file beside
// it (cmd_*.go), each as thin as this.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"mutual/model"
	"mutual/profiles"
	reports "mutual/views/report"
)

// version is set at build time with -ldflags "-X main.version=…"; builds
// from a checkout report the VCS revision instead.
var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], realSystem()))
}

// system is everything a run touches outside itself, so tests can replace
// all of it.
type system struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	home           string
	now            func() time.Time
	// stdoutIsTerminal reports whether stdout is a terminal (the dashboard
	// draws only then).
	stdoutIsTerminal bool
	// dashboard runs the interactive dashboard; tests replace it.
	dashboard func(*session, options) error
}

func realSystem() system {
	home, _ := os.UserHomeDir()
	return system{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, home: home, now: time.Now,
		stdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		dashboard:        runDashboard,
	}
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // invalid profile or failure
	exitUsage   = 2 // bad usage
)

// options are the parsed command line.
type options struct {
	command string
	args    []string

	profile  string
	urgency  *float64
	scenario string
	today    model.Date

	format  string
	example bool
	strict  bool
	mouse   bool
	help    bool
	version bool

	// set records which flags were given, to refuse flags a command does
	// not take.
	set map[string]bool
}

// usageError is bad usage: it exits 2.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

// failure is an error with a hint line; it exits 1.
type failure struct{ msg, hint string }

func (e *failure) Error() string { return e.msg }

func run(args []string, sys system) (code int) {
	opts, err := parseArgs(args, sys)
	if err != nil {
		return report(sys, err)
	}
	if opts.version {
		fmt.Fprintln(sys.stdout, "mutual", buildVersion())
		return exitOK
	}
	if opts.help {
		fmt.Fprint(sys.stdout, helpText(opts.command))
		return exitOK
	}
	cmd := commandByName(opts.command)
	if err := cmd.run(sys, opts); err != nil {
		return report(sys, err)
	}
	return exitOK
}

// report prints an error the way every mutual error looks: lowercase,
// prefixed with the program name, with a hint line when one helps.
func report(sys system, err error) int {
	var ue *usageError
	var fe *failure
	var pe *profiles.Error
	var se *silentFailure
	switch {
	case errors.As(err, &se):
		return exitFailure // the details are already printed
	case errors.As(err, &ue):
		fmt.Fprintf(sys.stderr, "mutual: %s\n", ue.msg)
		hint := ue.hint
		if hint == "" {
			hint = "run 'mutual help' for usage"
		}
		fmt.Fprintf(sys.stderr, "hint: %s\n", hint)
		return exitUsage
	case errors.As(err, &pe):
		for _, d := range pe.Diagnostics {
			fmt.Fprintf(sys.stderr, "mutual: %s\n", d)
			if d.Hint != "" {
				fmt.Fprintf(sys.stderr, "hint: %s\n", d.Hint)
			}
		}
		return exitFailure
	case errors.As(err, &fe):
		fmt.Fprintf(sys.stderr, "mutual: %s\n", fe.msg)
		if fe.hint != "" {
			fmt.Fprintf(sys.stderr, "hint: %s\n", fe.hint)
		}
		return exitFailure
	}
	fmt.Fprintf(sys.stderr, "mutual: %s\n", err)
	return exitFailure
}

// command is one subcommand: its name, what it takes, and how it runs.
type command struct {
	name    string
	usage   string
	summary string
	help    string
	// flags lists the command's own flags (the common ones are allowed
	// everywhere).
	flags []string
	// maxArgs bounds the positional arguments; -1 is no bound.
	minArgs, maxArgs int
	run              func(system, options) error
}

// commands lists every subcommand; the empty name is the dashboard.
func commands() []command {
	return []command{
		{name: "", usage: "mutual [flags]", summary: "open the dashboard", help: dashboardHelp,
			flags: []string{"mouse", "example"}, maxArgs: 0, run: cmdDashboard},
		{name: "rank", usage: "mutual rank [--format table|json|markdown|csv] [flags]", summary: "print the ranking",
			help: rankHelp, flags: []string{"format", "example"}, maxArgs: 0, run: cmdRank},
		{name: "explain", usage: "mutual explain NAME [flags]", summary: "show every term of one opportunity's score",
			help: explainHelp, flags: []string{"example"}, minArgs: 1, maxArgs: -1, run: cmdExplain},
		{name: "decide", usage: "mutual decide [--format table|json] [flags]", summary: "advise accept, wait or decline on offers; questions to ask",
			help: decideHelp, flags: []string{"format", "example"}, maxArgs: 0, run: cmdDecide},
		{name: "prep", usage: "mutual prep NAME [flags]", summary: "print a Markdown interview-prep sheet for one opportunity",
			help: prepHelp, flags: []string{"example"}, minArgs: 1, maxArgs: -1, run: cmdPrep},
		{name: "check", usage: "mutual check [--strict] [PATH...]", summary: "validate profiles (for hooks and CI)",
			help: checkHelp, flags: []string{"strict"}, maxArgs: -1, run: cmdCheck},
		{name: "init", usage: "mutual init [PATH]", summary: "write a commented starter profile",
			help: initHelp, maxArgs: 1, run: cmdInit},
		{name: "help", usage: "mutual help [COMMAND]", summary: "show help", maxArgs: 1, run: cmdHelp},
	}
}

func commandByName(name string) command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return command{}
}

func commandNames() []string {
	var out []string
	for _, c := range commands() {
		if c.name != "" {
			out = append(out, c.name)
		}
	}
	return out
}

// commonFlags are accepted by every command.
func commonFlags() []string {
	return []string{"profile", "urgency", "scenario", "today", "help", "version"}
}

// parseArgs reads flags and arguments in any order: flags may come before
// or after the command and its arguments; "--" ends the flags.
func parseArgs(args []string, sys system) (options, error) {
	opts := options{format: "table", set: map[string]bool{}}
	fs := flag.NewFlagSet("mutual", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.profile, "profile", "", "")
	fs.StringVar(&opts.scenario, "scenario", "", "")
	urgency := fs.String("urgency", "", "")
	today := fs.String("today", "", "")
	fs.StringVar(&opts.format, "format", "table", "")
	fs.BoolVar(&opts.strict, "strict", false, "")
	fs.BoolVar(&opts.mouse, "mouse", false, "")
	fs.BoolVar(&opts.example, "example", false, "")
	fs.BoolVar(&opts.help, "help", false, "")
	fs.BoolVar(&opts.help, "h", false, "")
	fs.BoolVar(&opts.version, "version", false, "")

	var positional []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			var known []string
			fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
			return opts, flagError(err, known)
		}
		left := fs.Args()
		if consumed := len(rest) - len(left); consumed > 0 && rest[consumed-1] == "--" {
			positional = append(positional, left...) // "--" ends the flags
			break
		}
		if len(left) > 0 {
			positional = append(positional, left[0])
			left = left[1:]
		}
		rest = left
	}
	fs.Visit(func(f *flag.Flag) { opts.set[f.Name] = true })
	if opts.set["h"] {
		opts.set["help"] = true
	}

	if len(positional) > 0 {
		opts.command, opts.args = positional[0], positional[1:]
	}
	if opts.command == "help" && len(opts.args) == 1 && commandByName(opts.args[0]).name != "" {
		opts.command, opts.args, opts.help = opts.args[0], nil, true
	}
	cmd := commandByName(opts.command)
	if cmd.run == nil {
		hint := "commands: " + strings.Join(commandNames(), ", ")
		if s := closest(opts.command, commandNames()); s != "" {
			hint = fmt.Sprintf("did you mean 'mutual %s'?", s)
		} else if opts.command == "version" {
			hint = "did you mean 'mutual --version'?"
		}
		return opts, &usageError{msg: fmt.Sprintf("unknown command %q", opts.command), hint: hint}
	}
	if opts.help || opts.version {
		return opts, nil
	}
	for name := range opts.set {
		if !slices.Contains(commonFlags(), name) && name != "h" && !slices.Contains(cmd.flags, name) {
			where := "the dashboard"
			if cmd.name != "" {
				where = "'mutual " + cmd.name + "'"
			}
			return opts, &usageError{msg: fmt.Sprintf("--%s does not apply to %s", name, where),
				hint: "run 'mutual " + strings.TrimSpace(cmd.name+" --help") + "' for its flags"}
		}
	}
	if len(opts.args) < cmd.minArgs || (cmd.maxArgs >= 0 && len(opts.args) > cmd.maxArgs) {
		msg := fmt.Sprintf("'%s' takes %s", strings.TrimSpace("mutual "+cmd.name), argCount(cmd))
		if cmd.name == "" {
			msg = fmt.Sprintf("unknown command %q", opts.command)
		}
		return opts, &usageError{msg: msg, hint: "usage: " + cmd.usage}
	}
	if *urgency != "" {
		u, err := strconv.ParseFloat(*urgency, 64)
		if err != nil || math.IsNaN(u) || u < 0 || u > 1 {
			return opts, &usageError{msg: fmt.Sprintf("--urgency %s is not a number from 0 to 1", *urgency),
				hint: "0 means no pressure, 1 means you need a paycheck now: --urgency 0.6"}
		}
		opts.urgency = &u
	}
	if *today != "" {
		d, err := model.ParseDate(*today)
		if err != nil {
			return opts, &usageError{msg: fmt.Sprintf("--today %s is not a date", *today), hint: "write it YYYY-MM-DD: --today 2026-12-01"}
		}
		opts.today = d
	} else {
		opts.today = model.DateOf(sys.now())
	}
	if !slices.Contains(reports.RankFormats(), opts.format) {
		return opts, &usageError{msg: fmt.Sprintf("--format %s is not a format", opts.format), hint: "use one of: " + strings.Join(reports.RankFormats(), ", ")}
	}
	return opts, nil
}

func argCount(c command) string {
	switch {
	case c.minArgs == c.maxArgs && c.minArgs == 0:
		return "no arguments"
	case c.minArgs == 1 && c.maxArgs == 1:
		return "exactly one argument"
	case c.minArgs == 1 && c.maxArgs < 0 && strings.Contains(c.usage, "NAME"):
		return "the NAME of an opportunity"
	case c.maxArgs == 1:
		return "at most one argument"
	}
	return "arguments"
}

// flagError turns the flag package's error into mutual's, with a "did you
// mean" from the known flag names.
func flagError(err error, known []string) error {
	msg := err.Error()
	if strings.HasPrefix(msg, "flag provided but not defined: ") {
		name := strings.TrimPrefix(msg, "flag provided but not defined: ")
		hint := "run 'mutual help' for the flags"
		if s := closest(strings.TrimLeft(name, "-"), known); s != "" {
			hint = fmt.Sprintf("did you mean --%s?", s)
		}
		return &usageError{msg: "unknown flag --" + strings.TrimLeft(name, "-"), hint: hint}
	}
	if strings.HasPrefix(msg, "flag needs an argument: ") {
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return &usageError{msg: "flag --" + name + " needs a value"}
	}
	return &usageError{msg: msg}
}

// closest returns the word in known nearest to s, if any is near.
func closest(s string, known []string) string { return profiles.Suggest(s, known) }

func buildVersion() string {
	if version != "0.1.0-dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return version
	}
	if dirty {
		rev += "+dirty"
	}
	return version + " (" + rev + ")"
}

// session is a loaded and evaluated profile, ready for a view.
type session struct {
	choice  profiles.Choice
	loaded  *profiles.Loaded
	example bool
	// exampleAsked reports that --example asked for the example, so there
	// is nothing to explain about it.
	exampleAsked bool
	// home is the user's home directory, for writing paths as ~/….
	home    string
	state   *model.State
	request model.Request
}

// profileLabel is how views name the profile: its path, or the example.
func (s *session) profileLabel() string {
	if s.example {
		return profiles.ExampleName
	}
	return tildePath(s.loaded.Path, s.home)
}

// tildePath writes a path inside the home directory as ~/…: shorter in a
// header line, and the way people name their config.
func tildePath(path, home string) string {
	if home == "" || !filepath.IsAbs(path) {
		return path
	}
	rel, err := filepath.Rel(home, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.Join("~", rel)
}

// open finds, loads and evaluates the profile. With no profile found and
// none named, it opens the built-in example; exampleNote says so on
// stderr.
func open(sys system, opts options) (*session, error) {
	env := profiles.Env{Getenv: sys.getenv, Home: sys.home}
	choice, err := profiles.Choose(opts.profile, env)
	if err != nil {
		return nil, &failure{msg: err.Error()}
	}
	s := &session{choice: choice, exampleAsked: opts.example, home: sys.home}
	if opts.example || choice.From == "default" && !choice.Exists() {
		s.example = true
		s.loaded, err = profiles.Example(opts.today)
	} else if hint := choice.NameHint(env); hint != "" {
		return nil, &failure{msg: choice.Path + ": no such file", hint: hint}
	} else {
		s.loaded, err = profiles.Load(choice.Path)
	}
	if err != nil {
		return nil, err
	}
	s.request = model.Request{Today: opts.today, Scenario: opts.scenario, Urgency: opts.urgency}
	s.state, err = model.Evaluate(&s.loaded.Profile, s.request)
	if err != nil {
		return nil, &failure{msg: err.Error(), hint: "scenarios are [[scenario]] blocks in the profile; check the name's spelling"}
	}
	return s, nil
}

// notes prints the example notice and the profile's warnings on stderr.
func (s *session) notes(sys system) {
	if s.example && !s.exampleAsked {
		fmt.Fprintf(sys.stderr, "mutual: no profile at %s; showing the built-in example\nhint: run 'mutual init' to start your own\n", s.choice.Path)
	}
	for _, w := range s.loaded.Warnings {
		fmt.Fprintf(sys.stderr, "mutual: %s\n", w)
		if w.Hint != "" {
			fmt.Fprintf(sys.stderr, "hint: %s\n", w.Hint)
		}
	}
}
