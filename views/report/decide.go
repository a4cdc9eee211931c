package report

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"mutual/model"
)

// DecideFormats are the output formats of the decide command.
func DecideFormats() []string { return []string{"table", "json"} }

// WriteDecide writes what the search model decides for state s: the
// verdict, the advice on every offer in hand, the money on each path, the
// reservation by runway, the questions to ask and the assumptions behind
// them, in one of [DecideFormats].
func WriteDecide(w io.Writer, s *model.State, d *model.Decision, info Info, format string) error {
	switch format {
	case "table":
		return decideTable(s, d, info).Write(w)
	case "json":
		return writeDecideJSON(w, s, d, info)
	}
	return fmt.Errorf("unknown format %q", format)
}

// reservationText writes a reservation: "any" when any offer is worth
// taking, "none" when none is, else the lowest fit worth accepting.
func reservationText(r model.Reservation) string {
	switch {
	case r.Any:
		return "any"
	case r.Never:
		return "none"
	}
	return Num(r.Fit)
}

// reservationTable writes the reservations by months of runway left as two
// aligned lines, "months left     0     1 …" over "lowest fit    any  12.3
// …", with at most columns months; both are "" when the runway is
// unbounded. Months beyond that are thinned out, and then the farthest are
// left off.
func reservationTable(d *model.Decision, columns int) (head, row string) {
	n := len(d.Reservations)
	if n <= 1 && math.IsInf(d.RunwayMonths, 1) {
		return "", ""
	}
	var months []int
	if n <= columns {
		for k := range n {
			months = append(months, k)
		}
	} else {
		for _, k := range []int{0, 1, 2, 3, 4, 5, 6, 9, 12, 18, 24} {
			if k < n && len(months) < columns {
				months = append(months, k)
			}
		}
	}
	head, row = "months left", "lowest fit "
	for _, k := range months {
		head += fmt.Sprintf(" %5d", k)
		row += fmt.Sprintf(" %5s", reservationText(d.Reservations[k]))
	}
	return head, row
}

// decideTableMonths is how many months of runway decide's table lists one
// by one before it thins them out.
const decideTableMonths = 13

// reservationTableColumns is how many months [reservationTable] fits in
// width cells.
func reservationTableColumns(width int) int { return max(1, (width-Width("months left"))/6) }

// reservationSentence says today's reservation in words.
func reservationSentence(s *model.State, d *model.Decision) string {
	text := reservationWords(s, d)
	if v := &d.Verdict; v.Action == model.ActionAccept && v.Bridged {
		// The reservation ends every other process; the advice's offer
		// keeps some alive, which is what makes it worth taking.
		if o := offerAdvice(d, v.Offer); o != nil && len(o.Bridge) > 0 {
			text += fmt.Sprintf(" That is for a job that ends every other process: accepting %s keeps %s alive, which is worth more.",
				name(s, v.Offer), bridgeNames(s, o))
		}
	}
	return text
}

// reservationWords say the reservation at today's runway.
func reservationWords(s *model.State, d *model.Decision) string {
	pm := s.Profile.Params
	pays := "covers the expenses"
	if d.Estimate.PayFrom > 0 {
		pays = "pays what a search finds (" + Money(s.Currency(), d.Estimate.NetMonthly) + " a month after tax)"
	}
	typical := fmt.Sprintf("a sure offer that %s and starts in %s days", pays, trim(pm.StartDays))
	r := d.Now
	when := "With " + Months(d.RunwayMonths) + " of runway"
	if math.IsInf(d.RunwayMonths, 1) {
		when = "With nothing burning the savings"
	}
	switch {
	case r.Any:
		return fmt.Sprintf("%s, %s is worth taking at any fit: searching on costs more than any such job.", when, typical)
	case r.Never:
		return fmt.Sprintf("%s, searching on (with your processes pending) is worth more than %s at any fit.", when, typical)
	}
	return fmt.Sprintf("%s, %s is worth taking from fit %s (a score of %s today); below that, searching on is worth more.",
		when, typical, Num(r.Fit), Num(r.Score))
}

// noOffersNote is what decide says when no offer is in hand.
const noOffersNote = "(none in hand: an opportunity with stage = \"offer\" gets advice here)"

