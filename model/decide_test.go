package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// nearlyBroke is the audit's case: $200 saved, $2,600 a month to pay and
// $500 coming in, uninsured; a sure, poor-fit offer that pays in three
// weeks and must be answered in five days; a final round with an even
// chance that decides 18 days after that deadline.
func nearlyBroke(savings float64) *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation:  Situation{Savings: Float(savings), MonthlyExpenses: Float(2600), MonthlyIncome: Float(500), Insured: Bool(false)},
		Priorities: []Priority{{ID: "craft", Weight: 3, Ask: "What does a week look like?"}, {ID: "team", Weight: 2, Ask: "How does the team work?"}},
		Opportunities: []Opportunity{
			{Name: "Sure", Stage: StageOffer, Pay: Float(36000), Starts: today.AddDays(7), FirstPaycheckDays: Float(14),
				Insurance: true, InsuranceWaitDays: 60, RespondBy: today.AddDays(5), Ratings: map[string]Rating{"craft": {2, 2}, "team": {2, 2}}},
			{Name: "Better", Stage: StageFinal, Chance: Float(0.5), Pay: Float(60000), Insurance: true,
				DecisionExpected: today.AddDays(23), Ratings: map[string]Rating{"craft": {5, 5}, "team": {4, 4}}},
		},
	}
}

func decideAt(t *testing.T, p *Profile, req Request) (*State, *Decision) {
	t.Helper()
	if req.Today.IsZero() {
		req.Today = today
	}
	s, err := Evaluate(p, req)
	if err != nil {
		t.Fatal(err)
	}
	return s, Decide(s)
}

func withSavings(p *Profile, savings float64) *Profile {
	q := *p
	q.Situation.Savings = Float(savings)
	return &q
}

func offerNamed(t *testing.T, s *State, d *Decision, name string) *OfferAdvice {
	t.Helper()
	for k := range d.Offers {
		if s.Assessments[d.Offers[k].Index].Name == name {
			return &d.Offers[k]
		}
	}
	t.Fatalf("no advice on %q", name)
	return nil
}

// TestNearlyBrokeTakesTheSureOffer: with the money gone in days, letting
// the sure job go for an even chance at a better one would run the
// savings thousands into the red; decide says accept, and says when the
// money runs out on the hold-out path and by how much.
func TestNearlyBrokeTakesTheSureOffer(t *testing.T) {
	s, d := decideAt(t, nearlyBroke(200), Request{})
	if d.Verdict.Action != ActionAccept || s.Assessments[d.Verdict.Offer].Name != "Sure" {
		t.Fatalf("verdict %+v, want accept Sure", d.Verdict)
	}
	if d.Verdict.By != today.AddDays(5) {
		t.Errorf("accept by %v, want the offer's deadline", d.Verdict.By)
	}
	o := offerNamed(t, s, d, "Sure")
	if o.Advice != AdviceAccept || o.Holds || o.WaitingFor < 0 || s.Assessments[o.WaitingFor].Name != "Better" {
		t.Errorf("advice %+v", o)
	}
	// The money runs out on the fourth day: $200 at $2,100 a month.
	if want := today.AddDays(3); o.RunsOut != want {
		t.Errorf("runs out on %v, want %v", o.RunsOut, want)
	}
	if o.ShortBy < 3000 {
		t.Errorf("short by %.0f on the hold-out path, want thousands", o.ShortBy)
	}
	// Accepting keeps Better alive (the bridge), so no chance of it makes
	// waiting worth more; accepting and stopping, it took a near-certain
	// yes.
	if o.BreakEven != nil {
		t.Errorf("break-even chance %v: accepting keeps Better alive, so no chance should make waiting worth more", *o.BreakEven)
	}
	if len(o.Bridge) != 1 || s.Assessments[o.Bridge[0].Process].Name != "Better" {
		t.Errorf("bridge %+v, want Better kept alive", o.Bridge)
	}
	p := nearlyBroke(200)
	p.Search.LeaveCost = 1e9
	s, d = decideAt(t, p, Request{})
	// Priced out, no chance of Better makes waiting worth more, or only a
	// near-certain yes does.
	if o := offerNamed(t, s, d, "Sure"); o.BreakEven != nil && *o.BreakEven < 0.8 {
		t.Errorf("leaving priced out: break-even chance %v, waiting should need a near-certain yes", *o.BreakEven)
	}
}

