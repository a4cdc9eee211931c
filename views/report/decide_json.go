package report

import (
	"encoding/json"
	"io"
	"math"

	"mutual/model"
)

// This file holds decide's JSON contract: 'mutual decide --format json'.
// Its fields are a contract that checks outside the project rely on: add
// fields freely, never rename or remove one (see the brief's "Deciding").

// jsonDecide is what 'mutual decide --format json' writes.
type jsonDecide struct {
	Profile        string            `json:"profile"`
	Today          string            `json:"today"`
	Scenario       *string           `json:"scenario"`
	Urgency        jsonUrgency       `json:"urgency"`
	Verdict        jsonVerdict       `json:"verdict"`
	ReservationNow float64           `json:"reservation_now"`
	Reservation    []jsonReservation `json:"reservation"`
	Offers         []jsonOfferAdvice `json:"offers"`
	Processes      []jsonProcess     `json:"processes"`
	Paths          []jsonPath        `json:"paths"`
	Questions      []jsonQuestion    `json:"questions"`
	Assumptions    []jsonAssumption  `json:"assumptions"`
	Market         jsonMarket        `json:"market"`
}

type jsonVerdict struct {
	Action     string  `json:"action"`
	Name       *string `json:"name"`
	By         *string `json:"by"`
	Sentence   string  `json:"sentence"`
	WaitingFor *string `json:"waiting_for"`
	Value      float64 `json:"value"`
	// RunnerUp is the value of the best other course; null when there is
	// none.
	RunnerUp *float64 `json:"runner_up"`
	Close    bool     `json:"close"`
	// Settle is the question that would settle a close call.
	Settle *jsonQuestion `json:"settle"`
	Lapses []string      `json:"lapses"`
}

type jsonReservation struct {
	// MonthsLeft is null when the runway is unbounded.
	MonthsLeft *int `json:"months_left"`
	// Score is the reservation as a score at the urgency in force; Fit the
	// lowest fit worth accepting.
	Score float64 `json:"score"`
	Fit   float64 `json:"fit"`
	Any   bool    `json:"any"`
	Never bool    `json:"never"`
}

type jsonOfferAdvice struct {
	Name            string   `json:"name"`
	Advice          string   `json:"advice"`
	AcceptValue     float64  `json:"accept_value"`
	WaitValue       *float64 `json:"wait_value"`
	SearchValue     float64  `json:"search_value"`
	DeclineValue    float64  `json:"decline_value"`
	BreakEvenChance *float64 `json:"break_even_chance"`
	WaitingFor      *string  `json:"waiting_for"`
	RespondBy       *string  `json:"respond_by"`
	Deadline        string   `json:"deadline"`
	DeadlineAssumed bool     `json:"deadline_assumed"`
	Expired         bool     `json:"expired"`
	Vetoed          bool     `json:"vetoed"`
	Holds           bool     `json:"holds"`
	CanHold         bool     `json:"can_hold"`
	Lapse           bool     `json:"lapse"`
	Instead         *string  `json:"instead"`
	Chance          float64  `json:"chance"`
	Score           float64  `json:"score"`
	TenureMonths    float64  `json:"tenure_months"`
	PaysFrom        string   `json:"pays_from"`
	AcceptRunsOutOn *string  `json:"accept_runs_out_on"`
	AcceptShortBy   float64  `json:"accept_short_by"`
	HoldOutPaysFrom *string  `json:"hold_out_pays_from"`
	RunsOutOn       *string  `json:"runs_out_on"`
	ShortBy         float64  `json:"short_by"`
	SavingsBE       *float64 `json:"savings_break_even"`
	// AcceptAbove says which side of savings_break_even accepting wins on;
	// null with no break-even.
	AcceptAbove *bool `json:"accept_above"`
	// Beyond names the offer accepted instead across savings_break_even;
	// null when holding out wins there.
	Beyond  *string      `json:"beyond"`
	Levers  []jsonLever  `json:"levers"`
	Weighed bool         `json:"weighed"`
	Reason  string       `json:"reason"`
	Waits   []jsonWaitOn `json:"waits"`
	// BridgeValue is accepting it and keeping the later processes alive;
	// Bridge the processes kept (issue 22.3).
	BridgeValue float64      `json:"bridge_value"`
	Bridge      []jsonBridge `json:"bridge"`
}

