package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"mutual/model"
)

// This file writes 'mutual log': every stage move with its day, a record
// of the search (for an unemployment office that asks for proof of it),
// and the opportunities due a follow-up.

// LogFormats are the formats 'mutual log' writes, the default first.
func LogFormats() []string { return []string{"table", "csv", "json"} }

// WriteLog writes the work-search log of p as of today in one of
// [LogFormats].
func WriteLog(w io.Writer, p *model.Profile, info Info, format string) error {
	moves := model.WorkLog(p)
	follow := model.FollowUps(p, info.Today)
	switch format {
	case "table":
		return writeLogTable(w, p, info, moves, follow)
	case "csv":
		return writeLogCSV(w, moves)
	case "json":
		return writeLogJSON(w, p, info, moves, follow)
	}
	return fmt.Errorf("unknown format %q", format)
}

func writeLogTable(w io.Writer, p *model.Profile, info Info, moves []model.LoggedMove, follow []model.FollowUp) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · work-search log · today %s\n\n", Clean(info.Profile), info.Today)
	nameW := Width("OPPORTUNITY")
	for _, m := range moves {
		nameW = max(nameW, Width(Clean(m.Name)))
	}
	nameW = min(nameW, 40)
	b.WriteString(strings.TrimRight(fmt.Sprintf("%-10s  %s  %s", "DATE", Pad("OPPORTUNITY", nameW), "STAGE"), " ") + "\n")
	if len(moves) == 0 {
		b.WriteString("(no moves written yet: 'mutual stage NAME STAGE' records one, with its day)\n")
	}
	for _, m := range moves {
		b.WriteString(fmt.Sprintf("%-10s  %s  %s", m.On, Pad(Clean(m.Name), nameW), m.Stage) + "\n")
	}
	unlogged := 0
	for _, o := range p.Opportunities {
		if len(o.History) == 0 {
			unlogged++
		}
	}
	if unlogged > 0 {
		fmt.Fprintf(&b, "\n%d of %d opportunities have no move written; 'mutual stage' records the next one.\n", unlogged, len(p.Opportunities))
	}
	if len(follow) > 0 {
		fmt.Fprintf(&b, "\nfollow up (no move for %s days or more):\n", strconv.FormatFloat(p.Search.FollowUpDays, 'f', -1, 64))
		for _, f := range follow {
			fmt.Fprintf(&b, "  %s: %s since %s (%d days)\n", Clean(f.Name), f.Stage, f.Since, f.Days)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeLogCSV(w io.Writer, moves []model.LoggedMove) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "name", "stage"})
	for _, m := range moves {
		cw.Write([]string{m.On.String(), cell(m.Name), string(m.Stage)})
	}
	cw.Flush()
	return cw.Error()
}

// jsonLog is what 'mutual log --format json' writes; fields may be added,
// never removed or renamed.
type jsonLog struct {
	Profile      string         `json:"profile"`
	Today        string         `json:"today"`
	Moves        []jsonMove     `json:"moves"`
	FollowUpDays float64        `json:"follow_up_days"`
	FollowUps    []jsonFollowUp `json:"follow_ups"`
}

type jsonMove struct {
	Date  string `json:"date"`
	Name  string `json:"name"`
	Stage string `json:"stage"`
}

type jsonFollowUp struct {
	Name     string `json:"name"`
	Stage    string `json:"stage"`
	LastMove string `json:"last_move"`
	Days     int    `json:"days"`
}

func writeLogJSON(w io.Writer, p *model.Profile, info Info, moves []model.LoggedMove, follow []model.FollowUp) error {
	out := jsonLog{Profile: info.Profile, Today: info.Today.String(), Moves: []jsonMove{}, FollowUpDays: p.Search.FollowUpDays, FollowUps: []jsonFollowUp{}}
	for _, m := range moves {
		out.Moves = append(out.Moves, jsonMove{Date: m.On.String(), Name: m.Name, Stage: string(m.Stage)})
	}
	for _, f := range follow {
		out.FollowUps = append(out.FollowUps, jsonFollowUp{Name: f.Name, Stage: string(f.Stage), LastMove: f.Since.String(), Days: f.Days})
	}
	enc := json.NewEncoder(invisibleEscaper{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
