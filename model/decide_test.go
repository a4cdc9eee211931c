package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// decideProfile is a small search: an okay offer that must be answered in
// four days and a better-fitting final round that decides in two weeks.
func decideProfile() *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation: Situation{Savings: Float(10000), MonthlyExpenses: Float(2800)},
		Priorities: []Priority{
			{ID: "craft", Weight: 3, Ask: "What does a week look like?"},
			{ID: "team", Weight: 2, AtLeast: 2, Ask: "How does the team review work?"},
		},
		Opportunities: []Opportunity{
			{Name: "Steady", Stage: StageOffer, Pay: Float(48000), Starts: today.AddDays(2), FirstPaycheckDays: Float(7),
				Insurance: true, RespondBy: today.AddDays(4), Ratings: map[string]Rating{"craft": {2, 2}, "team": {3, 3}}},
			{Name: "Bright", Stage: StageFinal, Chance: Float(0.5), Pay: Float(62000), Starts: today.AddDays(49), Insurance: true,
				DecisionExpected: today.AddDays(14), Ratings: map[string]Rating{"craft": {5, 5}, "team": {3, 5}}},
		},
	}
}

func mustDecide(t *testing.T, p *Profile, req Request) (*State, *Decision) {
	t.Helper()
	if req.Today.IsZero() {
		req.Today = today
	}
	s := mustEval(t, p, req)
	return s, Decide(s)
}

func TestScoreOffersMatchesItsMoments(t *testing.T) {
	cases := []struct {
		name           string
		mean, sd       float64
		wantSD         float64
		pointMass, bin bool
	}{
		{"typical", 70, 10, 10, false, false},
		{"wide", 50, 30, 30, false, false},
		{"low mean", 20, 12, 12, false, false},
		{"below the binomial spread gives the binomial", 50, 2, 5, false, true},
		{"no spread is the mean itself", 63.5, 0, 0, true, false},
		{"a mean at the top is a point", 100, 10, 0, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := ScoreOffers(c.mean, c.sd)
			sum := 0.0
			for _, q := range o.Probs {
				sum += q
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Fatalf("probabilities sum to %v", sum)
			}
			if math.Abs(o.Mean()-c.mean) > 1e-7 || math.Abs(o.SD()-c.wantSD) > 1e-6 {
				t.Errorf("mean %v sd %v, want %v and %v", o.Mean(), o.SD(), c.mean, c.wantSD)
			}
			if (len(o.Values) == 1) != c.pointMass {
				t.Errorf("%d values, point mass %v", len(o.Values), c.pointMass)
			}
		})
	}
}

func TestTenure(t *testing.T) {
	p := DefaultSearchParams()
	cases := []struct {
		fit, months float64
	}{{0, 6}, {100, 60}, {50, 1 / (0.5/6 + 0.5/60)}, {-10, 6}, {130, 60}}
	for _, c := range cases {
		if got := p.TenureMonths(c.fit); !near(got, c.months) {
			t.Errorf("tenure at fit %v = %v, want %v", c.fit, got, c.months)
		}
	}
	if p.Keep(20) >= p.Keep(80) {
		t.Error("a better fit should keep more of its value")
	}
}

