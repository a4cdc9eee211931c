package model

import (
	"math"
	"testing"
)

// lineParams make relief equal chance × 100 for a well-paid permanent job
// that starts today: only the income term counts.
func lineParams() Params {
	p := DefaultParams()
	p.WeightIncome, p.WeightTimeliness, p.WeightLasting, p.WeightCoverage = 1, 0, 0, 0
	return p
}

// lineProfile builds a profile whose opportunities have exactly the given
// fit and relief (both 0..100): one priority on a 1..5 scale carries fit,
// chance carries relief.
func lineProfile(lines ...struct {
	name        string
	fit, relief float64
}) *Profile {
	p := &Profile{Version: 1, Scale: 5, Params: lineParams(),
		Situation:  Situation{Savings: Float(10000), MonthlyExpenses: Float(1000)},
		Priorities: []Priority{{ID: "fit", Weight: 1}},
	}
	for _, l := range lines {
		p.Opportunities = append(p.Opportunities, Opportunity{
			Name: l.name, Stage: StageOffer, Chance: Float(l.relief / 100), Pay: Float(1e6),
			Ratings: map[string]Rating{"fit": {1 + 4*l.fit/100, 1 + 4*l.fit/100}},
		})
	}
	return p
}

type line = struct {
	name        string
	fit, relief float64
}

func mustEval(t *testing.T, p *Profile, req Request) *State {
	t.Helper()
	s, err := Evaluate(p, req)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestUrgency(t *testing.T) {
	cases := []struct {
		name                       string
		sit                        Situation
		runway, cash, cover, value float64
		source                     Source
	}{
		{"brief example", Situation{Savings: Float(9000), MonthlyExpenses: Float(3100), MonthlyIncome: Float(600)},
			3.6, 0.4, 0.25, 0.55, SourceDerived},
		{"insured drops coverage", Situation{Savings: Float(9000), MonthlyExpenses: Float(3100), MonthlyIncome: Float(600), Insured: Bool(true)},
			3.6, 0.4, 0, 0.4, SourceDerived},
		{"a year of runway", Situation{Savings: Float(36000), MonthlyExpenses: Float(3000), Insured: Bool(true)},
			12, 0, 0, 0, SourceDerived},
		{"no savings", Situation{Savings: Float(0), MonthlyExpenses: Float(2000)},
			0, 1, 0.25, 1, SourceDerived},
		{"income covers expenses", Situation{Savings: Float(100), MonthlyExpenses: Float(2000), MonthlyIncome: Float(2500)},
			math.Inf(1), 0, 0.25, 0.25, SourceDerived},
		{"comfortable runway of 3", Situation{Savings: Float(3000), MonthlyExpenses: Float(2000), ComfortableRunway: Float(3), Insured: Bool(true)},
			1.5, 0.5, 0, 0.5, SourceDerived},
		{"fixed by hand", Situation{Savings: Float(3000), MonthlyExpenses: Float(2000), Urgency: Float(0.8)},
			1.5, 0.75, 0.25, 0.8, SourceProfile},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := DeriveUrgency(c.sit, DefaultParams())
			if !(near(u.RunwayMonths, c.runway) || math.IsInf(c.runway, 1) && math.IsInf(u.RunwayMonths, 1)) {
				t.Errorf("runway = %v, want %v", u.RunwayMonths, c.runway)
			}
			if !near(u.Cash, c.cash) || !near(u.Cover, c.cover) || !near(u.Value, c.value) || u.Source != c.source {
				t.Errorf("got cash %v cover %v value %v source %s; want %v %v %v %s",
					u.Cash, u.Cover, u.Value, u.Source, c.cash, c.cover, c.value, c.source)
			}
		})
	}
}

