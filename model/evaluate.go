package model

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
)

// WhatIf is a temporary change explored without touching the profile.
// The zero WhatIf changes nothing.
type WhatIf struct {
	// Urgency, when set, fixes the urgency by hand.
	Urgency *float64
	// Situation overrides situation values (savings, expenses...).
	Situation Situation
	// Weights overrides priority weights by priority ID.
	Weights map[string]float64
	// Ratings overrides ratings: opportunity name → priority ID → rating.
	Ratings map[string]map[string]Rating
}

// IsZero reports whether the what-if changes nothing.
func (w WhatIf) IsZero() bool {
	return w.Urgency == nil && w.Situation.IsZero() && len(w.Weights) == 0 && len(w.Ratings) == 0
}

// Request is what to evaluate a profile for.
type Request struct {
	// Today is the day the evaluation is for.
	Today Date
	// Scenario names a scenario of the profile to apply; "" applies none.
	Scenario string
	// Urgency, when set, fixes the urgency (the --urgency flag).
	Urgency *float64
	// WhatIf is applied last, over the scenario and the flag.
	WhatIf WhatIf
}

// Ranked is one opportunity's place in the ranking at the urgency in force.
type Ranked struct {
	// Index is the opportunity's position in State.Assessments.
	Index int
	// Rank counts from 1.
	Rank  int
	Score float64
}

// State is a profile evaluated for a request: urgency, every assessment,
// the ranking at the urgency in force and the leader over all urgencies.
// A State is a value: what-ifs make new states.
type State struct {
	// Profile is the profile with the request's weight and rating
	// what-ifs applied.
	Profile *Profile
	// Request is what the state was evaluated for.
	Request Request
	// Situation is the situation in force: the profile's, under the
	// scenario, under the what-if.
	Situation Situation
	// Urgency is the urgency in force, with its parts and source.
	Urgency Urgency
	// Assessments are every opportunity's fit and relief, in profile order.
	Assessments []Assessment
	// Ranked are the open, not vetoed opportunities, best first.
	Ranked []Ranked
	// Vetoed are the open but vetoed opportunities, best score first.
	Vetoed []Ranked
	// Closed are indices of declined, withdrawn and rejected ones.
	Closed []int
	// Envelope is the leader over urgency 0..1, left to right.
	Envelope []Segment
	// LeaderChanges are the urgencies where the leader changes, ascending.
	LeaderChanges []LeaderChange
	// Ledger is the dated money of the situation in force (see [Ledger]).
	Ledger *Ledger

	// memo keeps what is dear to work out and asked for by more than one
	// view (see breakevens.go); every new state gets its own.
	memo *stateMemo
	// shared keeps what decide works out alike for this state and those
	// made from it by a what-if of urgency or weights (see sharedMemo);
	// nil for a state made by hand, which then shares nothing.
	shared *sharedMemo
}

// Segment is a stretch of urgency over which one opportunity leads.
type Segment struct {
	From, To float64
	// Index is the leader's position in State.Assessments.
	Index int
}

// LeaderChange is an urgency at which the top-ranked opportunity changes:
// From leads just below it, To just above it.
type LeaderChange struct {
	Urgency float64
	// From and To index State.Assessments.
	From, To int
	// Score is the score both have at the change.
	Score float64
}