func TestAdvice(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(p *Profile)
		advice Advice
		// waitingFor is the name of the process waited for, "" for none;
		// breakEven is the break-even chance, -1 for none.
		waitingFor string
		breakEven  float64
	}{
		{"enough runway: wait for the better fit", nil, AdviceWait, "Bright", -2},
		{"savings nearly gone: accept", func(p *Profile) { p.Situation.Savings = Float(4000) }, AdviceAccept, "Bright", -2},
		{"a long shot is not worth waiting for", func(p *Profile) { p.Opportunities[1].Chance = Float(0.05) }, AdviceAccept, "Bright", -2},
		{"a process that decides before the deadline: hold the offer", func(p *Profile) {
			p.Opportunities[1].DecisionExpected = today.AddDays(3)
		}, AdviceWait, "Bright", 0},
		{"a process deciding long after the deadline is not weighed", func(p *Profile) {
			p.Opportunities[1].DecisionExpected = today.AddDays(60)
		}, AdviceAccept, "", -1},
		{"a process with no decision date is not weighed", func(p *Profile) {
			p.Opportunities[1].DecisionExpected = Date{}
		}, AdviceAccept, "", -1},
		{"a deal-breaker vetoes the offer", func(p *Profile) {
			p.Opportunities[0].Ratings["team"] = Rating{1, 1}
		}, AdviceDecline, "Bright", -2},
		{"an offer below the reservation score", func(p *Profile) {
			p.Situation.Savings, p.Situation.Insured = Float(60000), Bool(true)
			p.Opportunities[0].Ratings["craft"] = Rating{1, 1}
		}, AdviceDecline, "Bright", 0},
		{"wait_days widens what counts as soon", func(p *Profile) {
			p.Opportunities[1].DecisionExpected = today.AddDays(60)
			p.Search.WaitDays = 90
		}, AdviceWait, "Bright", -2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := decideProfile()
			if c.edit != nil {
				c.edit(p)
			}
			s, d := mustDecide(t, p, Request{})
			if len(d.Offers) != 1 {
				t.Fatalf("%d offers advised, want 1", len(d.Offers))
			}
			o := &d.Offers[0]
			if o.Advice != c.advice {
				t.Errorf("advice %s, want %s (accept %v wait %v search %v, score %v, now %v)", o.Advice, c.advice, o.Accept, o.Wait, o.Search, o.Score, d.Now)
			}
			got := ""
			if i := o.WaitingFor(); i >= 0 {
				got = s.Assessments[i].Name
			}
			if got != c.waitingFor {
				t.Errorf("waiting for %q, want %q", got, c.waitingFor)
			}
			be, ok := o.BreakEven()
			switch {
			case c.breakEven == -1 && ok:
				t.Errorf("break-even %v, want none", be)
			case c.breakEven >= 0 && (!ok || !near(be, c.breakEven)):
				t.Errorf("break-even %v (%v), want %v", be, ok, c.breakEven)
			}
			if ok && o.Best >= 0 {
				// At the break-even chance, waiting and accepting are worth the same.
				w := o.Waits[o.Best]
				if at := w.Fallback + be*(w.IfOffered-w.Fallback); be > 0 && !near(at, o.Accept) {
					t.Errorf("at the break-even chance waiting is worth %v, accepting %v", at, o.Accept)
				}
			}
		})
	}
}

func TestDecideWithUnboundedRunway(t *testing.T) {
	p := decideProfile()
	p.Situation.MonthlyIncome = Float(3000)
	_, d := mustDecide(t, p, Request{})
	if len(d.Reservations) != 0 || !math.IsInf(d.RunwayMonths, 1) {
		t.Fatalf("unbounded runway: reservations %v", d.Reservations)
	}
	c := d.SearchScore(math.Inf(1))
	if !near(d.Now, d.Search.Stationary(c)) || !near(d.ValueAt(1), d.Now) {
		t.Errorf("now %v, stationary %v, value at 1 month %v", d.Now, d.Search.Stationary(c), d.ValueAt(1))
	}
}

