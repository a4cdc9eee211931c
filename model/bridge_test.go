package model

import (
	"math"
	"math/rand/v2"
	"testing"

	"mutual/internal/trials"
)

// burned is the burned one of issue 22: $4,000 saved, $2,400 a month,
// uninsured; a call centre that starts in a week, and a good role that
// decides in five weeks with chance c.
func burned(c float64) *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation:  Situation{Savings: Float(4000), MonthlyExpenses: Float(2400), Insured: Bool(false)},
		Priorities: []Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 1}},
		Opportunities: []Opportunity{
			{Name: "Call Centre", Stage: StageOffer, Pay: Float(34000), Starts: today.AddDays(7), Insurance: true, InsuranceWaitDays: 60,
				RespondBy: today.AddDays(4), Ratings: map[string]Rating{"craft": {2, 2}, "team": {2, 2}}},
			{Name: "Dream Co", Stage: StageFinal, Chance: Float(c), Pay: Float(72000), Insurance: true,
				DecisionExpected: today.AddDays(36), Ratings: map[string]Rating{"craft": {5, 5}, "team": {4, 4}}},
		},
	}
}

// TestBridgeKeepsTheLaterProcessAlive: the call centre's bridge keeps
// Dream Co, which decides four weeks after the start; it is worth more
// than accepting and stopping, and more as Dream Co's chance rises; with
// leaving priced out it is accepting and stopping.
func TestBridgeKeepsTheLaterProcessAlive(t *testing.T) {
	prev := math.Inf(-1)
	for _, c := range []float64{0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 1} {
		s, d := decideAt(t, burned(c), Request{})
		o := offerNamed(t, s, d, "Call Centre")
		if len(o.Bridge) != 1 || s.Assessments[o.Bridge[0].Process].Name != "Dream Co" {
			t.Fatalf("chance %v: bridge %+v, want Dream Co kept alive", c, o.Bridge)
		}
		// Dream Co gives no start: it starts start_days after its yes, and
		// the call centre is held until then.
		leaves := today.AddDays(36 + int(DefaultParams().StartDays))
		if b := o.Bridge[0]; b.Decides != today.AddDays(36) || b.Leaves != leaves || b.LeaveAfterDays != 29+int(DefaultParams().StartDays) || b.Repay != 0 {
			t.Errorf("chance %v: step %+v, want a yes on %s, leaving on %s, repaying nothing", c, b, today.AddDays(36), leaves)
		}
		if o.BridgeValue < o.Accept-1e-9 {
			t.Errorf("chance %v: bridge %v below accepting and stopping %v", c, o.BridgeValue, o.Accept)
		}
		if o.BridgeValue < prev-1e-9 {
			t.Errorf("chance %v: bridge %v fell from %v as the chance rose", c, o.BridgeValue, prev)
		}
		prev = o.BridgeValue
	}
	p := withSavings(burned(0.9), 8000)
	p.Search.LeaveCost = 1e9
	s, d := decideAt(t, p, Request{})
	if o := offerNamed(t, s, d, "Call Centre"); o.BridgeValue != o.Accept || len(o.Bridge) != 0 {
		t.Errorf("leaving priced out: bridge %v %+v, want accepting and stopping %v", o.BridgeValue, o.Bridge, o.Accept)
	}
}

// TestPropertyBridge: on random searches every offer's bridge is worth at
// least accepting and stopping, rises with each kept process's chance,
// and is accepting and stopping once leaving is priced out.
func TestPropertyBridge(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 3))
	for trial := range trials.N(20, 40, 200) {
		p := randomDecideProfile(r)
		s, d := decideAt(t, p, Request{})
		for _, o := range d.Offers {
			if o.BridgeValue < o.Accept-1e-9 {
				t.Fatalf("trial %d, %s: bridge %v below accepting %v", trial, s.Assessments[o.Index].Name, o.BridgeValue, o.Accept)
			}
			for _, st := range o.Bridge {
				q := *p
				q.Opportunities = append([]Opportunity(nil), p.Opportunities...)
				pr := &q.Opportunities[st.Process]
				c := s.Assessments[st.Process].Relief.Chance
				pr.Chance = Float(c + (1-c)/2)
				s2, d2 := decideAt(t, &q, Request{})
				o2 := offerNamed(t, s2, d2, s.Assessments[o.Index].Name)
				if o2.BridgeValue < o.BridgeValue-1e-9 {
					t.Fatalf("trial %d: %s's chance %v → %v lowered the bridge of %s from %v to %v", trial,
						s.Assessments[st.Process].Name, c, *pr.Chance, s.Assessments[o.Index].Name, o.BridgeValue, o2.BridgeValue)
				}
			}
		}
		q := *p
		q.Search.LeaveCost = 1e12
		_, d2 := decideAt(t, &q, Request{})
		for _, o := range d2.Offers {
			if o.BridgeValue != o.Accept || len(o.Bridge) != 0 {
				t.Fatalf("trial %d: leaving priced out, bridge %v %v against accepting %v", trial, o.BridgeValue, o.Bridge, o.Accept)
			}
		}
	}
}

