package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// This file holds the words of a decision: the verdict in a sentence, each
// offer's advice and why, the money on each path, the break-evens and the
// levers. The decide table, the decide page, the JSON's sentences, prep and
// the dashboard header all say them with these.

// rankingNote says, when the verdict accepts an offer the ranking does not
// put first, why the two differ: the ranking scores fit against relief at
// the urgency, decide follows the money day by day. It is "" otherwise.
func rankingNote(s *model.State, d *model.Decision) string {
	v := &d.Verdict
	lead := s.Leader()
	if v.Action != model.ActionAccept || lead < 0 || lead == v.Offer {
		return ""
	}
	if o := &s.Profile.Opportunities[lead]; o.Stage == model.StageCurrent {
		ends := "what follows it"
		if !o.LeavingOn.IsZero() {
			ends = "that it ends on " + o.LeavingOn.String() + " and what follows"
		}
		return fmt.Sprintf("The ranking puts %s, the job you hold, first: it scores today's fit and relief, while this "+
			"advice also weighs %s.", name(s, lead), ends)
	}
	if o := &s.Profile.Opportunities[lead]; o.Stage != model.StageOffer && o.Stage != model.StageAccepted {
		when := "with no decision date"
		if !o.DecisionExpected.IsZero() {
			when = "deciding " + o.DecisionExpected.String()
		}
		if ov := offerAdvice(d, v.Offer); ov != nil && keepsAlive(ov, lead) {
			return fmt.Sprintf("The ranking puts %s first, but it is not an offer yet (chance %s, %s); accepting %s keeps "+
				"it alive, and pays while you wait.", name(s, lead), chanceText(s.Assessments[lead].Relief.Chance), when,
				name(s, v.Offer))
		}
		return fmt.Sprintf("The ranking puts %s first, but it is not an offer yet (chance %s, %s): the ranking counts its "+
			"chance once, while this advice weighs what you would live on if it said no.", name(s, lead),
			chanceText(s.Assessments[lead].Relief.Chance), when)
	}
	if !s.Assessments[v.Offer].Relief.PayKnown {
		return fmt.Sprintf("The ranking puts %s first, but %s gives no pay: the ranking counts that as no income, while "+
			"this advice counts it as paying what a search finds (the market's median pay: see the assumptions). Ask %s what it pays before you accept.",
			name(s, lead), name(s, v.Offer), name(s, v.Offer))
	}
	return fmt.Sprintf("The ranking puts %s first: it scores fit against relief at your urgency, while this advice follows "+
		"your money day by day until each paycheck; they part ways when the timing of pay matters more than the ranking's "+
		"relief can show.", name(s, lead))
}

