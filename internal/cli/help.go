package cli

import (
	"fmt"
	"strings"

	"mutual/model"
	"mutual/views"
)

// commonFlagsText is the help for the flags every command takes, after
// their lines (commonFlagsHelp); its %s is the dashboard key that opens
// the editor, from the key table.
const commonFlagsText = `
Environment:
  MUTUAL_PROFILE        the profile when --profile is not given
  XDG_CONFIG_HOME       where the mutual/ directory lives (default ~/.config)
  NO_COLOR              draw the dashboard without colour
  VISUAL, EDITOR        the editor for the dashboard's %s key

Exit codes: 0 success, 1 invalid profile or failure, 2 bad usage.
`

const dashboardHelp = `Open the dashboard: the ranking at your urgency, the details of the selected
opportunity, and a chart of every score against urgency. With no profile
found and none named, it opens the built-in example.

When stdout is not a terminal, it prints the ranking table instead.
`

const rankHelp = `Print the ranking at your urgency: rank, score, fit with its interval,
relief, chance and flags, then the leader changes over urgency 0..1 and the
runways at which the leader would change.
`

const explainHelp = `Show every term of one opportunity's score, in numbers and in words: the
urgency and its parts, each priority's share and rating, each relief term,
deal-breakers, where it crosses the others in urgency and in money, and
every default in force.

NAME may be the full name, any unique part of it, in any case.
`

const checkHelp = `Validate profiles and their includes. Prints one line per file; errors and
warnings go to stderr with file, line and a hint. Exits 1 on any error.
With no PATH it checks the profile mutual would open. An optional_include
that is absent is a note, and the rest is checked on its own.
`

const initHelp = `Write a commented starter profile to PATH, or to the profile --profile
names, or to $XDG_CONFIG_HOME/mutual/profile.toml. It never overwrites an
existing file, and the new file is readable by you alone (0600).
`

const schemaHelp = `Print the JSON Schema (draft 2020-12) of profile format version 1, for an
editor that checks TOML as you type (taplo, Even Better TOML): every key with
its type, range, default and meaning; a key the format does not have is
flagged. Save it once and name it on the profile's first line:

  mutual schema > ~/.config/mutual/profile.schema.json
  #:schema ./profile.schema.json

Rules that depend on the whole profile (a rating above your scale, a range
written backwards, duplicate names) are beyond a schema: mutual check says
those.
`

const importHelp = `Read a job tracker's or a spreadsheet's CSV export (Huntr, Teal, a Google
Sheet) and print an [[opportunity]] block for each row, ready to append to
your profile; or, with --write, append them to the file that holds your
opportunities, through the same safe save as the dashboard (rows whose name
the profile has already are skipped, so a newer export adds only the new).

The header row names the columns. Understood: Company (or Name, Employer),
Job Title (or Title, Position, Role), Status (or Stage), Salary (or Pay,
Compensation), Per (or Pay Period), Hours, Deadline (respond_by), Start Date,
Decision Date, Date Applied, Notes, URL (or Link) and Location; the last four
go into the notes. Statuses understood: Wishlist, Saved, Bookmarked, Applied,
Interviewing, Phone Screen, Onsite, Final Round, Offer, Negotiating, Accepted,
Declined, Withdrawn, Rejected, Not Selected and the stage names themselves.

Pay reads "$85,000", "85k", "85000", "$40/hr" or "$4,000/month"; a range
("$80k-$95k") takes its low end and keeps the range in the notes. Dates
read 2026-12-01, 12/01/2026 or 01/12/2026 (day or month first as the
file shows), Dec 1, 2026. Nothing is guessed: a row with no company or an
unknown status is reported with its line and skipped (map the status with
--stage-map), and a value that cannot be read is reported, left out and
kept in the notes. A file with no company column is an error that lists
the columns it has.
`

const rateHelp = `Set one rating of one opportunity, in the file that defines it: VALUE is a
number from 1 to the scale (4), a range when unsure (2-4), or unknown, which
removes the rating. NAME is found as explain finds it (the whole name, in any
case, or a part only one name has); PRIORITY is a priority's id (or label).
Only that line changes; the save is checked before it is written. A key of
the opportunity itself (pay, chance, respond_by...) is set with 'mutual set'.
`

const stageHelp = `Move one opportunity to STAGE (lead, applied, interviewing, final, offer,
accepted, declined, withdrawn, rejected), in the file that defines it, and
add the move with its day (today, or --today) to its history:
history = [{ stage = "applied", on = 2026-11-02 }, ...]. 'mutual log' lists
the moves. A move to the stage it is at writes nothing.
`

const addHelp = `Add a new opportunity to the file that holds your opportunities: a new
[[opportunity]] block at its end, with the fields given and its first move
(its stage, today or --today) in its history. Quote a NAME of several words.
Every flag that cannot be read is reported, and nothing is written.
`

