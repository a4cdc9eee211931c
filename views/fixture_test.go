package views

import (
	"time"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// exampleToday is the day the built-in example's story is written for.
func exampleToday() model.Date { return model.NewDate(2026, time.November, 25) }

// samProfile is the built-in example (profiles/example.toml) written out
// by hand, because views may not import profiles. The main package's
// dashboard test draws the real example and compares it with the same
// golden screens, so the two cannot drift apart.
func samProfile() *model.Profile {
	f := model.Float
	known := func(v float64) model.Rating { return model.Rating{Low: v, High: v} }
	date := func(y, m, d int) model.Date { return model.NewDate(y, time.Month(m), d) }
	return &model.Profile{
		Version: 1, Currency: "USD", Scale: 5, Params: model.DefaultParams(),
		Situation: model.Situation{Savings: f(9000), MonthlyExpenses: f(3100), MonthlyIncome: f(600), Insured: model.Bool(false)},
		Priorities: []model.Priority{
			{ID: "strengths", Label: "Uses my real strengths", Weight: 5, LowText: "mostly tasks I'm weak at", HighText: "plays to what I do best",
				Ask: "What does someone in this role spend most of their week on?"},
			{ID: "manager", Label: "A manager I'd want to work with", Weight: 4, AtLeast: 2, LowText: "flaky, or a tyrant",
				HighText: "clear, fair, gets things done",
				Ask:      "How do you give feedback to your team, and when did you last change your mind because of it?"},
			{ID: "environment", Label: "An environment I'll thrive in", Weight: 3, LowText: "I'd go home crying", HighText: "calm, kind, focused",
				Ask: "What happened the last time a deadline slipped?"},
			{ID: "pay", Label: "Pays enough to save again", Weight: 3, FromPay: &[2]float64{40000, 80000}},
			{ID: "commute", Label: "Short commute", Weight: 1, LowText: "over an hour each way", HighText: "walk or remote"},
		},
		Opportunities: []model.Opportunity{
			{Name: "Acme Logistics", Stage: model.StageOffer, Pay: f(52000), Starts: date(2026, 12, 14), FirstPaycheckDays: f(14),
				Insurance: true, InsuranceWaitDays: 30, RespondBy: date(2026, 12, 1),
				Notes:   "Dispatch coordinator. Decent people; the work is mostly what I'm worst at.",
				Ratings: map[string]model.Rating{"strengths": known(2), "manager": known(4), "environment": known(3), "commute": known(3)}},
			{Name: "Globex", Stage: model.StageFinal, Pay: f(68000), Starts: date(2027, 1, 11), Insurance: true,
				DecisionExpected: date(2026, 12, 9),
				Notes:            "Supply-chain analyst: exactly my old job, better team. Final round Friday.",
				Ratings: map[string]model.Rating{"strengths": known(5), "manager": {Low: 3, High: 5}, "environment": known(4),
					"commute": known(2)}},
			{Name: "Initech (contract)", Stage: model.StageInterviewing, Pay: f(38), Per: "hour", HoursPerWeek: 40,
				Starts: date(2026, 12, 7), FirstPaycheckDays: f(7), ContractMonths: 6,
				Notes:   "Six-month data clean-up contract. No benefits. Remote.",
				Ratings: map[string]model.Rating{"strengths": known(4), "environment": {Low: 2, High: 4}, "commute": known(5)}},
			{Name: "Vandelay Industries", Stage: model.StageOffer, Pay: f(61000), Starts: date(2026, 12, 7), Insurance: true,
				Notes:   "Good money, but the manager shouted at a coordinator during my interview.",
				Ratings: map[string]model.Rating{"strengths": known(3), "manager": known(1), "environment": known(2), "commute": known(4)}},
			{Name: "Hooli", Stage: model.StageApplied, Pay: f(95000), Insurance: true, Notes: "Long shot; a friend referred me.",
				Ratings: map[string]model.Rating{"strengths": known(4)}},
			{Name: "Umbrella Corp", Stage: model.StageDeclined, Pay: f(45000), Notes: "Declined: night shifts."},
		},
		Scenarios: []model.Scenario{
			{Name: "severance lands", Situation: model.Situation{Savings: f(15000)}},
			{Name: "partner's insurance", Situation: model.Situation{Insured: model.Bool(true)}},
			{Name: "lose the shifts", Situation: model.Situation{MonthlyIncome: f(0)}},
		},
	}
}

// key is a key press event for rune r, or for special key k when r is 0.
func key(k tcell.Key, r rune) *tcell.EventKey {
	if r != 0 {
		return tcell.NewEventKey(tcell.KeyRune, r, tcell.ModNone)
	}
	return tcell.NewEventKey(k, 0, tcell.ModNone)
}