// TestDecideReservationIsDecidesReservation checks that the cheap solve
// gives exactly Decide's reservation scores and values, and no advice or
// questions, with a derived, a fixed and an unbounded urgency; and that
// advice on the one offer from it is Decide's.
func TestDecideReservationIsDecidesReservation(t *testing.T) {
	rich := decideProfile()
	rich.Situation.MonthlyIncome = Float(3000)
	cases := []struct {
		name string
		p    *Profile
		req  Request
	}{
		{"derived urgency", decideProfile(), Request{}},
		{"fixed urgency", decideProfile(), Request{Urgency: Float(0.8)}},
		{"unbounded runway", rich, Request{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, full := mustDecide(t, c.p, c.req)
			r := DecideReservation(s)
			if r.Now != full.Now || fmt.Sprint(r.Reservations) != fmt.Sprint(full.Reservations) {
				t.Errorf("reservation now %v by month %v, Decide says %v by month %v", r.Now, r.Reservations, full.Now, full.Reservations)
			}
			for _, months := range []float64{0, 0.5, 1, 2.7, 12} {
				if r.ValueAt(months) != full.ValueAt(months) || r.SearchScore(months) != full.SearchScore(months) {
					t.Errorf("at %v months: value %v and search %v, Decide says %v and %v", months, r.ValueAt(months),
						r.SearchScore(months), full.ValueAt(months), full.SearchScore(months))
				}
			}
			if len(r.Offers) != 0 || len(r.Questions) != 0 {
				t.Errorf("the reservation alone has %d offers and %d questions", len(r.Offers), len(r.Questions))
			}
			if len(full.Offers) == 0 {
				t.Fatal("the profile's offer got no advice from Decide")
			}
			for i := range s.Assessments {
				adv, ok := r.Advise(s, i)
				isOffer := i == full.Offers[0].Index
				if ok != isOffer {
					t.Errorf("Advise on %s: %v", s.Assessments[i].Name, ok)
				}
				if ok && !reflect.DeepEqual(adv, full.Offers[0]) {
					t.Errorf("Advise alone says %+v, Decide %+v", adv, full.Offers[0])
				}
			}
		})
	}
}

func TestEstimateOffers(t *testing.T) {
	p := decideProfile()
	s, d := mustDecide(t, p, Request{})
	u := s.Urgency.Value
	x0, x1 := OfferScore(&s.Assessments[0], u), OfferScore(&s.Assessments[1], u)
	// Each counts once, whatever its chance.
	mean := (x0 + x1) / 2
	if !near(d.Estimate.Mean, mean) || len(d.Estimate.From) != 2 {
		t.Errorf("mean %v from %v, want %v from both", d.Estimate.Mean, d.Estimate.From, mean)
	}
	p.Search.OfferMean, p.Search.OfferSD = Float(40), Float(15)
	_, d = mustDecide(t, p, Request{})
	if d.Estimate.Mean != 40 || d.Estimate.SD != 15 || !d.Estimate.MeanGiven || !d.Estimate.SDGiven {
		t.Errorf("given mean and sd not in force: %+v", d.Estimate)
	}
	p.Opportunities, p.Search.OfferMean, p.Search.OfferSD = nil, nil, nil
	_, d = mustDecide(t, p, Request{})
	if d.Estimate.Mean != fallbackOfferMean || d.Estimate.MeanGiven || d.Estimate.SD != p.Search.OfferSDMin {
		t.Errorf("with no opportunities: %+v", d.Estimate)
	}
}

func TestQuestions(t *testing.T) {
	p := decideProfile()
	p.Opportunities = append(p.Opportunities,
		Opportunity{Name: "Vetoed", Stage: StageApplied, Ratings: map[string]Rating{"team": {1, 1}}},
		Opportunity{Name: "Unknown", Stage: StageLead, Ratings: map[string]Rating{}})
	s, d := mustDecide(t, p, Request{})
	byName := func(name, id string) *Question {
		for k := range d.Questions {
			if q := &d.Questions[k]; s.Assessments[q.Index].Name == name && q.Priority == id {
				return q
			}
		}
		return nil
	}
	leader, second := s.Ranked[0], s.Ranked[1]
	team := byName("Bright", "team")
	if team == nil {
		t.Fatal("no question about Bright's team, rated 3–5")
	}
	wantSwing := (1 - s.Urgency.Value) * 0.4 * 2 / 4 * 100
	if !near(team.Swing, wantSwing) || team.CouldVeto {
		t.Errorf("Bright team: swing %v, want %v; could veto %v", team.Swing, wantSwing, team.CouldVeto)
	}
	if s.Assessments[leader.Index].Name == "Bright" && !near(team.Margin, leader.Score-second.Score) ||
		s.Assessments[leader.Index].Name != "Bright" && !near(team.Margin, leader.Score-s.Assessments[team.Index].Score(s.Urgency.Value)) {
		t.Errorf("margin %v", team.Margin)
	}
	if q := byName("Unknown", "team"); q == nil || !q.CouldVeto {
		t.Errorf("an unknown rating under a floor could veto: %+v", q)
	}
	if q := byName("Vetoed", "craft"); q == nil || !math.IsInf(q.Margin, 1) || q.Decisive {
		t.Errorf("a vetoed opportunity's unknowns cannot change the decision: %+v", q)
	}
	if q := byName("Steady", "craft"); q != nil {
		t.Errorf("a known rating is no question: %+v", q)
	}
	for k := 1; k < len(d.Questions); k++ {
		if d.Questions[k].importance() > d.Questions[k-1].importance() {
			t.Errorf("question %d is more important than the one before it", k)
		}
	}
	if qs := d.QuestionsFor(team.Index); len(qs) != 1 || qs[0] != *team {
		t.Errorf("QuestionsFor(Bright) = %+v", qs)
	}
}

