package cli

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
	run              func(System, options) error
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
