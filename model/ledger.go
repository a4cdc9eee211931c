package model

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// This file is the dated ledger: money as it really comes and goes. The
// situation's savings, expenses and monthly_income are a ledger with no
// dates; [[income]] (money that comes in for a while), [[cash]] (one sum
// on one day) and an opportunity's signing bonus, upfront and monthly
// costs put dates on it. Every number that speaks of money reads it: the
// runway (when the money runs out with no new job), urgency, relief's
// timeliness, and every course decide follows.
//
// Time runs in months from today, as in money.go. The balance with no
// new job is B(t) = savings + F(t), where F is piecewise linear in t: its
// slope is the income being paid less the expenses, and it jumps by each
// [[cash]] on its day. With none of the dated keys F(t) = −burn·t and
// every number is worked out by the formulas that held before, to the
// last bit; the ledger's own arithmetic is used only when something is
// dated.

// Income is money that comes in for a while: unemployment benefits, a
// partner's help, a severance paid monthly.
type Income struct {
	Name string
	// Monthly is the amount a month, from 0 up.
	Monthly float64
	// From is the first day paid (zero: today); Until the last day paid
	// (zero: no end).
	From, Until Date
	// EndsWithJob reports that it stops when a job pays (benefits do; a
	// partner's help does not).
	EndsWithJob bool
}

// CashItem is one sum on one day: in when Amount is above zero, out when
// below.
type CashItem struct {
	Name   string
	Amount float64
	On     Date
}

// DefaultClawbackMonths is how long a signing bonus is repaid in full on
// leaving, when an opportunity does not say: twelve months is the most
// common term in US offer letters (24 is the other habit).
const DefaultClawbackMonths = 12

// flowLine is a piecewise linear function of time with jumps: t are its
// breakpoints (t[0] = 0), v[k] its value just after t[k], m[k] its slope
// from t[k] to the next breakpoint (the last one for ever).
type flowLine struct {
	t, v, m []float64
}

// flowEvent changes a flow line at time t: its slope by slope, its value
// by jump.
type flowEvent struct {
	t, slope, jump float64
}

// newFlowLine builds the flow line that starts at 0 today and changes by
// the events; events before today count from today.
func newFlowLine(evs []flowEvent) flowLine {
	slices.SortStableFunc(evs, func(a, b flowEvent) int { return cmp.Compare(a.t, b.t) })
	f := flowLine{t: []float64{0}, v: []float64{0}, m: []float64{0}}
	for _, e := range evs {
		t := math.Max(0, e.t)
		last := len(f.t) - 1
		if t > f.t[last]+sameTime {
			f.t = append(f.t, t)
			f.v = append(f.v, f.v[last]+f.m[last]*(t-f.t[last]))
			f.m = append(f.m, f.m[last])
			last++
		}
		f.v[last] += e.jump
		f.m[last] += e.slope
	}
	return f
}

// seg is the piece that holds time t: the last breakpoint at or before it.
func (f *flowLine) seg(t float64) int {
	k := sort.SearchFloat64s(f.t, t)
	if k < len(f.t) && f.t[k] <= t {
		return k
	}
	return max(0, k-1)
}

// at is the value at time t, a jump on t counted.
func (f *flowLine) at(t float64) float64 {
	k := f.seg(t)
	return f.v[k] + f.m[k]*(t-f.t[k])
}

// before is the value just before time t: a jump on t not counted.
func (f *flowLine) before(t float64) float64 {
	k := max(0, sort.SearchFloat64s(f.t, t)-1)
	return f.v[k] + f.m[k]*(t-f.t[k])
}

// Ledger is the dated money of a situation on a day: what is saved, what
// comes in and goes out, and when. Build it with [NewLedger]; it is a
// value, and nothing changes it.
type Ledger struct {
	// Today is the day the ledger starts.
	Today Date
	// Savings, Expenses and SteadyIncome are the situation's savings,
	// monthly_expenses and monthly_income.
	Savings, Expenses, SteadyIncome float64
	// SteadyName is what the steady income is called: monthly_income, or
	// the current job's name while its pay is the income with no end.
	SteadyName string
	// Held indexes the profile's opportunities: the job held now (stage
	// current), or -1; HeldUntil is when it ends, in months from today
	// (+Inf when it does not), and HeldInsured reports that it covers
	// health while it is held.
	Held        int
	HeldUntil   float64
	HeldInsured bool
	// Incomes are the [[income]] entries still paid today or later, and
	// Cash the [[cash]] entries dated today or later, in profile order.
	Incomes []Income
	Cash    []CashItem
	// all is the flow with no new job; keep what goes on once a job pays
	// (incomes that do not end with a job, the cash, the expenses).
	all, keep flowLine
	// steadyBurn is what burns a month once every dated income has
	// stopped: expenses less monthly_income and the incomes with no end.
	steadyBurn float64
}

