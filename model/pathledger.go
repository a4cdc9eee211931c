package model

import (
	"cmp"
	"math"
	"slices"
)

// This file follows the dated ledger along one course drawn as a money
// path: the savings, every income that starts or stops, every sum on its
// day, the job's costs and bonus, its pay, and the day the money runs out.

// LineKind names what a line of a path's ledger records.
type LineKind string

// The lines of a path's ledger.
const (
	// LineSavings: the savings today.
	LineSavings LineKind = "savings"
	// LineFlow: what the monthly incomes less the expenses (and the job's
	// pay and monthly cost) added since the line before.
	LineFlow LineKind = "flow"
	// LineIncomeStarts and LineIncomeStops: a monthly income starts or
	// stops (Monthly says by how much a month).
	LineIncomeStarts LineKind = "income_starts"
	LineIncomeStops  LineKind = "income_stops"
	// LineCash: a [[cash]] sum.
	LineCash LineKind = "cash"
	// LinePay: the job's first paycheck; Monthly is its pay after tax.
	LinePay LineKind = "pay"
	// LineUpfront, LineMonthlyCost, LineBonus and LineClawback: the job's
	// upfront cost, the start of its monthly cost, its signing bonus
	// after tax, and the bonus repaid on leaving within the clawback.
	LineUpfront     LineKind = "upfront_cost"
	LineMonthlyCost LineKind = "monthly_cost"
	LineBonus       LineKind = "signing_bonus"
	LineClawback    LineKind = "clawback"
	// LineRunsOut: the money runs out (the balance reaches zero).
	LineRunsOut LineKind = "runs_out"
	// LineEnd: where the path stops being followed.
	LineEnd LineKind = "end"
)

// LedgerLine is one dated line of a path's ledger: Amount is the money it
// moves at once, Monthly the change of a monthly flow it starts or stops,
// Balance the money left after it. Balance is the line before's plus
// Amount, exactly as printed to the cent.
type LedgerLine struct {
	On      Date
	Kind    LineKind
	Name    string
	Amount  float64
	Monthly float64
	Balance float64
	// Months is the line's time, in months from today.
	Months float64
}

// pathEvent is a dated event of a path: its change to the flow and the
// line it shows as (Kind empty: none).
type pathEvent struct {
	flowEvent
	kind LineKind
	name string
	// on is the day it shows, when not the day of t (an income shown on
	// its last day paid).
	on Date
}

// pathJob is the job a path takes: its name, when it starts and first
// pays, what it pays a month after tax, what it adds to the ledger, and
// the months it is held on average.
type pathJob struct {
	name        string
	start, pay  float64
	net, tenure float64
	money       *jobMoney
}

// pathEvents lays out the ledger of a course that takes job j.
func (l *Ledger) pathEvents(j *pathJob) []pathEvent {
	var evs []pathEvent
	add := func(t, slope, jump float64, kind LineKind, name string, on Date) {
		evs = append(evs, pathEvent{flowEvent: flowEvent{t: t, slope: slope, jump: jump}, kind: kind, name: name, on: on})
	}
	add(0, l.SteadyIncome-l.Expenses, 0, "", "", Date{})
	if l.SteadyIncome != 0 {
		add(j.pay, -l.SteadyIncome, 0, LineIncomeStops, cmpOr(l.SteadyName, "monthly_income"), Date{})
	}
	for _, in := range l.Incomes {
		from, end := math.Max(0, l.monthsTo(in.From)), math.Inf(1)
		stopOn := Date{}
		if !in.Until.IsZero() {
			end, stopOn = l.monthsTo(in.Until.AddDays(1)), in.Until
		}
		if in.EndsWithJob && j.pay < end {
			end, stopOn = j.pay, Date{}
		}
		if from >= end {
			continue
		}
		kind := LineKind("")
		if from > 0 {
			kind = LineIncomeStarts
		}
		add(from, in.Monthly, 0, kind, in.Name, Date{})
		if !math.IsInf(end, 1) {
			add(end, -in.Monthly, 0, LineIncomeStops, in.Name, stopOn)
		}
	}
	for _, c := range l.Cash {
		add(l.monthsTo(c.On), 0, c.Amount, LineCash, c.Name, c.On)
	}
	add(j.pay, j.net, 0, LinePay, j.name, Date{})
	if m := j.money; m != nil {
		if m.upfront != 0 {
			add(j.start, 0, -m.upfront, LineUpfront, j.name, Date{})
		}
		if m.monthly != 0 {
			add(j.start, -m.monthly, 0, LineMonthlyCost, j.name, Date{})
		}
		if m.bonus != 0 {
			add(m.bonusAt(j.start, j.pay), 0, m.bonus, LineBonus, j.name, Date{})
			if m.clawback > 0 && j.tenure < m.clawback {
				// The gross bonus is repaid; the tax withheld on it comes back
				// with the year's return, so what the ledger loses is what it
				// received.
				add(j.start+j.tenure, 0, -m.bonus, LineClawback, j.name, Date{})
			}
		}
	}
	slices.SortStableFunc(evs, func(a, b pathEvent) int { return cmp.Compare(a.t, b.t) })
	return evs
}

