// Package views shows a model state: as text for the rank and explain
// commands, and as the tview dashboard.
//
// Views draw what package model computed and turn keys into intents; they
// never decide anything themselves and never touch files. Every string that
// comes from a profile passes through [Clean] (plain text) or [Literal]
// (tview text) before it reaches a terminal, so a name like "[red]" or one
// holding escape codes shows as the characters it is made of.
package views
