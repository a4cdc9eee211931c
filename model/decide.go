package model

import (
	"math"
	"slices"
)

// This file answers "what do I do today?" for the offers in hand. Every
// course of action is followed in money on the timeline of money.go:
//
//   - accept an offer now: the savings burn until its first paycheck;
//   - hold the offers in hand while processes decide, accepting one by its
//     deadline or letting it lapse, whichever is worth more then;
//   - decline everything and search on, while the processes decide.
//
// The verdict is the best of them. At most one offer is ever "accept";
// "wait" means the offer is held, and an offer the best course lets lapse
// is "decline", with the process it lapses for named.

// Advice is what to do about one offer in hand.
type Advice string

// The three answers.
const (
	// AdviceAccept: accept it; nothing else is worth more.
	AdviceAccept Advice = "accept"
	// AdviceWait: hold it while a process decides; holding is worth more
	// than accepting now.
	AdviceWait Advice = "wait"
	// AdviceDecline: turn it down or let it lapse: another offer, a
	// process decided after its deadline, or searching on is worth more,
	// or a deal-breaker vetoes it.
	AdviceDecline Advice = "decline"
)

// Action is the one thing to do today.
type Action string

// The actions a verdict can name.
const (
	ActionAccept Action = "accept"
	ActionWait   Action = "wait"
	ActionSearch Action = "search"
	// ActionStay: keep the job held now (stage current), searching from
	// it; no offer is worth leaving it for.
	ActionStay Action = "stay"
)

// Verdict is the one thing to do today.
type Verdict struct {
	Action Action
	// Offer indexes State.Assessments: the offer to accept (accept), or the
	// offer held meanwhile (wait); -1 for none.
	Offer int
	// WaitingFor indexes State.Assessments: the process waited for (wait),
	// or -1.
	WaitingFor int
	// By is the day to act by: the offer's deadline (accept), the day the
	// process decides (wait), the held offer's deadline (wait with no
	// process to wait for); zero when there is none.
	By Date
	// Value is the verdict's value and RunnerUp the best value of any other
	// course, with RunnerUpAction and RunnerUpOffer saying which.
	Value, RunnerUp float64
	RunnerUpAction  Action
	RunnerUpOffer   int
	// Close reports that the two are within close_margin of each other;
	// Settle is then the question that would settle it, or nil.
	Close  bool
	Settle *Question
	// Lapses are the offers the verdict lets lapse, in profile order.
	Lapses []int
	// Bridged reports, for a verdict to accept, that the bridge is what
	// makes accepting best: accepting and stopping every other process
	// would be worth less than the runner-up (see bridge.go).
	Bridged bool
}

// Lever is something to ask for that would change the answer.
type Lever struct {
	Kind LeverKind
	// To is the deadline to ask for (extend); By the day the process would
	// have to decide by (decide_by).
	To, By Date
	// Process indexes State.Assessments: the process concerned (extend,
	// decide_by), or -1.
	Process int
	// Pay is the pay, in the offer's own per, at which accepting wins
	// (counter); Amount the signing bonus, gross, at which it wins
	// (bonus).
	Pay, Amount float64
	// Worth is what pulling the lever is worth, in points a month: for an
	// extension the gain over today's best course; for decide_by the gain
	// if the process answered today; for a counter how much more accepting
	// is worth at that pay.
	Worth float64
}

// LeverKind names a lever.
type LeverKind string

// The levers.
const (
	LeverExtend   LeverKind = "extend"
	LeverDecideBy LeverKind = "decide_by"
	LeverCounter  LeverKind = "counter"
	LeverBonus    LeverKind = "bonus"
)