// TestComfortableWaitsForTheBetterFit: with most of a year of runway the
// same offer is not worth taking: searching on, with the final round
// pending, is worth more.
//
// With leaving priced out, that is: a poor job that is searched from and
// ends in months is worth little less than searching on, so the bridge
// (accept Sure, leave it for Better's yes) comes close.
func TestComfortableWaitsForTheBetterFit(t *testing.T) {
	p := nearlyBroke(20000)
	p.Search.LeaveCost = 1e9
	s, d := decideAt(t, p, Request{})
	if d.Verdict.Action == ActionAccept {
		t.Fatalf("verdict %+v: with 9.5 months of runway the poor fit should not win", d.Verdict)
	}
	if d.Verdict.WaitingFor < 0 || s.Assessments[d.Verdict.WaitingFor].Name != "Better" {
		t.Errorf("waiting for %d, want Better", d.Verdict.WaitingFor)
	}
	o := offerNamed(t, s, d, "Sure")
	if o.Advice != AdviceDecline {
		t.Errorf("advice on Sure %s, want decline", o.Advice)
	}
	if o.SavingsBreakEven == nil || o.AcceptAbove || *o.SavingsBreakEven > 20000 {
		t.Errorf("savings break-even %v (accept above %v): accepting should win below some savings under 20,000", o.SavingsBreakEven, o.AcceptAbove)
	}
}

// TestBreakEvensFlipTheAdvice changes the profile to just either side of
// each reported break-even and runs decide again.
func TestBreakEvensFlipTheAdvice(t *testing.T) {
	for _, savings := range []float64{200, 3000, 12000} {
		t.Run(fmt.Sprint(savings), func(t *testing.T) {
			p := nearlyBroke(savings)
			s, d := decideAt(t, p, Request{})
			o := offerNamed(t, s, d, "Sure")
			accepting := o.Advice == AdviceAccept
			if o.SavingsBreakEven != nil {
				be := *o.SavingsBreakEven
				for _, side := range []float64{be - 1, be + 1} {
					if side < 0 {
						continue
					}
					s2, d2 := decideAt(t, withSavings(p, side), Request{})
					got := offerNamed(t, s2, d2, "Sure").Advice == AdviceAccept
					want := (side > be) == o.AcceptAbove
					if got != want {
						t.Errorf("at savings %.2f (break-even %.2f) accept is %v, want %v", side, be, got, want)
					}
				}
			}
			if o.BreakEven != nil && *o.BreakEven > 0.01 && *o.BreakEven < 0.99 {
				be := *o.BreakEven
				for _, side := range []float64{be - 0.01, be + 0.01} {
					q := withSavings(p, savings)
					q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
					q.Opportunities[1].Chance = Float(side)
					s2, d2 := decideAt(t, q, Request{})
					got := offerNamed(t, s2, d2, "Sure").Advice == AdviceAccept
					if want := side < be; got != want {
						t.Errorf("with Better's chance %.3f (break-even %.3f) accept is %v, want %v", side, be, got, want)
					}
				}
			}
			_ = accepting
		})
	}
}

