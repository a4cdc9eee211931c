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
}

// Savings is the money left after t months on the path; negative once it
// has run out.
func (p MoneyPath) Savings(t float64) float64 {
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
		out = append(out, mk(PathAccept, offer, j.firstPay, j.net))
	}
	y := d.Verdict.WaitingFor
	for _, o := range d.Offers {
		if y < 0 && o.WaitingFor >= 0 {
			y = o.WaitingFor
		}
	}
	if pr := sv.process(y); pr != nil {
		out = append(out, mk(PathHoldOut, y, pr.job.firstPay, pr.job.net))
	}
	net := sv.e.NetMonthly
	if sv.e.PayFrom == 0 {
		net = cash.expenses
	}
	out = append(out, mk(PathSearch, -1, sv.meanPayday(), net))
	return out
}