// jsonBridge is one process the bridge keeps alive.
type jsonBridge struct {
	Name           string  `json:"name"`
	Decides        string  `json:"decides"`
	Leaves         string  `json:"leaves"`
	LeaveAfterDays int     `json:"leave_after_days"`
	Repay          float64 `json:"repay"`
	Forgo          float64 `json:"forgo"`
	Gain           float64 `json:"gain"`
}

type jsonLever struct {
	Kind     string   `json:"kind"`
	To       *string  `json:"to,omitempty"`
	By       *string  `json:"by,omitempty"`
	Name     *string  `json:"name,omitempty"`
	Pay      *float64 `json:"pay,omitempty"`
	Per      *string  `json:"per,omitempty"`
	Amount   *float64 `json:"amount,omitempty"`
	Worth    float64  `json:"worth"`
	Sentence string   `json:"sentence"`
}

// jsonWaitOn is a process an offer's advice weighs: whether the offer can
// be held until it decides.
type jsonWaitOn struct {
	Name    string  `json:"name"`
	Decides string  `json:"decides"`
	Holds   bool    `json:"holds"`
	Chance  float64 `json:"chance"`
}

type jsonProcess struct {
	Name    string  `json:"name"`
	Stage   string  `json:"stage"`
	Decides *string `json:"decides"`
	Chance  float64 `json:"chance"`
	Fit     float64 `json:"fit"`
	// Weighed is false for a process no course can wait for: no decision
	// date, or no chance.
	Weighed bool `json:"weighed"`
}

type jsonPath struct {
	Kind      string   `json:"kind"`
	Name      *string  `json:"name"`
	PaysFrom  string   `json:"pays_from"`
	RunsOutOn *string  `json:"runs_out_on"`
	ShortBy   float64  `json:"short_by"`
	Savings   []jsonAt `json:"savings"`
	// Ledger is the path's dated ledger: each line's day, what it is, the
	// money it moves and the balance after it.
	Ledger []jsonLedgerLine `json:"ledger"`
}

type jsonLedgerLine struct {
	On      string  `json:"on"`
	Kind    string  `json:"kind"`
	Name    string  `json:"name"`
	Amount  float64 `json:"amount"`
	Monthly float64 `json:"monthly,omitempty"`
	Balance float64 `json:"balance"`
}

type jsonAt struct {
	Date    string  `json:"date"`
	Savings float64 `json:"savings"`
}

type jsonQuestion struct {
	Opportunity string   `json:"opportunity"`
	Priority    string   `json:"priority"`
	Ask         string   `json:"ask"`
	Swing       float64  `json:"swing"`
	Label       string   `json:"label"`
	Rating      string   `json:"rating"`
	Unknown     bool     `json:"unknown"`
	Margin      *float64 `json:"margin"`
	Decisive    bool     `json:"decisive"`
	CouldVeto   bool     `json:"could_veto"`
	// Pay marks the question of a pay the profile does not give.
	Pay bool `json:"pay"`
	// FirstShare is the opportunity's first_share now, IfLow and IfHigh
	// what it would be with the lowest and the highest answer.
	FirstShare float64 `json:"first_share"`
	IfLow      float64 `json:"first_share_if_low"`
	IfHigh     float64 `json:"first_share_if_high"`
}

