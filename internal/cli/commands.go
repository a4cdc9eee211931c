package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"mutual/views/report"
)

// command is one subcommand: its name, what it takes, and how it runs.
type command struct {
	name string
	// usage names the command's arguments in its usage line ("NAME",
	// "[PATH...]"), after its own flags.
	usage   string
	summary string
	// help is the prose of 'mutual COMMAND --help'; the lines for the
	// command's own flags follow it.
	help string
	// formats are the values --format takes, the default first, straight
	// from the report writer that writes them. The usage line, the help,
	// the validation and the hint all read this list; a command without
	// formats refuses --format.
	formats []string
	// flags are the command's own flags besides --format (the common ones
	// are allowed everywhere), each with where its value goes: the
	// parser, the usage line, the help and the completion read them.
	flags []ownFlag
	// maxArgs bounds the positional arguments; -1 is no bound.
	minArgs, maxArgs int
	// args say what each positional argument is, in order, for the shell
	// completion: a command whose last argument is a file takes files from
	// there on.
	args []argKind
	// hidden keeps the command out of the help and the completion: it is
	// for the completion scripts themselves.
	hidden bool
	run    func(System, options) error
}

// argKind is what a positional argument is: it says what the completion
// offers there.
type argKind int

const (
	argNone argKind = iota
	// argOpportunity is an opportunity's NAME, from the profile.
	argOpportunity
	// argFile is a path.
	argFile
	// argCommand is one of mutual's commands.
	argCommand
	// argShell is a shell mutual writes a completion script for.
	argShell
	// argNames is what 'complete-names' lists.
	argNames
	// argPriority is a priority's id, from the profile.
	argPriority
	// argStage is a stage.
	argStage
	// argKey is a key of an opportunity that 'mutual set' sets.
	argKey
)

// argAt is what the command's argument number n (from 0) is.
func (c command) argAt(n int) argKind {
	switch {
	case n < len(c.args):
		return c.args[n]
	case len(c.args) > 0 && c.args[len(c.args)-1] == argFile && c.maxArgs < 0:
		return argFile
	}
	return argNone
}

