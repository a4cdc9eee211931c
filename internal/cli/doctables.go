package cli

import (
	"strings"
)

// This file writes the command table (commands.go) and the flags as text
// for the reference in docs/commands.md, which internal/docgen rewrites
// from them. It formats rows; the commands and their flags stay in their
// tables.

// DocTables are the commands and their own flags as rows of text, by the
// name of the docs region that shows them; the first row of each is its
// header.
func DocTables() map[string][][]string {
	cmds := [][]string{{"command", "what it does"}}
	flags := [][]string{{"flag", "command", "what it does"}}
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		name := "the dashboard"
		if c.name != "" {
			name = "`" + c.name + "`"
		}
		cmds = append(cmds, []string{"`" + c.usageLine() + "`", c.summary})
		if len(c.formats) > 0 {
			flags = append(flags, []string{"`--format FORMAT`", name, formatWords(c.formats)})
		}
		for _, f := range c.flags {
			if f.help != "" {
				flags = append(flags, []string{"`" + strings.TrimSpace("--"+f.name+" "+f.value) + "`", name, oneLine(f.help)})
			}
		}
	}
	return map[string][][]string{"commands": cmds, "command-flags": flags}
}

// DocBlocks are text the docs show as it is printed, by the name of the
// docs region: the help for the flags every command takes.
func DocBlocks() map[string]string {
	return map[string]string{"common-flags": commonFlagsHelp()}
}

// oneLine joins a help text written over several lines.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