// randomDecideProfile is a search with one to three offers and up to four
// processes, over a wide range of money, pay, timing and fit. The offers
// start within start_days (30), so that they pay no later than a job the
// search or a process could bring: holding out costs money, which is the
// case the monotone properties are about (an offer that pays later than
// the alternatives gains from savings, and its break-even chance rightly
// rises with them).
func randomDecideProfile(r *rand.Rand) *Profile {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Priorities: []Priority{{ID: "a", Weight: 1 + r.Float64()*4}, {ID: "b", Weight: 1 + r.Float64()*4}}}
	expenses := 1000 + r.Float64()*5000
	p.Situation = Situation{Savings: Float(r.Float64() * 40000), MonthlyExpenses: Float(expenses),
		MonthlyIncome: Float(r.Float64() * expenses * 0.8), Insured: Bool(r.IntN(2) == 0)}
	rating := func() map[string]Rating {
		return map[string]Rating{"a": {float64(1 + r.IntN(5)), 0}, "b": {float64(1 + r.IntN(5)), 0}}
	}
	fix := func(m map[string]Rating) map[string]Rating {
		for k, v := range m {
			m[k] = Rating{v.Low, v.Low}
		}
		return m
	}
	for k := range 1 + r.IntN(3) {
		o := Opportunity{Name: fmt.Sprintf("offer %d", k), Stage: StageOffer, Pay: Float(20000 + r.Float64()*100000),
			Starts: today.AddDays(r.IntN(31)), Insurance: r.IntN(3) > 0, InsuranceWaitDays: float64(r.IntN(91)),
			Ratings: fix(rating())}
		if r.IntN(4) > 0 {
			o.RespondBy = today.AddDays(r.IntN(30))
		}
		p.Opportunities = append(p.Opportunities, o)
	}
	for k := range r.IntN(5) {
		o := Opportunity{Name: fmt.Sprintf("process %d", k), Stage: []Stage{StageApplied, StageInterviewing, StageFinal}[r.IntN(3)],
			Pay: Float(20000 + r.Float64()*100000), Insurance: r.IntN(3) > 0, Ratings: fix(rating()),
			DecisionExpected: today.AddDays(r.IntN(90))}
		if r.IntN(2) == 0 {
			o.Chance = Float(r.Float64())
		}
		p.Opportunities = append(p.Opportunities, o)
	}
	return p
}

// TestPropertyAdviceIsTheBestOfItsValues: on random searches, every offer's
// advice is the best of the values printed beside it, at most one offer is
// accepted, "wait" is only advised for an offer that can be held, and no
// course waits for a process with no chance.
func TestPropertyAdviceIsTheBestOfItsValues(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := 300
	if testing.Short() {
		n = 60
	}
	for trial := range n {
		p := randomDecideProfile(r)
		s, d := decideAt(t, p, Request{})
		accepts := 0
		for _, o := range d.Offers {
			if o.Vetoed {
				continue
			}
			got, best := advisedAndBest(o)
			switch {
			case o.Advice == AdviceAccept:
				accepts++
			case o.Advice == AdviceWait && !o.CanHold:
				t.Errorf("trial %d: %s advised wait but cannot be held", trial, s.Assessments[o.Index].Name)
			}
			if got < best-1e-6 {
				t.Errorf("trial %d: %s advised %s worth %.4f while the best printed is %.4f (%+v)", trial, s.Assessments[o.Index].Name, o.Advice, got, best, o)
			}
		}
		if accepts > 1 {
			t.Errorf("trial %d: %d offers advised accept", trial, accepts)
		}
		if y := d.Verdict.WaitingFor; y >= 0 && s.Assessments[y].Relief.Chance <= 0 {
			t.Errorf("trial %d: waiting for %s, whose chance is 0", trial, s.Assessments[y].Name)
		}
	}
}

