package model

import (
	"math"
	"slices"
)

// This file is the work-search record: every stage move written in the
// opportunities' histories, in date order (mutual log), and the
// opportunities waiting on the other side long enough to follow up.

// LoggedMove is one stage move of one opportunity.
type LoggedMove struct {
	// Index is the opportunity's index in the profile.
	Index int
	Name  string
	Move
}

// WorkLog lists every move in p's histories by day, earliest first; moves
// on the same day keep the profile's order.
func WorkLog(p *Profile) []LoggedMove {
	var out []LoggedMove
	for i, o := range p.Opportunities {
		for _, m := range o.History {
			out = append(out, LoggedMove{Index: i, Name: o.Name, Move: m})
		}
	}
	slices.SortStableFunc(out, func(a, b LoggedMove) int {
		switch {
		case a.On.Before(b.On):
			return -1
		case b.On.Before(a.On):
			return 1
		}
		return 0
	})
	return out
}

// FollowUp is an opportunity that has waited on the other side for at
// least the follow-up days since its last move.
type FollowUp struct {
	Index int
	Name  string
	Stage Stage
	// Since is the day of the last move; Days how many days ago it was.
	Since Date
	Days  int
}

// awaitsReply reports the stages in which the next move is the other
// side's: an application sent, an interview process, a final round.
func (s Stage) awaitsReply() bool {
	return s == StageApplied || s == StageInterviewing || s == StageFinal
}

// FollowUpOf says whether opportunity o is due a follow-up today: it is
// applied, interviewing or final, its last move (the latest day of its
// history) is known, and at least days have passed since. With no move
// written, when it last moved is unknown and it is not flagged.
func FollowUpOf(o Opportunity, today Date, days float64) (FollowUp, bool) {
	if !o.Stage.awaitsReply() || today.IsZero() {
		return FollowUp{}, false
	}
	last, ok := o.LastMove()
	if !ok {
		return FollowUp{}, false
	}
	n := last.DaysUntil(today)
	if float64(n) < math.Ceil(days) {
		return FollowUp{}, false
	}
	return FollowUp{Name: o.Name, Stage: o.Stage, Since: last, Days: n}, true
}

// FollowUps lists the opportunities of p due a follow-up today, in the
// profile's order, with p's follow_up_days.
func FollowUps(p *Profile, today Date) []FollowUp {
	var out []FollowUp
	for i, o := range p.Opportunities {
		if f, ok := FollowUpOf(o, today, p.Search.FollowUpDays); ok {
			f.Index = i
			out = append(out, f)
		}
	}
	return out
}
