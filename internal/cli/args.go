package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"mutual/model"
	"mutual/profiles"
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

	// stageMap are import's --stage-map values, each STATUS=STAGE pairs
	// joined by commas, in the order given.
	stageMap listFlag
	// write is import's --write.
	write bool
	// opportunity is add's flags, as typed: model.NewOpportunity reads
	// them, as the dashboard's New opportunity form does.
	opportunity model.OpportunityInput

	// set records which flags were given, to refuse flags a command does
	// not take.
	set map[string]bool
}

// parseArgs reads flags and arguments in any order: flags may come before
// or after the command and its arguments; "--" ends the flags.
func parseArgs(args []string, sys System) (options, error) {
	opts := options{set: map[string]bool{}}
	fs := flag.NewFlagSet("mutual", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opts.profile, "profile", "", "")
	fs.StringVar(&opts.scenario, "scenario", "", "")
	urgency := fs.String("urgency", "", "")
	today := fs.String("today", "", "")
	fs.StringVar(&opts.format, "format", "", "")
	fs.BoolVar(&opts.strict, "strict", false, "")
	fs.BoolVar(&opts.mouse, "mouse", false, "")
	fs.BoolVar(&opts.example, "example", false, "")
	fs.BoolVar(&opts.help, "help", false, "")
	fs.BoolVar(&opts.help, "h", false, "")
	fs.BoolVar(&opts.version, "version", false, "")
	fs.Var(&opts.stageMap, "stage-map", "")
	fs.BoolVar(&opts.write, "write", false, "")
	for name, into := range map[string]*string{"stage": &opts.opportunity.Stage, "pay": &opts.opportunity.Pay, "per": &opts.opportunity.Per,
		"hours-per-week": &opts.opportunity.HoursPerWeek, "starts": &opts.opportunity.Starts, "respond-by": &opts.opportunity.RespondBy,
		"decision-expected": &opts.opportunity.DecisionExpected} {
		fs.StringVar(into, name, "", "")
	}
	fs.BoolVar(&opts.opportunity.Insurance, "insurance", false, "")

	// A flag that takes a value, followed by another flag, has lost its
	// value: the flag package would take the next flag as the value
	// (mutual add New --pay --profile p.toml).
	for k := 0; k+1 < len(args); k++ {
		a := args[k]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") || strings.Contains(a, "=") {
			continue
		}
		f := fs.Lookup(strings.TrimLeft(a, "-"))
		if f == nil || isBoolFlag(f) {
			continue
		}
		if strings.HasPrefix(args[k+1], "--") {
			return opts, &usageError{msg: "flag --" + f.Name + " needs a value", hint: "give it one: --" + f.Name + " VALUE, or --" + f.Name + "=VALUE"}
		}
		k++ // its value
	}

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
		if !slices.Contains(commonFlags(), name) && name != "h" && !cmd.takes(name) {
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
		return opts, &usageError{msg: msg, hint: "usage: " + cmd.usageLine()}
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
		if !d.Plausible() {
			return opts, &usageError{msg: fmt.Sprintf("--today %s is outside the years %d to %d", *today, model.FirstYear, model.LastYear), hint: model.PlausibleHint()}
		}
		opts.today = d
	} else {
		opts.today = model.DateOf(sys.Now())
	}
	if len(cmd.formats) > 0 {
		if !opts.set["format"] {
			opts.format = cmd.formats[0]
		}
		if !slices.Contains(cmd.formats, opts.format) {
			return opts, formatError(cmd, opts.format)
		}
	}
	return opts, nil
}

// listFlag is a flag that may be given more than once: each value is
// kept, in order.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set keeps one more value.
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
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
		// A negative number reads as a flag: say so, rather than guess
		// which flag it was near.
		if _, err := strconv.ParseFloat(name, 64); err == nil {
			return &usageError{msg: name + " is a negative number, which no argument takes here",
				hint: "ratings run from 1 up and dates are YYYY-MM-DD; to clear a rating write unknown"}
		}
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

// isBoolFlag reports whether f is a flag that takes no value.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
