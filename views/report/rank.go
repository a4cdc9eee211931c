package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

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
	header := fmt.Sprintf("%3s  %s  %-12s  %5s  %s  %6s  %6s  %s", "#", Pad("OPPORTUNITY", nameW), "STAGE", "SCORE",
		Pad("FIT", fitW), "RELIEF", "CHANCE", "FLAGS")
	b.WriteString(strings.TrimRight(header, " ") + "\n")
	if len(rs) == 0 {
		b.WriteString("     (no open opportunities: add one as an [[opportunity]] block)\n")
	}
	for _, r := range rs {
		a := &s.Assessments[r.Index]
		flags := strings.Join(Reasons(a), "; ")
		if m := Marker(a); m != "" {
			flags = m + ": " + flags
		}
		line := fmt.Sprintf("%3s  %s  %-12s  %5s  %s  %6s  %6s  %s", rankText(r), Pad(name(s, r.Index), nameW), string(a.Stage),
			Num(r.Score), Pad(FitText(a.Fit), fitW), Num(a.Relief.Value), chanceText(a.Relief.Chance), flags)
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
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdown(w io.Writer, s *model.State, info Info) error {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s · today %s\n\n", md(info.Profile), md(urgencyLine(s)), info.Today)
	b.WriteString("| # | Opportunity | Stage | Score | Fit | Fit range | Relief | Chance | Flags |\n")
	b.WriteString("|--:|---|---|--:|--:|---|--:|--:|---|\n")
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		flags := strings.Join(Reasons(a), "; ")
		if m := Marker(a); m != "" {
			flags = "**" + m + "**: " + md(flags)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s–%s | %s | %s | %s |\n", rankText(r), md(name(s, r.Index)), a.Stage,
			Num(r.Score), Num(a.Fit.Value), Num(a.Fit.Low), Num(a.Fit.High), Num(a.Relief.Value), chanceText(a.Relief.Chance), flags)
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
	_, err := io.WriteString(w, b.String())
	return err
}

// md escapes text for a Markdown table cell or line: the characters that
// would start formatting, links, HTML or a new cell.
func md(s string) string {
	var b strings.Builder
	for _, r := range Clean(s) {
		if strings.ContainsRune(`\|*_[]<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func writeCSV(w io.Writer, s *model.State) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "name", "stage", "score", "fit", "fit_low", "fit_high", "relief", "chance", "vetoed", "at_risk", "reasons"})
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		rank := ""
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		cw.Write([]string{rank, cell(a.Name), string(a.Stage), f2(r.Score), f2(a.Fit.Value), f2(a.Fit.Low), f2(a.Fit.High),
			f2(a.Relief.Value), f2(a.Relief.Chance), strconv.FormatBool(a.Vetoed()), strconv.FormatBool(a.AtRisk()),
			cell(strings.Join(Reasons(a), "; "))})
	}
	cw.Flush()
	return cw.Error()
}

// cell guards a CSV cell: text is cleaned, and a cell a spreadsheet would
// run as a formula (starting with = + - @) is prefixed with a quote.
func cell(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

func f2(v float64) string { return strconv.FormatFloat(round(v, 2), 'f', -1, 64) }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// The JSON shape is a contract: fields may be added, never removed or
// renamed.
type jsonReport struct {
	Profile       string            `json:"profile"`
	Today         string            `json:"today"`
	Scenario      *string           `json:"scenario"`
	Urgency       jsonUrgency       `json:"urgency"`
	Opportunities []jsonOpportunity `json:"opportunities"`
	Closed        []jsonClosed      `json:"closed"`
	LeaderChanges []jsonChange      `json:"leader_changes"`
	RunwayLeaders []jsonRunwaySpan  `json:"runway_leaders"`
}

type jsonUrgency struct {
	Value        float64  `json:"value"`
	Source       string   `json:"source"`
	RunwayMonths *float64 `json:"runway_months"`
	Derived      float64  `json:"derived"`
	Cash         float64  `json:"cash"`
	Cover        float64  `json:"cover"`
	Burn         float64  `json:"burn"`
}

type jsonOpportunity struct {
	Name    string   `json:"name"`
	Rank    *int     `json:"rank"`
	Score   float64  `json:"score"`
	Fit     float64  `json:"fit"`
	FitLow  float64  `json:"fit_low"`
	FitHigh float64  `json:"fit_high"`
	Relief  float64  `json:"relief"`
	Chance  float64  `json:"chance"`
	Vetoed  bool     `json:"vetoed"`
	AtRisk  bool     `json:"at_risk"`
	Reasons []string `json:"reasons"`
	Stage   string   `json:"stage"`
}

type jsonClosed struct {
	Name  string `json:"name"`
	Stage string `json:"stage"`
}

type jsonChange struct {
	Urgency float64 `json:"urgency"`
	From    string  `json:"from"`
	To      string  `json:"to"`
	Score   float64 `json:"score"`
}

type jsonRunwaySpan struct {
	Leader      string   `json:"leader"`
	FromMonths  float64  `json:"from_months"`
	ToMonths    *float64 `json:"to_months"`
	SavingsFrom float64  `json:"savings_from"`
	SavingsTo   *float64 `json:"savings_to"`
}

func finite(v float64, places int) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	r := round(v, places)
	return &r
}

func writeJSON(w io.Writer, s *model.State, info Info) error {
	u := s.Urgency
	rep := jsonReport{
		Profile: info.Profile,
		Today:   info.Today.String(),
		Urgency: jsonUrgency{Value: round(u.Value, 4), Source: string(u.Source), RunwayMonths: finite(u.RunwayMonths, 2),
			Derived: round(u.Derived, 4), Cash: round(u.Cash, 4), Cover: round(u.Cover, 4), Burn: round(u.Burn, 2)},
		Opportunities: []jsonOpportunity{},
		Closed:        []jsonClosed{},
		LeaderChanges: []jsonChange{},
		RunwayLeaders: []jsonRunwaySpan{},
	}
	if s.Request.Scenario != "" {
		rep.Scenario = &s.Request.Scenario
	}
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		o := jsonOpportunity{Name: a.Name, Score: round(r.Score, 2), Fit: round(a.Fit.Value, 2), FitLow: round(a.Fit.Low, 2),
			FitHigh: round(a.Fit.High, 2), Relief: round(a.Relief.Value, 2), Chance: round(a.Relief.Chance, 4),
			Vetoed: a.Vetoed(), AtRisk: a.AtRisk(), Reasons: Reasons(a), Stage: string(a.Stage)}
		if r.Rank > 0 {
			o.Rank = &r.Rank
		}
		rep.Opportunities = append(rep.Opportunities, o)
	}
	for _, i := range s.Closed {
		rep.Closed = append(rep.Closed, jsonClosed{Name: s.Assessments[i].Name, Stage: string(s.Assessments[i].Stage)})
	}
	for _, c := range s.LeaderChanges {
		rep.LeaderChanges = append(rep.LeaderChanges, jsonChange{Urgency: round(c.Urgency, 4), From: s.Assessments[c.From].Name,
			To: s.Assessments[c.To].Name, Score: round(c.Score, 2)})
	}
	for _, sp := range s.RunwayLeaders() {
		rep.RunwayLeaders = append(rep.RunwayLeaders, jsonRunwaySpan{Leader: s.Assessments[sp.Leader].Name,
			FromMonths: round(sp.From, 2), ToMonths: finite(sp.To, 2), SavingsFrom: round(sp.SavingsFrom, 2), SavingsTo: finite(sp.SavingsTo, 2)})
	}
	// The encoder writes the whole text in one call, once it is complete,
	// so the escaper sees whole runes and an error writes nothing.
	enc := json.NewEncoder(invisibleEscaper{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// invisibleEscaper writes JSON text to w with [escapeInvisible]'s escapes,
// copying it only when there is something to escape.
type invisibleEscaper struct{ w io.Writer }

func (e invisibleEscaper) Write(p []byte) (int, error) {
	if invisibleAt(p) < 0 {
		return e.w.Write(p)
	}
	if _, err := io.WriteString(e.w, escapeInvisible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeInvisible writes the bidirectional controls in JSON text as \u
// escapes: the strings mean the same, but a terminal showing the JSON
// cannot be made to display it reordered. The text is JSON from
// encoding/json, so it is valid UTF-8; text with nothing to escape (the
// usual case) comes back as it is, without a copy.
func escapeInvisible(s string) string {
	i := invisibleAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for ; i >= 0; i = invisibleAt(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[:i])
		fmt.Fprintf(&b, `\u%04x`, r)
		s = s[i+size:]
	}
	b.WriteString(s)
	return b.String()
}

// invisibleAt is the offset of the first bidirectional control or byte
// order mark in s, or -1.
func invisibleAt[T string | []byte](s T) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if isBidiControl(r) || r == 0xfeff {
			return i
		}
		i += size
	}
	return -1
}
