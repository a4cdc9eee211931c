// Package report writes what package model computed as plain text: the
// reports the commands print, and the documents the dashboard's pages
// draw. It decides nothing; every number comes from a model.State (and,
// for decide and prep, a model.Decision), and every string from a profile
// passes through [Clean] on its way out, so a name like "[red]" or one
// holding escape codes or bidirectional overrides shows as the characters
// it is made of.
//
// It may import model, the standard library and uniseg (to measure text
// in terminal cells); never tview, tcell or profiles. It knows nothing of
// screens or keys: the dashboard passes in the few key names its pages
// mention, as [Keys].
//
// # The reports
//
// Each command has one writer, which takes the state, an [Info] (which
// profile, which day) and a format:
//
//   - [WriteRank]: the ranking at the urgency in force, with the leader
//     changes and the sentences that say them in money, as a table,
//     JSON, Markdown or CSV ([RankFormats]).
//   - [WriteExplain]: every term of one opportunity's score, in numbers and
//     in words, with every default in force.
//   - [WriteDecide]: the verdict, the advice on every offer in hand with
//     its values, money, break-evens and levers, the money on each path,
//     the reservation, the questions to ask and the assumptions, as a
//     table or JSON ([DecideFormats]; decide_json.go holds its contract).
//   - [WritePrep]: a Markdown interview sheet for one opportunity.
//
// The JSON fields of rank and decide are a contract (see json.go and
// decide_json.go): they
// may be added to, never renamed or removed. Text with bidirectional
// controls is escaped in the JSON too; Markdown and CSV escape what would
// start formatting or a spreadsheet formula.
//
// # Documents
//
// A [Document] is a report as data: sections under headings, each a list
// of lines ([Line]) whose spans of text carry a [Role] (title, heading,
// text, dim, strong, warning, at risk, vetoed, key). A line either keeps its
// columns or wraps at spaces to a width. [Document.Rows] lays a document
// out for a width; [Document.Write] writes that layout on stdout at
// [LineWidth], and a page styles the same rows, each role in a look of its
// own. So explain is written once, and 'mutual explain' and the
// dashboard's explain page cannot say different things. [Explain] is
// explain's document, [Advice] the decide page's (in the words of 'mutual
// decide', which is a document too) and [Brief] the details pane's.
//
// # Words
//
// The words every view shares live here, so the table, the explanation
// and the dashboard say the same thing the same way: [Money], [Months],
// [Num] and [Urgency] for numbers; [UrgencySummary] and [UrgencySource]
// for where the urgency comes from; [FitText], [Marker] and [Reasons] for
// a row of the ranking; [AdviceChange], the sentence under the Advice
// line of what would change the advice; and [WhatIfWords]. [Clean], [Width],
// [Truncate] and [Pad] make text safe and measure it in terminal cells,
// so wide characters keep columns aligned.
package report