// TestPropertyMonotoneInMoney: as savings grow with everything else fixed,
// an offer's advice leaves accept at most once and never returns to it,
// and the break-even chance of the process it waits for scarcely rises:
// by no more than chanceRiseSlack a step. (It can rise: a poor job taken
// ends sooner than the good one held out for, so the search after it,
// which starts with the extra savings, comes sooner and gains more from
// them; the long run's trial 55 rises 0.007 a step of $1,500.)
func TestPropertyMonotoneInMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	n := trials.N(8, 12, 80)
	for trial := range n {
		p := randomDecideProfile(r)
		type track struct {
			left     bool
			accepted bool
			chance   float64
			seen     bool
			y        int
		}
		tracks := map[string]*track{}
		for savings := 0.0; savings <= 60000; savings += 1500 {
			s, d := decideAt(t, withSavings(p, savings), Request{})
			for _, o := range d.Offers {
				name := s.Assessments[o.Index].Name
				tr := tracks[name]
				if tr == nil {
					tr = &track{y: o.WaitingFor}
					tracks[name] = tr
				}
				acc := o.Advice == AdviceAccept
				if tr.accepted && !acc {
					tr.left = true
				}
				if tr.left && acc {
					t.Errorf("trial %d: %s is accepted again at savings %.0f after the advice left accept", trial, name, savings)
				}
				tr.accepted = acc
				if o.BreakEven != nil && o.WaitingFor == tr.y {
					if tr.seen && *o.BreakEven > tr.chance+chanceRiseSlack {
						t.Errorf("trial %d: %s's break-even chance rose from %.4f to %.4f at savings %.0f", trial, name, tr.chance, *o.BreakEven, savings)
					}
					tr.chance, tr.seen = *o.BreakEven, true
				}
			}
		}
	}
}

// TestGapMatchesTheIntegral checks the shortfall's closed form against a
// plain numerical integral of its definition.
func TestGapMatchesTheIntegral(t *testing.T) {
	l := ledger{savings: 1000, burn: 2000, expenses: 2500, shortfall: 100, rho: -math.Log(0.99)}
	for _, c := range []struct{ a, b float64 }{{0, 0.3}, {0, 2}, {0.7, 3.5}, {1, 1.2}, {0, 24}} {
		want := 0.0
		const n = 200000
		h := (c.b - c.a) / n
		for k := range n {
			t0 := c.a + (float64(k)+0.5)*h
			want += math.Exp(-l.rho*t0) * math.Max(0, l.burn*t0-l.savings) * h
		}
		want *= l.shortfall / l.expenses
		if got := l.gap(c.a, c.b); math.Abs(got-want) > 1e-6*math.Max(1, want) {
			t.Errorf("gap(%v, %v) = %v, want %v", c.a, c.b, got, want)
		}
	}
}

// exploding is an offer that must be answered in three days and a final
// round that decides in twelve, with savings enough to wait a while.
func exploding() *Profile {
	p := nearlyBroke(9000)
	p.Opportunities[0].RespondBy = today.AddDays(3)
	p.Opportunities[0].Starts = today.AddDays(21)
	p.Opportunities[1].DecisionExpected = today.AddDays(12)
	p.Opportunities[1].Chance = Float(0.5)
	return p
}

func leverOf(o *OfferAdvice, kind LeverKind) *Lever {
	for k := range o.Levers {
		if o.Levers[k].Kind == kind {
			return &o.Levers[k]
		}
	}
	return nil
}

// TestExtendLever: asking for the deadline the lever names makes holding
// the offer possible, and the advice turns to holding it.
func TestExtendLever(t *testing.T) {
	p := exploding()
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "Sure")
	l := leverOf(o, LeverExtend)
	if l == nil {
		t.Fatalf("no extend lever on %+v", o)
	}
	if o.Holds {
		t.Fatalf("the offer already holds until Better decides")
	}
	if l.Worth <= 0 || l.Process < 0 || s.Assessments[l.Process].Name != "Better" {
		t.Errorf("lever %+v", l)
	}
	q := *p
	q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
	q.Opportunities[0].RespondBy = l.To
	s2, d2 := decideAt(t, &q, Request{})
	o2 := offerNamed(t, s2, d2, "Sure")
	if !o2.Holds || o2.Advice != AdviceWait {
		t.Errorf("with respond_by = %v the offer holds %v, advice %s; want it held for Better", l.To, o2.Holds, o2.Advice)
	}
	if got := d2.Flow(d2.Verdict.Value); math.Abs(got-(d.Flow(d.Verdict.Value)+l.Worth)) > 1e-6 {
		t.Errorf("the extension is worth %.4f, the lever says %.4f", got-d.Flow(d.Verdict.Value), l.Worth)
	}
	q.Opportunities[0].RespondBy = l.To.AddDays(-1)
	s3, d3 := decideAt(t, &q, Request{})
	if o3 := offerNamed(t, s3, d3, "Sure"); o3.Holds {
		t.Errorf("a day short of the lever's date the offer should not hold")
	}
}