func TestUrgencySourcePrecedence(t *testing.T) {
	p := lineProfile(line{"A", 50, 50})
	p.Situation.Urgency = Float(0.1)
	p.Scenarios = []Scenario{{Name: "calm", Situation: Situation{Urgency: Float(0.2)}},
		{Name: "rich", Situation: Situation{Savings: Float(1e6)}}}
	cases := []struct {
		name   string
		req    Request
		value  float64
		source Source
	}{
		{"profile", Request{}, 0.1, SourceProfile},
		{"scenario", Request{Scenario: "calm"}, 0.2, SourceScenario},
		{"scenario without urgency keeps profile's", Request{Scenario: "rich"}, 0.1, SourceProfile},
		{"flag", Request{Scenario: "calm", Urgency: Float(0.3)}, 0.3, SourceFlag},
		{"what-if", Request{Scenario: "calm", Urgency: Float(0.3), WhatIf: WhatIf{Urgency: Float(0.4)}}, 0.4, SourceWhatIf},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := mustEval(t, p, c.req)
			if !near(s.Urgency.Value, c.value) || s.Urgency.Source != c.source {
				t.Errorf("urgency %v from %s, want %v from %s", s.Urgency.Value, s.Urgency.Source, c.value, c.source)
			}
		})
	}
	if _, err := Evaluate(p, Request{Scenario: "nope"}); err == nil {
		t.Error("an unknown scenario should be an error")
	}
}

func TestFit(t *testing.T) {
	prios := []Priority{
		{ID: "a", Weight: 3, AtLeast: 2, Ask: "a?"},
		{ID: "b", Weight: 1},
	}
	cases := []struct {
		name           string
		ratings        map[string]Rating
		value, low, hi float64
		vetoed, atRisk bool
	}{
		{"all top", map[string]Rating{"a": {5, 5}, "b": {5, 5}}, 100, 100, 100, false, false},
		{"all bottom vetoes", map[string]Rating{"a": {1, 1}, "b": {1, 1}}, 0, 0, 0, true, false},
		{"weighted", map[string]Rating{"a": {3, 3}, "b": {5, 5}}, 62.5, 62.5, 62.5, false, false},
		{"unknown b is the whole scale", map[string]Rating{"a": {3, 3}}, 50, 37.5, 62.5, false, false},
		{"unknown a is at risk", map[string]Rating{"b": {3, 3}}, 50, 12.5, 87.5, false, true},
		{"range reaching below the floor is at risk", map[string]Rating{"a": {1, 3}, "b": {3, 3}}, 31.25, 12.5, 50, false, true},
		{"range wholly below the floor vetoes", map[string]Rating{"a": {1, 1.5}, "b": {5, 5}}, 29.6875, 25, 34.375, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &Profile{Scale: 5, Params: DefaultParams(), Priorities: prios,
				Opportunities: []Opportunity{{Name: "X", Stage: StageOffer, Ratings: c.ratings}}}
			a := Assess(p, Situation{}, Date{})[0]
			if !near(a.Fit.Value, c.value) || !near(a.Fit.Low, c.low) || !near(a.Fit.High, c.hi) {
				t.Errorf("fit %v [%v, %v], want %v [%v, %v]", a.Fit.Value, a.Fit.Low, a.Fit.High, c.value, c.low, c.hi)
			}
			if a.Vetoed() != c.vetoed || a.AtRisk() != c.atRisk {
				t.Errorf("vetoed %v at risk %v, want %v %v", a.Vetoed(), a.AtRisk(), c.vetoed, c.atRisk)
			}
			sum := 0.0
			for k := range a.Fit.Terms {
				sum += a.Fit.Points(k)
			}
			if !near(sum, a.Fit.Value) {
				t.Errorf("terms add up to %v, fit is %v", sum, a.Fit.Value)
			}
		})
	}
}

