package report

import (
	"io"
	"math"

	"mutual/model"
)

// This file holds the two JSON contracts, rank's and decide's, side by
// side: fields may be added to either, never removed or renamed, since
// scripts outside mutual read them.

// jsonReport is what 'mutual rank --format json' writes.
type jsonReport struct {
	Profile       string            `json:"profile"`
	Today         string            `json:"today"`
	Scenario      *string           `json:"scenario"`
	Urgency       jsonUrgency       `json:"urgency"`
	Opportunities []jsonOpportunity `json:"opportunities"`
	Closed        []jsonClosed      `json:"closed"`
	LeaderChanges []jsonChange      `json:"leader_changes"`
	RunwayLeaders []jsonRunwaySpan  `json:"runway_leaders"`
	// RunwayTruncated says runway_leaders stopped short (see
	// model.RunwayMap).
	RunwayTruncated bool             `json:"runway_leaders_truncated"`
	WeightFlips     []jsonWeightFlip `json:"weight_flips"`
	FirstShare      jsonFirstShare   `json:"first_share_method"`
}

// jsonWeightFlip is a weight of one priority, the others held, at which
// the leader would change: leader leads beyond it, from up to it.
type jsonWeightFlip struct {
	Priority string  `json:"priority"`
	Now      float64 `json:"now"`
	Weight   float64 `json:"weight"`
	Leader   string  `json:"leader"`
	From     string  `json:"from"`
}

// jsonFirstShare says how the opportunities' first_share were worked out.
type jsonFirstShare struct {
	Exact         bool    `json:"exact"`
	Outcomes      int     `json:"outcomes"`
	StandardError float64 `json:"standard_error"`
	None          float64 `json:"none"`
}

type jsonUrgency struct {
	Value        float64  `json:"value"`
	Source       string   `json:"source"`
	RunwayMonths *float64 `json:"runway_months"`
	// RunsOutOn is the day the money runs out with no new job, following
	// the dated ledger; null when it never does.
	RunsOutOn *string `json:"runs_out_on"`
	Derived   float64 `json:"derived"`
	Cash      float64 `json:"cash"`
	Cover     float64 `json:"cover"`
	Burn      float64 `json:"burn"`
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
	// BreakEvenPay is in the opportunity's own per (BreakEvenPer).
	BreakEvenPay *float64 `json:"break_even_pay"`
	BreakEvenPer *string  `json:"break_even_per"`
	FirstShare   float64  `json:"first_share"`
	PayKnown     bool     `json:"pay_known"`
	// FollowUp is set when it has waited follow_up_days since its last
	// move: the day of that move and the days since.
	FollowUp *jsonFollowUpFlag `json:"follow_up"`
}

type jsonFollowUpFlag struct {
	LastMove string `json:"last_move"`
	Days     int    `json:"days"`
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
		Urgency: jsonUrgency{Value: round(u.Value, 4), Source: string(u.Source), RunwayMonths: finite(u.RunwayMonths, 2), RunsOutOn: dateOrNull(u.RunsOut),
			Derived: round(u.Derived, 4), Cash: round(u.Cash, 4), Cover: round(u.Cover, 4), Burn: round(u.Burn, 2)},
		Opportunities: []jsonOpportunity{},
		Closed:        []jsonClosed{},
		LeaderChanges: []jsonChange{},
		RunwayLeaders: []jsonRunwaySpan{},
		WeightFlips:   []jsonWeightFlip{},
	}
	if s.Request.Scenario != "" {
		rep.Scenario = &s.Request.Scenario
	}
	fs := s.FirstShares()
	rep.FirstShare = jsonFirstShare{Exact: fs.Exact, Outcomes: fs.Outcomes, StandardError: round(fs.StandardError, 4), None: round(fs.None, 4)}
	for _, r := range rows(s) {
		a := &s.Assessments[r.Index]
		o := jsonOpportunity{Name: a.Name, Score: round(r.Score, 2), Fit: round(a.Fit.Value, 2), FitLow: round(a.Fit.Low, 2),
			FitHigh: round(a.Fit.High, 2), Relief: round(a.Relief.Value, 2), Chance: round(a.Relief.Chance, 4),
			Vetoed: a.Vetoed(), AtRisk: a.AtRisk(), Reasons: Reasons(a), Stage: string(a.Stage),
			FirstShare: round(fs.Share[r.Index], 4), PayKnown: a.Relief.PayKnown}
		if f := a.FollowUp; f != nil {
			o.FollowUp = &jsonFollowUpFlag{LastMove: f.Since.String(), Days: f.Days}
		}
		if r.Rank > 0 {
			o.Rank = &r.Rank
		}
		if b, ok := s.BreakEvenPay(r.Index); ok {
			o.BreakEvenPay, o.BreakEvenPer = finite(b.Pay, 2), &b.Per
		}
		rep.Opportunities = append(rep.Opportunities, o)
	}
	for _, f := range s.WeightFlips() {
		rep.WeightFlips = append(rep.WeightFlips, jsonWeightFlip{Priority: s.Profile.Priorities[f.Priority].ID, Now: round(f.Now, 4),
			Weight: round(f.Weight, 4), Leader: s.Assessments[f.Beyond].Name, From: s.Assessments[f.Near].Name})
	}
	for _, i := range s.Closed {
		rep.Closed = append(rep.Closed, jsonClosed{Name: s.Assessments[i].Name, Stage: string(s.Assessments[i].Stage)})
	}
	for _, c := range s.LeaderChanges {
		rep.LeaderChanges = append(rep.LeaderChanges, jsonChange{Urgency: round(c.Urgency, 4), From: s.Assessments[c.From].Name,
			To: s.Assessments[c.To].Name, Score: round(c.Score, 2)})
	}
	runway := s.RunwayMap()
	rep.RunwayTruncated = runway.Truncated
	for _, sp := range runway.Spans {
		rep.RunwayLeaders = append(rep.RunwayLeaders, jsonRunwaySpan{Leader: s.Assessments[sp.Leader].Name,
			FromMonths: round(sp.From, 2), ToMonths: finite(sp.To, 2), SavingsFrom: round(sp.SavingsFrom, 2), SavingsTo: finite(sp.SavingsTo, 2)})
	}
	// The whole text is written in one call, once it is complete, so the
	// escaper sees whole runes and an error writes nothing.
	return encodeIndented(invisibleEscaper{w}, rep)
}