const logHelp = `Print every stage move written in the opportunities' histories, by day: a
record of your search (an unemployment office may ask for one). The table
also lists the opportunities due a follow-up: applied, interviewing or final
with no move for [search] follow_up_days (10 by default). csv has one row
per move; json has the moves and the follow-ups.
`

const completionHelp = `Print a completion script for bash, zsh or fish: the commands, their flags,
the formats each command writes, profile NAMEs from $XDG_CONFIG_HOME/mutual/,
opportunity names for explain and prep, and scenario names for --scenario,
all read from the profile the line names as you press tab. Install it once:

  bash  mutual completion bash > ~/.local/share/bash-completion/completions/mutual
  zsh   mutual completion zsh > "${fpath[1]}/_mutual"   (or in ~/.zshrc, after
        compinit: source <(mutual completion zsh))
  fish  mutual completion fish > ~/.config/fish/completions/mutual.fish

Names with spaces, quotes or brackets complete quoted as the line needs.
`

// commonFlagsHelp is the help of the flags every command takes, from
// their declarations, and commonFlagsText with the key table's own key.
func commonFlagsHelp() string {
	var b strings.Builder
	b.WriteString("Flags for every command:\n")
	for _, f := range sharedFlags() {
		flag, help := strings.TrimSpace("--"+f.name+" "+f.value), f.help
		if f.alias != "" {
			flag += ", -" + f.alias
		}
		if !f.everywhere {
			help += "\n(" + strings.Join(takenBy(f.name), ", ") + ")"
		}
		flagLine(&b, flag, help)
	}
	return b.String() + fmt.Sprintf(commonFlagsText, views.DefaultKeymap().KeyLabel(views.IntentEdit))
}

// takenBy lists the commands a person runs that take the flag, the
// dashboard first.
func takenBy(flag string) []string {
	var out []string
	for _, c := range commands() {
		if !c.hidden && c.takes(flag) {
			name := c.name
			if name == "" {
				name = "the dashboard"
			}
			out = append(out, name)
		}
	}
	return out
}

func helpText(name string) string {
	if name == "" || name == "help" {
		return generalHelp()
	}
	c := commandByName(name)
	return fmt.Sprintf("usage: %s\n\n%s%s\n%s", c.usageLine(), c.help, c.flagsHelp(), commonFlagsHelp())
}

func generalHelp() string {
	var b strings.Builder
	b.WriteString(`mutual weighs job opportunities by how well they fit you against how urgently
you need a paycheck, and shows at what urgency, runway and savings the
answer would change.

usage: mutual [COMMAND] [flags]

Commands:
`)
	width := 0
	for _, c := range commands() {
		if !c.hidden {
			width = max(width, len(c.name))
		}
	}
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		name := c.name
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(&b, "  %-*s %s\n", width, name, c.summary)
	}
	b.WriteString("\nRun 'mutual COMMAND --help' for a command's flags. The reference is in\n" +
		"docs/ beside mutual's source: commands.md, keys.md, profile.md, decide.md.\n\n")
	b.WriteString(commonFlagsHelp())
	return b.String()
}

// cmdHelp prints the general help; 'mutual help COMMAND' is turned into
// COMMAND --help while parsing.
func cmdHelp(sys System, opts options) error {
	if len(opts.args) == 1 {
		return &usageError{msg: fmt.Sprintf("no command %q", opts.args[0]), hint: "commands: " + strings.Join(commandNames(), ", ")}
	}
	fmt.Fprint(sys.Stdout, generalHelp())
	return nil
}

const decideHelpText = `What to do today, weighed in money: accept an offer by its deadline, hold the
offers in hand while a process decides, or decline them and search on.

It prints the verdict in a sentence, then every offer in hand (with or
without a respond_by) with the value of accepting it now, of holding out and
of searching on, when the money runs out on each course and by how much, the
chance and the savings at which the advice would change, and the levers to
pull: the deadline to ask for, the day the process would have to decide by,
the pay at which accepting wins. Then the processes it can wait for, the
money on each course, the lowest fit worth accepting by months of runway,
and the questions whose answers could change the decision.

Every assumption is listed with its value and can be set in the profile's
[search] table:
%s
`

// decideHelp is decide's help, naming the [search] keys from their table.
func decideHelp() string {
	var keys []string
	for _, k := range model.SearchParamTable() {
		keys = append(keys, k.Key)
	}
	var lines []string
	line := " "
	for k, key := range keys {
		word := " " + key
		if k < len(keys)-1 {
			word += ","
		}
		if len(line)+len(word) > 78 {
			lines, line = append(lines, line), " "
		}
		line += word
	}
	return fmt.Sprintf(decideHelpText, strings.Join(append(lines, line+"."), "\n"))
}

const prepHelp = `Print a Markdown interview-prep sheet for one opportunity: where it stands,
the questions whose answers would most change the decision (most decisive
first, with what each end of the answer means), what is already known, and
your notes. Save it next to your interview notes:

  mutual prep globex > globex-prep.md

NAME may be the full name, any unique part of it, in any case.
`