type jsonAssumption struct {
	Key    string  `json:"key"`
	Value  float64 `json:"value"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
}

type jsonMarket struct {
	MeanFit      float64  `json:"mean_fit"`
	SD           float64  `json:"sd"`
	NetMonthly   *float64 `json:"net_monthly"`
	Uncovered    float64  `json:"uncovered"`
	InsuredShare float64  `json:"insured_share"`
	FindRate     float64  `json:"find_rate"`
	From         []string `json:"from"`
	// Prior is market_prior, how many opportunities the prior market
	// counts as; PayFrom how many opportunities give their pay.
	Prior   float64 `json:"prior"`
	PayFrom int     `json:"pay_from"`
}

func dateOrNull(d model.Date) *string {
	if d.IsZero() {
		return nil
	}
	return ptr(d.String())
}

func nameOrNull(s *model.State, i int) *string {
	if i < 0 {
		return nil
	}
	return ptr(s.Assessments[i].Name)
}

func question(s *model.State, q *model.Question) jsonQuestion {
	rating := q.Rating.String()
	if q.Pay {
		rating = "unknown" // pay has no rating of its own
	}
	return jsonQuestion{Opportunity: s.Assessments[q.Index].Name, Priority: q.Priority, Ask: q.Ask,
		Swing: round(q.Swing, 2), Label: q.Label, Rating: rating, Unknown: q.From == model.FromUnknown,
		Margin: finite(q.Margin, 2), Decisive: q.Decisive, CouldVeto: q.CouldVeto, Pay: q.Pay,
		FirstShare: round(q.FirstShare, 4), IfLow: round(q.IfLow, 4), IfHigh: round(q.IfHigh, 4)}
}

func writeDecideJSON(w io.Writer, s *model.State, d *model.Decision, info Info) error {
	u := s.Urgency
	v := &d.Verdict
	rep := jsonDecide{
		Profile: info.Profile,
		Today:   info.Today.String(),
		Urgency: jsonUrgency{Value: round(u.Value, 4), Source: string(u.Source), RunwayMonths: finite(u.RunwayMonths, 2), RunsOutOn: dateOrNull(u.RunsOut),
			Derived: round(u.Derived, 4), Cash: round(u.Cash, 4), Cover: round(u.Cover, 4), Burn: round(u.Burn, 2)},
		Verdict: jsonVerdict{Action: string(v.Action), Name: nameOrNull(s, v.Offer), By: dateOrNull(v.By),
			Sentence: verdictSentence(s, d), WaitingFor: nameOrNull(s, v.WaitingFor), Value: round(d.Flow(v.Value), 2),
			Close: v.Close, Lapses: []string{}},
		ReservationNow: round(d.Now.Score, 2),
		Reservation:    []jsonReservation{},
		Offers:         []jsonOfferAdvice{},
		Processes:      []jsonProcess{},
		Paths:          []jsonPath{},
		Questions:      []jsonQuestion{},
		Assumptions:    []jsonAssumption{},
		Market: jsonMarket{MeanFit: round(d.Estimate.Mean, 2), SD: round(d.Estimate.SD, 2), Uncovered: round(d.Estimate.Uncovered, 4),
			InsuredShare: round(d.Estimate.InsuredShare, 4), FindRate: round(d.FindRate, 4), From: []string{},
			Prior: d.Estimate.Prior, PayFrom: d.Estimate.PayFrom},
	}
	if v.Action == model.ActionWait && v.Offer < 0 {
		rep.Verdict.Name = nameOrNull(s, v.WaitingFor)
	}
	if v.Action == model.ActionStay {
		rep.Verdict.Name = nameOrNull(s, s.Profile.CurrentJob())
	}
	if !math.IsInf(v.RunnerUp, -1) {
		rep.Verdict.RunnerUp = ptr(round(d.Flow(v.RunnerUp), 2))
	}
	if v.Settle != nil {
		q := question(s, v.Settle)
		rep.Verdict.Settle = &q
	}
	for _, i := range v.Lapses {
		rep.Verdict.Lapses = append(rep.Verdict.Lapses, s.Assessments[i].Name)
	}
	if d.Estimate.PayFrom > 0 {
		rep.Market.NetMonthly = ptr(round(d.Estimate.NetMonthly, 2))
	}
	if s.Request.Scenario != "" {
		rep.Scenario = &s.Request.Scenario
	}
	for k, r := range d.Reservations {
		j := jsonReservation{Score: round(r.Score, 2), Fit: round(r.Fit, 2), Any: r.Any, Never: r.Never}
		if !math.IsInf(d.RunwayMonths, 1) {
			j.MonthsLeft = ptr(k)
		}
		rep.Reservation = append(rep.Reservation, j)
	}
	for k := range d.Offers {
		rep.Offers = append(rep.Offers, offerJSON(s, d, &d.Offers[k]))
	}
	for _, r := range s.Ranked {
		o := &s.Profile.Opportunities[r.Index]
		if o.Stage == model.StageOffer || o.Stage == model.StageAccepted {
			continue
		}
		if o.DecisionExpected.IsZero() && !containsIndex(d.Undated, r.Index) {
			continue
		}
		a := &s.Assessments[r.Index]
		rep.Processes = append(rep.Processes, jsonProcess{Name: a.Name, Stage: string(o.Stage), Decides: dateOrNull(o.DecisionExpected),
			Chance: round(a.Relief.Chance, 4), Fit: round(a.Fit.Value, 2), Weighed: !o.DecisionExpected.IsZero() && a.Relief.Chance > 0})
	}
	for _, p := range d.Paths() {
		j := jsonPath{Kind: string(p.Kind), Name: nameOrNull(s, p.Index), PaysFrom: p.PaysFrom.String(), Savings: []jsonAt{}}
		switch low := p.Savings(p.PayMonths); {
		case p.Dated():
			if short := p.ShortBefore(p.PayMonths); short > 0 {
				j.RunsOutOn = ptr(d.MonthsLater(p.RunsOutMonths()).String())
				j.ShortBy = round(short, 2)
			}
		case low < 0 && !math.IsInf(d.RunwayMonths, 1):
			j.RunsOutOn = ptr(d.MonthsLater(d.RunwayMonths).String())
			j.ShortBy = round(-low, 2)
		}
		j.Ledger = ledgerJSON(p.Ledger(float64(pathMonths(p))))
		for m := 0; m <= pathMonths(p); m++ {
			j.Savings = append(j.Savings, jsonAt{Date: d.MonthsLater(float64(m)).String(),
				Savings: round(p.Savings(float64(m)), 2)})
		}
		rep.Paths = append(rep.Paths, j)
	}
	for k := range d.Questions {
		rep.Questions = append(rep.Questions, question(s, &d.Questions[k]))
	}
	for _, a := range assumptions(d) {
		rep.Assumptions = append(rep.Assumptions, jsonAssumption{Key: a.Key, Value: round(a.Value, 4), Source: a.Source, Note: a.Note})
	}
	for _, i := range d.Estimate.From {
		rep.Market.From = append(rep.Market.From, s.Assessments[i].Name)
	}
	enc := json.NewEncoder(invisibleEscaper{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// ledgerJSON is a path's ledger lines, to the cent: each balance is the
// one before plus the amount, as printed.
func ledgerJSON(lines []model.LedgerLine) []jsonLedgerLine {
	out := make([]jsonLedgerLine, 0, len(lines))
	bal := 0.0
	for _, l := range lines {
		amount := round(l.Amount, 2)
		bal = round(bal+amount, 2)
		out = append(out, jsonLedgerLine{On: l.On.String(), Kind: string(l.Kind), Name: l.Name, Amount: amount, Monthly: round(l.Monthly, 2), Balance: bal})
	}
	return out
}

// pathMonths is how many months a money path is followed: two past its
// first paycheck, at least six, at most two years.
func pathMonths(p model.MoneyPath) int {
	return min(24, max(6, int(math.Ceil(p.PayMonths))+2))
}

func containsIndex(idx []int, i int) bool {
	for _, j := range idx {
		if j == i {
			return true
		}
	}
	return false
}

func offerJSON(s *model.State, d *model.Decision, o *model.OfferAdvice) jsonOfferAdvice {
	a := &s.Assessments[o.Index]
	op := &s.Profile.Opportunities[o.Index]
	j := jsonOfferAdvice{Name: a.Name, Advice: string(o.Advice), AcceptValue: round(o.Accept, 2), SearchValue: round(o.Search, 2),
		DeclineValue: round(o.Decline, 2), WaitingFor: nameOrNull(s, o.WaitingFor), RespondBy: dateOrNull(o.RespondBy),
		Deadline: o.Deadline.String(), DeadlineAssumed: o.DeadlineAssumed, Expired: o.Expired, Vetoed: o.Vetoed, Holds: o.Holds,
		CanHold: o.CanHold, Lapse: o.Lapse, Instead: nameOrNull(s, o.Instead), Chance: round(o.Chance, 4),
		Score: round(a.Score(s.Urgency.Value), 2), TenureMonths: round(o.TenureMonths, 1), PaysFrom: o.PaysFrom.String(),
		AcceptRunsOutOn: dateOrNull(o.AcceptRunsOut), AcceptShortBy: round(o.AcceptShortBy, 2), HoldOutPaysFrom: dateOrNull(o.HoldOutPays),
		RunsOutOn: dateOrNull(o.RunsOut), ShortBy: round(o.ShortBy, 2), Levers: []jsonLever{}, Weighed: o.Weighed,
		BridgeValue: round(o.BridgeValue, 2), Bridge: bridgeJSON(s, o),
		Reason: adviceReason(s, d, o), Waits: []jsonWaitOn{}}
	if o.CanHold {
		j.WaitValue = ptr(round(o.Wait, 2))
	}
	if o.BreakEven != nil {
		j.BreakEvenChance = ptr(round(*o.BreakEven, 4))
	}
	if o.SavingsBreakEven != nil {
		j.SavingsBE, j.AcceptAbove, j.Beyond = ptr(round(*o.SavingsBreakEven, 2)), ptr(o.AcceptAbove), nameOrNull(s, o.Beyond)
	}
	for k := range o.Levers {
		l := &o.Levers[k]
		jl := jsonLever{Kind: string(l.Kind), Worth: round(l.Worth, 2), Sentence: leverSentence(s, o, l)}
		switch l.Kind {
		case model.LeverExtend:
			jl.To, jl.Name = dateOrNull(l.To), nameOrNull(s, l.Process)
		case model.LeverDecideBy:
			jl.By, jl.Name = dateOrNull(l.By), nameOrNull(s, l.Process)
		case model.LeverCounter:
			per := op.Per
			if per == "" {
				per = "year"
			}
			jl.Pay, jl.Per = ptr(round(l.Pay, 2)), &per
		case model.LeverBonus:
			jl.Amount = ptr(round(l.Amount, 2))
		}
		j.Levers = append(j.Levers, jl)
	}
	// The process the advice weighs holding out for; every process is
	// listed once, under "processes".
	if y := o.WaitingFor; y >= 0 {
		q := &s.Profile.Opportunities[y]
		j.Waits = append(j.Waits, jsonWaitOn{Name: s.Assessments[y].Name, Decides: q.DecisionExpected.String(),
			Holds: o.Holds, Chance: round(s.Assessments[y].Relief.Chance, 4)})
	}
	return j
}

// bridgeJSON is the bridge of offer o: the processes accepting it keeps
// alive, in date order.
func bridgeJSON(s *model.State, o *model.OfferAdvice) []jsonBridge {
	out := []jsonBridge{}
	for _, b := range o.Bridge {
		out = append(out, jsonBridge{Name: s.Assessments[b.Process].Name, Decides: b.Decides.String(),
			Leaves: b.Leaves.String(), LeaveAfterDays: b.LeaveAfterDays, Repay: round(b.Repay, 2), Forgo: round(b.Forgo, 2),
			Gain: round(b.Gain, 2)})
	}
	return out
}
