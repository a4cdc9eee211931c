package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// randomProfile builds a profile of n opportunities with random ratings,
// ranges, unknowns, pay, starts, insurance and stages.
func randomProfile(rng *rand.Rand, n int) *Profile {
	p := &Profile{Version: 1, Scale: 5, Params: DefaultParams()}
	p.Situation = Situation{Savings: Float(rng.Float64() * 30000), MonthlyExpenses: Float(1000 + rng.Float64()*4000),
		MonthlyIncome: Float(rng.Float64() * 1500), Insured: Bool(rng.IntN(2) == 0)}
	for k := 0; k < 1+rng.IntN(6); k++ {
		p.Priorities = append(p.Priorities, Priority{ID: fmt.Sprintf("p%d", k), Weight: float64(rng.IntN(6))})
	}
	p.Priorities[0].Weight++ // never all zero
	stages := []Stage{StageLead, StageApplied, StageInterviewing, StageFinal, StageOffer}
	for i := 0; i < n; i++ {
		o := Opportunity{Name: fmt.Sprintf("opp%03d", i), Stage: stages[rng.IntN(len(stages))],
			Ratings: map[string]Rating{}, Starts: NewDate(2026, 12, 1).AddDays(rng.IntN(120))}
		if rng.IntN(4) > 0 {
			o.Pay = Float(20000 + rng.Float64()*100000)
		}
		o.Insurance = rng.IntN(2) == 0
		o.InsuranceWaitDays = float64(rng.IntN(4) * 30)
		if rng.IntN(3) == 0 {
			o.ContractMonths = float64(1 + rng.IntN(18))
		}
		for _, pr := range p.Priorities {
			switch rng.IntN(4) {
			case 0: // unknown
			case 1:
				lo := 1 + rng.Float64()*4
				o.Ratings[pr.ID] = Rating{lo, lo + rng.Float64()*(5-lo)}
			default:
				v := float64(1 + rng.IntN(5))
				o.Ratings[pr.ID] = Rating{v, v}
			}
		}
		p.Opportunities = append(p.Opportunities, o)
	}
	return p
}

// withTwins adds up to n copies of p's opportunities, each the same as
// one of them but for its name, which is "twin": only the tie-breaks part
// them.
func withTwins(rng *rand.Rand, p *Profile, n int) *Profile {
	for range rng.IntN(n + 1) {
		twin := p.Opportunities[rng.IntN(len(p.Opportunities))]
		twin.Name = "twin"
		p.Opportunities = append(p.Opportunities, twin)
	}
	return p
}

var today = NewDate(2026, 12, 1)

func TestPropertyDominance(t *testing.T) {
	// An opportunity with fit and relief both at least another's never
	// ranks below it, at any urgency.
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		p := randomProfile(rng, 2+rng.IntN(12))
		s := mustEval(t, p, Request{Today: today})
		for _, u := range []float64{0, 0.1, 0.33, 0.5, 0.77, 0.9, 1} {
			r := s.WithUrgency(u, SourceFlag)
			pos := map[int]int{}
			for k, x := range r.Ranked {
				pos[x.Index] = k
			}
			for _, x := range r.Ranked {
				for _, y := range r.Ranked {
					a, b := &s.Assessments[x.Index], &s.Assessments[y.Index]
					if a.Fit.Value >= b.Fit.Value && a.Relief.Value >= b.Relief.Value &&
						(a.Fit.Value > b.Fit.Value || a.Relief.Value > b.Relief.Value) && pos[x.Index] > pos[y.Index] {
						t.Fatalf("trial %d u %v: %s dominates %s but ranks below it", trial, u, a.Name, b.Name)
					}
				}
			}
		}
	}
}

func TestPropertyWeightScaling(t *testing.T) {
	// Multiplying every weight by the same constant changes nothing.
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 200; trial++ {
		p := randomProfile(rng, 1+rng.IntN(10))
		q := *p
		q.Priorities = append([]Priority(nil), p.Priorities...)
		k := []float64{0.001, 0.5, 3, 1000}[rng.IntN(4)]
		for i := range q.Priorities {
			q.Priorities[i].Weight *= k
		}
		a, b := mustEval(t, p, Request{Today: today}), mustEval(t, &q, Request{Today: today})
		for i := range a.Assessments {
			fa, fb := a.Assessments[i].Fit, b.Assessments[i].Fit
			if !near(fa.Value, fb.Value) || !near(fa.Low, fb.Low) || !near(fa.High, fb.High) {
				t.Fatalf("trial %d: fit %v vs %v after scaling weights by %v", trial, fa, fb, k)
			}
		}
		if len(a.Ranked) != len(b.Ranked) {
			t.Fatalf("trial %d: ranking length changed", trial)
		}
		for i := range a.Ranked {
			if a.Ranked[i].Index != b.Ranked[i].Index {
				t.Fatalf("trial %d: ranking changed after scaling weights by %v", trial, k)
			}
		}
	}
}

func TestPropertyLeaderChangesMatchRanking(t *testing.T) {
	// Either side of every leader change, the ranking puts From and To
	// first; between changes the envelope's leader is the ranking's; and a
	// fine scan of urgencies finds no leader change the envelope missed.
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range trials.N(100, 100, 300) {
		p := randomProfile(rng, 1+rng.IntN(25))
		s := mustEval(t, p, Request{Today: today})
		if len(s.Ranked) == 0 {
			continue
		}
		for _, c := range s.LeaderChanges {
			if c.Urgency <= 0 || c.Urgency >= 1 || c.From == c.To {
				t.Fatalf("trial %d: bad change %+v", trial, c)
			}
			eps := 1e-7
			if got := s.WithUrgency(c.Urgency-eps, SourceFlag).Leader(); got != c.From {
				t.Fatalf("trial %d: below %v the leader is %d, change says %d", trial, c.Urgency, got, c.From)
			}
			if got := s.WithUrgency(c.Urgency+eps, SourceFlag).Leader(); got != c.To {
				t.Fatalf("trial %d: above %v the leader is %d, change says %d", trial, c.Urgency, got, c.To)
			}
		}
		changes := 0
		prev := s.WithUrgency(0, SourceFlag).Leader()
		for k := 1; k <= 2000; k++ {
			u := float64(k) / 2000
			l := s.WithUrgency(u, SourceFlag).Leader()
			if l != prev {
				changes++
			}
			if want := s.LeaderAt(u); want != l && !nearChange(s, u) {
				t.Fatalf("trial %d: at %v ranking leader %d, envelope %d", trial, u, l, want)
			}
			prev = l
		}
		if changes > len(s.LeaderChanges) {
			t.Fatalf("trial %d: scan saw %d leader changes, envelope reports %d", trial, changes, len(s.LeaderChanges))
		}
	}
}

func nearChange(s *State, u float64) bool {
	for _, c := range s.LeaderChanges {
		if math.Abs(c.Urgency-u) < 1e-6 {
			return true
		}
	}
	return false
}

func TestPropertyCrossingSymmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 500; trial++ {
		p := randomProfile(rng, 2)
		s := mustEval(t, p, Request{Today: today})
		a, b := &s.Assessments[0], &s.Assessments[1]
		x, okx := Cross(a, b)
		y, oky := Cross(b, a)
		if okx != oky || (okx && !near(x, y)) {
			t.Fatalf("Cross(a,b) = %v %v, Cross(b,a) = %v %v", x, okx, y, oky)
		}
		if okx && !near(a.Score(x), b.Score(x)) {
			t.Fatalf("scores differ at the crossing: %v vs %v", a.Score(x), b.Score(x))
		}
	}
}