func TestQuestionThatCouldVetoTheLeaderComesFirst(t *testing.T) {
	p := decideProfile()
	p.Opportunities[0].Ratings["team"] = Rating{1, 5} // the offer's team: unknown
	p.Situation.Savings = Float(3000)                 // the offer leads
	s, d := mustDecide(t, p, Request{})
	if s.Assessments[s.Leader()].Name != "Steady" {
		t.Fatalf("leader %s, want Steady", s.Assessments[s.Leader()].Name)
	}
	q := d.Questions[0]
	if s.Assessments[q.Index].Name != "Steady" || q.Priority != "team" || !q.CouldVeto || !q.Decisive {
		t.Errorf("first question %+v, want Steady's team, decisive", q)
	}
}

// randomDecision gives a random profile an offer with a deadline and, on
// most trials, a process that decides around it.
func randomDecision(rng *rand.Rand) *Profile {
	p := randomProfile(rng, 2+rng.IntN(6))
	p.Search = DefaultSearchParams()
	p.Search.OffersPerMonth = rng.Float64() * 2
	p.Search.Discount = 0.8 + 0.19*rng.Float64()
	p.Search.SearchFit = rng.Float64() * 100
	p.Opportunities[0].Stage = StageOffer
	p.Opportunities[0].RespondBy = today.AddDays(rng.IntN(20))
	for i := 1; i < len(p.Opportunities); i++ {
		if rng.IntN(3) > 0 {
			p.Opportunities[i].DecisionExpected = today.AddDays(rng.IntN(50))
		}
	}
	return p
}

func TestPropertyLessRunwayNeverRaisesTheReservation(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for trial := range 300 {
		p := randomDecision(rng)
		_, d := mustDecide(t, p, Request{})
		for k := 1; k < len(d.Reservations); k++ {
			if d.Reservations[k] < d.Reservations[k-1] {
				t.Fatalf("trial %d: reservation with %d months %v < with %d months %v", trial, k, d.Reservations[k], k-1, d.Reservations[k-1])
			}
		}
		prev := d.ReservationAt(0)
		for r := 0.1; r < 30; r += 0.1 {
			v := d.ReservationAt(r)
			if v < prev-1e-9 {
				t.Fatalf("trial %d: reservation at %.1f months %v, below %v just before", trial, r, v, prev)
			}
			prev = v
		}
	}
}

func TestPropertyHigherChanceNeverMakesWaitingWorse(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	checked := 0
	for trial := range 300 {
		p := randomDecision(rng)
		j := 1 + rng.IntN(len(p.Opportunities)-1)
		p.Opportunities[j].Stage = StageFinal
		p.Opportunities[j].DecisionExpected = today.AddDays(rng.IntN(40))
		prevWait, prevAdvice := math.Inf(-1), Advice("")
		for _, c := range []float64{0, 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1} {
			p.Opportunities[j].Chance = Float(c)
			s, d := mustDecide(t, p, Request{})
			if s.Assessments[0].Vetoed() || len(d.Offers) == 0 {
				break
			}
			o := &d.Offers[0]
			value := math.Inf(-1)
			for _, w := range o.Waits {
				if w.IfOffered < w.Fallback-1e-9 {
					t.Fatalf("trial %d: a yes (%v) is worth less than a no (%v)", trial, w.IfOffered, w.Fallback)
				}
				if w.Index == j {
					value = w.Value
				}
			}
			if value < prevWait-1e-9 {
				t.Fatalf("trial %d: at chance %v waiting is worth %v, less than %v at a lower chance", trial, c, value, prevWait)
			}
			if prevAdvice == AdviceWait && o.Advice == AdviceAccept {
				t.Fatalf("trial %d: a higher chance (%v) turned wait into accept", trial, c)
			}
			prevWait, prevAdvice = value, o.Advice
			checked++
		}
	}
	if checked < 500 {
		t.Fatalf("only %d cases checked", checked)
	}
}