// datedPath fills in path p's ledger for job j.
func (sv *solver) datedPath(p *MoneyPath, j *pathJob) {
	lg := sv.tl.cash.lg
	evs := lg.pathEvents(j)
	flows := make([]flowEvent, len(evs))
	for k := range evs {
		flows[k] = evs[k].flowEvent
	}
	f := newFlowLine(flows)
	p.flow, p.start = &f, math.Max(0, sv.tl.cash.savings)
	p.events, p.today = evs, sv.s.Request.Today
}

// Dated reports whether the path follows a dated ledger (something in
// the ledger has a date, or its job adds money of its own): its Ledger
// lines then say what happens on which day.
func (p MoneyPath) Dated() bool { return p.dated }

// RunsOutMonths is when the money runs out on the path, in months from
// today, before its first paycheck or after; +Inf when it never does.
func (p MoneyPath) RunsOutMonths() float64 {
	if !p.dated {
		return runwayFor(p.savings, p.burn)
	}
	return p.flow.runway(p.start)
}

// Ledger is the path's dated ledger until the given months from today:
// the savings, each event on its day, what the monthly flows added
// between them, the day the money runs out, and the balance at the end.
// A path with nothing dated has one too: its savings, its pay, and what
// the months between added.
func (p MoneyPath) Ledger(until float64) []LedgerLine {
	if p.flow == nil {
		return nil
	}
	dateAt := func(t float64) Date { return p.today.AddDays(int(math.Round(t * daysPerMonth))) }
	out := []LedgerLine{{On: p.today, Kind: LineSavings, Name: "savings", Amount: p.start, Balance: p.start}}
	bal := p.start
	last := 0.0
	flowTo := func(t float64, on Date) {
		if on.IsZero() {
			on = dateAt(t)
		}
		if before := p.start + p.flow.before(t); t > last && math.Abs(before-bal) >= 0.005 {
			out = append(out, LedgerLine{On: on, Kind: LineFlow, Name: "income less expenses", Amount: before - bal, Balance: before, Months: t})
			bal = before
		}
		last = math.Max(last, t)
	}
	runsOut := p.flow.runway(p.start)
	outShown := false
	for _, e := range p.events {
		if e.t > until {
			break
		}
		if !outShown && runsOut < e.t {
			flowTo(runsOut, Date{})
			out = append(out, LedgerLine{On: dateAt(runsOut), Kind: LineRunsOut, Name: "the money runs out", Balance: bal, Months: runsOut})
			outShown = true
		}
		if e.kind == "" {
			continue
		}
		flowTo(e.t, e.on)
		on := e.on
		if on.IsZero() {
			on = dateAt(e.t)
		}
		bal += e.jump
		out = append(out, LedgerLine{On: on, Kind: e.kind, Name: e.name, Amount: e.jump, Monthly: e.slope, Balance: bal, Months: e.t})
		if !outShown && runsOut == e.t && bal < 0 {
			out = append(out, LedgerLine{On: on, Kind: LineRunsOut, Name: "the money runs out", Balance: bal, Months: e.t})
			outShown = true
		}
	}
	if !outShown && runsOut <= until {
		flowTo(runsOut, Date{})
		out = append(out, LedgerLine{On: dateAt(runsOut), Kind: LineRunsOut, Name: "the money runs out", Balance: bal, Months: runsOut})
	}
	flowTo(until, Date{})
	out = append(out, LedgerLine{On: dateAt(until), Kind: LineEnd, Name: "end", Balance: bal, Months: until})
	return out
}

// ShortBefore is the most money missing on the path before t months: 0
// when it never runs out by then.
func (p MoneyPath) ShortBefore(t float64) float64 {
	if !p.dated {
		return math.Max(0, -p.Savings(t))
	}
	return math.Max(0, -(p.start + math.Min(p.flow.low(t), p.flow.at(t))))
}

// LedgerOf is the dated ledger of taking opportunity i of s (were it
// accepted today), until the given months from today: the lines that
// touch it (its upfront cost, signing bonus, pay, the incomes it ends)
// among the rest, for explain.
func (s *State) LedgerOf(i int, until float64) []LedgerLine {
	p := s.Profile.Search
	if p == (SearchParams{}) {
		p = DefaultSearchParams()
	}
	j := jobFrom(s, p, &OfferEstimate{}, &s.Assessments[i], &s.Profile.Opportunities[i], 0)
	lg := s.ledger()
	evs := lg.pathEvents(&pathJob{name: s.Assessments[i].Name, start: j.start, pay: j.firstPay, net: j.net, tenure: 1 / j.leave, money: j.money})
	flows := make([]flowEvent, len(evs))
	for k := range evs {
		flows[k] = evs[k].flowEvent
	}
	f := newFlowLine(flows)
	path := MoneyPath{PayMonths: j.firstPay, flow: &f, dated: true, start: math.Max(0, lg.Savings), events: evs, today: s.Request.Today}
	return path.Ledger(until)
}