// verdictSentence is the one thing to do today, in a sentence or two:
// what, by when, and what it costs in money.
func verdictSentence(s *model.State, d *model.Decision) string {
	v := &d.Verdict
	cur := s.Currency()
	var b strings.Builder
	switch v.Action {
	case model.ActionAccept:
		o := offerAdvice(d, v.Offer)
		fmt.Fprintf(&b, "Accept the offer from %s", name(s, v.Offer))
		switch {
		case v.Bridged && o != nil && len(o.Bridge) > 0 && !accepted(s, v.Offer):
			// The bridge is what makes accepting best: say so, in dates
			// and money.
			b.Reset()
			fmt.Fprintf(&b, "Accept %s", name(s, v.Offer))
			switch {
			case o.Expired:
				b.WriteString(" today, if it still stands,")
			case !v.By.IsZero():
				fmt.Fprintf(&b, " by %s", v.By)
			}
			fmt.Fprintf(&b, " and keep %s alive: %s.", bridgeNames(s, o), bridgeIfs(s, o, false))
			if !o.Expired && v.By.IsZero() {
				b.WriteString(" It gives no deadline: answer soon.")
			}
		case accepted(s, v.Offer):
			b.Reset()
			fmt.Fprintf(&b, "Keep the job you accepted at %s.", name(s, v.Offer))
		case o != nil && o.Expired:
			b.WriteString(" today, if it still stands (its deadline has passed).")
		case !v.By.IsZero():
			fmt.Fprintf(&b, " by %s.", v.By)
		default:
			b.WriteString(" (it gives no deadline: answer soon).")
		}
		if o != nil {
			b.WriteString(" " + acceptMoney(s, o, cur))
			if y := o.WaitingFor; y >= 0 && o.ShortBy > 0 {
				fmt.Fprintf(&b, " Holding out for %s would run the money out on %s and leave you %s short by its first paycheck.",
					name(s, y), o.RunsOut, Money(cur, o.ShortBy))
			}
			if be := o.SavingsBreakEven; be != nil && !o.AcceptAbove && o.Beyond < 0 {
				fmt.Fprintf(&b, " Holding out would be worth it with more than %s of savings; you have %s.", Money(cur, *be), Money(cur, savings(s)))
			}
		}
	case model.ActionWait:
		if v.WaitingFor < 0 {
			// Holding pays with no process to wait for: the offer is a
			// floor while the search goes on until its deadline.
			holdAndSearch(&b, s, d)
			b.WriteString(" " + holdOutMoney(s, d, cur))
			break
		}
		y := name(s, v.WaitingFor)
		chance := chanceText(s.Assessments[v.WaitingFor].Relief.Chance)
		if v.Offer >= 0 && accepted(s, v.Offer) {
			fmt.Fprintf(&b, "Keep the job you accepted at %s while %s decides by %s (chance %s); if it says no, start at %s as planned.",
				name(s, v.Offer), y, v.By, chance, name(s, v.Offer))
		} else if v.Offer >= 0 {
			o := offerAdvice(d, v.Offer)
			fmt.Fprintf(&b, "Hold the offer from %s and wait for %s, which decides by %s (chance %s); if it says no, accept %s by %s.",
				name(s, v.Offer), y, v.By, chance, name(s, v.Offer), o.Deadline)
			if lapses := offerNames(s, v.Lapses); lapses != "" {
				fmt.Fprintf(&b, " Let %s go.", lapses)
			}
		} else {
			fmt.Fprintf(&b, "Wait for %s, which decides by %s (chance %s)", y, v.By, chance)
			if lapses := offerNames(s, v.Lapses); lapses != "" {
				fmt.Fprintf(&b, ", and let %s lapse", lapses)
			}
			b.WriteString(".")
		}
		b.WriteString(" " + holdOutMoney(s, d, cur))
	case model.ActionSearch:
		if lapses := offerNames(s, v.Lapses); lapses != "" {
			fmt.Fprintf(&b, "Decline %s and search on", lapses)
		} else {
			b.WriteString("No offer in hand: search on")
		}
		if v.WaitingFor >= 0 {
			fmt.Fprintf(&b, "; %s decides by %s (chance %s)", name(s, v.WaitingFor), v.By, chanceText(s.Assessments[v.WaitingFor].Relief.Chance))
		}
		b.WriteString(". " + holdOutMoney(s, d, cur))
	case model.ActionStay:
		stayWords(&b, s, d)
		b.WriteString(" " + stayMoney(s, d))
	}
	if v.Close {
		b.WriteString(" It is a close call (the next best course is worth nearly as much)")
		if q := v.Settle; q == nil {
			b.WriteString(": every rating that bears on it is known, so weigh what the numbers leave out")
		} else {
			if q.Ask != "" {
				fmt.Fprintf(&b, ": ask %s “%s” to settle it", name(s, q.Index), Clean(q.Ask))
			} else {
				fmt.Fprintf(&b, ": find out how %s rates on %s to settle it", name(s, q.Index), Clean(q.Label))
			}
		}
		b.WriteString(".")
	}
	return strings.TrimSpace(b.String())
}

// stayWords says the verdict to stay in the job held now: no offer is
// worth leaving it for, and what the best one would need.
func stayWords(b *strings.Builder, s *model.State, d *model.Decision) {
	v := &d.Verdict
	fmt.Fprintf(b, "Stay at %s", name(s, s.Profile.CurrentJob()))
	var best *model.OfferAdvice
	for k := range d.Offers {
		if o := &d.Offers[k]; !o.Vetoed && (best == nil || o.Accept > best.Accept) {
			best = o
		}
	}
	switch {
	case len(v.Lapses) == 0:
		b.WriteString(" and search from it")
	case len(v.Lapses) == 1:
		fmt.Fprintf(b, ": the offer from %s is not worth leaving for", name(s, v.Lapses[0]))
	case len(v.Lapses) == 2:
		b.WriteString(": neither offer is worth leaving for")
	default:
		b.WriteString(": no offer is worth leaving for")
	}
	if best != nil {
		pay := 0.0
		for _, l := range best.Levers {
			if l.Kind == model.LeverCounter {
				pay = l.Pay
			}
		}
		if pay > 0 {
			fmt.Fprintf(b, "; %s would be with pay of %s", name(s, best.Index), payText(s, best.Index, pay))
		} else {
			fmt.Fprintf(b, "; %s is worth %s points a month less than staying", name(s, best.Index), Num(d.Flow(v.Value)-best.Accept))
		}
	}
	if v.WaitingFor >= 0 {
		fmt.Fprintf(b, "; %s decides by %s (chance %s)", name(s, v.WaitingFor), v.By, chanceText(s.Assessments[v.WaitingFor].Relief.Chance))
	}
	b.WriteString(".")
}

