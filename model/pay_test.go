package model

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// payProfile: a fixed urgency of 0.5, income covering expenses (so
// timeliness is 1), and two offers, rated by hand on "fit" and by pay on
// "money" (40,000 rates 1, 80,000 the top). Relief is 45 + 40 × income
// cover, cover is yearly pay / 48,000 (net 75%, against 3,000 a month).
//
//	Lead:  fit 4, pay 60,000: fit 62.5, relief 85, score 73.75
//	Other: fit 5, pay 36,000: fit 50,   relief 75, score 62.5
func payProfile() *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(),
		Situation:  Situation{Savings: Float(1000), MonthlyExpenses: Float(3000), MonthlyIncome: Float(3000)},
		Priorities: []Priority{{ID: "fit", Weight: 1}, {ID: "money", Weight: 1, FromPay: &[2]float64{40000, 80000}}},
		Opportunities: []Opportunity{
			{Name: "Lead", Stage: StageOffer, Pay: Float(60000), Starts: today, Ratings: map[string]Rating{"fit": {4, 4}}},
			{Name: "Other", Stage: StageOffer, Pay: Float(36000), Starts: today, Ratings: map[string]Rating{"fit": {5, 5}}},
		},
	}
}

// TestBreakEvenPayByHand works both break-evens out by hand.
//
// Other at yearly pay y scores 47.5 + 25·level + 20·cover, and must reach
// 73.75: past 48,000 cover is 1, so 25·(y − 40,000)/40,000 = 6.25 and
// y = 50,000. Lead scores 41.25 + 25·level + 20·cover and keeps the lead
// while that is at least 62.5: between 40,000 and 48,000, with y = 40,000
// + d, d·(1/1,600 + 1/2,400) = d/960 = 55/12, so d = 4,400 and y = 44,400.
func TestBreakEvenPayByHand(t *testing.T) {
	p := payProfile()
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if s.Leader() != 0 || !near(s.Ranked[0].Score, 73.75) || !near(s.Ranked[1].Score, 62.5) {
		t.Fatalf("the ranking is not as worked out: %+v", s.Ranked)
	}
	other, ok := s.BreakEvenPay(1)
	if !ok || !near(other.Pay, 50000) || other.Per != "year" || other.Leader || other.Rival != 0 {
		t.Fatalf("Other: %+v %v, want 50,000 a year to tie Lead", other, ok)
	}
	lead, ok := s.BreakEvenPay(0)
	if !ok || !near(lead.Pay, 44400) || !lead.Leader || lead.Rival != 1 {
		t.Fatalf("Lead: %+v %v, want 44,400 a year", lead, ok)
	}

	// The same in the opportunity's own period.
	p.Opportunities[1].Pay, p.Opportunities[1].Per = Float(3000), "month"
	s = mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if other, ok := s.BreakEvenPay(1); !ok || !near(other.Pay, 50000.0/12) || other.Per != "month" || !near(other.Yearly, 50000) {
		t.Fatalf("Other by the month: %+v %v", other, ok)
	}
	p.Opportunities[1].Pay, p.Opportunities[1].Per, p.Opportunities[1].HoursPerWeek = Float(20), "hour", 25
	s = mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if other, ok := s.BreakEvenPay(1); !ok || !near(other.Pay, 50000.0/(25*52)) || other.Per != "hour" {
		t.Fatalf("Other by the hour: %+v %v", other, ok)
	}
}

// TestBreakEvenPayNone: where no pay does it, there is no break-even.
func TestBreakEvenPayNone(t *testing.T) {
	// Pay that cannot close the gap: Other at fit 1 scores at most 47.5 +
	// 25 + 20 − 25 = 67.5 < 73.75.
	p := payProfile()
	p.Opportunities[1].Ratings["fit"] = Rating{1, 1}
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if b, ok := s.BreakEvenPay(1); ok {
		t.Errorf("no pay lifts Other to Lead: %+v", b)
	}
	// A lead no pay loses: at pay 0 Lead still scores 41.25 against 37.5.
	if b, ok := s.BreakEvenPay(0); ok {
		t.Errorf("Lead keeps the lead at any pay: %+v", b)
	}
	// Pay that moves nothing: no from_pay, no chance.
	p = payProfile()
	p.Priorities[1].FromPay = nil
	p.Opportunities[1].Chance = Float(0)
	p.Opportunities[1].Ratings["money"] = Rating{1, 1}
	s = mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if b, ok := s.BreakEvenPay(1); ok {
		t.Errorf("pay moves nothing in Other's score: %+v", b)
	}
	// Vetoed by a hand rating: no pay helps.
	p = payProfile()
	p.Priorities[0].AtLeast = 3
	p.Opportunities[1].Ratings["fit"] = Rating{2, 2}
	s = mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if b, ok := s.BreakEvenPay(1); ok {
		t.Errorf("a hand rating vetoes Other: %+v", b)
	}
	// A lone opportunity has no lead to lose.
	p = payProfile()
	p.Opportunities = p.Opportunities[:1]
	if b, ok := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)}).BreakEvenPay(0); ok {
		t.Errorf("alone, Lead has no break-even: %+v", b)
	}
}

