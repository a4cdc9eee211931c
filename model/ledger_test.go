package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// warehouse is the case: laid off, $3,200 saved, $2,700 a month to
// pay, unemployment benefits of $1,600 a month until 2027-01-10,
// uninsured. A poor-fit warehouse offer that must be answered by
// 2026-12-11 and pays a $1,000 signing bonus with its first check; a good
// hospital job deciding on 2026-12-23 and paying from early February.
func warehouse(chance float64) *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation:  Situation{Savings: Float(3200), MonthlyExpenses: Float(2700), Insured: Bool(false)},
		Incomes:    []Income{{Name: "unemployment benefits", Monthly: 1600, From: NewDate(2026, 11, 1), Until: NewDate(2027, 1, 10), EndsWithJob: true}},
		Priorities: []Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 2}},
		Opportunities: []Opportunity{
			{Name: "Warehouse", Stage: StageOffer, Pay: Float(34000), Starts: NewDate(2026, 12, 14), FirstPaycheckDays: Float(14),
				RespondBy: NewDate(2026, 12, 11), SigningBonus: Float(1000), Ratings: map[string]Rating{"craft": {2, 2}, "team": {2, 2}}},
			{Name: "Hospital", Stage: StageFinal, Chance: Float(chance), Pay: Float(52000), Insurance: true,
				Starts: NewDate(2027, 1, 19), FirstPaycheckDays: Float(14),
				DecisionExpected: NewDate(2026, 12, 23), Ratings: map[string]Rating{"craft": {5, 5}, "team": {4, 4}}},
		},
	}
}

var warehouseToday = NewDate(2026, 12, 7)

// TestBenefitsThatStopShortenTheRunway: the money runs out about
// 2027-02-01, not on the 2027-03-06 that savings / (expenses − benefits)
// would say.
func TestBenefitsThatStopShortenTheRunway(t *testing.T) {
	s := mustEval(t, warehouse(0.7), Request{Today: warehouseToday})
	if got, want := s.Urgency.RunsOut, NewDate(2027, 2, 2); got != want {
		t.Fatalf("runs out on %s, want %s (runway %v months)", got, want, s.Urgency.RunwayMonths)
	}
	// Savings / burn with the benefits for ever would be 2.9 months.
	if s.Urgency.RunwayMonths > 2 {
		t.Fatalf("runway %v months", s.Urgency.RunwayMonths)
	}
}

// TestIncomeWithNoEndIsMonthlyIncome: monthly_income = X and an [[income]]
// of X with no end that ends with a job give the same answers.
func TestIncomeWithNoEndIsMonthlyIncome(t *testing.T) {
	for _, savings := range []float64{0, 200, 3000, 12000} {
		steady := withSavings(nearlyBroke(0), savings)
		dated := withSavings(nearlyBroke(0), savings)
		dated.Situation.MonthlyIncome = nil
		dated.Incomes = []Income{{Name: "part-time", Monthly: 500, EndsWithJob: true}}
		s1, d1 := decideAt(t, steady, Request{})
		s2, d2 := decideAt(t, dated, Request{})
		if !s2.Ledger.Dated() || s1.Ledger.Dated() {
			t.Fatal("the dated profile should be dated, the steady one not")
		}
		close := func(what string, a, b float64) {
			t.Helper()
			if !(math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))) && !(math.IsInf(a, 1) && math.IsInf(b, 1)) {
				t.Errorf("savings %v: %s %v, dated %v", savings, what, a, b)
			}
		}
		close("runway", s1.Urgency.RunwayMonths, s2.Urgency.RunwayMonths)
		close("urgency", s1.Urgency.Value, s2.Urgency.Value)
		close("burn", s1.Urgency.Burn, s2.Urgency.Burn)
		if s1.Urgency.RunsOut != s2.Urgency.RunsOut {
			t.Errorf("runs out %s vs %s", s1.Urgency.RunsOut, s2.Urgency.RunsOut)
		}
		for i := range s1.Assessments {
			close("relief", s1.Assessments[i].Relief.Value, s2.Assessments[i].Relief.Value)
		}
		if d1.Verdict.Action != d2.Verdict.Action || d1.Verdict.Offer != d2.Verdict.Offer {
			t.Errorf("savings %v: verdict %v/%d, dated %v/%d", savings, d1.Verdict.Action, d1.Verdict.Offer, d2.Verdict.Action, d2.Verdict.Offer)
		}
		close("verdict value", d1.Verdict.Value, d2.Verdict.Value)
		for k := range d1.Offers {
			a, b := &d1.Offers[k], &d2.Offers[k]
			close("accept", a.Accept, b.Accept)
			close("search", a.Search, b.Search)
			if a.Advice != b.Advice || a.RunsOut != b.RunsOut || a.AcceptRunsOut != b.AcceptRunsOut {
				t.Errorf("savings %v: advice %v %s %s, dated %v %s %s", savings, a.Advice, a.RunsOut, a.AcceptRunsOut, b.Advice, b.RunsOut, b.AcceptRunsOut)
			}
			close("short by", a.ShortBy, b.ShortBy)
		}
		for k := range d1.Reservations {
			close("reservation", d1.Reservations[k].Fit, d2.Reservations[k].Fit)
		}
	}
}