// NewLedger is the ledger of profile p's dated money under situation sit,
// from today. Entries already over (an income paid until before today, a
// sum dated before today, which is in the savings by now) are left out.
func NewLedger(p *Profile, sit Situation, today Date) *Ledger {
	l := &Ledger{Today: today, Savings: val(sit.Savings), Expenses: val(sit.MonthlyExpenses), SteadyIncome: val(sit.MonthlyIncome), SteadyName: "monthly_income",
		Held: p.CurrentJob(), HeldUntil: math.Inf(1)}
	incomes := p.Incomes
	if h := l.Held; h >= 0 {
		// The job held now: its net pay is the income until it ends, and
		// monthly_income is not added while it is held.
		o := &p.Opportunities[h]
		l.HeldInsured = o.Insurance
		if !o.LeavingOn.IsZero() {
			l.HeldUntil = math.Max(0, l.monthsTo(o.LeavingOn))
		}
		net := l.SteadyIncome
		if yearly, ok := o.YearlyPay(); ok {
			net = yearly*(1-sit.Tax(p.Params))/12 - o.MonthlyCost
		}
		if o.LeavingOn.IsZero() {
			l.SteadyIncome, l.SteadyName = net, o.Name
		} else {
			held := []Income{{Name: o.Name, Monthly: net, Until: o.LeavingOn.AddDays(-1), EndsWithJob: true}}
			if l.SteadyIncome != 0 {
				held = append(held, Income{Name: "monthly_income", Monthly: l.SteadyIncome, From: o.LeavingOn, EndsWithJob: true})
			}
			l.SteadyIncome = 0
			incomes = append(held, incomes...)
		}
	}
	l.steadyBurn = l.Expenses - l.SteadyIncome
	all := []flowEvent{{t: 0, slope: l.SteadyIncome - l.Expenses}}
	keep := []flowEvent{{t: 0, slope: -l.Expenses}}
	for _, in := range incomes {
		if !in.Until.IsZero() && (in.Until.Before(today) || in.Until.Before(in.From)) {
			continue // over, or never paid (a profile refuses until before from)
		}
		l.Incomes = append(l.Incomes, in)
		from := l.monthsTo(in.From)
		evs := []flowEvent{{t: from, slope: in.Monthly}}
		if in.Until.IsZero() {
			l.steadyBurn -= in.Monthly
		} else {
			evs = append(evs, flowEvent{t: l.monthsTo(in.Until.AddDays(1)), slope: -in.Monthly})
		}
		all = append(all, evs...)
		if !in.EndsWithJob {
			keep = append(keep, evs...)
		}
	}
	for _, c := range p.Cash {
		if c.On.Before(today) {
			continue
		}
		l.Cash = append(l.Cash, c)
		e := flowEvent{t: l.monthsTo(c.On), jump: c.Amount}
		all, keep = append(all, e), append(keep, e)
	}
	l.all, l.keep = newFlowLine(all), newFlowLine(keep)
	return l
}

// monthsTo is the time from today to d in months; 0 for the zero date.
func (l *Ledger) monthsTo(d Date) float64 { return monthsUntil(l.Today, d) }

// Dated reports whether anything in the ledger has a date: without, every
// number follows savings / burn as it always did.
func (l *Ledger) Dated() bool { return l != nil && (len(l.Incomes) > 0 || len(l.Cash) > 0) }

// SteadyBurn is what burns a month once every dated income has stopped.
func (l *Ledger) SteadyBurn() float64 { return l.steadyBurn }

// Balance is the money left after t months with no new job, with the
// given savings; below zero once it has run out.
func (l *Ledger) Balance(savings, t float64) float64 { return math.Max(0, savings) + l.all.at(t) }

// Runway is the months until the money runs out with no new job, with the
// given savings: the first time the balance falls below zero. +Inf when
// it never does.
func (l *Ledger) Runway(savings float64) float64 {
	if !l.Dated() {
		return runwayFor(savings, l.steadyBurn)
	}
	return l.all.runway(math.Max(0, savings))
}

// RunwayMonths is the runway with the ledger's own savings.
func (l *Ledger) RunwayMonths() float64 { return l.Runway(l.Savings) }