func TestRatingFromPay(t *testing.T) {
	pr := Priority{ID: "pay", Weight: 1, FromPay: &[2]float64{40000, 80000}}
	cases := []struct {
		name string
		opp  Opportunity
		want Rating
		from RatingFrom
	}{
		{"midway", Opportunity{Pay: Float(60000)}, Rating{3, 3}, FromPay},
		{"below the bottom", Opportunity{Pay: Float(20000)}, Rating{1, 1}, FromPay},
		{"above the top", Opportunity{Pay: Float(200000)}, Rating{5, 5}, FromPay},
		{"monthly", Opportunity{Pay: Float(5000), Per: "month"}, Rating{3, 3}, FromPay},
		{"hourly", Opportunity{Pay: Float(25), Per: "hour", HoursPerWeek: 40}, Rating{2.2, 2.2}, FromPay},
		{"no pay is unknown", Opportunity{}, Rating{1, 5}, FromUnknown},
		{"a hand rating wins", Opportunity{Pay: Float(60000), Ratings: map[string]Rating{"pay": {5, 5}}}, Rating{5, 5}, FromHand},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, from := RatingFor(pr, &c.opp, 5)
			if !near(r.Low, c.want.Low) || !near(r.High, c.want.High) || from != c.from {
				t.Errorf("got %v from %s, want %v from %s", r, from, c.want, c.from)
			}
		})
	}
}

func TestRelief(t *testing.T) {
	today := NewDate(2026, 12, 1)
	sit := Situation{Savings: Float(6000), MonthlyExpenses: Float(3000)} // runway 2 months
	cases := []struct {
		name                                  string
		sit                                   Situation
		opp                                   Opportunity
		income, timely, lasting, cover, value float64
	}{
		{"permanent, insured from day one, starts now, half cover",
			sit, Opportunity{Stage: StageOffer, Pay: Float(36000), Starts: today, FirstPaycheckDays: Float(0), Insurance: true},
			0.75, 1, 1, 1, 100 * (0.4*0.75 + 0.3 + 0.15 + 0.15)},
		{"one month to pay halves timeliness at two months of runway",
			Situation{Savings: Float(6000), MonthlyExpenses: Float(3000), TaxRate: Float(0)},
			Opportunity{Stage: StageOffer, Pay: Float(48000), Starts: today, FirstPaycheckDays: Float(daysPerMonth)},
			1, 0.5, 1, 0, 100 * (0.4 + 0.3*0.5 + 0.15)},
		{"six-month contract, 45-day insurance wait, final round",
			sit, Opportunity{Stage: StageFinal, Pay: Float(96000), Starts: today, FirstPaycheckDays: Float(0), Insurance: true, InsuranceWaitDays: 45, ContractMonths: 6},
			1, 1, 0.5, 0.5, 50 * (0.4 + 0.3 + 0.15*0.5 + 0.15*0.5)},
		{"insured: coverage drops out of the mean",
			Situation{Savings: Float(6000), MonthlyExpenses: Float(3000), Insured: Bool(true)},
			Opportunity{Stage: StageOffer, Pay: Float(96000), Starts: today, FirstPaycheckDays: Float(0)},
			1, 1, 1, 0, 100},
		{"no pay given, starting late",
			sit, Opportunity{Stage: StageOffer, Starts: today.AddDays(200)},
			0, 0, 1, 0, 100 * 0.15},
		{"unbounded runway: timeliness is 1",
			Situation{Savings: Float(0), MonthlyExpenses: Float(1000), MonthlyIncome: Float(1000)},
			Opportunity{Stage: StageOffer, Pay: Float(120000), Starts: today.AddDays(300)},
			1, 1, 1, 0, 100 * (0.4 + 0.3 + 0.15)},
		{"hourly pay",
			Situation{Savings: Float(6000), MonthlyExpenses: Float(2600), TaxRate: Float(0)},
			Opportunity{Stage: StageOffer, Pay: Float(15), Per: "hour", HoursPerWeek: 20, Starts: today, FirstPaycheckDays: Float(0)},
			0.5, 1, 1, 0, 100 * (0.4*0.5 + 0.3 + 0.15)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &Profile{Scale: 5, Params: DefaultParams(), Priorities: []Priority{{ID: "x", Weight: 1}},
				Opportunities: []Opportunity{c.opp}}
			r := Assess(p, c.sit, today)[0].Relief
			if !near(r.Income, c.income) || !near(r.Timeliness, c.timely) || !near(r.Lasting, c.lasting) ||
				!near(r.Coverage, c.cover) || !near(r.Value, c.value) {
				t.Errorf("income %v timely %v lasting %v cover %v value %v; want %v %v %v %v %v",
					r.Income, r.Timeliness, r.Lasting, r.Coverage, r.Value, c.income, c.timely, c.lasting, c.cover, c.value)
			}
		})
	}
}