// TestCounterLever: the counter pay plus 3% makes accepting win; minus 3%
// does not; and it is exact to the dollar.
func TestCounterLever(t *testing.T) {
	// Pay moves the decision through income and through a priority rated
	// from pay; without one, more pay past the expenses changes nothing.
	p := nearlyBroke(9000)
	p.Priorities = append(p.Priorities, Priority{ID: "pay", Weight: 2, FromPay: &[2]float64{30000, 90000}})
	// Without the bridge accepting Sure loses here, so a counter can win.
	p.Search.LeaveCost = 1e9
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "Sure")
	if o.Advice == AdviceAccept {
		t.Fatalf("Sure is accepted already; the case needs a counter")
	}
	l := leverOf(o, LeverCounter)
	if l == nil {
		t.Fatalf("no counter lever on %+v", o)
	}
	if l.Pay <= *p.Opportunities[0].Pay {
		t.Errorf("counter %.0f is not above the pay offered", l.Pay)
	}
	for _, c := range []struct {
		pay    float64
		accept bool
	}{{l.Pay * 1.03, true}, {l.Pay * 0.97, false}, {l.Pay, true}, {l.Pay - 1, false}} {
		q := *p
		q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
		q.Opportunities[0].Pay = Float(c.pay)
		s2, d2 := decideAt(t, &q, Request{})
		if got := offerNamed(t, s2, d2, "Sure").Advice == AdviceAccept; got != c.accept {
			t.Errorf("at pay %.2f (counter %.2f) accept is %v, want %v", c.pay, l.Pay, got, c.accept)
		}
	}
}

// TestDecideByLever: were the process to decide by the lever's day,
// holding out would pay; a day later it would not.
func TestDecideByLever(t *testing.T) {
	p := nearlyBroke(3000)
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "Sure")
	if o.Advice != AdviceAccept {
		t.Fatalf("want Sure accepted at 3,000, got %s", o.Advice)
	}
	l := leverOf(o, LeverDecideBy)
	if l == nil {
		t.Fatalf("no decide_by lever on %+v", o)
	}
	for _, c := range []struct {
		day    Date
		accept bool
	}{{l.By, false}, {l.By.AddDays(1), true}} {
		q := *p
		q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
		q.Opportunities[1].DecisionExpected = c.day
		s2, d2 := decideAt(t, &q, Request{})
		if got := offerNamed(t, s2, d2, "Sure").Advice == AdviceAccept; got != c.accept {
			t.Errorf("with Better deciding %v (lever: by %v) accept is %v, want %v", c.day, l.By, got, c.accept)
		}
	}
}

