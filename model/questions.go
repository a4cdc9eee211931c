package model

import (
	"math"
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
}

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
		for k, t := range a.Fit.Terms {
			if t.Rating.Known() {
				continue
			}
			pr := s.Profile.Priorities[k]
			q := Question{Index: r.Index, Priority: t.Priority, Label: t.Label, Ask: pr.Ask, Rating: t.Rating, From: t.From,
				Swing:     (1 - u) * t.Share * (t.Rating.High - t.Rating.Low) / span * 100,
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
