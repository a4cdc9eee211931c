// Package views shows a model state: as text for the rank and explain
// commands, and as the tview dashboard.
//
// Views draw what package model computed and turn keys into intents; they
// never decide anything themselves and never touch files. Every string that
// comes from a profile passes through [Clean] (plain text) or [Literal]
// (tview text) before it reaches a terminal, so a name like "[red]" or one
// holding escape codes shows as the characters it is made of.
//
// # The dashboard
//
// [Dashboard] is the root primitive of a tview application that the host
// (package main) builds, together with its screen, and passes in; the
// dashboard only asks it to [Application.Stop]. Around the numbers it
// draws a [Header] (profile, day, scenario, and the urgency with its
// source and parts), a [RankTable], a [DetailPane] for the selected
// opportunity, a [ScoreChart] or a [FitReliefScatter], and a [Footer]
// with the status line and key hints; a [HelpPage], an [ExplainPage] and
// a [DecidePage] (wait or accept, from the search model) cover the panes
// when asked for.
//
// The search model costs differently by part: the reservation score,
// which the score chart draws as a line, is cheap and solved once per
// state; the advice on every offer (offers × processes) only while the
// decide page is open. The [Controller] keeps both until the state
// changes.
//
// Keys flow one way. [DefaultKeymap] is the only key table: it resolves a
// key to an [Intent], and draws the footer hints and the help page. A
// [Controller] applies the intent to its state (a [model.State] plus the
// selection, focus, scenario and what-ifs) and returns an [Effect] for
// what it cannot do itself: quit, scroll a pane, or ask the host, through
// [Hooks], to edit or save the profile. Widgets draw only what the
// controller holds, and only the event loop touches them, so key handling
// is tested as a table of key → intent → state, and widgets by drawing
// them on a simulated screen.
//
// All looks come from [Styles]: the terminal's own background, its
// sixteen colours, and with NO_COLOR attributes alone. Below [MinWidth] ×
// [MinHeight] cells the dashboard says the terminal is too small.
package views