// processLines list the processes a course can wait for, and the ones it
// cannot: no decision date, or no chance.
func processLines(s *model.State, d *model.Decision, sec *Section) {
	// In the order they decide, the ones with no date after.
	ranked := slices.Clone(s.Ranked)
	slices.SortStableFunc(ranked, func(a, b model.Ranked) int {
		da, db := s.Profile.Opportunities[a.Index].DecisionExpected, s.Profile.Opportunities[b.Index].DecisionExpected
		switch {
		case da == db:
			return 0
		case db.IsZero() || !da.IsZero() && da.Before(db):
			return -1
		}
		return 1
	})
	for _, r := range ranked {
		o := &s.Profile.Opportunities[r.Index]
		if o.Stage == model.StageOffer || o.Stage == model.StageAccepted || o.DecisionExpected.IsZero() {
			continue
		}
		a := &s.Assessments[r.Index]
		if a.Relief.Chance <= 0 {
			continue
		}
		when := "decides " + o.DecisionExpected.String()
		if o.DecisionExpected.Before(s.Request.Today) {
			when = "was to decide " + o.DecisionExpected.String() + " (counted as today: ask where it stands)"
		}
		sec.para(2, fmt.Sprintf("%s (%s) %s, chance %s, fit %s", name(s, r.Index), o.Stage, when, chanceText(a.Relief.Chance), Num(a.Fit.Value)), RoleText)
	}
	for _, i := range d.Undated {
		sec.para(2, fmt.Sprintf("%s has no decision_expected: add the date it expects to decide, to weigh waiting for it.", name(s, i)), RoleDim)
	}
	for _, i := range d.Hopeless {
		sec.para(2, fmt.Sprintf("%s has a chance of 0: no course waits for it.", name(s, i)), RoleDim)
	}
}

// pathLines say, for each course drawn in money, when it pays and how far
// the savings fall first.
func pathLines(s *model.State, d *model.Decision, sec *Section) {
	cur := s.Currency()
	for _, p := range d.Paths() {
		var what string
		switch p.Kind {
		case model.PathAccept:
			what = "accept " + name(s, p.Index)
		case model.PathHoldOut:
			what = "hold out for " + name(s, p.Index) + ", if it says yes"
		default:
			what = fmt.Sprintf("search on, finding a job in the average time (%s to the first pay)", Months(p.PayMonths))
		}
		if p.Dated() {
			sec.para(2, what+": "+pathStory(s, p)+".", RoleText)
			continue
		}
		low := p.Savings(p.PayMonths)
		line := fmt.Sprintf("%s: paid from %s", what, p.PaysFrom)
		switch {
		case math.IsInf(d.RunwayMonths, 1):
			line += "; nothing burns the savings"
		case low < 0:
			out := d.MonthsLater(d.RunwayMonths)
			line += fmt.Sprintf("; the money runs out on %s and is %s short by then", out, Money(cur, -low))
		default:
			line += fmt.Sprintf("; %s left then", Money(cur, low))
		}
		sec.para(2, line+".", RoleText)
	}
}

// questionRating says what is known of a rating now: "unknown" or "rated
// 3–5".
func questionRating(q *model.Question) string {
	if q.From == model.FromUnknown {
		return "unknown"
	}
	return "rated " + q.Rating.String()
}

// questionWeight says what rides on the answer: "swing 5.6 against a
// margin of 9.0", with "decisive" and "could veto" when they apply.
func questionWeight(q *model.Question) string {
	text := "swing " + Num(q.Swing)
	if math.IsInf(q.Margin, 1) {
		text += " (it cannot change the decision)"
	} else {
		text += " against a margin of " + Num(q.Margin)
	}
	var marks []string
	if q.Decisive {
		marks = append(marks, "decisive")
	}
	if q.CouldVeto {
		marks = append(marks, "a low answer vetoes it")
	}
	if len(marks) > 0 {
		text += "; " + strings.Join(marks, ", ")
	}
	return text
}

// askText is the priority's question, or how to add one.
func askText(q *model.Question) string {
	if q.Ask == "" {
		return fmt.Sprintf("(no question in the profile: add ask = \"...\" to priority %q)", Clean(q.Priority))
	}
	return Clean(q.Ask)
}

// assumption is one setting of the search model as explain and decide
// show it.
type assumption struct {
	Key string
	// Value is the setting in force.
	Value float64
	// Source is "default", "profile" or "estimated"; Note says more when
	// there is more to say ("raised to offer_sd_min").
	Source, Note string
	Doc          string
}