func TestBriefCrossing(t *testing.T) {
	// The brief's example: F fits at 90 and relieves 20, U fits at 50 and
	// relieves 80; they cross at urgency 0.4, both scoring 62.
	p := lineProfile(line{"F", 90, 20}, line{"U", 50, 80})
	s := mustEval(t, p, Request{Urgency: Float(0)})
	f, u := &s.Assessments[0], &s.Assessments[1]
	x, ok := Cross(f, u)
	if !ok || !near(x, 0.4) || !near(f.Score(x), 62) || !near(u.Score(x), 62) {
		t.Fatalf("crossing at %v (ok %v) scoring %v and %v; want 0.4 and 62", x, ok, f.Score(x), u.Score(x))
	}
	if len(s.LeaderChanges) != 1 {
		t.Fatalf("leader changes %+v, want one", s.LeaderChanges)
	}
	c := s.LeaderChanges[0]
	if !near(c.Urgency, 0.4) || c.From != 0 || c.To != 1 || !near(c.Score, 62) {
		t.Errorf("leader change %+v, want F → U at 0.4 scoring 62", c)
	}
	for _, k := range []struct {
		u      float64
		leader string
	}{{0, "F"}, {0.39, "F"}, {0.4, "F"}, {0.41, "U"}, {1, "U"}} {
		if got := s.WithUrgency(k.u, SourceFlag); s.Assessments[got.Leader()].Name != k.leader {
			t.Errorf("leader at %v is %s, want %s", k.u, s.Assessments[got.Leader()].Name, k.leader)
		}
	}
}

func TestLeaderChanges(t *testing.T) {
	cases := []struct {
		name  string
		lines []line
		want  []struct {
			u        float64
			from, to string
		}
	}{
		{"one line", []line{{"A", 50, 50}}, nil},
		{"dominant", []line{{"A", 80, 80}, {"B", 50, 60}}, nil},
		{"three leaders", []line{{"Fit", 90, 10}, {"Mid", 70, 60}, {"Need", 20, 95}},
			[]struct {
				u        float64
				from, to string
			}{{20.0 / 70, "Fit", "Mid"}, {50.0 / 85, "Mid", "Need"}}},
		{"middle never leads strictly (three meet at one point)",
			[]line{{"A", 100, 0}, {"B", 50, 50}, {"C", 0, 100}},
			[]struct {
				u        float64
				from, to string
			}{{0.5, "A", "C"}}},
		{"identical lines never change leader", []line{{"B", 60, 40}, {"A", 60, 40}}, nil},
		{"crossing at 0 is no change", []line{{"A", 50, 40}, {"B", 50, 90}}, nil},
		{"crossing at 1 is no change", []line{{"A", 90, 50}, {"B", 10, 50}}, nil},
		{"parallel lines", []line{{"A", 60, 70}, {"B", 50, 60}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := mustEval(t, lineProfile(c.lines...), Request{Urgency: Float(0.5)})
			if len(s.LeaderChanges) != len(c.want) {
				t.Fatalf("got %d changes %+v, want %d", len(s.LeaderChanges), s.LeaderChanges, len(c.want))
			}
			for k, w := range c.want {
				g := s.LeaderChanges[k]
				if !near(g.Urgency, w.u) || s.Assessments[g.From].Name != w.from || s.Assessments[g.To].Name != w.to {
					t.Errorf("change %d: %s → %s at %v, want %s → %s at %v", k,
						s.Assessments[g.From].Name, s.Assessments[g.To].Name, g.Urgency, w.from, w.to, w.u)
				}
			}
		})
	}
}