// OfferAdvice is the advice on one offer in hand: an offer, or one already
// accepted (which can still be given up until it starts).
type OfferAdvice struct {
	// Index is the offer's position in State.Assessments.
	Index  int
	Advice Advice
	// RespondBy is the offer's own deadline (zero when it gives none);
	// Deadline the one in force: RespondBy, today when it has passed
	// (Expired), or hold_days from today when there is none
	// (DeadlineAssumed).
	RespondBy, Deadline      Date
	Expired, DeadlineAssumed bool
	// Vetoed reports that a deal-breaker vetoes it: it is declined
	// whatever the values.
	Vetoed bool
	// Chance is the chance it comes through once accepted.
	Chance float64
	// TenureMonths is how long, at its fit, it is expected to last.
	TenureMonths float64
	// Accept is the value of accepting it now; Wait of not accepting
	// anything today and holding it (NaN when it cannot be held: its
	// deadline is today); Search of declining every offer and searching
	// on; Decline of the best course without it.
	Accept, Wait, Search, Decline float64
	// CanHold reports that its deadline is after today; Holds that it can
	// be held until WaitingFor decides.
	CanHold, Holds bool
	// WaitingFor indexes State.Assessments: the process holding out is
	// for, or -1.
	WaitingFor int
	// Lapse reports that the best course lets it lapse to wait for
	// WaitingFor; Instead indexes the offer accepted instead, or -1.
	Lapse   bool
	Instead int
	// BreakEven is the chance of WaitingFor at which holding out and
	// accepting it now are worth the same; nil when no chance makes
	// holding out worth more, or when it was not looked for
	// (ChanceWeighed false: another offer is worth more to accept, so the
	// chance decides nothing about this one).
	BreakEven     *float64
	ChanceWeighed bool
	// PaysFrom is its first payday; AcceptRunsOut the day the savings run
	// out before it, and AcceptShortBy what is missing by then.
	PaysFrom, AcceptRunsOut Date
	AcceptShortBy           float64
	// HoldOutPays is the first payday on the hold-out path (WaitingFor's,
	// if it says yes; else the mean for a search); RunsOut and ShortBy the
	// same on that path.
	HoldOutPays, RunsOut Date
	ShortBy              float64
	// SavingsBreakEven is the savings at which accepting it and holding
	// out are worth the same, the one nearest today's; AcceptAbove reports
	// that accepting wins above it. Nil when savings do not change the
	// answer.
	SavingsBreakEven *float64
	AcceptAbove      bool
	// Beyond is the offer accepted instead across the break-even (an index
	// into State.Assessments), or -1 when holding out wins there.
	Beyond int
	// Levers are what to ask for, most valuable first.
	Levers []Lever
	// BridgeValue is the value of accepting it and keeping the later
	// processes alive (the bridge, see bridge.go), in points a month;
	// Bridge the processes kept alive, in date order (none when no later
	// yes would be worth leaving it for: BridgeValue is then Accept).
	BridgeValue float64
	Bridge      []BridgeStep
	// Weighed reports that the savings break-even and the levers were
	// looked for: for the verdict's offer, the ones it holds and the eight
	// most worth accepting (see weighedOffers), not for a vetoed one.
	Weighed bool
}

// Decision is the search model solved for a state.
type Decision struct {
	// Params are the assumptions in force.
	Params SearchParams
	// Estimate is what a search is expected to find.
	Estimate OfferEstimate
	// RunwayMonths is today's runway; +Inf when nothing burns the savings.
	RunwayMonths float64
	// FindRate is the monthly chance of finding a job today.
	FindRate float64
	// Reservations[k] is the reservation with k whole months of runway:
	// the lowest fit a typical sure offer needs to be worth accepting
	// rather than searching on. One entry when the runway is unbounded.
	Reservations []Reservation
	// Now is the reservation at today's runway.
	Now Reservation
	// Verdict is the one thing to do today.
	Verdict Verdict
	// Offers is the advice on every offer in hand, in profile order.
	Offers []OfferAdvice
	// Undated are open processes with no decision_expected, which no
	// course can wait for; Hopeless those whose chance is 0.
	Undated, Hopeless []int
	// Questions are the unknown and uncertain ratings of every open
	// opportunity, most decisive first.
	Questions []Question

	sv *solver
}

// Reservation is the lowest fit worth accepting at a level of runway, and
// what that is as a score at the urgency in force.
type Reservation struct {
	Months float64
	// Fit is the lowest fit (0..100) of a typical sure offer worth taking:
	// 0 when any is, and above 100 (Never) when none is.
	Fit   float64
	Any   bool
	Never bool
	// Score is the score such an offer has at the urgency in force.
	Score float64
}

// MonthsLater is the day m months after today, as decide counts months
// (a month is 30.4375 days).
func (d *Decision) MonthsLater(m float64) Date { return d.sv.dateAt(m) }

// Flow turns a present value into points a month, for good: the steady
// monthly amount worth as much.
func (d *Decision) Flow(v float64) float64 { return v * d.sv.tl.rho }

// Decide solves the search model for the state s: the verdict, the advice
// on every offer in hand with its values, break-evens and levers, the
// reservation by months of runway, and the questions to ask.
func Decide(s *State) *Decision {
	sv := newSolver(s)
	d := sv.decision()
	d.Reservations, d.Now = sv.reservations()
	sv.advise(d)
	d.Questions = Questions(s)
	d.settle()
	return d
}

