package model

import "math"

// This file draws the money on each course as a line: the savings month by
// month, for the decide page's chart and for the words that say when the
// money runs out.

// PathKind names a course drawn as a money path.
type PathKind string

// The paths a decision draws.
const (
	// PathAccept: accept the offer now.
	PathAccept PathKind = "accept"
	// PathHoldOut: hold out for the process, and it says yes.
	PathHoldOut PathKind = "hold_out"
	// PathSearch: decline every offer and search on, finding a job at
	// the mean time a search takes.
	PathSearch PathKind = "search"
)

// MoneyPath is the savings over time on one course: they burn at the
// situation's rate until the first paycheck, then move by the job's pay
// less the expenses.
type MoneyPath struct {
	Kind PathKind
	// Index is the offer accepted or the process held out for (an index
	// into State.Assessments), or -1 for a search.
	Index int
	// PayMonths is when the first paycheck arrives, in months from today;
	// Net is the pay after tax a month from then.
	PayMonths, Net float64
	// PaysFrom is the same first payday as a date.
	PaysFrom Date

	savings, burn, expenses float64

	// flow is the path's dated ledger (see Dated), start the savings it
	// starts from, events what happens on it, today the day it starts.
	flow   *flowLine
	dated  bool
	start  float64
	events []pathEvent
	today  Date
}

// Savings is the money left after t months on the path; negative once it
// has run out.
func (p MoneyPath) Savings(t float64) float64 {
	if p.dated {
		return p.start + p.flow.at(t)
	}
	if t <= p.PayMonths {
		return p.savings - p.burn*t
	}
	return p.savings - p.burn*p.PayMonths + (p.Net-p.expenses)*(t-p.PayMonths)
}

// Paths are the money paths of the decision: accepting the verdict's offer
// (or the one most worth accepting), holding out for the process waited
// for, and searching on. A path that cannot be drawn is left out.
func (d *Decision) Paths() []MoneyPath {
	sv := d.sv
	if sv == nil {
		return nil
	}
	cash := &sv.tl.cash
	mk := func(kind PathKind, i int, pay, net float64) MoneyPath {
		return MoneyPath{Kind: kind, Index: i, PayMonths: pay, Net: net, PaysFrom: sv.dateAt(pay),
			savings: cash.savings, burn: cash.burn, expenses: cash.expenses}
	}
	var out []MoneyPath
	offer := d.Verdict.Offer
	if offer < 0 {
		best := math.Inf(-1)
		for _, o := range d.Offers {
			if !o.Vetoed && o.Accept > best {
				offer, best = o.Index, o.Accept
			}
		}
	}
	if offer >= 0 {
		j := jobOf(sv.s, sv.p, &sv.e, offer, 0)
		out = append(out, sv.pathFor(mk(PathAccept, offer, j.firstPay, j.net), &j))
	}
	y := d.Verdict.WaitingFor
	for _, o := range d.Offers {
		if y < 0 && o.WaitingFor >= 0 {
			y = o.WaitingFor
		}
	}
	if pr := sv.process(y); pr != nil {
		out = append(out, sv.pathFor(mk(PathHoldOut, y, pr.job.firstPay, pr.job.net), &pr.job))
	}
	net := sv.e.NetMonthly
	if sv.e.PayFrom == 0 {
		net = cash.expenses
	}
	pay := sv.meanPayday()
	search := jobTerms{start: pay - sv.tl.market.payDelay, firstPay: pay, net: net}
	out = append(out, sv.pathFor(mk(PathSearch, -1, pay, net), &search))
	return out
}

// path is the money path of kind taking job j (offer or process i, -1
// for a search), before its dated ledger.
func (sv *solver) path(kind PathKind, i int, j *jobTerms) MoneyPath {
	cash := &sv.tl.cash
	return MoneyPath{Kind: kind, Index: i, PayMonths: j.firstPay, Net: j.net, PaysFrom: sv.dateAt(j.firstPay),
		savings: cash.savings, burn: cash.burn, expenses: cash.expenses}
}

// holdOutJob is the job holding out for process y brings if it says yes,
// or with none the job a search finds in the mean time.
func (sv *solver) holdOutJob(y int) *jobTerms {
	if pr := sv.process(y); pr != nil {
		return &pr.job
	}
	net := sv.e.NetMonthly
	if sv.e.PayFrom == 0 {
		net = sv.tl.cash.expenses
	}
	pay := sv.meanPayday()
	return &jobTerms{start: pay - sv.tl.market.payDelay, firstPay: pay, net: net}
}

// pathFor is path p taking job j, with its ledger; the money follows it
// when something in it is dated (see MoneyPath.Dated).
func (sv *solver) pathFor(p MoneyPath, j *jobTerms) MoneyPath {
	name := "a job found by searching"
	if p.Index >= 0 {
		name = sv.s.Assessments[p.Index].Name
	}
	tenure := math.Inf(1)
	if j.leave > 0 {
		tenure = 1 / j.leave
	}
	sv.datedPath(&p, &pathJob{name: name, start: j.start, pay: j.firstPay, net: j.net, tenure: tenure, money: j.money})
	p.dated = sv.tl.cash.general(j)
	return p
}