func TestTieBreakIsDeterministic(t *testing.T) {
	s := mustEval(t, lineProfile(line{"Zed", 60, 40}, line{"Amy", 60, 40}, line{"Bob", 60, 40}), Request{Urgency: Float(0.3)})
	var names []string
	for _, r := range s.Ranked {
		names = append(names, s.Assessments[r.Index].Name)
	}
	if got := names[0] + names[1] + names[2]; got != "AmyBobZed" {
		t.Errorf("tie order %v, want Amy, Bob, Zed", names)
	}
	if s.Envelope[0].Index != 1 || len(s.Envelope) != 1 {
		t.Errorf("envelope %+v, want Amy over the whole range", s.Envelope)
	}
}

func TestVetoedAndClosedAreNotRanked(t *testing.T) {
	p := lineProfile(line{"Open", 50, 50}, line{"Vetoed", 90, 90}, line{"Closed", 95, 95})
	p.Priorities[0].AtLeast = 2
	p.Opportunities[1].Ratings["fit"] = Rating{1, 1}
	p.Opportunities[2].Stage = StageDeclined
	s := mustEval(t, p, Request{})
	if len(s.Ranked) != 1 || s.Assessments[s.Ranked[0].Index].Name != "Open" {
		t.Errorf("ranked %+v, want only Open", s.Ranked)
	}
	if len(s.Vetoed) != 1 || s.Vetoed[0].Rank != 0 || len(s.Closed) != 1 {
		t.Errorf("vetoed %+v closed %+v", s.Vetoed, s.Closed)
	}
}

func TestWhatIfs(t *testing.T) {
	p := lineProfile(line{"A", 80, 20}, line{"B", 40, 90})
	p.Priorities = append(p.Priorities, Priority{ID: "extra", Weight: 0})
	base := mustEval(t, p, Request{})

	t.Run("weights", func(t *testing.T) {
		s := mustEval(t, p, Request{WhatIf: WhatIf{Weights: map[string]float64{"extra": 1}}})
		if near(s.Assessments[0].Fit.Value, base.Assessments[0].Fit.Value) {
			t.Error("weighing an unrated priority should widen and move fit")
		}
		if p.Priorities[1].Weight != 0 {
			t.Error("a what-if must not change the profile")
		}
	})
	t.Run("ratings", func(t *testing.T) {
		s := mustEval(t, p, Request{WhatIf: WhatIf{Ratings: map[string]map[string]Rating{"B": {"fit": {5, 5}}}}})
		if !near(s.Assessments[1].Fit.Value, 100*1/1) && !near(s.Assessments[1].Fit.Terms[0].Mid, 1) {
			t.Errorf("rating what-if not applied: %+v", s.Assessments[1].Fit)
		}
		if p.Opportunities[1].Ratings["fit"].Low == 5 {
			t.Error("a what-if must not change the profile")
		}
	})
	t.Run("savings", func(t *testing.T) {
		s := mustEval(t, p, Request{WhatIf: WhatIf{Situation: Situation{Savings: Float(1000)}}})
		if s.Urgency.Value <= base.Urgency.Value || s.Urgency.Source != SourceDerived {
			t.Errorf("less savings should raise derived urgency: %v → %v", base.Urgency.Value, s.Urgency.Value)
		}
	})
	t.Run("bad edits are errors", func(t *testing.T) {
		for _, w := range []WhatIf{
			{Weights: map[string]float64{"nope": 1}},
			{Weights: map[string]float64{"fit": -1}},
			{Ratings: map[string]map[string]Rating{"Nobody": {"fit": {1, 1}}}},
			{Ratings: map[string]map[string]Rating{"A": {"nope": {1, 1}}}},
			{Ratings: map[string]map[string]Rating{"A": {"fit": {4, 2}}}},
		} {
			if _, err := Evaluate(p, Request{WhatIf: w}); err == nil {
				t.Errorf("what-if %+v should be an error", w)
			}
		}
	})
	t.Run("WithUrgency matches a fresh evaluation", func(t *testing.T) {
		for _, u := range []float64{0, 0.25, 0.5, 0.75, 1} {
			a := base.WithUrgency(u, SourceWhatIf)
			b := mustEval(t, p, Request{WhatIf: WhatIf{Urgency: Float(u)}})
			if a.Urgency != b.Urgency || len(a.Ranked) != len(b.Ranked) {
				t.Fatalf("at %v: %+v vs %+v", u, a.Urgency, b.Urgency)
			}
			for k := range a.Ranked {
				if a.Ranked[k] != b.Ranked[k] {
					t.Errorf("at %v rank %d: %+v vs %+v", u, k, a.Ranked[k], b.Ranked[k])
				}
			}
		}
	})
}