// text writes the value: whole numbers bare, estimates with one decimal.
func (a assumption) text() string {
	if a.Source == "estimated" {
		return Num(a.Value)
	}
	return trim(a.Value)
}

// origin is the source with its note, for a text view: "" for a default.
func (a assumption) origin() string {
	switch {
	case a.Source == "default":
		return ""
	case a.Note != "":
		return a.Source + ", " + a.Note
	}
	return a.Source
}

// assumptions lists every [search] setting in force, with where it comes
// from; the offer distribution's mean and spread, when not set, are the
// estimates in force.
func assumptions(d *model.Decision) []assumption {
	defaults := model.DefaultSearchParams()
	var out []assumption
	for _, pi := range model.SearchParamTable() {
		a := assumption{Key: pi.Key, Doc: pi.Doc, Source: "default"}
		v, set := pi.Value(d.Params)
		if def, defSet := pi.Value(defaults); set && (!defSet || v != def) {
			a.Source = "profile"
		}
		a.Value = v
		switch {
		case pi.Key == "stopgap_months" && !set:
			continue // none: the model as without it
		case pi.Key == "offer_mean" && !set:
			a.Value, a.Source = d.Estimate.Mean, "estimated"
		case pi.Key == "offer_sd" && !set:
			a.Value, a.Source = d.Estimate.SD, "estimated"
			if d.Estimate.SDRaised {
				a.Note = "raised to offer_sd_min"
			}
		}
		out = append(out, a)
	}
	return out
}

