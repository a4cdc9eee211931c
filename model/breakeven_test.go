package model

import (
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// checkBreakEvensFlip re-decides p a dollar either side of every savings
// break-even decide reports, and a half point either side of every
// break-even chance, and says where the advice does not flip there. Sides
// where another offer is worth more to accept are skipped: the break-even
// is between this offer and holding out. It returns how many sides it
// checked.
func checkBreakEvensFlip(t *testing.T, trial int, p *Profile) int {
	t.Helper()
	checked := 0
	s, d := decideAt(t, p, Request{})
	for _, o := range d.Offers {
		if o.Vetoed || !o.Weighed {
			continue
		}
		name := s.Assessments[o.Index].Name
		if be := o.SavingsBreakEven; be != nil {
			for _, side := range []float64{*be - 1, *be + 1} {
				if side < 0 {
					continue
				}
				s2, d2 := decideAt(t, withSavings(p, side), Request{})
				o2 := offerNamed(t, s2, d2, name)
				if o2.Instead >= 0 || o.Beyond >= 0 {
					continue
				}
				if accept, want := o2.Advice == AdviceAccept, (side > *be) == o.AcceptAbove; accept != want {
					t.Errorf("trial %d: %s at savings %.2f (break-even %.2f, accept above %v): accept %v, want %v (accept %.4f, decline %.4f)",
						trial, name, side, *be, o.AcceptAbove, accept, want, o2.Accept, o2.Decline)
				}
				checked++
			}
		}
		if be := o.BreakEven; be != nil && o.WaitingFor >= 0 && *be > 0.01 && *be < 0.99 {
			for _, side := range []float64{*be - 0.005, *be + 0.005} {
				q := *p
				q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
				q.Opportunities[o.WaitingFor].Chance = Float(side)
				s2, d2 := decideAt(t, &q, Request{})
				o2 := offerNamed(t, s2, d2, name)
				if o2.WaitingFor != o.WaitingFor || o2.Instead >= 0 {
					continue
				}
				if accept, want := o2.Advice == AdviceAccept, side < *be; accept != want {
					t.Errorf("trial %d: %s with %s's chance %.4f (break-even %.4f): accept %v, want %v",
						trial, name, s.Assessments[o.WaitingFor].Name, side, *be, accept, want)
				}
				checked++
			}
		}
	}
	return checked
}

// TestPropertyBreakEvensFlip: on random searches the advice flips just
// either side of each savings break-even and each break-even chance decide
// reports, as a full re-decide there finds it. The stream of (22, 7) draws
// as the held-job test did (the job's own draws skipped), so that in the
// long run its trial 139 is the case of savingsFlipCase.
func TestPropertyBreakEvensFlip(t *testing.T) {
	for _, seed := range [][2]uint64{{22, 7}, {31, 5}} {
		r := rand.New(rand.NewPCG(seed[0], seed[1]))
		checked := 0
		for trial := range trials.N(15, 40, 150) {
			p := randomDecideProfile(r)
			if seed == [2]uint64{22, 7} {
				skipHeldJobDraws(r)
			}
			checked += checkBreakEvensFlip(t, trial, p)
		}
		t.Logf("seed %v: %d sides of a break-even checked", seed, checked)
		if checked < 10 {
			t.Fatalf("seed %v: only %d sides of a break-even checked: the test compares too little", seed, checked)
		}
	}
}

// skipHeldJobDraws draws what withCurrentJob drew for a held job, pay,
// insurance, ratings and leaving day, and throws them away.
func skipHeldJobDraws(r *rand.Rand) {
	r.Float64()
	r.IntN(2)
	r.IntN(5)
	r.IntN(5)
	if r.IntN(3) > 0 {
		r.IntN(180)
	}
}

// savingsFlipCase is trial 139 of TestPropertyBreakEvensFlip's (22, 7)
// stream: $37,644 saved, one offer and four processes, two of which
// decide on the same day. Below $3,953.90 of savings the urgency ranks
// the two the other way round, and so their answers are weighed on that
// day in the other order: a break-even found with today's order alone
// came out at $724.08, $1.29 below where a full re-decide flips. Since
// jobs are searched from (issue 22.2) offer 0 is accepted at any savings
// while leaving costs the default; at leave_cost 200 its break-even is
// $2,872.25, below the day the order turns.
func savingsFlipCase() *Profile {
	r := rand.New(rand.NewPCG(22, 7))
	var p *Profile
	for range 140 {
		p = randomDecideProfile(r)
		skipHeldJobDraws(r)
	}
	p.Search.LeaveCost = 200
	return p
}

func TestSavingsBreakEvenFlipsOnAFullReDecide(t *testing.T) {
	p := savingsFlipCase()
	s, d := decideAt(t, p, Request{})
	o := offerNamed(t, s, d, "offer 0")
	if o.SavingsBreakEven == nil {
		t.Fatalf("no savings break-even on %+v", o)
	}
	if checkBreakEvensFlip(t, 139, p) == 0 {
		t.Fatal("nothing checked")
	}
	// Within a cent either side.
	be := *o.SavingsBreakEven
	for _, side := range []float64{be - 0.01, be + 0.01} {
		s2, d2 := decideAt(t, withSavings(p, side), Request{})
		if accept, want := offerNamed(t, s2, d2, "offer 0").Advice == AdviceAccept, (side > be) == o.AcceptAbove; accept != want {
			t.Errorf("at savings %.2f (break-even %.2f): accept %v, want %v", side, be, accept, want)
		}
	}
}