// Evaluate applies a request to a profile and computes the state. It fails
// only when the request names something the profile does not have.
func Evaluate(p *Profile, req Request) (*State, error) {
	sit := p.Situation
	urgencySrc := Source("")
	var fixed *float64
	if sit.Urgency != nil {
		fixed, urgencySrc = sit.Urgency, SourceProfile
	}
	edits := req.WhatIf
	if req.Scenario != "" {
		sc, ok := p.Scenario(req.Scenario)
		if !ok {
			return nil, errors.New("no scenario named " + strconv.Quote(req.Scenario) + choices("scenarios", scenarioNames(p)))
		}
		sit = sit.Overlay(sc.Situation)
		edits.Weights = overlayWeights(sc.Weights, req.WhatIf.Weights)
		if sc.Situation.Urgency != nil {
			fixed, urgencySrc = sc.Situation.Urgency, SourceScenario
		}
	}
	if req.Urgency != nil {
		fixed, urgencySrc = req.Urgency, SourceFlag
	}
	sit = sit.Overlay(req.WhatIf.Situation)
	if req.WhatIf.Situation.Urgency != nil {
		fixed, urgencySrc = req.WhatIf.Situation.Urgency, SourceWhatIf
	}
	if req.WhatIf.Urgency != nil {
		fixed, urgencySrc = req.WhatIf.Urgency, SourceWhatIf
	}

	if err := checkWhatIf(req); err != nil {
		return nil, err
	}
	q, err := applyEdits(p, edits)
	if err != nil {
		return nil, err
	}
	derive := sit
	derive.Urgency = nil
	lg := NewLedger(q, sit, req.Today)
	u := deriveUrgency(derive, q.Params, lg)
	if fixed != nil {
		u = u.Fixed(*fixed, urgencySrc)
	}
	s := &State{Profile: q, Request: req, Situation: sit, Urgency: u, Ledger: lg, memo: &stateMemo{}, shared: &sharedMemo{}}
	s.Assessments = assess(q, sit, req.Today, u.RunwayMonths)
	s.rank()
	s.Envelope, s.LeaderChanges = leaderEnvelope(s.Assessments, s.contenders())
	return s, nil
}

// ledger is the state's dated money: its own, or for a state made by
// hand, the profile's under its situation.
func (s *State) ledger() *Ledger {
	if s.Ledger != nil {
		return s.Ledger
	}
	return NewLedger(s.Profile, s.Situation, s.Request.Today)
}

// overlayWeights is the weights of base with those of over in their
// place: a scenario's weights under a what-if's.
func overlayWeights(base, over map[string]float64) map[string]float64 {
	if len(base) == 0 {
		return over
	}
	out := make(map[string]float64, len(base)+len(over))
	for id, w := range base {
		out[id] = w
	}
	for id, w := range over {
		out[id] = w
	}
	return out
}

// checkWhatIf refuses what-if and flag values a profile could not hold:
// a profile is checked when it loads, but these arrive from the caller.
func checkWhatIf(req Request) error {
	for _, u := range []*float64{req.Urgency, req.WhatIf.Urgency} {
		if u != nil && !(*u >= 0 && *u <= 1) {
			return errors.New("urgency must be a number from 0 to 1")
		}
	}
	for _, k := range SituationTable() {
		if v, set := k.Value(req.WhatIf.Situation); set && !k.Allows(v) {
			return whatIfError(k)
		}
	}
	return nil
}

// whatIfError says why a what-if's situation value is refused. The
// sentences for money and for the keys below are older than the table and
// stay as they were; a key with none of its own is told its range.
func whatIfError(k Setting[Situation]) error {
	switch {
	case k.Kind == Money:
		return errors.New("money in a what-if must be a number from 0 up")
	case k.Key == "urgency":
		return errors.New("urgency must be a number from 0 to 1")
	case k.Key == "comfortable_runway":
		return errors.New("comfortable_runway in a what-if must be more than 0 months")
	case k.Key == "tax_rate":
		return errors.New("tax_rate in a what-if must be from 0 to below 1")
	}
	return errors.New(k.Key + " in a what-if must be " + k.RangeWords())
}

