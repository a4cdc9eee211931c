// Package model is the decision logic of mutual: given a profile (what a
// person cares about, their money and coverage, and the opportunities in
// front of them) and today's date, it says how urgent their need is, how well
// each opportunity fits, how much each would relieve the need, and which one
// wins at which urgency.
//
// The package is pure. It does no I/O, reads no clock and draws nothing: the
// profile arrives as a value (package profiles turns TOML into it), today
// arrives as a [Date], and every answer is a value the caller may keep,
// compare or throw away. The same inputs always give the same outputs. It
// imports the standard library's math, sorting, strings and time alone:
// never os, fmt, a TOML decoder, tview, tcell, profiles or views
// (internal/arrows has a test that says so).
//
// # The numbers
//
// Urgency (0..1) says how much need should count against fit right now.
// With burn = monthly_expenses − monthly_income and runway = savings / burn
// months (unbounded when burn ≤ 0):
//
//	u_cash  = clamp01(1 − runway / comfortable_runway)
//	u_cover = 0 when insured, else coverage_urgency (0.25)
//	urgency = 1 − (1 − u_cash)(1 − u_cover)
//
// A fixed urgency (in the situation, a scenario, a flag or a what-if)
// replaces the derived one; [Urgency.Source] says which is in force.
//
// With a dated ledger ([[income]] that stops, [[cash]] on its day; see
// [Ledger] and ledger.go) the runway is instead the months until the
// balance with no new job first falls below zero, and [Urgency.RunsOut]
// dates it. Relief's timeliness, every course [Decide] follows and every
// translation of runway into savings read the same ledger; an offer's
// signing bonus, upfront and monthly costs join it on the courses that
// take the offer. With nothing dated every number is the one above.
//
// Fit (0..100) is the weighted mean over priorities of (rating − 1)/(scale − 1).
// An unknown rating is the interval [1, scale] and a range its own interval,
// so fit is an interval too: Fit.Low and Fit.High are its ends and Fit.Value
// its midpoint. A known rating below a priority's at_least vetoes the
// opportunity; an interval that merely reaches below it marks it at risk.
//
// Relief (0..100) is chance × the weighted mean of four terms built from
// facts: income cover, timeliness of the first paycheck against the runway,
// how lasting the job is, and health coverage (dropped when already
// insured).
//
// Score is the line score(u) = (1 − u)·fit + u·relief. Because every
// opportunity is a line in u, the ranking at any urgency, the leader over
// the whole range 0..1 (the upper envelope of the lines), every leader
// change and every pairwise crossing are exact and cheap; see [Evaluate],
// [State.LeaderChanges] and [Crossing].
//
// # Ties
//
// Opportunities with equal scores are ordered by higher fit, then higher
// relief, then name, then their order in the profile. Scores within 1e-9
// of each other (scoreTolerance, on the 0..100 scale) are equal, and so
// are fits and reliefs within 1e-11 (tieTolerance): rounding never breaks
// a tie. At a crossing inside
// 0..1 the higher fit is the one that led just below it, so the ranking at a
// leader change still shows the old leader and the new one takes over just
// above. Lines that tie everywhere never produce a leader change.
//
// # Deciding
//
// [Decide] answers "what do I do today?" in money, not in score points.
// Every course (accept an offer now; hold the offers in hand while the
// processes decide, accepting one by its deadline or letting it lapse;
// decline them all and search on) is followed on one timeline of deadlines,
// decision dates and a weekly grid (money.go, timeline.go): until a
// paycheck arrives every course burns the savings alike, a month without
// money costs shortfall_cost for each month of expenses missing, the debt
// left at the first paycheck costs for repay_months, uninsured months
// cost, a job is worth its fit for as long as its fit lasts, and a search
// brings offers at find_rate (market.go). One backward pass values every
// plan of a course. The verdict is the best course; each offer's advice
// is the best of the values printed beside it (advise.go), with the chance
// and the savings at which it would change and the levers that would
// change it (levers.go). search.go is McCall's model, which values the
// search once a job ends.
//
// # What-ifs
//
// A [WhatIf] is a value: a temporary change of urgency, situation, weights
// or ratings. [Evaluate] applies it to the profile and returns a new
// [State]; nothing is mutated. [State.WithUrgency] re-ranks an existing state
// at another urgency without recomputing fit or relief, which is all a move
// of the urgency needs.
package model