// TestHoldForTheEarlyOneThenDecideAboutTheLateOne: an offer held for a
// process that decides before its deadline is worth more with a second,
// later process to weigh after, than with either alone.
func TestHoldForTheEarlyOneThenDecideAboutTheLateOne(t *testing.T) {
	base := nearlyBroke(15000)
	base.Opportunities[0].RespondBy = today.AddDays(20)
	// The market set apart, so that what a search finds is the same in the
	// three (each open opportunity counts towards it otherwise, and a
	// process below it lowers it: searched from, a job is worth the
	// market as well).
	base.Search.OfferMean, base.Search.OfferSD = Float(50), Float(25)
	early := Opportunity{Name: "Early", Stage: StageFinal, Chance: Float(0.4), Pay: Float(55000), Insurance: true,
		DecisionExpected: today.AddDays(10), Ratings: map[string]Rating{"craft": {4, 4}, "team": {4, 4}}}
	late := base.Opportunities[1]
	late.Name, late.DecisionExpected = "Late", today.AddDays(40)
	value := func(opps ...Opportunity) float64 {
		p := *base
		p.Opportunities = append([]Opportunity{base.Opportunities[0]}, opps...)
		_, d := decideAt(t, &p, Request{})
		return d.Flow(d.Verdict.Value)
	}
	both, onlyEarly, onlyLate := value(early, late), value(early), value(late)
	if !(both > onlyEarly+1e-6 && both > onlyLate+1e-6) {
		t.Errorf("both processes %.4f, early alone %.4f, late alone %.4f: the second should add value", both, onlyEarly, onlyLate)
	}
}

// TestNeverWaitsForChanceZero: a process with no chance is never waited
// for, however good it would be.
func TestNeverWaitsForChanceZero(t *testing.T) {
	p := nearlyBroke(30000)
	p.Opportunities[1].Chance = Float(0)
	s, d := decideAt(t, p, Request{})
	if d.Verdict.WaitingFor >= 0 {
		t.Errorf("waiting for %s", s.Assessments[d.Verdict.WaitingFor].Name)
	}
	if len(d.Hopeless) != 1 {
		t.Errorf("hopeless %v, want Better", d.Hopeless)
	}
}

// TestExpiredOfferIsAdvisedForToday: an offer whose respond_by has passed
// is still weighed, as an answer due today that cannot be held.
func TestExpiredOfferIsAdvisedForToday(t *testing.T) {
	p := nearlyBroke(200)
	p.Opportunities[0].RespondBy = today.AddDays(-2)
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "Sure")
	if !o.Expired || o.CanHold || o.Deadline != today || o.Advice != AdviceAccept {
		t.Errorf("expired offer: %+v", o)
	}
}

// TestOfferWithoutDeadlineIsWeighed: an offer with no respond_by is held
// for hold_days, and two offers are weighed against each other: the better
// one is accepted, the other declined in its favour.
func TestOfferWithoutDeadlineIsWeighed(t *testing.T) {
	p := nearlyBroke(2000)
	p.Opportunities[0].RespondBy = Date{}
	second := p.Opportunities[0]
	second.Name, second.Pay = "Second", Float(52000)
	second.Ratings = map[string]Rating{"craft": {4, 4}, "team": {3, 3}}
	second.RespondBy = today.AddDays(4)
	p.Opportunities = append(p.Opportunities, second)
	s, d := decideAt(t, p, Request{})
	if len(d.Offers) != 2 {
		t.Fatalf("%d offers advised, want both", len(d.Offers))
	}
	sure, sec := offerNamed(t, s, d, "Sure"), offerNamed(t, s, d, "Second")
	if !sure.DeadlineAssumed || sure.Deadline != today.AddDays(7) {
		t.Errorf("Sure's deadline %v assumed %v, want hold_days from today", sure.Deadline, sure.DeadlineAssumed)
	}
	if sec.Advice != AdviceAccept || sure.Advice != AdviceDecline || sure.Instead != sec.Index {
		t.Errorf("Second %s, Sure %s instead of %d", sec.Advice, sure.Advice, sure.Instead)
	}
}

// TestReservationFallsWithRunway: the lowest fit worth accepting never
// rises as the runway shrinks, and with nothing left any offer is worth
// taking.
func TestReservationFallsWithRunway(t *testing.T) {
	_, d := decideAt(t, nearlyBroke(12000), Request{})
	rs := d.Reservations
	if len(rs) < 6 || !rs[0].Any {
		t.Fatalf("reservations %+v", rs)
	}
	for k := 1; k < len(rs); k++ {
		if rs[k].Fit < rs[k-1].Fit-1e-9 {
			t.Errorf("reservation %.2f at %d months is below %.2f at %d", rs[k].Fit, k, rs[k-1].Fit, k-1)
		}
	}
}