// applyEdits returns p with the what-if's weights and ratings applied, or p
// itself when there are none.
func applyEdits(p *Profile, w WhatIf) (*Profile, error) {
	if len(w.Weights) == 0 && len(w.Ratings) == 0 {
		return p, nil
	}
	q := *p
	q.Priorities = slices.Clone(p.Priorities)
	for id, weight := range w.Weights {
		i := slices.IndexFunc(q.Priorities, func(pr Priority) bool { return pr.ID == id })
		if i < 0 {
			return nil, errors.New("no priority with id " + strconv.Quote(id))
		}
		if weight < 0 || math.IsNaN(weight) || math.IsInf(weight, 0) {
			return nil, errors.New("weight of " + strconv.Quote(id) + " must be a non-negative number")
		}
		q.Priorities[i].Weight = weight
	}
	if len(w.Ratings) > 0 {
		q.Opportunities = slices.Clone(p.Opportunities)
		for name, ratings := range w.Ratings {
			i := slices.IndexFunc(q.Opportunities, func(o Opportunity) bool { return o.Name == name })
			if i < 0 {
				return nil, errors.New("no opportunity named " + strconv.Quote(name))
			}
			m := make(map[string]Rating, len(q.Opportunities[i].Ratings)+len(ratings))
			for k, v := range q.Opportunities[i].Ratings {
				m[k] = v
			}
			for id, r := range ratings {
				if _, ok := q.Priority(id); !ok {
					return nil, errors.New("no priority with id " + strconv.Quote(id))
				}
				if !(r.Low <= r.High && r.Low >= 1 && r.High <= float64(q.Scale)) { // NaN fails too
					return nil, errors.New("rating " + r.String() + " of " + strconv.Quote(id) + " is outside 1.." + strconv.Itoa(q.Scale))
				}
				m[id] = r
			}
			q.Opportunities[i].Ratings = m
		}
	}
	return &q, nil
}

// WithUrgency returns the state re-ranked at urgency v from source src.
// Fit, relief and the leader envelope do not depend on urgency and are
// shared with s, so this costs one sort.
func (s *State) WithUrgency(v float64, src Source) *State {
	t := *s
	t.memo = &stateMemo{}
	t.Urgency = s.Urgency.Fixed(v, src)
	if src == SourceWhatIf {
		t.Request.WhatIf.Urgency = Float(t.Urgency.Value)
	}
	t.rankFrom(s)
	return &t
}

// atSavings is s re-evaluated with savings x in its situation, as
// Evaluate would make it: the ledger, the urgency (unless fixed), the
// reliefs and so the ranking move with the savings. Only decide's
// break-evens use it, so the leader envelope is left out.
func (s *State) atSavings(x float64) *State {
	sit := s.Situation
	sit.Savings = Float(x)
	derive := sit
	derive.Urgency = nil
	lg := NewLedger(s.Profile, sit, s.Request.Today)
	u := deriveUrgency(derive, s.Profile.Params, lg)
	if !s.Urgency.IsDerived() {
		u = u.Fixed(s.Urgency.Value, s.Urgency.Source)
	}
	t := &State{Profile: s.Profile, Request: s.Request, Situation: sit, Urgency: u, Ledger: lg, memo: &stateMemo{}, shared: s.shared}
	t.Assessments = assess(s.Profile, sit, s.Request.Today, u.RunwayMonths)
	t.rank()
	return t
}

// contenders are the indices of open, not vetoed opportunities.
func (s *State) contenders() []int {
	out := make([]int, 0, len(s.Ranked))
	for _, r := range s.Ranked {
		out = append(out, r.Index)
	}
	return out
}

const scoreTolerance = 1e-9

// tieTolerance is the margin within which two fits or two reliefs (each
// on the 0..100 scale) count as equal where the ranking breaks a tie of
// scores, so that rounding never decides the order: the same ratings
// summed in another order differ by about 1e-14, and a sum of a few
// hundred terms stays well below 1e-11. It is narrower than
// scoreTolerance because the leader over urgency, weight and runway is
// found from the lines themselves, which part wherever fits differ by more
// than rounding.
const tieTolerance = 1e-11

// compareTied is cmp.Compare(a, b) for fits or reliefs, with two within
// tieTolerance of each other equal: how every tie-break of the ranking
// compares them.
func compareTied(a, b float64) int {
	if math.Abs(a-b) <= tieTolerance {
		return 0
	}
	return cmp.Compare(a, b)
}

