package model

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// This file answers "how sure is this ranking while some ratings are still
// unknown?": for each ranked opportunity, the share of the ways its
// unknown and ranged ratings could turn out in which it ranks first at the
// urgency in force.
//
// Each rating that is not known is taken to be any of its whole ratings
// with equal chance, independently of the others: an unknown any of 1 to
// the top of the scale, a range [2, 4] any of 2, 3 and 4 (a range with an
// end that is not whole, [2.5, 4], takes its ends and the whole ratings
// between: 2.5, 3, 4). A rating that falls below its priority's at_least
// vetoes the opportunity in that outcome. An outcome's leader is ranked by
// the ranking's own rules, with the fit that outcome gives it.
//
// Only contenders matter: an opportunity whose best outcome scores below
// the worst of one that can never be vetoed is never first, and never
// stands between another and first place. When the outcomes of the
// contenders number at most firstShareExactLimit together, every one is
// counted and the shares are exact; otherwise firstShareDraws outcomes are
// drawn with a fixed seed, so the shares are the same on every run, and
// FirstShares says how far sampling may put them off.

const (
	// firstShareExactLimit is the most joint outcomes counted one by one.
	firstShareExactLimit = 1 << 14
	// firstShareDraws is how many outcomes are drawn when there are more.
	firstShareDraws = 4000
	// firstShareTableLimit is the most outcomes of one opportunity listed
	// one by one when what an answer would change is worked out; beyond it
	// a fixed sample of that many stands for them.
	firstShareTableLimit = 4096
	// firstShareSeed seeds the draws, so that every run draws the same.
	firstShareSeed = 12
)

// FirstShares is, for each ranked opportunity, the share of the ways its
// unknown and ranged ratings could turn out in which it ranks first.
type FirstShares struct {
	// Share is by index into State.Assessments; 0 for those not ranked.
	Share []float64
	// None is the share of outcomes in which every ranked opportunity is
	// vetoed, so that nothing ranks first. Share sums to 1 − None.
	None float64
	// Exact reports that every outcome was counted; Outcomes says how many
	// were counted or drawn.
	Exact    bool
	Outcomes int
	// StandardError is the largest standard error of a share, the square
	// root of p(1 − p) / Outcomes; 0 when exact.
	StandardError float64
}

// outcome is one way an opportunity's ratings could turn out.
type outcome struct {
	score, fit float64
	vetoed     bool
}

// rival is who an outcome ranks first, or second: an opportunity's index
// and its outcome; index −1 when nothing is there.
type rival struct {
	index int
	outcome
}

// uncertainTerm is a rating that is not known, and what each of its
// outcomes adds.
type uncertainTerm struct {
	// k indexes the priorities.
	k int
	// ratings are the outcomes; share the priority's share; atLeast its
	// floor (0 for none).
	ratings []float64
	share   float64
	atLeast float64
	// points are what each outcome adds to fit.
	points []float64
}

// shareSetup is what the draws need: the contenders, each with its
// uncertain ratings, the best it can score, and (when every joint outcome
// is counted) all its outcomes.
type shareSetup struct {
	s     *State
	u     float64
	span  float64
	exact bool
	// contenders index State.Assessments: those with more than one
	// outcome, the one that can score most first; known is the best of the
	// rest, or index −1.
	contenders []int
	terms      [][]uncertainTerm
	// base is each contender's fit with its uncertain ratings at 1, and
	// most the most it can score.
	base, most, relief []float64
	// left[c][x] is the most the ratings after the x-th can add to fit.
	left   [][]float64
	tables [][]outcome
	known  rival
	// least is the best worst score of those that can never be vetoed.
	least float64
	// joint is how many joint outcomes the contenders have (+Inf past
	// what a float counts).
	joint float64
}