// commands lists every subcommand; the empty name is the dashboard.
func commands() []command {
	return []command{
		{name: "", summary: "open the dashboard", help: dashboardHelp,
			flags:   []ownFlag{boolFlag("mouse", "let the mouse select rows and panes", func(o *options) *bool { return &o.mouse }), exampleFlag()},
			maxArgs: 0, run: cmdDashboard},
		{name: "rank", summary: "print the ranking", help: rankHelp,
			formats: report.RankFormats(), flags: []ownFlag{exampleFlag()}, maxArgs: 0, run: cmdRank},
		{name: "explain", usage: "NAME", summary: "show every term of one opportunity's score", help: explainHelp,
			flags: []ownFlag{exampleFlag()}, minArgs: 1, maxArgs: -1, args: []argKind{argOpportunity}, run: cmdExplain},
		{name: "decide", summary: "what to do today: accept, hold or let go of each offer; levers; questions", help: decideHelp(),
			formats: report.DecideFormats(), flags: []ownFlag{exampleFlag()}, maxArgs: 0, run: cmdDecide},
		{name: "prep", usage: "NAME", summary: "print a Markdown interview-prep sheet for one opportunity", help: prepHelp,
			flags: []ownFlag{exampleFlag()}, minArgs: 1, maxArgs: -1, args: []argKind{argOpportunity}, run: cmdPrep},
		{name: "check", usage: "[PATH...]", summary: "validate profiles (for hooks and CI)", help: checkHelp,
			flags:   []ownFlag{boolFlag("strict", "also fail on warnings (unknown keys...), for\npre-commit hooks and CI", func(o *options) *bool { return &o.strict })},
			maxArgs: -1, args: []argKind{argFile}, run: cmdCheck},
		{name: "init", usage: "[PATH]", summary: "write a commented starter profile", help: initHelp,
			maxArgs: 1, args: []argKind{argFile}, run: cmdInit},
		{name: "schema", summary: "print the profile format's JSON Schema, for editors", help: schemaHelp,
			maxArgs: 0, run: cmdSchema},
		{name: "import", usage: "FILE.csv", summary: "turn a job tracker's CSV export into [[opportunity]] blocks", help: importHelp,
			flags: []ownFlag{
				{name: "stage-map", value: "STATUS=STAGE,...", help: "read these statuses as these stages, over the ones\nmutual knows: --stage-map 'Ghosted=rejected,=lead'\n(a blank STATUS is an empty cell); may be repeated",
					into: func(o *options) flag.Value { return &o.stageMap }},
				boolFlag("write", "append the opportunities to the file that holds\nthem, instead of printing them", func(o *options) *bool { return &o.write }),
			},
			minArgs: 1, maxArgs: 1, args: []argKind{argFile}, run: cmdImport},
		// The commands that change one opportunity, and the record of
		// the moves (issue 14).
		{name: "rate", usage: "NAME PRIORITY VALUE", summary: "set one rating of an opportunity: a number, a range lo-hi, or unknown", help: rateHelp,
			minArgs: 3, maxArgs: 3, args: []argKind{argOpportunity, argPriority}, run: cmdRate},
		{name: "stage", usage: "NAME STAGE", summary: "move an opportunity to a stage, keeping the day in its history", help: stageHelp,
			minArgs: 2, maxArgs: 2, args: []argKind{argOpportunity, argStage}, run: cmdStage},
		{name: "set", usage: "NAME KEY VALUE", summary: "set one key of an opportunity (pay, chance, respond_by...), or unset it", help: setHelp(),
			minArgs: 3, maxArgs: 3, args: []argKind{argOpportunity, argKey}, run: cmdSet},
		{name: "add", usage: "NAME", summary: "add an opportunity to the file that holds them", help: addHelp, flags: fieldFlags(), minArgs: 1, maxArgs: -1, run: cmdAdd},
		{name: "log", summary: "every stage move with its day: a work-search record; and who to follow up", help: logHelp,
			formats: report.LogFormats(), flags: []ownFlag{exampleFlag()}, maxArgs: 0, run: cmdLog},
		{name: "completion", usage: "bash|zsh|fish", summary: "print a completion script for your shell", help: completionHelp,
			minArgs: 1, maxArgs: 1, args: []argKind{argShell}, run: cmdCompletion},
		{name: "help", usage: "[COMMAND]", summary: "show help", maxArgs: 1, args: []argKind{argCommand}, run: cmdHelp},
		{name: "complete-names", usage: "KIND [-- WORD]", summary: "list names for the completion scripts", hidden: true,
			flags: []ownFlag{exampleFlag()}, minArgs: 1, maxArgs: 2, args: []argKind{argNames}, run: cmdCompleteNames},
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

// commandNames lists the commands a person runs, for help and "did you
// mean": every one but the dashboard and the hidden ones.
func commandNames() []string {
	var out []string
	for _, c := range commands() {
		if c.name != "" && !c.hidden {
			out = append(out, c.name)
		}
	}
	return out
}

// takes reports whether flag is one of the command's own flags.
func (c command) takes(flag string) bool {
	if flag == "format" {
		return len(c.formats) > 0
	}
	return slices.ContainsFunc(c.flags, func(f ownFlag) bool { return f.name == flag })
}

// usageLine is the command's usage: mutual, its name, its formats, each
// of its own flags that its help describes, its arguments, and [flags]
// for the flags every command takes.
func (c command) usageLine() string {
	words := []string{"mutual"}
	if c.name != "" {
		words = append(words, c.name)
	}
	if len(c.formats) > 0 {
		words = append(words, "[--format "+strings.Join(c.formats, "|")+"]")
	}
	for _, f := range c.flags {
		if f.help != "" && !isShared(f.name) {
			words = append(words, "["+strings.TrimSpace("--"+f.name+" "+f.value)+"]")
		}
	}
	if c.usage != "" {
		words = append(words, c.usage)
	}
	return strings.Join(append(words, "[flags]"), " ")
}

// isShared reports whether the common help describes the flag.
func isShared(name string) bool {
	return slices.ContainsFunc(sharedFlags(), func(f ownFlag) bool { return f.name == name })
}

// flagsHelp is the Flags section of the command's help: --format with its
// formats, then the command's own flags that the common help does not
// describe; "" when there is none.
func (c command) flagsHelp() string {
	var b strings.Builder
	line := func(flag, help string) { flagLine(&b, flag, help) }
	if len(c.formats) > 0 {
		line("--format FORMAT", formatWords(c.formats))
	}
	for _, f := range c.flags {
		if f.help != "" && !isShared(f.name) {
			line(strings.TrimSpace("--"+f.name+" "+f.value), f.help)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nFlags:\n" + b.String()
}

// flagLine writes one flag's line of a help: the flag, and its help in a
// column; a flag with a long value has its help on the lines below.
func flagLine(b *strings.Builder, flag, help string) {
	help = strings.ReplaceAll(help, "\n", "\n"+strings.Repeat(" ", 24))
	if len(flag) >= 22 {
		fmt.Fprintf(b, "  %s\n%24s%s\n", flag, "", help)
		return
	}
	fmt.Fprintf(b, "  %-22s%s\n", flag, help)
}

// formatWords lists formats in a sentence, the first marked the default:
// "table (default), json or csv".
func formatWords(formats []string) string {
	words := slices.Clone(formats)
	words[0] += " (default)"
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// formatError is the usage error for a --format the command does not
// write: a word no command writes is no format at all, one another
// command writes is not this command's. Either way the hint lists the
// command's own formats.
func formatError(c command, format string) error {
	msg := fmt.Sprintf("--format %s is not a format", format)
	for _, other := range commands() {
		if slices.Contains(other.formats, format) {
			msg = fmt.Sprintf("'mutual %s' does not write --format %s", c.name, format)
			break
		}
	}
	return &usageError{msg: msg, hint: "use one of: " + strings.Join(c.formats, ", ")}
}
