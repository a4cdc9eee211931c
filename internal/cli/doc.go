// Package cli is mutual's command layer: it turns a command line into a
// run of one command and the run into an exit code. It is the one room
// that joins the others: it finds and loads profiles (package profiles),
// evaluates them (package model) and hands the result to a report or to
// the dashboard (package views). Only this package and the root's main.go
// import all three; main.go only builds a [System] and calls [Run].
//
// # From a command line to a run
//
// [Run] (run.go) hands the arguments to parseArgs (args.go), which reads
// flags and arguments in any order ("--" ends the flags), looks the
// command up in the command table, and refuses what the command does not
// take: an unknown command or flag (with a "did you mean"), a flag that
// is not the command's, too many or too few arguments, an urgency outside
// 0..1, a date that is not one, a format the command does not write.
// With --help or --version only the command's name must be right, and
// Run prints the help or the version. Otherwise the command's run function
// gets the [System] and the parsed options; most open a session first
// (session.go: choose the profile, load it or the built-in example,
// evaluate it at --today, --urgency and --scenario) and write a report
// on the system's stdout.
//
// # The command table
//
// commands.go holds the table: each command's name, usage, summary, help
// prose, the formats --format takes (the default first; none means
// --format is refused), its own flags with their help lines, how many
// arguments it takes and what each one is (for the completion scripts),
// and the function that runs it. The usage line, the
// help's Flags section, the validation of --format and its hint are all
// built from that entry, so a command's formats are written in one place.
// Each command lives in a file of its own:
//
//	(none)   dashboard.go   the dashboard, or the ranking table when stdout is not a terminal
//	rank     rank.go        the ranking
//	explain  explain.go     every term of one opportunity's score
//	decide   decide.go      what to do today: the verdict, every offer in hand, levers, questions
//	prep     prep.go        a Markdown interview-prep sheet for one opportunity
//	check    check.go       validate profiles, for hooks and CI
//	init     init.go        write the commented starter profile
//	schema   schema.go      the profile format's JSON Schema, for editors
//	import   import.go      a job tracker's CSV export as [[opportunity]] blocks,
//	                        printed or (--write) appended through the safe save
//	rate     rate.go        set one rating of one opportunity
//	stage    stage.go       move an opportunity to a stage, the day in its history
//	add      add.go         append a new opportunity
//	log      log.go         every stage move by day, and who to follow up
//	                        (rate, stage and add share edit.go: the profile
//	                        they write into, how NAME finds its opportunity)
//	completion  completion.go  a completion script for bash, zsh or fish
//	            (written by completion_scripts.go from the command table);
//	            the hidden complete-names, which the scripts run to list
//	            the profile's names as the shell completes
//	help     help.go        the general help; help.go also holds every command's help text
//
// # Errors and exit codes
//
// A command returns an error; printError (errors.go) prints it the way every
// mutual error looks (lowercase, prefixed "mutual: ", with a "hint: "
// line when there is a likely fix) and picks the exit code: a usageError
// is bad usage and exits 2; a profiles.Error prints each of its
// diagnostics and exits 1; a failure exits 1 with its hint; a
// silentFailure exits 1 after the command printed its own messages (check
// does); any other error exits 1. Success is 0. Nothing here exits the
// process: [Run] returns the code and main exits with it.
//
// # The dashboard
//
// dashboard.go holds the dashboard command and its run: [TerminalDashboard]
// builds the terminal's screen and the tview application, stops cleanly
// on a signal, and hands them to dashboardRun, which tests drive on a
// simulated screen; it sets the styles, builds the views.Dashboard and
// turns a panic in the event loop into a restored terminal and a short
// failure. live.go keeps the dashboard's profile in step with its files:
// the e key's editor, the s key's saves, the R key's reload, and the
// watcher that reloads when a file changes, all on the event loop;
// editlive.go gives the dashboard's forms (i, t, a) the profiles
// functions rate, stage and add call, and keeps the last write for u.
//
// # The system
//
// Everything a run touches outside itself comes in through [System]: the
// streams, the environment, the home directory, the clock, whether stdout
// is a terminal, how the dashboard runs and the build's version. Tests
// build their own, so a whole run happens in memory; the scripts under
// testdata/script run the real program, built as main.go builds it.
package cli