// TestBridgeInTheVerdict: at chance 0.9 the burned one is told to accept
// the call centre and keep Dream Co alive (the bridge is what makes
// accepting best); with leaving priced out he is told, as before the
// bridge, not to accept.
func TestBridgeInTheVerdict(t *testing.T) {
	s, d := decideAt(t, withSavings(burned(0.9), 8000), Request{})
	v := d.Verdict
	if v.Action != ActionAccept || s.Assessments[v.Offer].Name != "Call Centre" || !v.Bridged {
		t.Fatalf("verdict %+v, want accept Call Centre through the bridge", v)
	}
	o := offerNamed(t, s, d, "Call Centre")
	if o.Advice != AdviceAccept || math.Abs(d.Flow(v.Value)-o.BridgeValue) > 1e-9 || o.BridgeValue <= o.Accept {
		t.Errorf("advice %s at %v, bridge %v, accepting and stopping %v: the verdict's value is the bridge's", o.Advice, d.Flow(v.Value), o.BridgeValue, o.Accept)
	}
	p := withSavings(burned(0.9), 8000)
	p.Search.LeaveCost = 1e9
	s, d = decideAt(t, p, Request{})
	if d.Verdict.Action == ActionAccept || d.Verdict.Bridged {
		t.Errorf("leaving priced out: verdict %+v, want not to accept", d.Verdict)
	}
	if o := offerNamed(t, s, d, "Call Centre"); o.BridgeValue != o.Accept {
		t.Errorf("leaving priced out: bridge %v, accepting and stopping %v", o.BridgeValue, o.Accept)
	}
}

// TestBridgeBreakEvensFlip: where the bridge keeps the process waited
// for alive, accepting moves with its chance too; the break-even chance
// and the savings break-even still flip the advice just either side.
func TestBridgeBreakEvensFlip(t *testing.T) {
	for k, c := range []struct{ savings, leaveCost float64 }{{8000, 200}, {10000, 200}, {12000, 200}, {12000, 400}} {
		p := burned(0.5)
		p.Situation.Savings = Float(c.savings)
		p.Search.LeaveCost = c.leaveCost
		s, d := decideAt(t, p, Request{})
		o := offerNamed(t, s, d, "Call Centre")
		if len(o.Bridge) != 1 || o.Bridge[0].Process != o.WaitingFor {
			t.Fatalf("case %d: bridge %+v, waiting for %d: want the bridge to keep the process waited for", k, o.Bridge, o.WaitingFor)
		}
		if o.BreakEven == nil || *o.BreakEven <= 0.01 || *o.BreakEven >= 0.99 {
			t.Fatalf("case %d: break-even chance %v, want one to check either side", k, o.BreakEven)
		}
		if n := checkBreakEvensFlip(t, k, p); n < 2 {
			t.Errorf("case %d: %d sides checked", k, n)
		}
	}
}

// TestBridgeRepaysTheBonus: leaving within the clawback months repays the
// signing bonus, and costs what the bonus added to accepting (with $500
// saved, the debt it pays off at the first paycheck); with no clawback
// nothing is repaid.
func TestBridgeRepaysTheBonus(t *testing.T) {
	value := func(claw *float64, days ...float64) *OfferAdvice {
		p := burned(0.9)
		p.Situation.Savings = Float(500)
		p.Opportunities = append([]Opportunity(nil), p.Opportunities...)
		p.Opportunities[0].SigningBonus = Float(1500)
		p.Opportunities[0].ClawbackMonths = claw
		if len(days) > 0 {
			p.Opportunities[0].SigningBonusDays = Float(days[0])
		}
		s, d := decideAt(t, p, Request{})
		return offerNamed(t, s, d, "Call Centre")
	}
	within, never := value(nil), value(Float(0))
	if len(within.Bridge) != 1 || within.Bridge[0].Repay != 1500 || within.Bridge[0].Forgo != 0 {
		t.Fatalf("bridge %+v, want the bonus of 1500 repaid", within.Bridge)
	}
	if len(never.Bridge) != 1 || never.Bridge[0].Repay != 0 || never.Bridge[0].Forgo != 0 {
		t.Fatalf("no clawback: bridge %+v, want nothing repaid", never.Bridge)
	}
	// Paid 90 days after the start, the bonus is not paid by the day the
	// call centre is left: it is given up, not repaid.
	if late := value(nil, 90); len(late.Bridge) != 1 || late.Bridge[0].Repay != 0 || late.Bridge[0].Forgo != 1500 {
		t.Errorf("bonus paid after 90 days: bridge %+v, want the 1500 given up", late.Bridge)
	}
	if within.Bridge[0].Gain >= never.Bridge[0].Gain {
		t.Errorf("leaving for Dream Co adds %v with the bonus repaid, %v without: repaying should cost", within.Bridge[0].Gain, never.Bridge[0].Gain)
	}
	if within.BridgeValue < within.Accept-1e-9 {
		t.Errorf("bridge %v below accepting and stopping %v", within.BridgeValue, within.Accept)
	}
}