// FirstShares works out every ranked opportunity's first_share at the
// urgency in force, once per state; callers must not change what it
// returns.
func (s *State) FirstShares() FirstShares {
	if s.memo != nil {
		if s.memo.shares.Share == nil {
			s.memo.shares = s.firstSharesWith(firstShareExactLimit)
		}
		return s.memo.shares
	}
	return s.firstSharesWith(firstShareExactLimit)
}

func (s *State) firstSharesWith(exactLimit float64) FirstShares {
	out := FirstShares{Share: make([]float64, len(s.Assessments))}
	if len(s.Ranked) == 0 {
		return out
	}
	sh := s.newShareSetupWith(exactLimit)
	counts := make([]float64, len(s.Assessments))
	none := 0.0
	n := sh.run(false, func(first, _ rival, weight float64) {
		if first.index < 0 {
			none += weight
		} else {
			counts[first.index] += weight
		}
	})
	out.Exact, out.Outcomes = sh.exact, n
	for i, c := range counts {
		out.Share[i] = c / float64(n)
		if !sh.exact {
			out.StandardError = math.Max(out.StandardError, math.Sqrt(out.Share[i]*(1-out.Share[i])/float64(n)))
		}
	}
	out.None = none / float64(n)
	if !sh.exact {
		p := out.None
		out.StandardError = math.Max(out.StandardError, math.Sqrt(p*(1-p)/float64(n)))
	}
	return out
}

func (s *State) newShareSetup() *shareSetup { return s.newShareSetupWith(firstShareExactLimit) }

// newShareSetupWith is newShareSetup counting every joint outcome only
// when there are at most exactLimit.
func (s *State) newShareSetupWith(exactLimit float64) *shareSetup {
	span := float64(s.Profile.Scale - 1)
	if span <= 0 {
		span = 1
	}
	sh := &shareSetup{s: s, u: s.Urgency.Value, span: span, known: rival{index: -1}, joint: 1}
	// The best worst of those that can never be vetoed: no one whose best
	// is below it is ever first.
	least := math.Inf(-1)
	for _, r := range s.Ranked {
		a := &s.Assessments[r.Index]
		if !a.AtRisk() {
			least = max(least, (1-sh.u)*a.Fit.Low+sh.u*a.Relief.Value)
		}
	}
	sh.least = least
	type contender struct {
		index int
		most  float64
	}
	var cs []contender
	for _, r := range s.Ranked {
		a := &s.Assessments[r.Index]
		most := (1-sh.u)*a.Fit.High + sh.u*a.Relief.Value
		if most < least-scoreTolerance {
			continue
		}
		if a.Fit.Low == a.Fit.High && !hasUncertain(a) {
			o := rival{index: r.Index, outcome: outcome{score: r.Score, fit: a.Fit.Value}}
			if sh.known.index < 0 || sh.beats(&o, &sh.known) {
				sh.known = o
			}
			continue
		}
		cs = append(cs, contender{r.Index, most})
	}
	// The one that can score most is tried first in every draw, so a draw
	// stops as soon as no one left could beat the first two.
	slices.SortStableFunc(cs, func(x, y contender) int { return cmpFloat(y.most, x.most) })
	for _, c := range cs {
		a := &s.Assessments[c.index]
		terms := sh.uncertain(a)
		// The widest first, so that a draw that cannot win is given up
		// soonest.
		slices.SortStableFunc(terms, func(x, y uncertainTerm) int {
			return cmpFloat(y.points[len(y.points)-1]-y.points[0], x.points[len(x.points)-1]-x.points[0])
		})
		left := make([]float64, len(terms))
		for x := len(terms) - 2; x >= 0; x-- {
			left[x] = left[x+1] + terms[x+1].points[len(terms[x+1].points)-1]
		}
		base := a.Fit.Value
		count := 1.0
		for _, t := range terms {
			base -= a.Fit.Points(t.k)
			count *= float64(len(t.ratings))
		}
		sh.contenders, sh.terms = append(sh.contenders, c.index), append(sh.terms, terms)
		sh.base, sh.most, sh.relief = append(sh.base, base), append(sh.most, c.most), append(sh.relief, a.Relief.Value)
		sh.left = append(sh.left, left)
		sh.joint *= count
	}
	sh.exact = sh.joint <= exactLimit
	if sh.exact {
		for _, i := range sh.contenders {
			sh.tables = append(sh.tables, sh.outcomes(&s.Assessments[i], nil, s.Assessments[i].Relief.Value, firstShareExactLimit, nil))
		}
	}
	return sh
}

