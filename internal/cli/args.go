package cli

import (
	"fmt"
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
	// urgencyText and todayText are --urgency and --today as typed.
	urgencyText, todayText string

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
	positional, err := parseFlags(args, &opts)
	if err != nil {
		return opts, err
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
		if !slices.ContainsFunc(commonFlags(), func(f ownFlag) bool { return f.name == name }) && !cmd.takes(name) {
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
	if opts.urgencyText != "" {
		u, err := strconv.ParseFloat(opts.urgencyText, 64)
		if err != nil || math.IsNaN(u) || u < 0 || u > 1 {
			return opts, &usageError{msg: fmt.Sprintf("--urgency %s is not a number from 0 to 1", opts.urgencyText),
				hint: "0 means no pressure, 1 means you need a paycheck now: --urgency 0.6"}
		}
		opts.urgency = &u
	}
	if opts.todayText != "" {
		d, err := model.ParseDate(opts.todayText)
		if err != nil {
			return opts, &usageError{msg: fmt.Sprintf("--today %s is not a date", opts.todayText), hint: "write it YYYY-MM-DD: --today 2026-12-01"}
		}
		if !d.Plausible() {
			return opts, &usageError{msg: fmt.Sprintf("--today %s is outside the years %d to %d", opts.todayText, model.FirstYear, model.LastYear), hint: model.PlausibleHint()}
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

// closest returns the word in known nearest to s, if any is near.
func closest(s string, known []string) string { return profiles.Suggest(s, known) }