func TestPropertyDecideStaysFinite(t *testing.T) {
	// Every setting at the ends of its range, and between.
	rng := rand.New(rand.NewPCG(35, 36))
	pick := func(vs ...float64) float64 { return vs[rng.IntN(len(vs))] }
	for trial := range 400 {
		p := randomDecision(rng)
		p.Search = SearchParams{OffersPerMonth: pick(0, 0.01, 0.3, 30), Discount: pick(1e-9, 0.5, 0.97, 0.999999),
			SearchFit: pick(0, 50, 100), PoorFitMonths: pick(1e-6, 6, 1200), OfferSDMin: pick(0, 10, 50), WaitDays: pick(0, 30, 3650)}
		p.Search.GoodFitMonths = p.Search.PoorFitMonths * pick(1, 10)
		if rng.IntN(2) == 0 {
			p.Search.OfferMean, p.Search.OfferSD = Float(pick(0, 0.5, 50, 100)), Float(pick(0, 0.1, 25, 50))
		}
		if rng.IntN(5) == 0 {
			p.Situation.Savings = Float(0)
		}
		_, d := mustDecide(t, p, Request{})
		finite := func(what string, v float64) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("trial %d (%+v): %s = %v", trial, p.Search, what, v)
			}
		}
		finite("now", d.Now)
		for k, r := range d.Reservations {
			finite(fmt.Sprintf("reservation %d", k), r)
		}
		for _, o := range d.Offers {
			finite("accept", o.Accept)
			finite("wait", o.Wait)
			finite("search", o.Search)
			for _, w := range o.Waits {
				finite("if offered", w.IfOffered)
				finite("fallback", w.Fallback)
				if w.BreakEven != nil && (*w.BreakEven < 0 || *w.BreakEven > 1) {
					t.Fatalf("trial %d: break-even %v outside 0..1", trial, *w.BreakEven)
				}
			}
		}
		for _, q := range d.Questions {
			finite("swing", q.Swing)
		}
	}
}

// TestPropertyAcceptIsNeverWorthLessThanSearching: the advice to accept an
// offer never comes with accepting worth less than declining and searching
// on, except when the runway is gone and declining is not an option.
func TestPropertyAcceptIsNeverWorthLessThanSearching(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	broke := 0
	for trial := 0; trial < 200; trial++ {
		p := randomProfile(rng, 2+rng.IntN(6))
		for i := range p.Opportunities {
			o := &p.Opportunities[i]
			if o.Stage == StageOffer {
				o.RespondBy = today.AddDays(rng.IntN(20))
			} else if rng.IntN(2) == 0 {
				o.DecisionExpected = today.AddDays(rng.IntN(40))
			}
		}
		if rng.IntN(3) == 0 {
			p.Situation.Savings = Float(0)
		}
		s := mustEval(t, p, Request{Today: today})
		for _, o := range Decide(s).Offers {
			if o.Broke {
				broke++
				if o.Advice == AdviceDecline && !o.Vetoed {
					t.Fatalf("trial %d: broke, yet advised to decline %+v", trial, o)
				}
				continue
			}
			if o.Advice == AdviceAccept && o.Accept < o.Search-1e-9 {
				t.Fatalf("trial %d: accept advised at %v while searching on is worth %v", trial, o.Accept, o.Search)
			}
		}
	}
	if broke == 0 {
		t.Fatal("no trial had the runway gone: the test is not exercising it")
	}
}