// stayMoney says what staying does to the money: when the job held ends,
// and how long the money lasts.
func stayMoney(s *model.State, d *model.Decision) string {
	o := &s.Profile.Opportunities[s.Profile.CurrentJob()]
	lasts := "the money lasts until " + d.MonthsLater(d.RunwayMonths).String()
	switch {
	case math.IsInf(d.RunwayMonths, 1):
		lasts = "nothing burns the savings"
	case d.RunwayMonths > farMonths:
		lasts = "the money lasts more than 100 years"
	}
	if o.LeavingOn.IsZero() {
		return upperFirst(lasts) + "."
	}
	return fmt.Sprintf("It ends on %s; %s.", o.LeavingOn, lasts)
}

// holdAndSearch says the verdict to hold an offer when no process is
// waited for: the offer is kept in hand while the search goes on, and
// accepted at its deadline if nothing better has come.
func holdAndSearch(b *strings.Builder, s *model.State, d *model.Decision) {
	v := &d.Verdict
	switch {
	case v.Offer < 0:
		b.WriteString("Search on.")
	case accepted(s, v.Offer):
		fmt.Fprintf(b, "Keep the job you accepted at %s.", name(s, v.Offer))
	default:
		fmt.Fprintf(b, "Hold the offer from %s and search on until its deadline, %s; if nothing better comes by then, accept it.",
			name(s, v.Offer), v.By)
	}
	if lapses := offerNames(s, v.Lapses); lapses != "" {
		fmt.Fprintf(b, " Let %s go.", lapses)
	}
}

// chancePair writes a break-even chance be beside the chance now. be is
// rounded so that the words stay true: up where they need every chance
// above it ("worth it while its chance is above …"), so 0.1662 is "0.17",
// for at 0.165 the answer is still the other one; down where they name a
// bound that is needed ("only with a chance above …", "below …"), so 0.996
// is "0.99", not "1.00". Rounded up, close to 1 it keeps more places
// rather than say "above 1.00": 0.996 is "0.996". Both are written to as
// many places as it takes for them to read apart: a break-even of 0.9251
// beside a chance of 0.93 is "0.926" and "0.930", not "0.93" and "0.93".
func chancePair(be, now float64, up bool) (string, string) {
	for _, places := range []int{2, 3, 4} {
		p := math.Pow(10, float64(places))
		r := math.Floor(be*p+1e-9) / p
		if up {
			r = math.Ceil(be*p-1e-9) / p
			if r >= 1 && be < 1 {
				continue
			}
		}
		n := math.Round(now*p) / p
		if r != n || places == 4 {
			return strconv.FormatFloat(r, 'f', places, 64), strconv.FormatFloat(n, 'f', places, 64)
		}
	}
	return strconv.FormatFloat(be, 'f', -1, 64), strconv.FormatFloat(now, 'f', -1, 64)
}

// tenureText says how long a job at this fit should last: "should last
// about 10 months".
func tenureText(months float64) string {
	return "should last about " + strconv.FormatFloat(months, 'f', 0, 64) + " months"
}