// assumptionNotes are the sentences that go with the assumptions: what a
// search finds and how fast, what money and coverage cost, how long jobs
// last.
func assumptionNotes(s *model.State, d *model.Decision) []string {
	est := d.Estimate
	p := d.Params
	from := fmt.Sprintf("A search brings an offer in a month with chance %s at first, %s past %s months; ",
		chanceText(p.FindRate), chanceText(p.FindRateLong), trim(p.LongSpellMonths))
	n := len(est.From)
	opps := fmt.Sprintf("%d open %s (vetoed ones too)", n, pluralWord(n, "opportunity", "opportunities"))
	switch {
	case est.Fits != nil && n == 0:
		from += fmt.Sprintf("with no open opportunity to learn from, its fit is the prior market's, uniform on 0..100 (mean %s, spread %s).",
			Num(est.Mean), Num(est.SD))
	case est.Fits != nil:
		from += fmt.Sprintf("its fit, mean %s and spread %s, is learnt from %s, each counted once as jobs that fit about as well, "+
			"and from a prior market of fits uniform on 0..100 counted as %s.", Num(est.Mean), Num(est.SD), opps, trim(est.Prior))
	default:
		from += fmt.Sprintf("its fit follows a beta-binomial on 0..100 with mean %s and spread %s", Num(est.Mean), Num(est.SD))
		switch {
		case est.MeanGiven && est.SDGiven:
			from += ", both set in [search]."
		case n == 0 && est.Prior == 0:
			from += "; with no open opportunity to learn from, the mean is the middle of the scale."
		default:
			from += fmt.Sprintf(", learnt where not set from %s and a prior market counted as %s.", opps, trim(est.Prior))
		}
	}
	pay := "With no pay given anywhere, such a job is taken to cover the expenses."
	if est.PayFrom > 0 {
		covers := ""
		if est.Uncovered > 0 {
			covers = fmt.Sprintf(", %s of the expenses short", percent(est.Uncovered))
		}
		from, insure := "the one opportunity that gives it", "yours"
		if est.PayFrom > 1 {
			from = fmt.Sprintf("the %d opportunities that give it", est.PayFrom)
		}
		if est.Prior > 0 {
			from += " and the prior's jobs, which pay the expenses"
			insure = "yours, and the prior's, of which seven in ten do"
		}
		pay = fmt.Sprintf("It pays %s a month after tax (the median of %s)%s; %s of such jobs insure (%s).",
			Money(s.Currency(), est.NetMonthly), from, covers, percent(est.InsuredShare), insure)
	}
	money := fmt.Sprintf("Once the money is gone, a month costs %s points for each month of expenses missing in it; the debt left at "+
		"the first paycheck goes on costing for %s months. A month without a job is worth %s points", trim(p.ShortfallCost),
		trim(p.RepayMonths), trim(p.SearchFit))
	if s.Situation.IsInsured() {
		money += "."
	} else {
		money += fmt.Sprintf(", and a month uninsured costs %s.", trim(p.UninsuredCost))
	}
	return []string{
		from, pay, money,
		fmt.Sprintf("A poor fit puts you back on the market sooner: a job at fit 0 lasts about %s months, at fit 100 about %s, "+
			"and one at the mean fit (%s) about %s.", trim(p.PoorFitMonths), trim(p.GoodFitMonths), Num(est.Mean),
			strconv.FormatFloat(p.TenureMonths(est.Mean), 'f', 0, 64)),
	}
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// decideTable is the decision as 'mutual decide' prints it: the verdict,
// the advice on every offer in hand with its values, money, break-evens
// and levers, the processes, the money on each path, the reservation by
// months of runway left, the questions to ask, and the assumptions.
func decideTable(s *model.State, d *model.Decision, info Info) *Document {
	doc := &Document{}
	doc.section("").text(0, fmt.Sprintf("%s · %s · today %s", Clean(info.Profile), urgencyLine(s), info.Today), RoleText)
	top := doc.section("")
	top.lead(0, Span{"Advice: ", RoleStrong}, Span{verdictSentence(s, d), RoleStrong})
	for _, note := range []string{rankingNote(s, d), fixedUrgencyNote(s, Keys{})} {
		if note != "" {
			top.para(0, note, RoleDim)
		}
	}

	offersSection(doc, s, d)

	sec := doc.section("Processes to wait for")
	processLines(s, d, sec)
	if len(sec.Lines) == 0 {
		sec.text(2, "(none: no open process has a decision_expected)", RoleDim)
	}

	pathLines(s, d, doc.section("The money on each path"))

	sec = doc.section("Reservation: the lowest fit worth accepting, by months of runway left")
	if head, row := reservationTable(d, decideTableMonths); head != "" {
		sec.text(2, head, RoleDim)
		sec.text(2, row, RoleText)
	}
	sec.para(2, reservationSentence(s, d), RoleText)

	sec = doc.section("Questions to ask, most decisive first")
	if len(d.Questions) == 0 {
		sec.text(2, "(none: every open opportunity's ratings are known)", RoleDim)
	}
	for k := range d.Questions {
		q := &d.Questions[k]
		sec.text(2, fmt.Sprintf("%d. %s · %s · %s", k+1, name(s, q.Index), Clean(q.Label), questionRating(q)), RoleStrong)
		sec.para(5, questionWeight(q), RoleText)
		sec.para(5, "how sure: "+QuestionShareText(q), RoleText)
		sec.para(5, "ask: "+askText(q), RoleText)
	}

	sec = doc.section("Assumptions (set them in the profile's [search] table)")
	for _, a := range assumptions(d) {
		about := a.Doc
		if o := a.origin(); o != "" {
			about = o + ": " + about
		}
		sec.text(2, fmt.Sprintf("%-18s %-5s  %s", a.Key, a.text(), about), RoleText)
	}
	for _, line := range assumptionNotes(s, d) {
		sec.para(2, line, RoleText)
	}
	return doc
}

// offersSection adds every offer in hand with its advice, values, money,
// break-evens and levers.
func offersSection(doc *Document, s *model.State, d *model.Decision) {
	sec := doc.section("Offers in hand")
	if len(d.Offers) == 0 {
		sec.para(2, noOffersNote, RoleDim)
		return
	}
	for k := range d.Offers {
		o := &d.Offers[k]
		sec.para(2, adviceHeadline(s, d, o), RoleStrong)
		if r := adviceReason(s, d, o); r != "" {
			sec.para(4, r, RoleText)
		}
		if !o.Vetoed {
			for _, line := range moneyLines(s, o) {
				sec.para(4, line, RoleText)
			}
		}
		if line := savingsLine(s, o); line != "" {
			sec.para(4, line, RoleText)
		}
		for x := range o.Levers {
			sec.lead(4, Span{"lever: ", RoleStrong}, Span{leverSentence(s, o, &o.Levers[x]), RoleText})
		}
		if !o.Weighed && !o.Vetoed {
			sec.para(4, fmt.Sprintf("(one of %d offers: break-evens and levers are weighed for the few most worth accepting)", len(d.Offers)), RoleDim)
		}
	}
}