// DecideBrief solves the search model for the state s as far as a glance
// needs: the reservation at today's runway (Now; no table by months), the
// verdict, and every offer's advice, values and money, without the
// searches for break-evens and levers (no offer is Weighed) or the
// questions. A view can afford it on every what-if; Decide
// gives the same numbers and the rest.
func DecideBrief(s *State) *Decision { return decideNow(s, adviseEvery) }

// DecideGlance is DecideBrief as far as the dashboard's header reads it:
// the reservation now, the verdict, and when the verdict is to accept an
// offer, to hold one or to decline one and search on, the advice on that
// one (the first declined) with its chance and savings break-evens but no
// levers (Offers holds it; none for a verdict to search on with no offer). The advice is
// what costs: an offer the hold course falls back on needs a pass without
// it. It runs on every weight what-if, whose fits move every offer's
// values.
func DecideGlance(s *State) *Decision { return decideNow(s, adviseVerdict) }

// decideNow is the reservation at today's runway and advice as deep as
// depth, without the questions.
func decideNow(s *State, depth adviseDepth) *Decision {
	sv := newSolver(s)
	d := sv.decision()
	d.Now = sv.reservationAt(sv.tl.cash.savings, sv.tl.cash.runway())
	sv.adviseWith(d, depth)
	return d
}

// SameMoney reports whether decisions for states a and b are the same
// but for the urgency they score at: one profile, one situation, one day.
// A what-if that only moves the urgency (State.WithUrgency) keeps all
// three, and decide weighs money, not urgency.
func SameMoney(a, b *State) bool {
	return a.Profile == b.Profile && a.Situation == b.Situation && a.Request.Today == b.Request.Today
}

// ForUrgency is d for state s, which has the same money as d's (see
// [SameMoney]) at another urgency: the reservation is scored at s's
// urgency; nothing else changes.
func (d *Decision) ForUrgency(s *State) *Decision {
	e := *d
	sv := *d.sv
	sv.s = s
	e.sv = &sv
	e.Now.Score = sv.typicalScore(e.Now.Fit, e.Now.Months)
	e.Reservations = slices.Clone(d.Reservations)
	for k := range e.Reservations {
		e.Reservations[k].Score = sv.typicalScore(e.Reservations[k].Fit, e.Reservations[k].Months)
	}
	return &e
}

func (sv *solver) decision() *Decision {
	return &Decision{Params: sv.p, Estimate: sv.e, RunwayMonths: sv.s.Urgency.RunwayMonths,
		FindRate: sv.p.FindRateAt(sv.tl.spell), Undated: sv.undated, Hopeless: sv.hopeless, sv: sv,
		Verdict: Verdict{Offer: -1, WaitingFor: -1, RunnerUpOffer: -1}}
}

// verdictAt is the verdict at the given savings, for these offers and
// processes: the best of accepting an offer now, holding the offers while
// processes decide, and declining them all to search on.
func (sv *solver) verdictAt(w *world, offers []heldOffer) Verdict {
	v := Verdict{Offer: -1, WaitingFor: -1, RunnerUpOffer: -1, RunnerUp: math.Inf(-1)}
	best, acceptValue := bestAccept(w, offers)
	hold, search := w.hold.start(), w.search.start()
	today := sv.s.Request.Today
	switch {
	case best >= 0 && acceptValue >= math.Max(hold, search)-valueTolerance:
		v.Action, v.Offer, v.Value = ActionAccept, best, acceptValue
		if d := sv.s.Profile.Opportunities[best].RespondBy; !d.IsZero() && !d.Before(today) {
			v.By = d
		}
		v.RunnerUp, v.RunnerUpAction = sv.declineValue(w, best), ActionSearch
		for _, o := range offers {
			if o.index == best {
				continue
			}
			v.Lapses = append(v.Lapses, o.index)
			if a := w.accept[o.index]; a >= v.RunnerUp-valueTolerance {
				v.RunnerUp, v.RunnerUpAction, v.RunnerUpOffer = a, ActionAccept, o.index
			}
		}
		if v.RunnerUpAction == ActionSearch && waitingFor(w.hold, w.c) >= 0 {
			v.RunnerUpAction = ActionWait
		}
		v.Bridged = sv.bridgeGain(w, best) > 0 && sv.acceptStop(w, best) < v.RunnerUp-valueTolerance
		return v
	case hold > search+valueTolerance:
		v.Action, v.Value = ActionWait, hold
		v.WaitingFor = waitingFor(w.hold, w.c)
		used := fallbacks(w)
		for _, o := range offers {
			if used[o.index] && v.Offer < 0 {
				v.Offer = o.index
			}
			if !used[o.index] {
				v.Lapses = append(v.Lapses, o.index)
			}
		}
	default:
		v.Action, v.Value = ActionSearch, search
		v.WaitingFor = waitingFor(w.search, sv.base.search)
		v.Lapses = offerIndices(offers)
	}
	if v.WaitingFor >= 0 {
		v.By = sv.s.Profile.Opportunities[v.WaitingFor].DecisionExpected
		if v.By.Before(today) {
			v.By = today
		}
	} else if v.Action == ActionWait && v.Offer >= 0 {
		// Held with no process to wait for: the search goes on until the
		// held offer's deadline, the day to act by.
		o := &sv.s.Profile.Opportunities[v.Offer]
		v.By = o.RespondBy
		if o.RespondBy.IsZero() || o.RespondBy.Before(today) {
			v.By = sv.dateAt(sv.deadlineOf(o))
		}
	}
	if best >= 0 {
		v.RunnerUp, v.RunnerUpAction, v.RunnerUpOffer = acceptValue, ActionAccept, best
	}
	return v
}

