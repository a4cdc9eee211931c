package model

import (
	"math"
	"slices"
)

// This file finds the bonus lever: the signing bonus at which accepting an
// offer becomes the best course. A bonus changes nothing but the money on
// the course that takes the offer (ledger.go): it pays back the shortfall
// before the first paycheck and the debt left then, for the chance that
// the job is kept past its clawback. So it is worth asking for only while
// money is short, and the bonus that wins is found by weighing the whole
// decision again at each amount, to the dollar.

// bonusSpan bounds the bonus looked for: a year of expenses above the one
// offered. A bonus buys time without money trouble, and none that the
// model values is worth more than a year of it.
const bonusSpan = 12

// bonus is the least whole signing bonus (gross, in the profile's
// currency) at which accepting offer i is the best course, with what
// accepting is worth more then; false when none up to the span does or
// when accepting wins already.
func (sv *solver) bonus(w *world, i int) (Lever, bool) {
	s := sv.s
	base := val(s.Profile.Opportunities[i].SigningBonus)
	if wins, _ := sv.winsWithBonus(i, base); wins {
		return Lever{}, false
	}
	lo := math.Floor(base)
	hi := math.Ceil(base + bonusSpan*math.Max(val(s.Situation.MonthlyExpenses), 1))
	if wins, _ := sv.winsWithBonus(i, hi); !wins {
		return Lever{}, false
	}
	// lo loses and hi wins: halve to the dollar.
	for hi-lo > 1 {
		m := math.Floor((lo + hi) / 2)
		if wins, _ := sv.winsWithBonus(i, m); wins {
			hi = m
		} else {
			lo = m
		}
	}
	_, at := sv.winsWithBonus(i, hi)
	return Lever{Kind: LeverBonus, Amount: hi, Process: -1, Worth: sv.flow(at - w.accept[i])}, true
}

// winsWithBonus reports whether accepting offer i is the verdict were its
// signing bonus amount (gross), and what accepting it is worth then: the
// whole decision weighed again, as the profile changed to that bonus
// would weigh it.
func (sv *solver) winsWithBonus(i int, amount float64) (bool, float64) {
	s := sv.s
	q := *s
	prof := *s.Profile
	prof.Opportunities = slices.Clone(s.Profile.Opportunities)
	prof.Opportunities[i].SigningBonus = Float(amount)
	q.Profile = &prof
	other := newSolver(&q)
	ow := other.evaluate(other.tl.cash.savings)
	v := other.verdictAt(ow, other.offers)
	return v.Action == ActionAccept && v.Offer == i, ow.accept[i]
}
