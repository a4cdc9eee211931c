package model

import (
	"math"
	"slices"
	"sort"
)

// Question is an unknown or uncertain rating worth asking about: what the
// answer could do to an opportunity's score, against how far that score is
// from changing the decision.
type Question struct {
	// Index is the opportunity's position in State.Assessments.
	Index int
	// Priority is the priority's ID; Label its human name; Ask its
	// question for an interviewer ("" when the profile has none).
	Priority, Label, Ask string
	// Rating is the interval the answer will narrow; From says whether it
	// is unknown or a range.
	Rating Rating
	From   RatingFrom
	// Swing is how far the score moves, at the urgency in force, between
	// the worst and the best answer: (1 − u) × share × interval width × 100.
	Swing float64
	// Margin is how far the score is from changing the decision: for the
	// leader, its lead over the runner-up; for any other, how far it is
	// behind the leader. +Inf when no answer can change it: a vetoed
	// opportunity stays vetoed, and a lone one has nothing to overtake.
	Margin float64
	// CouldVeto reports that a low answer would fall below the priority's
	// at_least floor and veto the opportunity.
	CouldVeto bool
	// Decisive reports that this answer alone could change the decision:
	// half the swing (from the middle, where the score stands, to either
	// end) reaches the margin, or it could veto the leader.
	Decisive bool
	// Pay marks the question of what an opportunity with no pay given
	// would pay: the answer moves relief's income cover (counted as no
	// income until then) and every rating taken from pay, whose own
	// questions it stands for. Priority is "" and Label "Pay".
	Pay bool
	// FirstShare is the opportunity's first_share now (see
	// [State.FirstShares]); IfLow and IfHigh are what it would be were the
	// answer the lowest the rating can be or the highest (for pay: none,
	// or enough to cover the expenses and top every from_pay range). They
	// are how much the answer could move how sure the ranking is.
	FirstShare, IfLow, IfHigh float64
}

// payQuestionAsk is what to ask about a pay the profile does not give.
const payQuestionAsk = "What does the role pay, and how is it paid (salary, hourly, contract)?"

// importance orders questions: the share of the margin that the swing
// covers, infinite when the answer could veto the leader.
func (q Question) importance() float64 {
	switch {
	case q.Decisive && q.CouldVeto:
		return math.Inf(1)
	case math.IsInf(q.Margin, 1):
		return 0
	case q.Margin <= 0:
		return math.Inf(1)
	}
	return q.Swing / q.Margin
}

// Questions lists the unknown and uncertain ratings of every open
// opportunity (ranked, then vetoed), most decisive first: by the share of
// the margin the swing covers, then by swing, then in rank and priority
// order.
func Questions(s *State) []Question {
	u := s.Urgency.Value
	span := float64(s.Profile.Scale - 1)
	if span <= 0 {
		span = 1
	}
	var out []Question
	order := map[int]int{}
	add := func(r Ranked, margin float64, leader bool) {
		order[r.Index] = len(order)
		a := &s.Assessments[r.Index]
		if !a.Relief.PayKnown {
			if q, ok := payQuestion(s, a, margin, leader); ok {
				out = append(out, q)
			}
		}
		for k, t := range a.Fit.Terms {
			if t.Rating.Known() {
				continue
			}
			pr := s.Profile.Priorities[k]
			if pr.FromPay != nil && t.From == FromUnknown {
				continue // the pay question asks it
			}
			q := Question{Index: r.Index, Priority: pr.ID, Label: pr.Name(), Ask: pr.Ask, Rating: t.Rating, From: t.From,
				Swing:     (1 - u) * a.Fit.Share(k) * (t.Rating.High - t.Rating.Low) / span * 100,
				Margin:    margin,
				CouldVeto: pr.AtLeast > 0 && t.Rating.Low < pr.AtLeast && !a.Vetoed()}
			if q.Swing <= 0 && !q.CouldVeto {
				continue
			}
			q.Decisive = !math.IsInf(margin, 1) && (q.Swing/2 >= margin || leader && q.CouldVeto)
			out = append(out, q)
		}
	}
	for k, r := range s.Ranked {
		switch {
		case len(s.Ranked) == 1:
			add(r, math.Inf(1), true)
		case k == 0:
			add(r, r.Score-s.Ranked[1].Score, true)
		default:
			add(r, s.Ranked[0].Score-r.Score, false)
		}
	}
	for _, r := range s.Vetoed {
		add(r, math.Inf(1), false)
	}
	s.questionShares(out)
	sort.SliceStable(out, func(x, y int) bool {
		a, b := out[x], out[y]
		if ia, ib := a.importance(), b.importance(); ia != ib {
			return ia > ib
		}
		if a.Swing != b.Swing {
			return a.Swing > b.Swing
		}
		return order[a.Index] < order[b.Index]
	})
	return out
}