func TestFindName(t *testing.T) {
	opps := []Opportunity{{Name: "Acme Logistics"}, {Name: "Globex"}, {Name: "Globex Labs"}, {Name: "acme"}}
	cases := []struct {
		q    string
		want int
	}{{"Globex", 1}, {"ACME LOGISTICS", 0}, {"labs", 2}, {"acme", 3}, {"glob", -1}, {"zzz", -1}}
	for _, c := range cases {
		got, err := FindName(opps, c.q)
		if got != c.want || (c.want < 0) != (err != nil) {
			t.Errorf("FindName(%q) = %d, %v; want %d", c.q, got, err, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2026-02-27")
	if err != nil || d.AddDays(2) != NewDate(2026, 3, 1) || d.DaysUntil(NewDate(2027, 2, 27)) != 365 {
		t.Errorf("date arithmetic: %v %v %v", d, d.AddDays(2), d.DaysUntil(NewDate(2027, 2, 27)))
	}
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Error("February 30th should not parse")
	}
}

func TestBadWhatIfsAreRefused(t *testing.T) {
	p := lineProfile(line{"A", 80, 20}, line{"B", 40, 90})
	nan := math.NaN()
	for _, req := range []Request{
		{Urgency: Float(nan)},
		{WhatIf: WhatIf{Urgency: Float(1.5)}},
		{WhatIf: WhatIf{Situation: Situation{Savings: Float(-1)}}},
		{WhatIf: WhatIf{Situation: Situation{ComfortableRunway: Float(0)}}},
		{WhatIf: WhatIf{Situation: Situation{TaxRate: Float(nan)}}},
		{WhatIf: WhatIf{Ratings: map[string]map[string]Rating{"A": {"fit": {nan, nan}}}}},
	} {
		if _, err := Evaluate(p, req); err == nil {
			t.Errorf("%+v should be refused", req)
		}
	}
}

func TestTouchingAtAnEndIsNoCrossing(t *testing.T) {
	s := mustEval(t, lineProfile(line{"A", 60, 40}, line{"B", 60, 90}, line{"C", 30, 90}), Request{})
	for _, pair := range [][2]int{{0, 1}, {1, 2}} {
		if u, ok := Cross(&s.Assessments[pair[0]], &s.Assessments[pair[1]]); ok {
			t.Errorf("%v touch at an end but cross at %v", pair, u)
		}
	}
	if cs := s.Crossings(0); len(cs) != 1 || s.Assessments[cs[0].Other].Name != "C" {
		t.Errorf("A's crossings %+v, want only C", cs)
	}
}