// pruneFloor is what a line must reach, against v, not to be left out
// where a search leaves out the lines that cannot lead: v less the score
// tolerance and a margin for rounding (1e-6 of 1 + |v|), so that the
// leaving out keeps more lines, never fewer.
func pruneFloor(v float64) float64 { return v - scoreTolerance - 1e-6*(1+math.Abs(v)) }

// better reports whether a ranks above b at urgency u: higher score
// (beyond scoreTolerance), then higher fit, higher relief (each beyond
// tieTolerance), name, profile order.
func better(a, b *Assessment, u float64) bool {
	return betterScored(a, b, a.Score(u), b.Score(u))
}

// betterScored is better for scores sa and sb already worked out.
func betterScored(a, b *Assessment, sa, sb float64) bool {
	if math.Abs(sa-sb) > scoreTolerance {
		return sa > sb
	}
	if c := cmp.Or(compareTied(a.Fit.Value, b.Fit.Value), compareTied(a.Relief.Value, b.Relief.Value)); c != 0 {
		return c > 0
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Index < b.Index
}

func (s *State) rank() { s.rankFrom(nil) }

// rankFrom is rank for a state made from prev by a what-if (urgency or
// weights), which changes no opportunity's being open, closed or vetoed:
// the sort by score starts from prev's order, which a small step leaves
// nearly right, and the order found is the same as from anywhere (see
// orderByScore).
func (s *State) rankFrom(prev *State) {
	var ranked, vetoedHint []Ranked
	if prev != nil {
		ranked, vetoedHint = prev.Ranked, prev.Vetoed
	}
	u := s.Urgency.Value
	open := make([]int, 0, len(s.Assessments))
	var vetoed []int
	s.Closed = s.Closed[:0:0]
	for i := range s.Assessments {
		a := &s.Assessments[i]
		switch {
		case a.Closed:
			s.Closed = append(s.Closed, i)
		case a.Vetoed():
			vetoed = append(vetoed, i)
		default:
			open = append(open, i)
		}
	}
	s.Ranked = s.orderFrom(open, u, ranked)
	s.Vetoed = s.orderFrom(vetoed, u, vetoedHint)
	for i := range s.Vetoed {
		s.Vetoed[i].Rank = 0
	}
}

// order ranks the opportunities idx at urgency u. Each score is worked
// out once, not at every comparison.
func (s *State) order(idx []int, u float64) []Ranked { return s.orderFrom(idx, u, nil) }

// orderFrom is order with the sort by score started from the order of
// hint, when hint holds the same opportunities as idx.
func (s *State) orderFrom(idx []int, u float64, hint []Ranked) []Ranked {
	as := s.Assessments
	out := make([]Ranked, len(idx))
	for k, i := range idx {
		out[k] = Ranked{Index: i, Score: as[i].Score(u)}
	}
	compare := func(x, y Ranked) int {
		return compareBetter(&as[x.Index], &as[y.Index], x.Score, y.Score, true)
	}
	start := slices.Clone(out)
	if samePlaces(as, idx, hint) {
		for k, r := range hint {
			start[k] = Ranked{Index: r.Index, Score: as[r.Index].Score(u)}
		}
	}
	if !orderByScore(out, start, compare) {
		slices.SortStableFunc(out, compare)
	}
	for k := range out {
		out[k].Rank = k + 1
	}
	return out
}

// orderByScore puts out in ranking order the quick way when it can be
// sure that the way is the ranking's, and reports whether it could.
//
// The ranking compares scores within scoreTolerance as ties, so it is not
// a strict order in general: a ≈ b and b ≈ c may go by fit while a and c
// go by score, and then the order depends on how the sort compares. So
// the ranking sorts stably, which is dear. But sorted by score alone, the
// opportunities fall into runs of near ties (neighbours within
// scoreTolerance); between runs every pair goes by score, and when within
// every run the comparison is a strict order too (checked pair by pair),
// the whole is a strict order, which has one sorted order: the one the
// stable sort gives. A run too long to check, or a score that is NaN,
// leaves out as it was. The sort by score works on sorted, which holds
// out's opportunities in any order (a strict order sorts to one result
// from anywhere, so a start near it only saves work); its order is lost.
func orderByScore(out, sorted []Ranked, compare func(x, y Ranked) int) bool {
	const longestRun = 32
	for _, r := range sorted {
		if math.IsNaN(r.Score) {
			return false
		}
	}
	slices.SortFunc(sorted, func(x, y Ranked) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return x.Index - y.Index
	})
	for lo := 0; lo < len(sorted); {
		hi := lo + 1
		for hi < len(sorted) && math.Abs(sorted[hi-1].Score-sorted[hi].Score) <= scoreTolerance {
			hi++
		}
		if run := sorted[lo:hi]; len(run) > 1 {
			if len(run) > longestRun {
				return false
			}
			slices.SortStableFunc(run, compare)
			for i := range run {
				for j := i + 1; j < len(run); j++ {
					if compare(run[i], run[j]) >= 0 || compare(run[j], run[i]) <= 0 {
						return false
					}
				}
			}
		}
		lo = hi
	}
	copy(out, sorted)
	return true
}