// hasUncertain reports whether any of a's ratings is not known.
func hasUncertain(a *Assessment) bool {
	for _, t := range a.Fit.Terms {
		if !t.Rating.Known() {
			return true
		}
	}
	return false
}

// uncertain lists a's ratings that are not known, with their outcomes.
func (sh *shareSetup) uncertain(a *Assessment) []uncertainTerm {
	var out []uncertainTerm
	for k, t := range a.Fit.Terms {
		if t.Rating.Known() {
			continue
		}
		ut := uncertainTerm{k: k, ratings: wholeRatings(t.Rating), share: a.Fit.Share(k), atLeast: sh.s.Profile.Priorities[k].AtLeast}
		ut.points = make([]float64, len(ut.ratings))
		for x, r := range ut.ratings {
			ut.points[x] = ut.share * (r - 1) / sh.span * 100
		}
		out = append(out, ut)
	}
	return out
}

// wholeRatings are the outcomes of a rating interval: its ends and every
// whole rating between.
func wholeRatings(r Rating) []float64 {
	out := []float64{r.Low}
	for v := math.Floor(r.Low) + 1; v < r.High; v++ {
		out = append(out, v)
	}
	if r.High > r.Low {
		out = append(out, r.High)
	}
	return out
}

// fixedRating is a rating an answer would fix: priority k rated v.
type fixedRating struct {
	k int
	v float64
}

// outcomes lists every way a's uncertain ratings could turn out, with the
// ratings fixed held and the given relief, or a sample of limit of them
// drawn with rng when there are more. Each fit is summed as Assess sums
// it, term by term in profile order, so that a tie it breaks is broken as
// a fresh evaluation with those ratings would break it.
func (sh *shareSetup) outcomes(a *Assessment, fixed []fixedRating, relief float64, limit int, rng *rand.Rand) []outcome {
	if len(fixed) == 0 && !hasUncertain(a) {
		return []outcome{{score: a.Score(sh.u), fit: a.Fit.Value, vetoed: a.Vetoed()}}
	}
	// mids are each term's rating on 0..1 in the outcome at hand; the
	// uncertain ones not fixed are the digits to go through.
	mids := make([]float64, len(a.Fit.Terms))
	level := func(r float64) float64 { lo := (r - 1) / sh.span; return (lo + lo) / 2 }
	vetoedFixed := false
	for k := range a.Fit.Terms {
		mids[k] = a.Fit.Terms[k].Mid
	}
	for _, f := range fixed {
		mids[f.k] = level(f.v)
		if at := sh.s.Profile.Priorities[f.k].AtLeast; at > 0 && f.v < at {
			vetoedFixed = true
		}
	}
	var terms []uncertainTerm
	for _, t := range sh.uncertain(a) {
		if !slices.ContainsFunc(fixed, func(f fixedRating) bool { return f.k == t.k }) {
			terms = append(terms, t)
		}
	}
	make1 := func(pick func(t int) float64) outcome {
		v := vetoedFixed
		for x := range terms {
			r := pick(x)
			mids[terms[x].k] = level(r)
			v = v || terms[x].atLeast > 0 && r < terms[x].atLeast
		}
		fit := 0.0
		for k := range mids {
			fit += a.Fit.Share(k) * mids[k] * 100
		}
		return outcome{score: (1-sh.u)*fit + sh.u*relief, fit: fit, vetoed: v}
	}
	count := 1.0
	for _, t := range terms {
		count *= float64(len(t.ratings))
	}
	if count > float64(limit) {
		out := make([]outcome, limit)
		for d := range out {
			out[d] = make1(func(x int) float64 { return terms[x].ratings[rng.IntN(len(terms[x].ratings))] })
		}
		return out
	}
	out := make([]outcome, 0, int(count))
	digits := make([]int, len(terms))
	for {
		out = append(out, make1(func(x int) float64 { return terms[x].ratings[digits[x]] }))
		x := 0
		for ; x < len(terms); x++ {
			if digits[x]++; digits[x] < len(terms[x].ratings) {
				break
			}
			digits[x] = 0
		}
		if x == len(terms) {
			return out
		}
	}
}