// VerdictParts is the verdict in short parts for the dashboard's header
// (after "Advice: "), most important first: what to do and by when, then
// the money, then whether it is a close call. A narrow header shows as
// many as fit; the decide page and 'mutual decide' say it in full.
func VerdictParts(s *model.State, d *model.Decision) []string {
	v := &d.Verdict
	cur := s.Currency()
	var parts []string
	switch v.Action {
	case model.ActionAccept:
		what := "Accept " + name(s, v.Offer)
		switch {
		case accepted(s, v.Offer):
			// Accepted already: as 'mutual decide' says, keep it.
			what = "Keep the job at " + name(s, v.Offer)
		case !v.By.IsZero():
			what += " by " + v.By.String()
		}
		// When pay comes is part of the first part, which every width from
		// 80 columns keeps (see [FitVerdict]); a shortfall before it comes
		// next. Advice to take an offer whose pay is not known says so in
		// the first part too.
		o := offerAdvice(d, v.Offer)
		if o != nil && !accepted(s, v.Offer) {
			what += "; it pays from " + o.PaysFrom.String()
		}
		if !s.Assessments[v.Offer].Relief.PayKnown && !accepted(s, v.Offer) {
			what += payNotGiven
		}
		parts = append(parts, what)
		if v.Bridged && o != nil && len(o.Bridge) > 0 && !accepted(s, v.Offer) {
			// The bridge is what makes accepting best: the processes it
			// keeps alive come next.
			parts = append(parts, "keep "+bridgeNames(s, o)+" alive")
		}
		if o != nil && o.AcceptShortBy > 0 {
			// The money runs out before the first pay: how much is
			// missing, in few words (decide gives the day it runs out).
			parts = append(parts, Money(cur, o.AcceptShortBy)+shortUntilThen)
		} else if o != nil && accepted(s, v.Offer) {
			parts = append(parts, "it pays from "+o.PaysFrom.String())
		}
		if others := otherOffers(s, v.Offer); len(others) > 0 {
			parts = append(parts, "let "+fewNames(s, others)+" go")
		}
	case model.ActionWait:
		if v.WaitingFor < 0 {
			// Held with no process to wait for: searched on meanwhile.
			what := "Search on"
			if v.Offer >= 0 {
				what = fmt.Sprintf("Hold the offer from %s and search on until its deadline (%s)", name(s, v.Offer), v.By)
			}
			if len(v.Lapses) > 0 {
				what += "; let " + fewOfferNames(s, v.Lapses) + " go"
			}
			parts = append(parts, what)
		} else if v.Offer >= 0 {
			what := fmt.Sprintf("Hold the offer from %s until %s decides (%s)", name(s, v.Offer), name(s, v.WaitingFor), v.By)
			if accepted(s, v.Offer) {
				// Not an offer to hold: a job taken, kept while the other decides.
				what = fmt.Sprintf("Keep the job at %s while %s decides (%s)", name(s, v.Offer), name(s, v.WaitingFor), v.By)
			}
			if len(v.Lapses) > 0 {
				what += "; let " + fewOfferNames(s, v.Lapses) + " go"
			}
			parts = append(parts, what)
		} else {
			what := fmt.Sprintf("Wait for %s (decides %s)", name(s, v.WaitingFor), v.By)
			if len(v.Lapses) > 0 {
				what += "; let " + fewOfferNames(s, v.Lapses) + " lapse"
			}
			parts = append(parts, what)
		}
	case model.ActionStay:
		what := "Stay at " + name(s, s.Profile.CurrentJob())
		if len(v.Lapses) > 0 {
			what += "; let " + fewOfferNames(s, v.Lapses) + " go"
		}
		parts = append(parts, what)
		if v.WaitingFor >= 0 {
			parts = append(parts, fmt.Sprintf("%s decides %s", name(s, v.WaitingFor), v.By))
		}
	case model.ActionSearch:
		what := "No offer in hand: search on"
		if len(v.Lapses) > 0 {
			what = "Decline " + fewOfferNames(s, v.Lapses) + " and search on"
		}
		parts = append(parts, what)
		if v.WaitingFor >= 0 {
			parts = append(parts, fmt.Sprintf("%s decides %s", name(s, v.WaitingFor), v.By))
		}
	}
	if v.Action != model.ActionAccept && !math.IsInf(d.RunwayMonths, 1) {
		if d.RunwayMonths > farMonths {
			parts = append(parts, "money lasts more than 100 years")
		} else {
			parts = append(parts, "money lasts to "+d.MonthsLater(d.RunwayMonths).String())
		}
	}
	if v.Close {
		parts = append(parts, "a close call")
	}
	return parts
}

// otherOffers are the offers in hand, not yet accepted, other than i: an
// advice to accept i lets them go.
func otherOffers(s *model.State, i int) []int {
	var out []int
	for k := range s.Assessments {
		if k != i && s.Profile.Opportunities[k].Stage == model.StageOffer && !s.Assessments[k].Closed {
			out = append(out, k)
		}
	}
	return out
}

// fewNames names a few opportunities, "A", "A and B", or the first two
// and how many more.
func fewNames(s *model.State, idx []int) string {
	switch {
	case len(idx) == 1:
		return name(s, idx[0])
	case len(idx) == 2:
		return name(s, idx[0]) + " and " + name(s, idx[1])
	}
	return fmt.Sprintf("%s, %s and %d more", name(s, idx[0]), name(s, idx[1]), len(idx)-2)
}