func offerIndices(offers []heldOffer) []int {
	out := make([]int, len(offers))
	for k, o := range offers {
		out[k] = o.index
	}
	return out
}

// contributions are, for each process of course c, what its yes adds to
// the course's value today: the chance of getting to its decision with no
// job taken, times its chance, times what its job is worth over going on.
func contributions(ps *pass, c *course) map[int]float64 {
	reach := ps.reach()
	out := map[int]float64{}
	ps.events(func(kind, k, ev int) {
		if kind == eventProcess && ps.take[ev] {
			pr := &c.processes[k]
			out[pr.index] += reach[ev] * pr.chance * (ps.job[ev] - ps.after[ev])
		}
	})
	return out
}

// waitingFor is the process that course c (run as ps) is most for: the
// one whose yes adds most to it, or -1 when none adds anything.
func waitingFor(ps *pass, c *course) int {
	best, most := -1, 0.0
	cs := contributions(ps, c)
	for _, pr := range c.processes {
		if v := cs[pr.index]; v > most+valueTolerance {
			best, most = pr.index, v
		}
	}
	return best
}

// candidate is the process worth weighing a wait for even when waiting
// does not pay: the one holding out is for, else the one whose yes would
// add most, chance counted, were it reached.
func (sv *solver) candidate(w *world) int {
	if y := waitingFor(w.hold, w.c); y >= 0 {
		return y
	}
	if y := waitingFor(w.search, sv.base.search); y >= 0 {
		return y
	}
	ps := w.hold
	best, most := -1, 0.0
	ps.events(func(kind, k, ev int) {
		if kind != eventProcess {
			return
		}
		pr := &w.c.processes[k]
		if gain := pr.chance * (ps.job[ev] - ps.after[ev]); gain > most+valueTolerance {
			best, most = pr.index, gain
		}
	})
	return best
}

// fallbacks are the offers the hold course accepts at their deadline on
// some branch that is reached.
func fallbacks(w *world) map[int]bool {
	if w.fallback != nil {
		return w.fallback
	}
	ps := w.hold
	reach, atChoice := ps.reachAll()
	out := map[int]bool{}
	ps.events(func(kind, k, ev int) {
		if kind == eventDeadline && ps.take[ev] && reach[ev] > 0 {
			out[w.c.offers[k].index] = true
		}
	})
	for i, k := range ps.choose {
		if k >= 0 && atChoice[i] > 0 {
			out[w.c.offers[k].index] = true
		}
	}
	w.fallback = out
	return out
}

// settle marks a close verdict and finds the question that would settle
// it: the most decisive one about the opportunities the two courses turn
// on.
func (d *Decision) settle() {
	v := &d.Verdict
	if math.IsInf(v.RunnerUp, -1) || d.Flow(v.Value-v.RunnerUp) >= d.Params.CloseMargin {
		return
	}
	v.Close = true
	involved := map[int]bool{}
	for _, i := range []int{v.Offer, v.WaitingFor, v.RunnerUpOffer} {
		if i >= 0 {
			involved[i] = true
		}
	}
	for k := range d.Questions {
		if involved[d.Questions[k].Index] {
			v.Settle = &d.Questions[k]
			return
		}
	}
}