// TestBreakEvenPayPastAFloor: a from_pay deal-breaker vetoes below the
// pay that rates its floor, so the break-even is no lower than that pay.
func TestBreakEvenPayPastAFloor(t *testing.T) {
	p := payProfile()
	p.Priorities[1].AtLeast = 3 // rated 3 at 60,000
	p.Opportunities = append(p.Opportunities, Opportunity{Name: "Third", Stage: StageOffer, Pay: Float(30000), Starts: today,
		Ratings: map[string]Rating{"fit": {1, 1}, "money": {3, 3}}})
	s := mustEval(t, p, Request{Today: today, Urgency: Float(0.5)})
	if s.Leader() != 0 || !s.Assessments[1].Vetoed() {
		t.Fatalf("Lead should lead and Other be vetoed: %+v", s.Ranked)
	}
	if b, ok := s.BreakEvenPay(1); !ok || !near(b.Pay, 60000) {
		t.Errorf("Other clears its floor at 60,000, past its tie at 50,000: %+v %v", b, ok)
	}
	if b, ok := s.BreakEvenPay(0); !ok || !near(b.Pay, 60000) {
		t.Errorf("below 60,000 Lead is vetoed: %+v %v", b, ok)
	}
}

// withPay is p with opportunity i paid pay a period.
func withPay(p *Profile, i int, pay float64) *Profile {
	q := *p
	q.Opportunities = slices.Clone(p.Opportunities)
	q.Opportunities[i].Pay = Float(pay)
	return &q
}

// TestPropertyBreakEvenPay re-ranks just either side of every break-even
// with the pay changed in the profile, and checks that where there is none
// no pay from 0 to a billion changes who leads.
func TestPropertyBreakEvenPay(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	trials := 300
	if testing.Short() {
		trials = 60
	}
	found := 0
	for trial := 0; trial < trials; trial++ {
		p := randomProfile(rng, 2+rng.IntN(6))
		if rng.IntN(3) > 0 {
			k := rng.IntN(len(p.Priorities))
			lo := 20000 + rng.Float64()*60000
			p.Priorities[k].FromPay = &[2]float64{lo, lo + rng.Float64()*60000}
			if rng.IntN(2) == 0 {
				p.Priorities[k].AtLeast = float64(1 + rng.IntN(3))
			}
			for i := range p.Opportunities {
				if rng.IntN(3) > 0 {
					delete(p.Opportunities[i].Ratings, p.Priorities[k].ID)
				}
			}
		}
		for i := range p.Opportunities {
			switch rng.IntN(4) {
			case 0:
				p.Opportunities[i].Per = "month"
			case 1:
				p.Opportunities[i].Per, p.Opportunities[i].HoursPerWeek = "hour", float64(10+rng.IntN(40))
			}
		}
		req := Request{Today: today}
		if rng.IntN(2) == 0 {
			req.Urgency = Float(rng.Float64())
		}
		s := mustEval(t, p, req)
		for i, a := range s.Assessments {
			if a.Closed {
				continue
			}
			leads := func(pay float64) bool { return mustEval(t, withPay(p, i, pay), req).Leader() == i }
			b, ok := s.BreakEvenPay(i)
			if !ok {
				// No pay changes whether it leads.
				now := s.Leader() == i
				for _, pay := range []float64{0, 1, 1000, 20000, 50000, 100000, 1e6, 1e9} {
					if pay/payPeriods(&s.Profile.Opportunities[i]) > MaxMoney {
						continue
					}
					if leads(pay/payPeriods(&s.Profile.Opportunities[i])) != now && !(now && len(s.Ranked) < 2) {
						t.Fatalf("trial %d: %d has no break-even, yet at pay %v a year it leads: %v", trial, i, pay, !now)
					}
				}
				continue
			}
			found++
			if b.Leader != (s.Leader() == i) {
				t.Fatalf("trial %d: %+v for %d, leader %d", trial, b, i, s.Leader())
			}
			h := 1e-6 * max(1, b.Pay)
			if b.Pay-h >= 0 && leads(b.Pay-h) {
				t.Fatalf("trial %d: %d leads just below its break-even %+v", trial, i, b)
			}
			if !leads(b.Pay + h) {
				t.Fatalf("trial %d: %d does not lead just above its break-even %+v", trial, i, b)
			}
		}
	}
	if found < trials/2 {
		t.Fatalf("only %d break-evens in %d trials: the test compares too little", found, trials)
	}
}

// TestAssessAtPayIsAssess: at the pay it has, an opportunity paid by the
// year is assessed to the same bits as Assess assesses it, since ties are
// broken by exact comparison.
func TestAssessAtPayIsAssess(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	for trial := 0; trial < 200; trial++ {
		p := randomProfile(rng, 6)
		p.Priorities[0].FromPay = &[2]float64{30000, 90000}
		s := mustEval(t, p, Request{Today: today})
		for i, a := range s.Assessments {
			y, ok := p.Opportunities[i].YearlyPay()
			if !ok {
				continue
			}
			b := a
			sc, ok := s.payScore(i)
			if !ok {
				continue
			}
			score, vetoed := s.assessAtPay(&b, &sc, y)
			if b.Fit.Value != a.Fit.Value || b.Relief.Value != a.Relief.Value || score != a.Score(s.Urgency.Value) || vetoed != a.Vetoed() {
				t.Fatalf("trial %d, %d: fit %v relief %v vetoed %v; Assess says %v %v %v", trial, i, b.Fit.Value, b.Relief.Value, vetoed,
					a.Fit.Value, a.Relief.Value, a.Vetoed())
			}
		}
	}
}

// BenchmarkBreakEvenPay is every opportunity's break-even pay on the
// 2,000 × 30 profile, as rank's JSON asks for them.
func BenchmarkBreakEvenPay(b *testing.B) {
	s, err := Evaluate(benchProfile(2000, 30), Request{Today: NewDate(2026, 11, 25)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range s.Assessments {
			s.BreakEvenPay(i)
		}
	}
}
