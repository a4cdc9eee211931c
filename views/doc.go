// Package views is mutual's dashboard: the tview widgets that draw a model
// state, and the key table and controller that turn keys into intents and
// intents into a new state.
//
// Views decide nothing themselves and never touch files. They may import
// model, views/report (the words and documents they share with the
// commands' plain-text reports), tview, tcell and uniseg; never profiles:
// the host loads and saves the profile and hands the dashboard a
// model.Profile. Every string from a profile passes through report.Clean,
// or [Literal] where tview reads tags, before it reaches the screen, so a
// name like "[red]" or one holding escape codes shows as the characters it
// is made of.
//
// # What the screen holds
//
// [Dashboard] is the root primitive of a tview application that the host
// builds, together with its screen, and passes in; of it the dashboard
// only calls [Application.Stop]. It lays out, from the top:
//
//   - a [Header]: profile, day and scenario; the line that starts with
//     "urgency" and its value to two decimals (a contract: scripts read
//     it); and the trade-off, where in money the leader would change;
//   - a [RankTable], the ranking at the urgency in force;
//   - a [DetailPane] on the selected opportunity, beside a [ScoreChart]
//     (score against urgency, with the reservation score's level line) or
//     a [FitReliefScatter] (fit against relief); a narrow terminal shows
//     one of the two at a time;
//   - a [Footer]: the status line, and the key hints that fit.
//
// A [HelpPage], an [ExplainPage] (every term of the selected
// opportunity's score, as 'mutual explain' prints it) or a [DecidePage]
// (what to do today, as 'mutual decide' says it, with a chart of the savings
// on each course) covers the panes when asked
// for. The pages and the details pane draw report documents
// (report.Explain, report.Advice, report.Brief), styling each role of
// their text, so they say exactly what the commands print. Below
// [MinWidth] × [MinHeight] cells the dashboard says the terminal is too
// small instead.
//
// # How a key flows
//
// Keys flow one way. The key table, a [Keymap] ([DefaultKeymap] unless the
// host passes another), resolves a key to an [Intent]; the same table
// draws the footer hints and the help page, and names the keys in every
// sentence that tells the user to press one ([Keymap.KeyLabel]), so a key
// bound differently is named differently everywhere. The [Controller]
// applies the intent to its state (a model.State plus the selection, the
// focus, the page, the scenario and the what-ifs) and returns an
// [Effect] for what it cannot do itself: quit, scroll a pane, or ask the
// host, through [Hooks], to edit, save or reload the profile. Widgets draw
// only what the controller holds, and only the event loop touches them;
// a file watcher hands a new profile to [Dashboard.Reload] through
// QueueUpdateDraw. So key handling is tested as a table of key → intent →
// state, and widgets by drawing them on a simulated screen.
//
// The search model costs differently by part: the brief decision (the
// reservation the score chart draws and the verdict on the header's
// Advice line) is cheap and solved once per state; the break-evens and
// levers of every offer in play only while the decide page is open. The
// controller keeps both until the state changes.
//
// All looks come from [Styles], the one place that names a colour: the
// terminal's own background and sixteen colours, and with NO_COLOR
// attributes alone.
package views