// TestFinerGridChangesNothing halves every step of the grid and checks
// that no value moves by more than 0.01 points a month.
func TestFinerGridChangesNothing(t *testing.T) {
	for _, savings := range []float64{200, 5000, 20000} {
		s, err := Evaluate(nearlyBroke(savings), Request{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		coarse, fine := newSolver(s), newSolver(s)
		fine.tl.grid = gridTimes(2)
		wc, wf := coarse.evaluate(savings), fine.evaluate(savings)
		for _, c := range []struct {
			name   string
			cv, fv float64
		}{{"hold", wc.hold.start(), wf.hold.start()}, {"search", wc.search.start(), wf.search.start()}} {
			if diff := math.Abs(coarse.flow(c.cv - c.fv)); diff > 0.01 {
				t.Errorf("savings %.0f: %s moves by %.4f a month on a grid twice as fine", savings, c.name, diff)
			}
		}
	}
}

// TestForUrgencyIsABriefDecisionAtThatUrgency: a decision rescored at
// another urgency is what a fresh one at that urgency would be.
func TestForUrgencyIsABriefDecisionAtThatUrgency(t *testing.T) {
	s, err := Evaluate(nearlyBroke(3000), Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	moved := s.WithUrgency(0.8, SourceWhatIf)
	if !SameMoney(s, moved) {
		t.Fatal("an urgency what-if changed the money")
	}
	fresh, kept := DecideBrief(moved), DecideBrief(s).ForUrgency(moved)
	if fresh.Now != kept.Now || fresh.Verdict.Action != kept.Verdict.Action || fresh.Verdict.Value != kept.Verdict.Value {
		t.Errorf("rescored %+v / %+v, fresh %+v / %+v", kept.Now, kept.Verdict, fresh.Now, fresh.Verdict)
	}
}

// TestAcceptedJobIsInHand: a job already accepted is weighed as an offer
// in hand that can be given up until it starts, not forgotten.
func TestAcceptedJobIsInHand(t *testing.T) {
	p := nearlyBroke(200)
	p.Opportunities[0].Stage, p.Opportunities[0].RespondBy = StageAccepted, Date{}
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "Sure")
	if o.Deadline != p.Opportunities[0].Starts || d.Verdict.Offer != o.Index {
		t.Errorf("accepted job: deadline %v, verdict %+v", o.Deadline, d.Verdict)
	}
}

// TestLaterDeadlineIsNeverWorthLess: more time to answer an offer can only
// help: it can be accepted as soon as there is nothing more to hear, so
// holding out is never worth less with a later respond_by, and the
// break-even chance never rises.
func TestLaterDeadlineIsNeverWorthLess(t *testing.T) {
	base := nearlyBroke(4000)
	base.Opportunities[0].Starts = today.AddDays(6)
	base.Opportunities[1].DecisionExpected = today.AddDays(2)
	base.Opportunities[1].Chance = Float(0.3)
	prevHold, prevBE := math.Inf(-1), 2.0
	for _, days := range []int{3, 9, 19, 40, 76} {
		p := *base
		p.Opportunities = append([]Opportunity(nil), base.Opportunities...)
		p.Opportunities[0].RespondBy = today.AddDays(days)
		s, d := decideAt(t, &p, Request{})
		o := offerNamed(t, s, d, "Sure")
		if o.Wait < prevHold-1e-9 {
			t.Errorf("respond_by in %d days: holding out is worth %.4f, less than %.4f with an earlier deadline", days, o.Wait, prevHold)
		}
		be := 1.5
		if o.BreakEven != nil {
			be = *o.BreakEven
		}
		if be > prevBE+1e-9 {
			t.Errorf("respond_by in %d days: break-even chance %.4f rose from %.4f", days, be, prevBE)
		}
		prevHold, prevBE = o.Wait, be
	}
}

// TestMonthsSearchedLowersTheFindRate: a search already nine months long
// finds work more slowly, so searching on is worth less.
func TestMonthsSearchedLowersTheFindRate(t *testing.T) {
	fresh := nearlyBroke(8000)
	long := nearlyBroke(8000)
	long.Search.MonthsSearched = 9
	_, a := decideAt(t, fresh, Request{})
	_, b := decideAt(t, long, Request{})
	if !(b.FindRate < a.FindRate) || !(b.Offers[0].Search < a.Offers[0].Search) {
		t.Errorf("find rate %v → %v, search %v → %v", a.FindRate, b.FindRate, a.Offers[0].Search, b.Offers[0].Search)
	}
}

// TestGlanceIsTheBriefOnTheVerdictsOffer: the header's decision says what
// the brief one says (the reservation now, the verdict) and gives the
// offer the verdict accepts, holds or declines the advice the whole
// decision gives it, break-evens included, but no levers; for a verdict
// of each kind: accept, hold and search on, and on a profile with many
// offers.
func TestGlanceIsTheBriefOnTheVerdictsOffer(t *testing.T) {
	profiles := map[string]*Profile{"bench": benchProfile(120, 6)}
	for _, savings := range []float64{200, 3000, 9000, 40000} {
		profiles[fmt.Sprintf("nearly broke, %g saved", savings)] = nearlyBroke(savings)
	}
	actions := map[Action]bool{}
	for name, p := range profiles {
		s, err := Evaluate(p, Request{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		brief, glance := DecideBrief(s), DecideGlance(s)
		actions[glance.Verdict.Action] = true
		if glance.Now != brief.Now || fmt.Sprint(glance.Verdict) != fmt.Sprint(brief.Verdict) {
			t.Errorf("%s: glance says %+v / %+v, brief %+v / %+v", name, glance.Now, glance.Verdict, brief.Now, brief.Verdict)
		}
		target := brief.Verdict.Offer
		if brief.Verdict.Action == ActionSearch && len(brief.Verdict.Lapses) > 0 {
			target = brief.Verdict.Lapses[0]
		}
		var want []string
		for _, o := range Decide(s).Offers {
			if o.Index == target {
				o.Levers, o.Weighed = nil, false
				want = append(want, adviceText(o))
			}
		}
		var got []string
		for _, o := range glance.Offers {
			got = append(got, adviceText(o))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: glance advises %v, the whole decision %v", name, got, want)
		}
	}
	if !actions[ActionAccept] || len(actions) < 2 {
		t.Errorf("the cases reach only the verdicts %v", actions)
	}
}

// advisedAndBest are the value of what offer o is advised, and the best
// of the values printed beside it (holding only where it can be held).
func advisedAndBest(o OfferAdvice) (got, best float64) {
	// Accepting is worth the better of accepting and stopping and the
	// bridge (accepting and keeping the later processes alive).
	accept := math.Max(o.Accept, o.BridgeValue)
	best = math.Max(accept, math.Max(o.Search, o.Decline))
	if o.CanHold {
		best = math.Max(best, o.Wait)
	}
	got = map[Advice]float64{AdviceAccept: accept, AdviceWait: o.Wait, AdviceDecline: o.Decline}[o.Advice]
	return got, best
}

// adviceText writes o with its break-evens' values rather than their
// addresses.
func adviceText(o OfferAdvice) string {
	deref := func(p *float64) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	chance, savings := deref(o.BreakEven), deref(o.SavingsBreakEven)
	o.BreakEven, o.SavingsBreakEven = nil, nil
	return fmt.Sprintf("%+v chance %s savings %s", o, chance, savings)
}