// randomLedger is a ledger of a few incomes and sums around today.
func randomLedger(r *rand.Rand) *Profile {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation: Situation{Savings: Float(float64(r.IntN(8000))), MonthlyExpenses: Float(1000 + float64(r.IntN(3000))),
			MonthlyIncome: Float(float64(r.IntN(800)))}}
	for range r.IntN(4) {
		in := Income{Name: "income", Monthly: float64(r.IntN(2000)), From: today.AddDays(r.IntN(120) - 30), EndsWithJob: r.IntN(2) == 0}
		if r.IntN(3) > 0 {
			in.Until = in.From.AddDays(r.IntN(300))
		}
		p.Incomes = append(p.Incomes, in)
	}
	for range r.IntN(5) {
		p.Cash = append(p.Cash, CashItem{Name: "sum", Amount: float64(r.IntN(8000) - 4000), On: today.AddDays(r.IntN(400))})
	}
	return p
}

// TestPropertyRunwayFollowsTheBalance: the runway is the first time the
// balance falls below zero, and SavingsFor is the least savings that last
// that long.
func TestPropertyRunwayFollowsTheBalance(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 1))
	for n := range 300 {
		p := randomLedger(r)
		lg := NewLedger(p, p.Situation, today)
		R := lg.RunwayMonths()
		for k := range 400 {
			tt := float64(k) * 0.05
			if tt < R-1e-9 && lg.Balance(lg.Savings, tt) < -1e-6 {
				t.Fatalf("case %d: balance %v at %v before the runway %v", n, lg.Balance(lg.Savings, tt), tt, R)
			}
		}
		if math.IsInf(R, 1) {
			continue
		}
		if b := lg.Balance(lg.Savings, R+1e-6); b > 1e-3 {
			t.Fatalf("case %d: balance %v just after the runway %v", n, b, R)
		}
		if need := lg.SavingsFor(R); need > lg.Savings+1e-6 {
			t.Fatalf("case %d: %v needed to last %v months, %v saved", n, need, R, lg.Savings)
		}
		if need := lg.SavingsFor(R); lg.Runway(need+1e-6) < R-1e-6 {
			t.Fatalf("case %d: %v lasts %v months, not %v", n, need, lg.Runway(need+1e-6), R)
		}
	}
}

// TestDatedGapMatchesTheIntegral: the shortfall's cost on a dated ledger,
// with a job's bonus and costs, is the integral it stands for.
func TestDatedGapMatchesTheIntegral(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 2))
	rho := -math.Log(0.99)
	for n := range 40 {
		p := randomLedger(r)
		lg := NewLedger(p, p.Situation, today)
		m := &jobMoney{bonus: float64(r.IntN(3000)), gross: 1, bonusDays: float64(r.IntN(40) - 5), upfront: float64(r.IntN(2000)), monthly: float64(r.IntN(500))}
		s, fp := 0.3+r.Float64()*3, 0.0
		fp = s + 0.5
		a, b := r.Float64()*2, 0.0
		b = a + r.Float64()*6
		S := lg.Savings
		want := 0.0
		const steps = 200000
		h := (b - a) / steps
		for k := range steps {
			t0 := a + (float64(k)+0.5)*h
			add, _ := m.overlay(t0, s, fp, true)
			want += math.Exp(-rho*t0) * math.Max(0, -(S+lg.all.at(t0)+add)) * h
		}
		if got := lg.all.shortPV(rho, S, a, b, m, s, fp, true); math.Abs(got-want) > 1e-4*math.Max(1, want) {
			t.Fatalf("case %d: shortPV = %v, want %v", n, got, want)
		}
	}
}