// beats reports whether outcome a ranks above outcome b by the ranking's
// rules: score beyond the tolerance, then fit, relief, name, profile order.
func (sh *shareSetup) beats(a, b *rival) bool {
	if b.index < 0 {
		return a.index >= 0
	}
	if a.index < 0 {
		return false
	}
	if math.Abs(a.score-b.score) > scoreTolerance {
		return a.score > b.score
	}
	x, y := &sh.s.Assessments[a.index], &sh.s.Assessments[b.index]
	if c := cmp.Or(compareTied(a.fit, b.fit), compareTied(x.Relief.Value, y.Relief.Value)); c != 0 {
		return c > 0
	}
	if c := strings.Compare(x.Name, y.Name); c != 0 {
		return c < 0
	}
	return x.Index < y.Index
}

// run goes through the outcomes, each joint outcome of the contenders when
// they are few enough, else firstShareDraws drawn, and calls visit with
// the first of each, the second too when seconds is set (for the question
// of what an answer about the first would change), and its weight. It
// returns the number of outcomes, which the weights sum to.
func (sh *shareSetup) run(seconds bool, visit func(first, second rival, weight float64)) int {
	m := len(sh.contenders)
	var first, second rival
	consider := func(r rival) {
		if r.index < 0 || r.vetoed {
			return
		}
		switch {
		case sh.beats(&r, &first):
			first, second = r, first
		case sh.beats(&r, &second):
			second = r
		}
	}
	if sh.exact {
		pick := make([]int, m)
		n := 0
		for {
			first, second = rival{index: -1}, rival{index: -1}
			consider(sh.known)
			for c, i := range sh.contenders {
				consider(rival{index: i, outcome: sh.tables[c][pick[c]]})
			}
			visit(first, second, 1)
			n++
			c := 0
			for ; c < m; c++ {
				if pick[c]++; pick[c] < len(sh.tables[c]) {
					break
				}
				pick[c] = 0
			}
			if c == m {
				return n
			}
		}
	}
	rng := rand.New(rand.NewPCG(firstShareSeed, 2))
	for range firstShareDraws {
		first, second = rival{index: -1}, rival{index: -1}
		consider(sh.known)
		for c, i := range sh.contenders {
			// Stop when no one left can beat the first (or, when it is
			// wanted, the second).
			bar := first
			if seconds {
				bar = second
			}
			need := math.Inf(-1)
			if bar.index >= 0 {
				if need = bar.score - 2*scoreTolerance; sh.most[c] < need {
					break
				}
			}
			if o, ok := sh.draw(c, need, rng); ok {
				consider(rival{index: i, outcome: o})
			}
		}
		visit(first, second, 1)
	}
	return firstShareDraws
}