// shortUntilThen ends the verdict's part that says how much money is
// missing before the first pay.
const shortUntilThen = " short until then"

// payNotGiven is what the verdict's first part says of an offer to
// accept whose pay is not given.
const payNotGiven = " (pay not given: ask it first)"

// FitVerdict is the header's Advice line for a room cells wide: the
// verdict's parts, as many as fit. The first part is always kept whole,
// with its pay date: where it is too wide it is said in fewer words
// ("pays 2026-12-30 (ask its pay)") before anything is cut.
func FitVerdict(parts []string, room int) string {
	if len(parts) == 0 {
		return ""
	}
	text := parts[0]
	shortest := strings.NewReplacer(payNotGiven, " (ask its pay)", "; it pays from ", "; pays ")
	for _, short := range []*strings.Replacer{
		strings.NewReplacer(payNotGiven, " (ask its pay)"),
		shortest,
	} {
		if Width(text) <= room {
			break
		}
		text = short.Replace(parts[0])
	}
	rest := parts[1:]
	// Money short before the first pay is what the nearly broke most need
	// to see beside its date: rather than drop it, say both in fewer words.
	if len(rest) > 0 && strings.HasSuffix(rest[0], shortUntilThen) && WidthUpTo(text+"; "+rest[0], room) > room {
		if terse := shortest.Replace(parts[0]) + "; " + strings.TrimSuffix(rest[0], " until then"); Width(terse) <= room {
			text, rest = terse, rest[1:]
		}
	}
	for _, part := range rest {
		if WidthUpTo(text+"; "+part, room) > room {
			break
		}
		text += "; " + part
	}
	return Truncate(text, room)
}

// accepted reports that opportunity i is an offer already accepted.
func accepted(s *model.State, i int) bool {
	return s.Profile.Opportunities[i].Stage == model.StageAccepted
}

// offerAdvice is the advice on offer i, or nil.
func offerAdvice(d *model.Decision, i int) *model.OfferAdvice {
	for k := range d.Offers {
		if d.Offers[k].Index == i {
			return &d.Offers[k]
		}
	}
	return nil
}

