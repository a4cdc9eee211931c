package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// RankFormats are the output formats of the rank command.
func RankFormats() []string { return []string{"table", "json", "markdown", "csv"} }

// Info is what a report says about where its numbers come from.
type Info struct {
	// Profile names the profile file (or the built-in example).
	Profile string
	// Today is the day the numbers are for.
	Today model.Date
}

// WriteRank writes the ranking at the urgency in force in one of
// [RankFormats].
func WriteRank(w io.Writer, s *model.State, info Info, format string) error {
	switch format {
	case "table":
		return writeTable(w, s, info)
	case "json":
		return writeJSON(w, s, info)
	case "markdown":
		return writeMarkdown(w, s, info)
	case "csv":
		return writeCSV(w, s)
	}
	return fmt.Errorf("unknown format %q", format)
}

// rows lists the ranked opportunities, then the vetoed ones.
func rows(s *model.State) []model.Ranked {
	return append(append([]model.Ranked(nil), s.Ranked...), s.Vetoed...)
}

func rankText(r model.Ranked) string {
	if r.Rank == 0 {
		return "-"
	}
	return strconv.Itoa(r.Rank)
}

func chanceText(c float64) string { return strconv.FormatFloat(c, 'f', 2, 64) }

func writeTable(w io.Writer, s *model.State, info Info) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s · today %s\n\n", Clean(info.Profile), urgencyLine(s), info.Today)
	rs := rows(s)
	nameW := Width("OPPORTUNITY")
	for _, r := range rs {
		nameW = max(nameW, Width(name(s, r.Index)))
	}
	nameW = min(nameW, 40)
	fitW := Width("FIT")
	for _, r := range rs {
		fitW = max(fitW, Width(FitText(s.Assessments[r.Index].Fit)))
	}
	fs := s.FirstShares()
	header := fmt.Sprintf("%3s  %s  %-12s  %5s  %s  %6s  %6s  %5s  %s", "#", Pad("OPPORTUNITY", nameW), "STAGE", "SCORE",
		Pad("FIT", fitW), "RELIEF", "CHANCE", "FIRST", "FLAGS")
	b.WriteString(strings.TrimRight(header, " ") + "\n")
	if len(rs) == 0 {
		b.WriteString("     (no open opportunities: add one as an [[opportunity]] block)\n")
	}
	for _, r := range rs {
		a := &s.Assessments[r.Index]
		flags := flagsText(a)
		first := "-"
		if r.Rank > 0 {
			first = ShareText(fs.Share[r.Index])
		}
		line := fmt.Sprintf("%3s  %s  %-12s  %5s  %s  %6s  %6s  %5s  %s", rankText(r), Pad(name(s, r.Index), nameW), string(a.Stage),
			Num(r.Score), Pad(FitText(a.Fit), fitW), Num(a.Relief.Value), chanceText(a.Relief.Chance), first, flags)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	if len(s.Closed) > 0 {
		var closed []string
		for _, i := range s.Closed {
			closed = append(closed, fmt.Sprintf("%s (%s)", name(s, i), s.Assessments[i].Stage))
		}
		b.WriteString("\nclosed, not ranked: " + strings.Join(closed, ", ") + "\n")
	}
	if len(s.LeaderChanges) > 0 {
		b.WriteString("\nleader changes:\n")
		for _, c := range s.LeaderChanges {
			fmt.Fprintf(&b, "  at urgency %s: %s → %s (both %s)\n", Urgency(c.Urgency), name(s, c.From), name(s, c.To), Num(c.Score))
		}
	} else if len(s.Ranked) > 1 {
		fmt.Fprintf(&b, "\n%s leads at every urgency from 0 to 1.\n", name(s, s.Ranked[0].Index))
	}
	if sent := leaderSentences(s); len(sent) > 0 {
		b.WriteString("\n")
		for _, line := range sent {
			b.WriteString(line + "\n")
		}
	}
	if lines := WeightFlipLines(s); len(lines) > 0 {
		b.WriteString("\nweights at which the leader changes, the others held:\n")
		for _, line := range lines {
			b.WriteString("  " + line + "\n")
		}
	}
	if len(s.Ranked) > 1 {
		b.WriteString("\nFIRST: " + FirstShareNote(s, fs) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// flagsText is the flags column of a row: the marker and its reasons, and
// that relief counts no income when the pay is not given.
func flagsText(a *model.Assessment) string {
	flags := strings.Join(Reasons(a), "; ")
	if m := Marker(a); m != "" && a.FollowUp == nil || a.Vetoed() || a.AtRisk() {
		flags = m + ": " + flags
	}
	if note := PayUnknownNote(a); note != "" {
		if flags != "" {
			flags += "; "
		}
		flags += note
	}
	return flags
}

func writeMarkdown(w io.Writer, s *model.State, info Info) error {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s · today %s\n\n", md(info.Profile), md(urgencyLine(s)), info.Today)
	fs := s.FirstShares()
	b.WriteString("| # | Opportunity | Stage | Score | Fit | Fit range | Relief | Chance | First | Flags |\n")
	b.WriteString("|--:|---|---|--:|--:|---|--:|--:|--:|---|\n")
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		flags := md(strings.Join(Reasons(a), "; "))
		if m := Marker(a); m != "" && a.FollowUp == nil || a.Vetoed() || a.AtRisk() {
			flags = "**" + m + "**: " + flags
		}
		if note := PayUnknownNote(a); note != "" {
			if flags != "" {
				flags += "; "
			}
			flags += md(note)
		}
		first := "-"
		if r.Rank > 0 {
			first = md(ShareText(fs.Share[r.Index]))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s–%s | %s | %s | %s | %s |\n", rankText(r), md(name(s, r.Index)), a.Stage,
			Num(r.Score), Num(a.Fit.Value), Num(a.Fit.Low), Num(a.Fit.High), Num(a.Relief.Value), chanceText(a.Relief.Chance), first, flags)
	}
	if len(s.Closed) > 0 {
		var closed []string
		for _, i := range s.Closed {
			closed = append(closed, fmt.Sprintf("%s (%s)", md(name(s, i)), s.Assessments[i].Stage))
		}
		b.WriteString("\nClosed, not ranked: " + strings.Join(closed, ", ") + "\n")
	}
	if len(s.LeaderChanges) > 0 {
		b.WriteString("\nLeader changes:\n\n")
		for _, c := range s.LeaderChanges {
			fmt.Fprintf(&b, "- at urgency %s: %s → %s (both %s)\n", Urgency(c.Urgency), md(name(s, c.From)), md(name(s, c.To)), Num(c.Score))
		}
	}
	if sent := leaderSentences(s); len(sent) > 0 {
		b.WriteString("\n")
		for _, line := range sent {
			b.WriteString("- " + md(line) + "\n")
		}
	}
	if lines := WeightFlipLines(s); len(lines) > 0 {
		b.WriteString("\nWeights at which the leader changes, the others held:\n\n")
		for _, line := range lines {
			b.WriteString("- " + md(line) + "\n")
		}
	}
	if len(s.Ranked) > 1 {
		b.WriteString("\n" + md("First: "+FirstShareNote(s, fs)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCSV(w io.Writer, s *model.State) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "name", "stage", "score", "fit", "fit_low", "fit_high", "relief", "chance", "vetoed", "at_risk", "reasons",
		"first_share", "break_even_pay", "break_even_per", "pay_known"})
	fs := s.FirstShares()
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		rank := ""
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		pay, per := "", ""
		if b, ok := s.BreakEvenPay(r.Index); ok {
			pay, per = f2(b.Pay), b.Per
		}
		cw.Write([]string{rank, cell(a.Name), string(a.Stage), f2(r.Score), f2(a.Fit.Value), f2(a.Fit.Low), f2(a.Fit.High),
			f2(a.Relief.Value), f2(a.Relief.Chance), strconv.FormatBool(a.Vetoed()), strconv.FormatBool(a.AtRisk()),
			cell(strings.Join(Reasons(a), "; ")), strconv.FormatFloat(round(fs.Share[r.Index], 4), 'f', -1, 64), pay, per,
			strconv.FormatBool(a.Relief.PayKnown)})
	}
	cw.Flush()
	return cw.Error()
}

func f2(v float64) string { return strconv.FormatFloat(round(v, 2), 'f', -1, 64) }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}
