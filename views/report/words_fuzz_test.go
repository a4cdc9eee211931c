package report

import (
	"io"
	"math/rand/v2"
	"testing"

	"mutual/model"
)

// This file drives every sentence writer (the verdict, the advice on each
// offer, the levers, the break-even and what-would-change words, and the
// reports that hold them) from small random profiles, so that a model state
// no hand-written case reached cannot crash them. The verdict's writer once
// read the process waited for at index -1, when holding the only offer
// paid with no process to wait for.

// fuzzToday is the day every fuzzed profile is evaluated for.
var fuzzToday = model.NewDate(2026, 11, 25)

// draws hands out the fuzzer's bytes one at a time, 0 once they run out,
// so that every input, however short, is a profile.
type draws []byte

func (d *draws) next() int {
	if len(*d) == 0 {
		return 0
	}
	b := (*d)[0]
	*d = (*d)[1:]
	return int(b)
}

// pick is the next byte as an index into n choices.
func (d *draws) pick(n int) int { return d.next() % n }

// fuzzProfile builds a small profile that validation would accept from
// the bytes: a situation, one to three priorities and one to four
// opportunities of any stage, pay, chance and dates around fuzzToday.
// Byte by byte: savings, expenses, income, flags (1 insured, 2 urgency
// fixed, 4 a savings what-if), the urgency, the number of priorities and
// of opportunities; then 3 bytes a priority (weight, at_least, from_pay)
// and 9 an opportunity (stage, pay and per, chance, respond_by,
// decision_expected, starts, first_paycheck_days, insurance and contract,
// and one rating for each priority).
func fuzzProfile(in []byte) (*model.Profile, model.Request) {
	d := draws(in)
	amounts := []float64{0, 268, 3000, 9000, 16000, 60000, 1e6, 1e12}
	burns := []float64{0, 1000, 2600, 9000, 30000}
	pays := []float64{0, 15, 3000, 40000, 70000, 150000, 1e6, 1e12}
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams()}
	p.Situation = model.Situation{Savings: model.Float(amounts[d.pick(len(amounts))]),
		MonthlyExpenses: model.Float(burns[d.pick(len(burns))]), MonthlyIncome: model.Float(burns[d.pick(len(burns))] / 2)}
	flags := d.next()
	p.Situation.Insured = model.Bool(flags&1 != 0)
	req := model.Request{Today: fuzzToday}
	urgency := float64(d.next()) / 255
	if flags&2 != 0 {
		req.Urgency = model.Float(urgency)
	}
	if flags&4 != 0 {
		req.WhatIf.Situation.Savings = model.Float(amounts[d.pick(len(amounts))] / 3)
	}
	ids := []string{"fit", "team", "pay"}
	priorities, opportunities := 1+d.pick(3), 1+d.pick(4)
	for k := range priorities {
		pr := model.Priority{ID: ids[k], Weight: float64(d.pick(6))}
		if k == 0 {
			pr.Weight++ // one weight above 0, as validation asks
		}
		if b := d.next(); b%3 == 0 {
			pr.AtLeast = float64(1 + b%5)
		}
		if d.next()%4 == 0 {
			pr.FromPay = &[2]float64{30000, 90000}
		}
		p.Priorities = append(p.Priorities, pr)
	}
	stages := model.Stages()
	date := func() model.Date {
		if b := d.next(); b != 0 {
			return fuzzToday.AddDays(b - 40)
		}
		return model.Date{}
	}
	for k := range opportunities {
		o := model.Opportunity{Name: string(rune('A' + k)), Stage: stages[d.pick(len(stages))], Ratings: map[string]model.Rating{}}
		if b := d.next(); b != 0 {
			o.Pay = model.Float(pays[b%len(pays)])
			o.Per = []string{"", "year", "month", "hour"}[b/len(pays)%4]
			if o.Per == "hour" {
				o.HoursPerWeek = 40
			}
		}
		if b := d.next(); b != 0 {
			o.Chance = model.Float(float64(b%101) / 100)
		}
		o.RespondBy, o.DecisionExpected, o.Starts = date(), date(), date()
		if b := d.next(); b != 0 {
			o.FirstPaycheckDays = model.Float(float64(b % 61))
		}
		b := d.next()
		o.Insurance = b&1 != 0
		o.ContractMonths = float64(b / 2 % 4 * 6)
		for _, pr := range p.Priorities {
			switch r := d.next(); {
			case r == 0:
				o.Ratings[pr.ID] = model.Rating{Low: 1, High: 5}
			case r%7 == 0:
				// not rated
			default:
				lo := float64(1 + r%5)
				o.Ratings[pr.ID] = model.Rating{Low: lo, High: lo + float64(r/5%int(6-lo))}
			}
		}
		p.Opportunities = append(p.Opportunities, o)
	}
	return p, req
}

// FuzzWords writes every sentence and report for a random small profile
// and fails on any panic (the fuzzer reports a panic as a failure).
func FuzzWords(f *testing.F) {
	// The audit's crash: savings 16000, expenses 9000, one priority fit,
	// one offer paying 70000 a year, respond_by 2026-12-29, rated 2.
	f.Add([]byte{4, 3, 0, 0, 0, 0, 0, 0, 1, 1, 4, 4, 0, 74, 0, 0, 0, 0, 1})
	r := rand.New(rand.NewPCG(24, 5))
	for range 24 {
		seed := make([]byte, 64)
		for k := range seed {
			seed[k] = byte(r.IntN(256))
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		p, req := fuzzProfile(in)
		s, err := model.Evaluate(p, req)
		if err != nil {
			return
		}
		writeEveryWord(t, s)
	})
}

// writeEveryWord calls each writer of words on state s and its decisions.
func writeEveryWord(t *testing.T, s *model.State) {
	info := Info{Profile: "fuzz.toml", Today: s.Request.Today}
	// The header reads a glance (no advice on an offer held); the decide
	// page reads a brief or a whole decision.
	VerdictParts(s, model.DecideGlance(s))
	for _, d := range []*model.Decision{model.Decide(s), model.DecideBrief(s)} {
		VerdictParts(s, d)
		for _, width := range []int{40, 100} {
			Advice(s, d, -1, Keys{}, width).Rows(width)
		}
	}
	d := model.Decide(s)
	for _, format := range DecideFormats() {
		if err := WriteDecide(io.Discard, s, d, info, format); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range RankFormats() {
		if err := WriteRank(io.Discard, s, info, format); err != nil {
			t.Fatal(err)
		}
	}
	for i := range s.Assessments {
		if err := WriteExplain(io.Discard, s, i, info); err != nil {
			t.Fatal(err)
		}
		if err := WritePrep(io.Discard, s, d, i, info); err != nil {
			t.Fatal(err)
		}
		Advice(s, d, i, Keys{}, 80).Rows(80)
		Brief(s, i, Keys{}).Rows(60)
		Priorities(s, 0, i, PriorityKeys{}, i%2 == 0).Rows(70)
		BreakEvenPayText(s, i)
		PayUnknownNote(&s.Assessments[i])
	}
	for _, o := range d.Offers {
		adviceHeadline(s, d, &o)
		adviceReason(s, d, &o)
		valuesLine(&o, false)
		moneyLines(s, &o)
		savingsLine(s, &o)
		for k := range o.Levers {
			leverSentence(s, &o, &o.Levers[k])
		}
	}
	WeightFlipLines(s)
	NearWeightFlip(s)
	for _, fl := range s.WeightFlips() {
		WeightFlipText(s, fl)
	}
	WhatIfWords(s)
}