func offerNames(s *model.State, idx []int) string {
	var names []string
	for _, i := range idx {
		names = append(names, "the offer from "+name(s, i))
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// fewOfferNames is offerNames for the header's one Advice line: each offer
// when there are a few, the first two and how many more when there are
// more, since a search may hold dozens. The verdict's sentence, in decide
// and its JSON, names every one.
func fewOfferNames(s *model.State, idx []int) string {
	const named = 3
	if len(idx) > named {
		return fmt.Sprintf("the offers from %s, %s and %d more", name(s, idx[0]), name(s, idx[1]), len(idx)-2)
	}
	return offerNames(s, idx)
}

// acceptMoney says when accepting offer o pays and whether the money lasts
// until then.
func acceptMoney(s *model.State, o *model.OfferAdvice, cur string) string {
	if o.AcceptShortBy > 0 {
		return fmt.Sprintf("It pays from %s; the money runs out on %s, %s short by then.", o.PaysFrom, o.AcceptRunsOut, Money(cur, o.AcceptShortBy))
	}
	return fmt.Sprintf("It pays from %s, and the money lasts until then.", o.PaysFrom)
}

// holdOutMoney says what holding out does to the money: until when it
// lasts, and how short it falls before the first paycheck.
func holdOutMoney(s *model.State, d *model.Decision, cur string) string {
	if text, ok := datedHoldOutMoney(s, d); ok {
		return text
	}
	runway := d.RunwayMonths
	var path *model.MoneyPath
	who := ""
	paths := d.Paths()
	for k, p := range paths {
		if p.Kind == model.PathHoldOut && p.Index == d.Verdict.WaitingFor {
			path, who = &paths[k], name(s, p.Index)
		}
	}
	if path == nil {
		for k, p := range paths {
			if p.Kind == model.PathSearch {
				path, who = &paths[k], ""
			}
		}
	}
	if math.IsInf(runway, 1) {
		return "Nothing burns the savings, so the wait costs no money."
	}
	if path == nil && runway > farMonths {
		return "The money lasts more than 100 years."
	}
	if path == nil {
		return "The money lasts until " + d.MonthsLater(runway).String() + "."
	}
	out, pays := d.MonthsLater(runway), path.PaysFrom
	paid := "a job found by searching pays, on average, from " + pays.String()
	if who != "" {
		paid = "if " + who + " says yes, it pays from " + pays.String()
	}
	// How short, as the money paths say it: one number, at the path's own
	// first payday, not one worked out again from the day it rounds to.
	if low := path.Savings(path.PayMonths); low < 0 {
		return fmt.Sprintf("The money runs out on %s; %s, %s short by then.", out, paid, Money(cur, -low))
	}
	if runway > farMonths {
		return fmt.Sprintf("The money lasts more than 100 years; %s.", paid)
	}
	return fmt.Sprintf("The money lasts until %s; %s.", out, paid)
}

func savings(s *model.State) float64 {
	if s.Situation.Savings == nil {
		return 0
	}
	return *s.Situation.Savings
}

// deadlineText says which deadline is in force for offer o.
func deadlineText(s *model.State, o *model.OfferAdvice) string {
	op := &s.Profile.Opportunities[o.Index]
	switch {
	case op.Stage == model.StageAccepted && !op.Starts.IsZero():
		return "accepted; it starts " + op.Starts.String()
	case op.Stage == model.StageAccepted:
		return "accepted"
	case o.Expired:
		return "its deadline " + o.RespondBy.String() + " has passed: ask whether it still stands"
	case o.DeadlineAssumed:
		return "no deadline given: counted as answered by " + o.Deadline.String() + "; ask for the date"
	}
	return "respond by " + o.RespondBy.String()
}

// offerTerms is what an offer's line says of its deadline and, when it
// gives no pay, of the pay decide counts for it.
func offerTerms(s *model.State, d *model.Decision, o *model.OfferAdvice) string {
	text := deadlineText(s, o)
	if !s.Assessments[o.Index].Relief.PayKnown && !accepted(s, o.Index) {
		if d.Estimate.PayFrom > 0 {
			text += fmt.Sprintf("; no pay given: counted as %s a month after tax, the market's (see the assumptions)", Money(s.Currency(), d.Estimate.NetMonthly))
		} else {
			text += "; no pay given: counted as covering your expenses"
		}
	}
	return text
}

// adviceHeadline is the advice on one offer in a few words: "Acme
// Logistics (respond by 2026-12-01): HOLD it while Globex decides".
func adviceHeadline(s *model.State, d *model.Decision, o *model.OfferAdvice) string {
	head := fmt.Sprintf("%s (%s): ", name(s, o.Index), offerTerms(s, d, o))
	switch o.Advice {
	case model.AdviceAccept:
		return head + "ACCEPT"
	case model.AdviceWait:
		if o.WaitingFor < 0 {
			return head + "WAIT: hold it and search on until its deadline"
		}
		return head + "WAIT: hold it while " + name(s, o.WaitingFor) + " decides"
	}
	switch {
	case o.Vetoed:
		return head + "DECLINE: a deal-breaker vetoes it"
	case o.Instead >= 0:
		return head + "DECLINE: the offer from " + name(s, o.Instead) + " is worth more"
	case o.Lapse && o.WaitingFor >= 0:
		return head + "DECLINE: let it lapse to wait for " + name(s, o.WaitingFor)
	}
	if h := s.Profile.CurrentJob(); h >= 0 {
		return head + "DECLINE: staying at " + name(s, h) + " is worth more"
	}
	return head + "DECLINE: searching on is worth more"
}

// adviceReason says why, in numbers: the break-even chance of the process
// it turns on, or what beats it.
func adviceReason(s *model.State, d *model.Decision, o *model.OfferAdvice) string {
	who := name(s, o.Index)
	if o.Vetoed {
		return fmt.Sprintf("A deal-breaker vetoes %s: %s.", who, strings.Join(Reasons(&s.Assessments[o.Index]), "; "))
	}
	var parts []string
	if y := o.WaitingFor; y >= 0 && o.ChanceWeighed {
		now := s.Assessments[y].Relief.Chance
		other := name(s, y)
		switch be := o.BreakEven; {
		case be == nil && keepsAlive(o, y):
			parts = append(parts, fmt.Sprintf("Waiting for %s is not worth it at any chance: accepting keeps it alive, and even a sure yes is worth less than accepting.", other))
		case be == nil:
			parts = append(parts, fmt.Sprintf("Waiting for %s is not worth it at any chance: even a sure yes is worth less than accepting.", other))
		case *be < 0.005:
			parts = append(parts, fmt.Sprintf("Holding out is worth more than accepting whatever %s says.", other))
		case o.Advice == model.AdviceAccept:
			b, c := chancePair(*be, now, false)
			parts = append(parts, fmt.Sprintf("Waiting for %s would be worth it only with a chance above %s; it is %s.", other, b, c))
		default:
			b, c := chancePair(*be, now, true)
			parts = append(parts, fmt.Sprintf("Waiting for %s is worth it while its chance is above %s; it is %s.", other, b, c))
		}
		if o.Holds && o.Advice == model.AdviceWait {
			parts = append(parts, fmt.Sprintf("%s decides by the deadline, so holding the offer costs only the days until then.", other))
		}
	} else if o.Advice == model.AdviceAccept {
		parts = append(parts, "No process that decides soon is worth waiting for.")
	}
	if o.Instead >= 0 {
		parts = append(parts, fmt.Sprintf("Accepting %s instead is worth more to you.", name(s, o.Instead)))
	}
	text := strings.Join(parts, " ")
	if o.Expired && text != "" {
		text = "If the offer still stands: " + lowerFirst(text)
	}
	return text
}

// valuesLine compares the courses an offer's advice weighs: "accept now
// 55.4 · hold out 57.4 · decline and search on 52.1 · best without it
// 57.6". Holding out is accepting nothing today, holding every offer that
// can be held; with a bridge (accepting and keeping the processes that
// decide after the start alive) its value follows accepting and stopping.
func valuesLine(o *model.OfferAdvice, stay bool) string {
	line := "accept now " + Num(o.Accept)
	if len(o.Bridge) > 0 {
		line += " · accept and keep the later ones alive " + Num(o.BridgeValue)
	}
	if o.CanHold {
		line += " · hold out " + Num(o.Wait)
	} else {
		line += " · cannot be held"
	}
	decline := " · decline and search on "
	if stay {
		decline = " · decline and stay "
	}
	return line + decline + Num(o.Search) + " · best without it " + Num(o.Decline) + " (points a month)"
}

// moneyLines say, for offer o, when each path pays and whether the money
// lasts until then, and what its bridge would bring.
func moneyLines(s *model.State, o *model.OfferAdvice) []string {
	cur := s.Currency()
	out := []string{"Accepting: " + lowerFirst(acceptMoney(s, o, cur))}
	if line := bridgeLine(s, o); line != "" {
		out = append(out, line)
	}
	if y := o.WaitingFor; y >= 0 {
		line := fmt.Sprintf("If you wait for %s and it says yes: it pays from %s", name(s, y), o.HoldOutPays)
		if o.ShortBy > 0 {
			line += fmt.Sprintf("; the money runs out on %s, %s short by then.", o.RunsOut, Money(cur, o.ShortBy))
		} else {
			line += ", and the money lasts until then."
		}
		out = append(out, line)
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// savingsLine says where savings would change the advice: "Holding out
// wins with more than $9,390 of savings, accepting below; you have
// $3,000."
func savingsLine(s *model.State, o *model.OfferAdvice) string {
	if o.SavingsBreakEven == nil {
		return ""
	}
	cur := s.Currency()
	at := Money(cur, *o.SavingsBreakEven)
	have := Money(cur, savings(s))
	other := "not accepting now"
	if o.Beyond >= 0 {
		other = "accepting " + name(s, o.Beyond) + " instead"
	}
	if o.AcceptAbove {
		return fmt.Sprintf("Accepting wins with more than %s of savings, %s below that; you have %s.", at, other, have)
	}
	return fmt.Sprintf("%s wins with more than %s of savings, accepting below that; you have %s.", upperFirst(other), at, have)
}

// leverSentence says what to ask for and what it is worth.
func leverSentence(s *model.State, o *model.OfferAdvice, l *model.Lever) string {
	who := name(s, o.Index)
	switch l.Kind {
	case model.LeverExtend:
		return fmt.Sprintf("Ask %s to extend the deadline to %s%s, when %s decides: holding the offer would then be the better course.",
			who, l.To, startMoves(s, o.Index, l.To), name(s, l.Process))
	case model.LeverDecideBy:
		if o.Advice == model.AdviceAccept {
			return fmt.Sprintf("Ask %s whether it can decide by %s: if it can, waiting for it is worth it.", name(s, l.Process), l.By)
		}
		return fmt.Sprintf("Waiting is worth it only while %s decides by %s; if it slips past that, accepting is worth more.", name(s, l.Process), l.By)
	case model.LeverCounter:
		return fmt.Sprintf("Ask %s for %s: at that pay accepting it is the best course (it offers %s).",
			who, payText(s, o.Index, l.Pay), payText(s, o.Index, offeredPay(s, o.Index)))
	case model.LeverBonus:
		return bonusSentence(s, o, l)
	}
	return ""
}

// startMoves says, for a deadline moved to day to, that the start moves
// with it when it would otherwise come first: " and to start on
// 2026-12-23". The model starts a job no sooner than it is accepted, so
// an answer on the later day starts that day; the words say so. It is ""
// when the start stays after the new deadline.
func startMoves(s *model.State, i int, to model.Date) string {
	o := &s.Profile.Opportunities[i]
	if o.Starts.IsZero() || to.Before(o.Starts) {
		return ""
	}
	return " and to start on " + to.String()
}

func offeredPay(s *model.State, i int) float64 {
	if p := s.Profile.Opportunities[i].Pay; p != nil {
		return *p
	}
	return 0
}

// payText writes pay in the offer's own per: "$57,400 a year".
func payText(s *model.State, i int, pay float64) string {
	per := s.Profile.Opportunities[i].Per
	if per == "" {
		per = "year"
	}
	if per == "hour" {
		return moneyCents(s.Currency(), pay) + " an hour"
	}
	return Money(s.Currency(), pay) + " a " + per
}

// moneyCents writes an hourly amount with its cents: "$23.50", "23.50 CHF".
func moneyCents(cur string, v float64) string {
	cents := int64(math.Round(v * 100))
	whole := Money(cur, float64(cents/100))
	if cents%100 == 0 {
		return whole
	}
	frac := fmt.Sprintf(".%02d", cents%100)
	if i := strings.IndexByte(whole, ' '); i >= 0 {
		return whole[:i] + frac + whole[i:]
	}
	return whole + frac
}

// bridgeLine says the bridge of offer o beside accepting and stopping, in
// dates and money: "Accepting and keeping Dream Co alive: if it says yes
// on 2027-01-12 you would leave Call Centre after four weeks and repay
// $0." "" when no later yes would be worth leaving it for.
func bridgeLine(s *model.State, o *model.OfferAdvice) string {
	if len(o.Bridge) == 0 {
		return ""
	}
	return fmt.Sprintf("Accepting and keeping %s alive: %s.", bridgeNames(s, o), bridgeIfs(s, o, true))
}

// keepsAlive reports that offer o's bridge keeps process y alive.
func keepsAlive(o *model.OfferAdvice, y int) bool {
	for _, st := range o.Bridge {
		if st.Process == y {
			return true
		}
	}
	return false
}

// bridgeNames are the processes offer o's bridge keeps alive, in date
// order: "Dream Co", "Dream Co and Birchwood".
func bridgeNames(s *model.State, o *model.OfferAdvice) string {
	names := make([]string, len(o.Bridge))
	for k, st := range o.Bridge {
		names[k] = name(s, st.Process)
	}
	return strings.Join(names, " and ")
}

// bridgeIfs says what each yes of offer o's bridge would bring: "if it
// says yes on 2027-01-12 you would leave when it starts, on 2027-02-11,
// after eight weeks, and repay $0"; naming names the offer left.
func bridgeIfs(s *model.State, o *model.OfferAdvice, naming bool) string {
	cur := s.Currency()
	left := ""
	if naming {
		left = " " + name(s, o.Index)
	}
	var b strings.Builder
	for k, st := range o.Bridge {
		who := name(s, st.Process)
		if len(o.Bridge) == 1 {
			who = "it"
		}
		if k > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "if %s says yes on %s you would leave%s when it starts, on %s, after %s, and ", who, st.Decides, left,
			st.Leaves, spanWords(st.LeaveAfterDays))
		if st.Forgo > 0 {
			fmt.Fprintf(&b, "give up the %s signing bonus, not paid by then", Money(cur, st.Forgo))
		} else {
			fmt.Fprintf(&b, "repay %s", Money(cur, st.Repay))
		}
	}
	return b.String()
}

// spanWords says a span of days as a reader would: "10 days", "four
// weeks", "3 months".
func spanWords(days int) string {
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	switch {
	case days == 1:
		return "a day"
	case days < 14:
		return strconv.Itoa(days) + " days"
	case days < 63:
		w := int(math.Round(float64(days) / 7))
		return small[w] + " weeks"
	}
	return strconv.Itoa(int(math.Round(float64(days)/30.4375))) + " months"
}