// bonusCase is the warehouse case with $1,200 of savings, a later start,
// a poor fit, a bonus never repaid, and a hospital at 0.9: holding out
// wins, and a larger signing bonus would turn the answer to accept.
func bonusCase() *Profile {
	p := withSavings(warehouse(0.9), 1200)
	o := &p.Opportunities[0]
	o.Starts, o.ClawbackMonths = NewDate(2026, 12, 28), Float(0)
	o.Ratings = map[string]Rating{"craft": {2, 2}, "team": {2, 2}}
	return p
}

// TestBonusLeverIsExact: the bonus lever is the least whole bonus at
// which accepting is the verdict; a dollar less and it is not. Both are
// checked by deciding again on the profile changed to that bonus.
func TestBonusLeverIsExact(t *testing.T) {
	p := bonusCase()
	s, d := decideAt(t, p, Request{Today: warehouseToday})
	o := offerNamed(t, s, d, "Warehouse")
	l := leverOf(o, LeverBonus)
	if d.Verdict.Action == ActionAccept || l == nil {
		t.Fatalf("verdict %v, levers %+v: want a bonus lever on an offer not accepted", d.Verdict.Action, o.Levers)
	}
	if l.Amount != math.Round(l.Amount) || l.Amount <= 1000 || l.Worth <= 0 {
		t.Fatalf("bonus lever %+v", l)
	}
	verdict := func(amount float64) Verdict {
		q := *p
		q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
		q.Opportunities[0].SigningBonus = Float(amount)
		_, d := decideAt(t, &q, Request{Today: warehouseToday})
		return d.Verdict
	}
	if v := verdict(l.Amount); v.Action != ActionAccept || v.Offer != 0 {
		t.Fatalf("with a bonus of %v the verdict is %v", l.Amount, v.Action)
	}
	if v := verdict(l.Amount - 1); v.Action == ActionAccept && v.Offer == 0 {
		t.Fatalf("with a bonus of %v, a dollar less, the verdict is already accept", l.Amount-1)
	}
}

// TestMcCallWithBenefitsThatStop is the anchor: McCall's textbook search
// with benefits of 25 that stop after k periods, nothing after, on
// QuantEcon's example. The reservation rises with the periods of benefits
// left towards the published stationary 47.316499766.
func TestMcCallWithBenefitsThatStop(t *testing.T) {
	w := quantEcon().BenefitsThatStop(25, 0, 2000)
	for _, c := range []struct {
		k    int
		want float64
	}{{0, 45.966001}, {1, 46.216001}, {13, 47.158197}, {26, 47.290801}} {
		if math.Abs(w[c.k]-c.want) > 5e-7 {
			t.Errorf("w̄_%d = %.9f, want %.6f", c.k, w[c.k], c.want)
		}
	}
	if math.Abs(w[2000]-47.316499766) > 1e-8 {
		t.Errorf("w̄_2000 = %.9f, want the stationary 47.316499766", w[2000])
	}
	for k := 1; k < len(w); k++ {
		if w[k] < w[k-1] {
			t.Fatalf("w̄_%d = %v below w̄_%d = %v", k, w[k], k-1, w[k-1])
		}
	}
}

// TestReservationNeverFallsWithMonthsOfBenefits: in the product, decide's
// reservation (the lowest fit worth accepting today) never falls as the
// months of benefits left grow.
func TestReservationNeverFallsWithMonthsOfBenefits(t *testing.T) {
	for _, savings := range []float64{0, 1500, 5000} {
		prev := math.Inf(-1)
		for months := 0; months <= 12; months++ {
			p := withSavings(warehouse(0.7), savings)
			p.Incomes[0].Until = warehouseToday.AddDays(int(float64(months)*daysPerMonth) - 1)
			if months == 0 {
				p.Incomes = nil
			}
			s, err := Evaluate(p, Request{Today: warehouseToday})
			if err != nil {
				t.Fatal(err)
			}
			r := DecideBrief(s).Now.Fit
			if r < prev-1e-9 {
				t.Fatalf("savings %v: the reservation falls from %v to %v with %d months of benefits left", savings, prev, r, months)
			}
			prev = r
		}
	}
}
