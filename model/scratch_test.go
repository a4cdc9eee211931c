package model

import (
	"fmt"
	"testing"
)

func brokeProfile(savings float64) *Profile {
	return &Profile{Version: 1, Scale: 5, Params: DefaultParams(), Search: DefaultSearchParams(),
		Situation: Situation{Savings: Float(savings), MonthlyExpenses: Float(2600), MonthlyIncome: Float(500), Insured: Bool(false)},
		Priorities: []Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 2}},
		Opportunities: []Opportunity{
			{Name: "Sure", Stage: StageOffer, Pay: Float(36000), Starts: today.AddDays(7), FirstPaycheckDays: Float(14),
				Insurance: true, InsuranceWaitDays: 60, RespondBy: today.AddDays(5), Ratings: map[string]Rating{"craft": {2, 2}, "team": {2, 2}}},
			{Name: "Better", Stage: StageFinal, Chance: Float(0.5), Pay: Float(60000), Insurance: true,
				DecisionExpected: today.AddDays(23), Ratings: map[string]Rating{"craft": {5, 5}, "team": {4, 4}}},
		},
	}
}

func show(t *testing.T, p *Profile) {
	s, err := Evaluate(p, Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	d := Decide(s)
	v := d.Verdict
	name := func(i int) string {
		if i < 0 {
			return "-"
		}
		return s.Assessments[i].Name
	}
	fmt.Printf("savings %.0f runway %.2f: verdict %s offer=%s waiting=%s by=%s value=%.2f runner=%.2f(%s) close=%v res-now=%.1f\n",
		*p.Situation.Savings, d.RunwayMonths, v.Action, name(v.Offer), name(v.WaitingFor), v.By, d.Flow(v.Value), d.Flow(v.RunnerUp), v.RunnerUpAction, v.Close, d.Now.Fit)
	for _, o := range d.Offers {
		be := "nil"
		if o.BreakEven != nil {
			be = fmt.Sprintf("%.3f", *o.BreakEven)
		}
		sb := "nil"
		if o.SavingsBreakEven != nil {
			sb = fmt.Sprintf("%.0f(above=%v)", *o.SavingsBreakEven, o.AcceptAbove)
		}
		fmt.Printf("  %s: %s accept=%.2f wait=%.2f search=%.2f decline=%.2f holds=%v wf=%s be=%s runs=%s short=%.0f sbe=%s\n",
			name(o.Index), o.Advice, o.Accept, o.Wait, o.Search, o.Decline, o.Holds, name(o.WaitingFor), be, o.RunsOut, o.ShortBy, sb)
		for _, l := range o.Levers {
			fmt.Printf("     lever %s to=%s by=%s pay=%.0f worth=%.2f\n", l.Kind, l.To, l.By, l.Pay, l.Worth)
		}
	}
}

func TestScratch(t *testing.T) {
	for _, sv := range []float64{200, 2000, 5000, 10000, 20000, 40000} {
		show(t, brokeProfile(sv))
	}
}