// samePlaces reports whether hint ranks the opportunities idx, each once.
func samePlaces(as []Assessment, idx []int, hint []Ranked) bool {
	if len(hint) != len(idx) || len(idx) == 0 {
		return false
	}
	seen := make([]bool, len(as))
	for _, i := range idx {
		seen[i] = true
	}
	for _, r := range hint {
		if r.Index < 0 || r.Index >= len(as) || !seen[r.Index] {
			return false
		}
		seen[r.Index] = false
	}
	return true
}

// compareBetter orders a before b (−1) when a ranks above b, after (+1)
// when b ranks above a, and 0 only for an opportunity against itself; with
// scored, sa and sb are their scores, else they are compared at urgency 0.
func compareBetter(a, b *Assessment, sa, sb float64, scored bool) int {
	if !scored {
		sa, sb = a.Score(0), b.Score(0)
	}
	switch {
	case betterScored(a, b, sa, sb):
		return -1
	case betterScored(b, a, sb, sa):
		return +1
	}
	return 0
}

// Leader returns the index of the top-ranked opportunity, or -1 when
// nothing is ranked.
func (s *State) Leader() int {
	if len(s.Ranked) == 0 {
		return -1
	}
	return s.Ranked[0].Index
}

// Find returns the index of the opportunity called name: an exact match,
// else the only case-insensitive match, else the only one whose name
// contains it. The error lists the candidates when it is ambiguous.
func (s *State) Find(name string) (int, error) {
	return FindName(s.Profile.Opportunities, name)
}

// FindName is [State.Find] over a list of opportunities.
func FindName(opps []Opportunity, name string) (int, error) {
	for i, o := range opps {
		if o.Name == name {
			return i, nil
		}
	}
	var fold, part []int
	lower := strings.ToLower(name)
	for i, o := range opps {
		if strings.EqualFold(o.Name, name) {
			fold = append(fold, i)
		}
		if lower != "" && strings.Contains(strings.ToLower(o.Name), lower) {
			part = append(part, i)
		}
	}
	for _, m := range [][]int{fold, part} {
		if len(m) == 1 {
			return m[0], nil
		}
		if len(m) > 1 {
			names := make([]string, len(m))
			for k, i := range m {
				names[k] = opps[i].Name
			}
			return -1, errors.New(strconv.Quote(name) + " matches more than one opportunity" + choices("matches", names))
		}
	}
	all := make([]string, len(opps))
	for i, o := range opps {
		all[i] = o.Name
	}
	return -1, errors.New("no opportunity named " + strconv.Quote(name) + choices("opportunities", all))
}

func scenarioNames(p *Profile) []string {
	out := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		out[i] = s.Name
	}
	return out
}

func choices(what string, names []string) string {
	if len(names) == 0 {
		return " (the profile has none)"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) > 8 {
		q = append(q[:8], "…")
	}
	return " (" + what + ": " + strings.Join(q, ", ") + ")"
}