// runway is the first time S + f falls below zero, or +Inf.
func (f *flowLine) runway(S float64) float64 {
	for k := range f.t {
		x := S + f.v[k]
		if x < 0 {
			return f.t[k]
		}
		if f.m[k] >= 0 {
			continue
		}
		z := f.t[k] + x/-f.m[k]
		if k == len(f.t)-1 || z < f.t[k+1] {
			return z
		}
	}
	return math.Inf(1)
}

// SavingsFor is the least savings that last R months with no new job:
// the deepest the flow goes before R.
func (l *Ledger) SavingsFor(R float64) float64 {
	if !l.Dated() {
		return R * l.steadyBurn
	}
	// math.Max, not a negated Min: no balance below zero is +0, never
	// -0 (which JSON would print as -0, unlike monthly_income's 0).
	return math.Max(0, -l.all.low(R))
}

// low is the lowest value before time R (a jump on R not counted), and 0
// at the least: the flow starts at 0 today.
func (f *flowLine) low(R float64) float64 {
	low := 0.0
	for k := range f.t {
		if f.t[k] >= R {
			break
		}
		end := R
		if k+1 < len(f.t) {
			end = math.Min(end, f.t[k+1])
		}
		low = math.Min(low, math.Min(f.v[k], f.v[k]+f.m[k]*(end-f.t[k])))
	}
	return low
}

// negPV is ∫ e^(−ρt)·max(0, −x(t)) dt from a to b, where x is linear:
// x0 at p with slope m.
func negPV(rho, a, b, p, x0, m float64) float64 {
	if b <= a {
		return 0
	}
	// The deficit is d(t) = c + k·(t − p) where it is positive.
	c, k := -x0, -m
	lo, hi := a, b
	switch {
	case k == 0:
		if c <= 0 {
			return 0
		}
	case k > 0:
		lo = math.Max(a, p-c/k)
	default:
		hi = math.Min(b, p-c/k)
	}
	if hi <= lo {
		return 0
	}
	prim := func(t float64) float64 {
		return -math.Exp(-rho*t) * ((c+k*(t-p))/rho + k/(rho*rho))
	}
	return prim(hi) - prim(lo)
}

// jobMoney is what an opportunity adds to the ledger of a course that
// takes it: a signing bonus (net of tax) on its day, a cost paid by the
// first day and one paid every month it is held.
type jobMoney struct {
	// bonus is the signing bonus after tax, gross before it;
	// bonusDays the days after the start it is paid (<0: with the first
	// paycheck); clawback the months within which leaving repays it.
	bonus, gross, bonusDays, clawback float64
	upfront, monthly                  float64
}

// moneyOf is what opportunity o adds to the ledger, or nil when it adds
// nothing.
func moneyOf(o *Opportunity, tax float64) *jobMoney {
	if val(o.SigningBonus) == 0 && o.UpfrontCost == 0 && o.MonthlyCost == 0 {
		return nil
	}
	m := &jobMoney{gross: val(o.SigningBonus), bonusDays: -1, clawback: DefaultClawbackMonths,
		upfront: o.UpfrontCost, monthly: o.MonthlyCost}
	m.bonus = m.gross * (1 - tax)
	if o.SigningBonusDays != nil {
		m.bonusDays = *o.SigningBonusDays
	}
	if o.ClawbackMonths != nil {
		m.clawback = *o.ClawbackMonths
	}
	return m
}

// bonusAt is when the bonus is paid on a job started at s and first
// paying at fp.
func (m *jobMoney) bonusAt(s, fp float64) float64 {
	if m.bonusDays < 0 {
		return fp
	}
	return s + m.bonusDays/daysPerMonth
}

// overlay is what the job adds to the balance at t (jumps on t counted)
// and to its slope there, started at s and first paying at fp; withBonus
// says whether the bonus counts.
func (m *jobMoney) overlay(t, s, fp float64, withBonus bool) (add, slope float64) {
	if m == nil {
		return 0, 0
	}
	if t >= s {
		add -= m.upfront + m.monthly*(t-s)
		slope -= m.monthly
	}
	if withBonus && t >= m.bonusAt(s, fp) {
		add += m.bonus
	}
	return add, slope
}

