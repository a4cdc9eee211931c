package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// DecideFormats are the output formats of the decide command.
func DecideFormats() []string { return []string{"table", "json"} }

// WriteDecide writes what the search model decides for state s: the
// reservation scores, the advice on every offer with a deadline, the
// questions to ask and the assumptions behind them, in one of
// [DecideFormats].
func WriteDecide(w io.Writer, s *model.State, d *model.Decision, info Info, format string) error {
	switch format {
	case "table":
		return decideTable(s, d, info).Write(w)
	case "json":
		return writeDecideJSON(w, s, d, info)
	}
	return fmt.Errorf("unknown format %q", format)
}

// valueNote says what the values of the search model are, for every view
// that shows them.
const valueNote = "Values are scores a month, for good: the steady score that would be worth as much."

// reservationText writes a reservation score: "any" with no runway left.
func reservationText(d *model.Decision, monthsLeft int) string {
	if monthsLeft == 0 {
		return "any"
	}
	return Num(d.Reservations[monthsLeft])
}

// reservationTable writes the reservation scores by months of runway left
// as two aligned lines, "months left     0     1 …" over "reservation
// any  54.0 …", with at most columns months; both are "" when the runway
// is unbounded. Months beyond that are thinned out where the score barely
// moves, and then the farthest are left off.
func reservationTable(d *model.Decision, columns int) (head, row string) {
	n := len(d.Reservations)
	if n == 0 {
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
	head, row = "months left", "reservation"
	for _, k := range months {
		head += fmt.Sprintf(" %5d", k)
		row += fmt.Sprintf(" %5s", reservationText(d, k))
	}
	return head, row
}

// decideTableMonths is how many months of runway decide's table lists one
// by one before it thins them out.
const decideTableMonths = 13

// reservationTableColumns is how many months [reservationTable] fits in
// width cells.
func reservationTableColumns(width int) int { return max(1, (width-Width("reservation"))/6) }

// fixedUrgencyNote says why the reservation barely moves with the runway
// when the urgency is fixed (by the profile, a scenario, --urgency or a
// what-if): a fixed urgency does not rise as the savings run down, so
// neither does the cost of searching. It is "" when the urgency is
// derived or nothing burns the savings.
func fixedUrgencyNote(s *model.State, keys Keys) string {
	u := s.Urgency
	if u.IsDerived() || math.IsInf(u.RunwayMonths, 1) {
		return ""
	}
	source := UrgencySource(s)
	if u.Source == model.SourceWhatIf {
		source = "a what-if"
	}
	note := fmt.Sprintf("The urgency is %s, so it stays %s however little runway is left: a month of searching scores the same "+
		"at every month, and the reservation hardly falls. Derived from the situation it would be %s now, and rise as the runway "+
		"runs down.", source, Urgency(u.Value), Urgency(u.Derived))
	if u.Source == model.SourceWhatIf {
		note += " " + keys.Reset + " brings it back."
	}
	return note
}

// ReservationLabel is the short name of today's reservation score, as the
// score chart labels its line: "res 55.3".
func ReservationLabel(d *model.Decision) string { return "res " + Num(d.Now) }

// noOffersNote is what decide says when no offer has a deadline.
const noOffersNote = "(none: an offer with respond_by = YYYY-MM-DD gets advice here)"

// reservationSentence says today's reservation score in words: "With 3.6
// months of runway the reservation score is 52.0: an offer scoring less is
// worth declining, because searching on is worth more."
func reservationSentence(d *model.Decision) string {
	switch {
	case math.IsInf(d.RunwayMonths, 1):
		return fmt.Sprintf("Nothing burns the savings, so the runway never runs out: the reservation score is %s at any time. "+
			"An offer scoring less is worth declining, because searching on is worth more.", Num(d.Now))
	case d.RunwayMonths <= 0:
		return "The runway is gone: any offer is worth taking."
	}
	return fmt.Sprintf("With %s of runway the reservation score is %s: an offer scoring less is worth declining, "+
		"because searching on is worth more.", Months(d.RunwayMonths), Num(d.Now))
}

// adviceHeadline is the advice on one offer in a few words: "Acme
// Logistics (respond by 2026-12-01): WAIT for Globex".
func adviceHeadline(s *model.State, o *model.OfferAdvice) string {
	by := "respond by " + o.RespondBy.String()
	if o.Expired {
		by = "its deadline " + o.RespondBy.String() + " has passed: ask whether it still stands"
	}
	head := fmt.Sprintf("%s (%s): %s", name(s, o.Index), by, strings.ToUpper(string(o.Advice)))
	if o.Advice == model.AdviceWait {
		head += " for " + name(s, o.WaitingFor())
	}
	return head
}

// adviceSentence says why: "Waiting for Globex is worth it while its
// chance is above 0.34; it is 0.50."
func adviceSentence(s *model.State, d *model.Decision, o *model.OfferAdvice) string {
	text := adviceReason(s, d, o)
	if o.Expired && !o.Vetoed {
		text = "If the offer still stands: " + text
	}
	return text
}

func adviceReason(s *model.State, d *model.Decision, o *model.OfferAdvice) string {
	who := name(s, o.Index)
	switch {
	case o.Vetoed:
		return fmt.Sprintf("A deal-breaker vetoes %s: %s.", who, strings.Join(Reasons(&s.Assessments[o.Index]), "; "))
	case o.Advice == model.AdviceDecline:
		return fmt.Sprintf("As an offer %s scores %s, below the reservation score of %s: searching on is worth more.",
			who, Num(o.Score), Num(d.Now))
	}
	if o.Broke && o.Best < 0 {
		return "With no runway left any offer is worth taking: declining to search on is not an option."
	}
	if o.Best < 0 {
		return fmt.Sprintf("It scores %s, above the reservation score of %s, and no open process decides by %s (plus %s days) to wait for.",
			Num(o.Score), Num(d.Now), o.RespondBy, trim(d.Params.WaitDays))
	}
	w := &o.Waits[o.Best]
	other := name(s, w.Index)
	be, ok := o.BreakEven()
	switch {
	case !ok:
		return fmt.Sprintf("Waiting for %s is not worth it at any chance: even a yes is worth less than accepting now.", other)
	case w.Holds && be == 0:
		return fmt.Sprintf("%s decides by the deadline, so hold the offer until then: taking %s if it says yes is worth more.", other, other)
	case o.Advice == model.AdviceWait:
		return fmt.Sprintf("Waiting for %s is worth it while its chance is above %s; it is %s.", other, chanceText(be), chanceText(w.Chance))
	}
	return fmt.Sprintf("Waiting for %s would be worth it only with a chance above %s; it is %s.", other, chanceText(be), chanceText(w.Chance))
}

// valuesLine compares the three choices: "accept now 55.6 · wait for
// Globex 57.3 · decline and search on 52.0".
func valuesLine(s *model.State, o *model.OfferAdvice) string {
	line := "accept now " + Num(o.Accept)
	if o.Best >= 0 {
		line += " · wait for " + name(s, o.WaitingFor()) + " " + Num(o.Wait)
	}
	if o.Broke {
		return line + " · no runway left to decline and search on"
	}
	return line + " · decline and search on " + Num(o.Search)
}

// days writes a number of days: "1 day", "8 days".
func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// tenureText says how long a job at this fit should last: "should last
// about 10 months".
func tenureText(months float64) string {
	return "should last about " + strconv.FormatFloat(months, 'f', 0, 64) + " months"
}

// waitSentence describes one wait: when the process decides and what
// each answer is worth.
func waitSentence(s *model.State, o *model.OfferAdvice, w *model.WaitOption) string {
	after := o.RespondBy.DaysUntil(w.Decides)
	when := fmt.Sprintf("%s after the deadline, %s of runway from today", days(after), Months(w.Months))
	if w.Holds {
		when = "by the deadline"
	}
	if ago := w.Decides.DaysUntil(s.Request.Today); ago > 0 {
		when = fmt.Sprintf("was expected %s ago: ask where it stands", days(ago))
		return fmt.Sprintf("%s's decision %s; counted as due today: if yes %s (it scores %s and at fit %s %s), if no %s.",
			name(s, w.Index), when, Num(w.IfOffered), Num(w.Score), Num(s.Assessments[w.Index].Fit.Value), tenureText(w.TenureMonths), Num(w.Fallback))
	}
	fit := s.Assessments[w.Index].Fit.Value
	return fmt.Sprintf("%s decides %s, %s: if yes %s (it scores %s and at fit %s %s), if no %s.", name(s, w.Index), w.Decides, when,
		Num(w.IfOffered), Num(w.Score), Num(fit), tenureText(w.TenureMonths), Num(w.Fallback))
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

// assumptionNotes are the sentences that go with the assumptions: where
// the offer distribution comes from, what searching scores today, how long
// jobs last.
func assumptionNotes(s *model.State, d *model.Decision) []string {
	est := d.Estimate
	from := fmt.Sprintf("Offers' scores follow a beta-binomial on 0..100 with mean %s and spread %s", Num(est.Mean), Num(est.SD))
	switch n := len(est.From); {
	case est.MeanGiven && est.SDGiven:
		from += ", both set in [search]."
	case n == 0:
		from += "; with no open opportunity to learn from, the mean is the middle of the scale."
	default:
		from += fmt.Sprintf(", learnt from %d open %s as offers in hand, each counted once.", n, pluralWord(n, "opportunity", "opportunities"))
	}
	return []string{
		from,
		fmt.Sprintf("An offer arrives in a month with chance %s; a month of searching scores %s today (urgency %s).",
			chanceText(d.Search.Arrival), Num(d.SearchScore(d.RunwayMonths)), Urgency(s.Urgency.Value)),
		fmt.Sprintf("A poor fit puts you back on the market sooner: a job at fit 0 lasts about %s months, at fit 100 about %s, "+
			"and a future offer (fit %s) about %s.", trim(d.Params.PoorFitMonths), trim(d.Params.GoodFitMonths), Num(est.Fit),
			strconv.FormatFloat(d.Params.TenureMonths(est.Fit), 'f', 0, 64)),
		valueNote,
	}
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// decideTable is the decision as 'mutual decide' prints it: the
// reservation scores by months of runway left, the advice on every offer
// with a deadline and every wait behind it, the questions to ask, and the
// assumptions.
func decideTable(s *model.State, d *model.Decision, info Info) *Document {
	doc := &Document{}
	doc.section("").text(0, fmt.Sprintf("%s · %s · today %s", Clean(info.Profile), urgencyLine(s), info.Today), RoleText)

	sec := doc.section("Reservation score: the lowest score worth accepting, by months of runway left")
	if head, row := reservationTable(d, decideTableMonths); head != "" {
		sec.text(2, head, RoleDim)
		sec.text(2, row, RoleText)
	}
	sec.para(2, reservationSentence(d), RoleText)

	sec = doc.section("Offers with a deadline")
	if len(d.Offers) == 0 {
		sec.text(2, noOffersNote, RoleDim)
	}
	for k := range d.Offers {
		o := &d.Offers[k]
		sec.text(2, adviceHeadline(s, o), RoleStrong)
		sec.para(4, adviceSentence(s, d, o), RoleText)
		sec.para(4, valuesLine(s, o), RoleText)
		a := &s.Assessments[o.Index]
		sec.para(4, fmt.Sprintf("As an offer in hand %s scores %s; at fit %s it %s.", name(s, o.Index), Num(o.Score),
			Num(a.Fit.Value), tenureText(o.TenureMonths)), RoleText)
		for x := range o.Waits {
			sec.para(4, waitSentence(s, o, &o.Waits[x]), RoleText)
		}
	}

	sec = doc.section("Questions to ask, most decisive first")
	if len(d.Questions) == 0 {
		sec.text(2, "(none: every open opportunity's ratings are known)", RoleDim)
	}
	for k := range d.Questions {
		q := &d.Questions[k]
		sec.text(2, fmt.Sprintf("%d. %s · %s · %s", k+1, name(s, q.Index), Clean(q.Label), questionRating(q)), RoleStrong)
		sec.para(5, questionWeight(q), RoleText)
		sec.para(5, "ask: "+askText(q), RoleText)
	}

	sec = doc.section("Assumptions (set them in the profile's [search] table)")
	for _, a := range assumptions(d) {
		about := a.Doc
		if o := a.origin(); o != "" {
			about = o + ": " + about
		}
		sec.text(2, fmt.Sprintf("%-17s %-5s  %s", a.Key, a.text(), about), RoleText)
	}
	for _, line := range assumptionNotes(s, d) {
		sec.para(2, line, RoleText)
	}
	return doc
}