// payQuestion is the question of what opportunity a pays, when the
// profile does not say: its swing is what the score moves between no pay
// (relief counts no income, every from_pay rating 1) and pay enough to
// cover the expenses and top every from_pay range, at the urgency in
// force; false when that moves nothing.
func payQuestion(s *State, a *Assessment, margin float64, leader bool) (Question, bool) {
	u := s.Urgency.Value
	q := Question{Index: a.Index, Label: "Pay", Ask: payQuestionAsk, From: FromUnknown, Pay: true, Margin: margin}
	for k, t := range a.Fit.Terms {
		pr := &s.Profile.Priorities[k]
		if pr.FromPay == nil || t.From != FromUnknown {
			continue
		}
		q.Swing += (1 - u) * a.Fit.Share(k) * (t.High - t.Low) * 100
		q.CouldVeto = q.CouldVeto || pr.AtLeast > 1 && !a.Vetoed()
	}
	q.Swing += u * (payHighRelief(s, a) - a.Relief.Value)
	if q.Swing <= 0 && !q.CouldVeto {
		return Question{}, false
	}
	q.Decisive = !math.IsInf(margin, 1) && (q.Swing/2 >= margin || leader && q.CouldVeto)
	return q, true
}

// payHighRelief is a's relief were it paid enough to cover the expenses.
func payHighRelief(s *State, a *Assessment) float64 {
	r := a.Relief
	r.Income = 1
	return r.Chance * reliefWeightsFor(s.Profile.Params, r.CoverageCounted).mean(&r, r.Timeliness) * 100
}

// questionShares puts into each question its opportunity's first_share
// and what it would be at either end of the answer: the others' outcomes
// as FirstShares goes through them, the opportunity's own counted one by
// one with the answer fixed.
func (s *State) questionShares(qs []Question) {
	if len(qs) == 0 || len(s.Ranked) == 0 {
		return
	}
	sh := s.newShareSetup()
	size := firstShareDraws
	if sh.exact {
		size = int(sh.joint)
	}
	firsts, seconds := make([]rival, 0, size), make([]rival, 0, size)
	counts := make([]float64, len(s.Assessments))
	n := sh.run(true, func(first, second rival, _ float64) {
		firsts, seconds = append(firsts, first), append(seconds, second)
		if first.index >= 0 {
			counts[first.index]++
		}
	})
	contender := make([]bool, len(s.Assessments))
	for _, i := range sh.contenders {
		contender[i] = true
	}
	if sh.known.index >= 0 {
		contender[sh.known.index] = true
	}
	rv := newRivals(firsts, seconds)
	scale := float64(s.Profile.Scale)
	for x := range qs {
		q := &qs[x]
		a := &s.Assessments[q.Index]
		q.FirstShare = counts[q.Index] / float64(n)
		if a.Vetoed() {
			continue
		}
		if !q.Pay {
			if !contender[q.Index] {
				continue // not first at its best, whatever the answer
			}
			k := slices.IndexFunc(s.Profile.Priorities, func(p Priority) bool { return p.ID == q.Priority })
			q.IfLow = sh.shareIf(q.Index, rv, []fixedRating{{k, q.Rating.Low}}, a.Relief.Value)
			q.IfHigh = sh.shareIf(q.Index, rv, []fixedRating{{k, q.Rating.High}}, a.Relief.Value)
			continue
		}
		var low, high []fixedRating
		for k, t := range a.Fit.Terms {
			if s.Profile.Priorities[k].FromPay != nil && t.From == FromUnknown {
				low, high = append(low, fixedRating{k, 1}), append(high, fixedRating{k, scale})
			}
		}
		if contender[q.Index] {
			q.IfLow = sh.shareIf(q.Index, rv, low, a.Relief.Value)
		}
		relief := payHighRelief(s, a)
		if (1-sh.u)*a.Fit.High+sh.u*relief >= sh.least-scoreTolerance {
			q.IfHigh = sh.shareIf(q.Index, rv, high, relief)
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// QuestionsFor is the questions about opportunity i, most decisive first.
func (d *Decision) QuestionsFor(i int) []Question {
	var out []Question
	for _, q := range d.Questions {
		if q.Index == i {
			out = append(out, q)
		}
	}
	return out
}