// shortPV is ∫ e^(−ρt)·max(0, −B(t)) dt from a to b on the course that
// takes a job with money m (nil: no job, or one that adds nothing),
// started at s and first paying at fp, at savings S. Only times before
// fp are asked for: the flow is the one with no new job until then.
func (f *flowLine) shortPV(rho, S, a, b float64, m *jobMoney, s, fp float64, withBonus bool) float64 {
	if b <= a {
		return 0
	}
	cuts := f.cuts(a, b, m, s, fp)
	total := 0.0
	for i := 0; i+1 < len(cuts); i++ {
		x, y := cuts[i], cuts[i+1]
		if y <= x {
			continue
		}
		k := f.seg(x)
		add, slope := m.overlay(x, s, fp, withBonus)
		total += negPV(rho, x, y, x, S+f.v[k]+f.m[k]*(x-f.t[k])+add, f.m[k]+slope)
	}
	return total
}

// cuts are the times from a to b where the money's slope changes: a and
// b, the flow's own breaks, and a job's start and bonus between them.
func (f *flowLine) cuts(a, b float64, m *jobMoney, s, fp float64) []float64 {
	cuts := make([]float64, 0, 8)
	cuts = append(cuts, a)
	for k := f.seg(a) + 1; k < len(f.t) && f.t[k] < b; k++ {
		cuts = append(cuts, f.t[k])
	}
	if m != nil {
		for _, c := range [2]float64{s, m.bonusAt(s, fp)} {
			if c > a && c < b {
				cuts = append(cuts, c)
			}
		}
		slices.Sort(cuts)
	}
	cuts = append(cuts, b)
	return cuts
}

// stopPV is what stopgap work in place from stop changes in
// mc·shortPV (nothing when stop is +Inf): after stop the money missing
// never grows past what it was then, and each month it would be short
// costs gig.
func (f *flowLine) stopPV(rho, S, a, b float64, m *jobMoney, s, fp float64, withBonus bool, stop, mc, gig float64) float64 {
	a = math.Max(a, stop)
	if math.IsInf(stop, 1) || b <= a {
		return 0
	}
	addStop, _ := m.overlay(stop, s, fp, withBonus)
	capAt := math.Max(0, -(S + f.at(stop) + addStop))
	cuts := f.cuts(a, b, m, s, fp)
	total := 0.0
	for i := 0; i+1 < len(cuts); i++ {
		x, y := cuts[i], cuts[i+1]
		if y <= x {
			continue
		}
		k := f.seg(x)
		add, slope := m.overlay(x, s, fp, withBonus)
		x0, sl := S+f.v[k]+f.m[k]*(x-f.t[k])+add, f.m[k]+slope
		// The part of the deficit above the cap is not missing.
		total -= mc * negPV(rho, x, y, x, x0+capAt, sl)
		// The months it would be short, x0 + sl·(t − x) < 0, are worked.
		lo, hi := x, y
		switch {
		case sl == 0:
			if x0 >= 0 {
				continue
			}
		case sl < 0:
			lo = math.Max(x, x-x0/sl)
		default:
			hi = math.Min(y, x-x0/sl)
		}
		if hi > lo {
			total += gig * (math.Exp(-rho*lo) - math.Exp(-rho*hi)) / rho
		}
	}
	return total
}

// shortAt is the money missing at fp on the course that takes a job with
// money m started at s, less the sums that arrive within repay months
// after (the bonus when it is paid later, the cash in the ledger): the
// debt left to pay back from the pay. With stopgap work in place from
// stop (+Inf: never) it is no more than what was missing then.
func (f *flowLine) shortAt(S, fp, repay float64, m *jobMoney, s float64, withBonus bool, keep *flowLine, stop float64) float64 {
	add, _ := m.overlay(fp, s, fp, withBonus)
	x := S + f.at(fp) + add
	if fp > stop {
		addStop, _ := m.overlay(stop, s, fp, withBonus)
		x = math.Max(x, math.Min(0, S+f.at(stop)+addStop))
	}
	if x >= 0 {
		return 0
	}
	// Sums that come within the repayment window pay the debt back.
	for k := keep.seg(fp) + 1; k < len(keep.t) && keep.t[k] <= fp+repay; k++ {
		if j := keep.v[k] - (keep.v[k-1] + keep.m[k-1]*(keep.t[k]-keep.t[k-1])); j != 0 {
			x += j
		}
	}
	if m != nil && withBonus {
		if tb := m.bonusAt(s, fp); tb > fp && tb <= fp+repay {
			x += m.bonus
		}
	}
	return math.Max(0, -x)
}

// clawbackChance is the chance that a job, left at the monthly rate d,
// is left within the bonus's clawback months, when its bonus is repaid.
func (m *jobMoney) clawbackChance(d float64) float64 {
	if m == nil || m.gross == 0 || m.clawback <= 0 {
		return 0
	}
	return 1 - math.Exp(-d*m.clawback)
}