// draw is one way contender c's uncertain ratings could turn out, drawn
// with rng, and false when it cannot score above need: the draw is given
// up as soon as even the best of the ratings left would leave it below,
// since it cannot then change the first or the second. Two ratings come
// from each 64 random bits, each chosen by multiplying 32 of them by the
// number of outcomes (off uniform by less than one part in 10⁷ for a
// scale of 100).
func (sh *shareSetup) draw(c int, need float64, rng *rand.Rand) (outcome, bool) {
	fit, vetoed := sh.base[c], false
	terms, left := sh.terms[c], sh.left[c]
	// The fit it must reach to score need.
	needFit := math.Inf(-1)
	if sh.u < 1 {
		needFit = (need - sh.u*sh.relief[c]) / (1 - sh.u)
	}
	var bits uint64
	for x := range terms {
		t := &terms[x]
		if x%2 == 0 {
			bits = rng.Uint64()
		} else {
			bits >>= 32
		}
		pick := (bits & 0xffffffff) * uint64(len(t.ratings)) >> 32
		fit += t.points[pick]
		vetoed = vetoed || t.atLeast > 0 && t.ratings[pick] < t.atLeast
		if fit+left[x] < needFit || vetoed {
			return outcome{}, false
		}
	}
	return outcome{score: (1-sh.u)*fit + sh.u*sh.relief[c], fit: fit, vetoed: vetoed}, true
}

// rivalsByScore are the best of the others in each outcome of the others,
// as run went through them, kept so that what an answer about one
// opportunity would change can be counted against them: the first of
// every outcome, ascending by score, and for each opportunity the
// outcomes it was first in and the second of each.
type rivalsByScore struct {
	all         []rival
	mine, after map[int][]rival
}

// newRivals sorts the firsts and seconds of every outcome, none as −∞.
func newRivals(firsts, seconds []rival) *rivalsByScore {
	rv := &rivalsByScore{all: slices.Clone(firsts), mine: map[int][]rival{}, after: map[int][]rival{}}
	for d := range rv.all {
		if rv.all[d].index < 0 {
			rv.all[d].score = math.Inf(-1)
		} else {
			sec := seconds[d]
			if sec.index < 0 {
				sec.score = math.Inf(-1)
			}
			rv.mine[firsts[d].index] = append(rv.mine[firsts[d].index], firsts[d])
			rv.after[firsts[d].index] = append(rv.after[firsts[d].index], sec)
		}
	}
	byScore := func(x, y rival) int { return cmpFloat(x.score, y.score) }
	slices.SortFunc(rv.all, byScore)
	for i := range rv.mine {
		slices.SortFunc(rv.mine[i], byScore)
		slices.SortFunc(rv.after[i], byScore)
	}
	return rv
}

// below is how many of rs score below t.
func below(rs []rival, t float64) int {
	n, _ := slices.BinarySearchFunc(rs, t, func(r rival, t float64) int { return cmpFloat(r.score, t) })
	return n
}

// shareIf is the share of outcomes in which opportunity i ranks first with
// the ratings fixed held and the given relief: counted over i's own
// outcomes against the best of the others in each outcome of the others.
func (sh *shareSetup) shareIf(i int, rv *rivalsByScore, fixed []fixedRating, relief float64) float64 {
	a := &sh.s.Assessments[i]
	rng := rand.New(rand.NewPCG(firstShareSeed, 3+uint64(i)))
	mine := sh.outcomes(a, fixed, relief, firstShareTableLimit, rng)
	n := len(rv.all)
	if n == 0 {
		return 0
	}
	firsts, seconds := rv.mine[i], rv.after[i]
	won := 0.0
	for _, o := range mine {
		if o.vetoed {
			continue
		}
		me := rival{index: i, outcome: o}
		// The best of the others is each outcome's first, or its second
		// where i was first. All below the band of ties are beaten; in it,
		// the tie-breaks decide; above it, none are.
		lo, hi := o.score-scoreTolerance, math.Nextafter(o.score+scoreTolerance, math.Inf(1))
		beaten := below(rv.all, lo) - below(firsts, lo) + below(seconds, lo)
		for x := below(rv.all, lo); x < n && rv.all[x].score < hi; x++ {
			if rv.all[x].index != i && sh.beats(&me, &rv.all[x]) {
				beaten++
			}
		}
		for x := below(seconds, lo); x < len(seconds) && seconds[x].score < hi; x++ {
			if sh.beats(&me, &seconds[x]) {
				beaten++
			}
		}
		won += float64(beaten)
	}
	return won / float64(len(mine)) / float64(n)
}
