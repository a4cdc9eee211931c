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

// WriteExplain writes [Explain] as plain text, laid out for [LineWidth].
func WriteExplain(w io.Writer, s *model.State, i int, info Info) error {
	return Explain(s, i, info).Write(w)
}

// Explain is every term of opportunity i's score, in numbers and in
// words, with every default in force, so that any number the other views
// show can be reproduced by hand. Its first line is the title, and its
// tables are lines that keep their columns.
func Explain(s *model.State, i int, info Info) *Document {
	a := &s.Assessments[i]
	p := s.Profile
	cur := p.Currency
	u := s.Urgency
	doc := &Document{}

	top := doc.section("")
	top.text(0, name(s, i), RoleTitle)
	top.text(0, fmt.Sprintf("%s · stage %s · %s", Clean(info.Profile), a.Stage, standing(s, i)), RoleText)
	top.text(0, fmt.Sprintf("today %s · %s", info.Today, urgencyLine(s)), RoleText)

	// Words first: the whole story in three sentences.
	doc.section("In words").para(2, summary(s, i), RoleText)

	sec := doc.section("Score " + Num(a.Score(u.Value)))
	sec.text(2, "score = (1 − urgency) × fit + urgency × relief", RoleText)
	ut, ft, rt := equationTerms(a, u.Value)
	sec.text(8, fmt.Sprintf("= (1 − %s) × %s + %s × %s = %s", ut, ft, ut, rt, Num(a.Score(u.Value))), RoleText)

	sec = doc.section("Urgency " + Urgency(u.Value) + " (" + UrgencySource(s) + ")")
	row := func(format string, args ...any) { sec.text(2, fmt.Sprintf(format, args...), RoleText) }
	sit := s.Situation
	income, incomeName := val(sit.MonthlyIncome), "income"
	if lg := s.Ledger; lg != nil && lg.Held >= 0 && !s.Ledger.Dated() {
		// The job held pays the income; monthly_income is not added to it.
		income, incomeName = lg.SteadyIncome, Clean(lg.SteadyName)+"'s pay"
	}
	if u.RunwayUnbounded() {
		row("runway    unbounded: %s %s covers expenses %s a month", incomeName, Money(cur, income), Money(cur, val(sit.MonthlyExpenses)))
	} else if s.Ledger.Dated() {
		row("runway    %s: with no new job the money runs out on %s, following the dated ledger", Months(u.RunwayMonths), u.RunsOut)
	} else {
		row("burn      %s a month = expenses %s − %s %s", Money(cur, u.Burn), Money(cur, val(sit.MonthlyExpenses)), incomeName, Money(cur, income))
		row("runway    %s = savings %s / burn %s", Months(u.RunwayMonths), Money(cur, val(sit.Savings)), Money(cur, u.Burn))
	}
	if s.Ledger.Dated() || hasOwnMoney(&p.Opportunities[i]) {
		row("ledger    taking %s (the tax rate applies to pay and signing bonus alike):", name(s, i))
		for _, r := range ledgerRows(s, i) {
			row("  %s", r)
		}
	}
	row("cash      %s = clamp01(1 − runway / %s comfortable)", Urgency(u.Cash), Months(u.Comfortable))
	if u.Cover > 0 {
		row("coverage  %s (not insured: coverage_urgency)", Urgency(u.Cover))
	} else {
		row("coverage  0.00 (insured)")
	}
	row("derived   %s = 1 − (1 − cash)(1 − coverage)", Urgency(u.Derived))
	if !u.IsDerived() {
		row("in force  %s, %s", Urgency(u.Value), UrgencySource(s))
	}

	sec = doc.section("Fit " + FitText(a.Fit))
	row("fit = Σ share × (rating − 1) / (scale − 1) × 100; scale 1..%d; unknowns count as the whole scale", p.Scale)
	labelW := Width("priority")
	for k := range a.Fit.Terms {
		labelW = max(labelW, min(34, Width(Clean(p.Priorities[k].Name()))))
	}
	row("%s  %6s  %6s  %-7s  %-7s  %s", Pad("priority", labelW), "weight", "share", "rating", "from", "points")
	for k, t := range a.Fit.Terms {
		pts := Num(a.Fit.Points(k))
		if t.Low != t.High {
			pts += fmt.Sprintf(" (%s–%s)", Num(a.Fit.Share(k)*t.Low*100), Num(a.Fit.Share(k)*t.High*100))
		}
		from := t.From.String()
		if t.From == model.FromUnknown {
			from = "unknown"
		}
		row("%s  %6s  %5.1f%%  %-7s  %-7s  %s", Pad(Clean(p.Priorities[k].Name()), labelW), trim(p.Priorities[k].Weight), a.Fit.Share(k)*100,
			t.Rating.String(), from, pts)
	}
	for _, line := range dealBreakers(s, i) {
		row("deal-breaker: %s", line)
	}
	for _, f := range a.Flags {
		if !f.Veto && f.Ask != "" {
			row("ask about %s: %s", Clean(f.Label), Clean(f.Ask))
		}
	}

	r := a.Relief
	sec = doc.section("Relief " + Num(r.Value))
	chanceFrom := "given"
	if r.ChanceDefault {
		chanceFrom = "default for stage " + string(a.Stage)
	}
	row("relief = chance %s (%s) × weighted mean %s × 100", chanceText(r.Chance), chanceFrom, strconv.FormatFloat(r.Mean, 'f', 3, 64))
	for _, t := range reliefTerms(s, i) {
		if !t.Counted {
			row("%-10s  —     (%s)", t.Name, t.Words)
			continue
		}
		row("%-10s  %s  weight %4s  %s", t.Name, Urgency(t.Value), percent(t.Share), t.Words)
	}

	sec = doc.section("Where the answer changes")
	cs := crossings(s, i)
	if len(cs) == 0 {
		row("%s crosses no other open opportunity between urgency 0 and 1.", name(s, i))
	}
	for _, c := range cs {
		row("%s", c.Urgency)
		for _, m := range c.Money {
			sec.text(4, "in money: "+m, RoleText)
		}
	}
	if len(s.LeaderChanges) > 0 {
		var b strings.Builder
		b.WriteString("leader changes over urgency 0..1:")
		for _, c := range s.LeaderChanges {
			fmt.Fprintf(&b, " %s → %s at %s;", name(s, c.From), name(s, c.To), Urgency(c.Urgency))
		}
		row("%s", b.String())
	}
	for _, line := range leaderSentences(s) {
		sec.para(2, line, RoleText)
	}
	if !s.MoneyTranslatable() {
		if !u.IsDerived() {
			row("(urgency is %s, so savings do not move it: no money translation)", UrgencySource(s))
		} else {
			row("(nothing burns the savings, so more money does not change urgency)")
		}
	}

	if !a.Closed {
		breakEvens(doc, s, i)
	}

	sec = doc.section("Defaults in force")
	params := model.ParamTable()
	for _, pi := range params {
		v, _ := pi.Value(p.Params)
		mark := ""
		if def, _ := pi.Value(model.DefaultParams()); v != def {
			mark = " (profile)"
		}
		row("%-20s %-8s%s  %s", pi.Key, trim(v), mark, pi.Doc)
	}
	// A situation key that shares a [model] key's name overrides it.
	for _, sk := range model.SituationTable() {
		v, set := sk.Value(sit)
		if set && slices.ContainsFunc(params, func(pi model.Setting[model.Params]) bool { return pi.Key == sk.Key }) {
			row("situation sets %s = %s", sk.Key, trim(v))
		}
	}
	searchDefaults(doc, s, i)
	return doc
}

// breakEvens adds explain's account of what else would change the answer
// for opportunity i: the weights at which the leader changes, the pay at
// which i would tie the leader, and how sure its place is while ratings
// are unknown.
func breakEvens(doc *Document, s *model.State, i int) {
	sec := doc.section("What else would change the answer")
	row := func(format string, args ...any) { sec.para(2, fmt.Sprintf(format, args...), RoleText) }
	if lines := WeightFlipLines(s); len(lines) > 0 {
		row("by weight, the others held:")
		for _, line := range lines {
			sec.para(4, line, RoleText)
		}
	} else if len(s.Ranked) > 1 {
		row("by weight: no one weight, the others held, changes the leader.")
	}
	if text := BreakEvenPayText(s, i); text != "" {
		row("by pay: %s.", text)
	} else if len(s.Ranked) > 0 {
		row("by pay: no pay changes where %s stands against the leader.", name(s, i))
	}
	if s.Assessments[i].Vetoed() {
		return
	}
	row("how sure: %s.", FirstShareText(s, s.FirstShares(), i))
}

func ptr[T any](v T) *T { return &v }

func val(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func moneyDelta(cur string, d float64) string {
	switch {
	case math.Abs(d) < 0.005:
		return "what you have now"
	case d > 0:
		return MoneyGap(cur, d) + " more than now"
	}
	return MoneyGap(cur, -d) + " less than now"
}

// standing says where opportunity i stands: "rank 2 of 4", "vetoed",
// "closed".
func standing(s *model.State, i int) string {
	for _, r := range s.Ranked {
		if r.Index == i {
			text := fmt.Sprintf("rank %d of %d at urgency %s", r.Rank, len(s.Ranked), Urgency(s.Urgency.Value))
			if others := len(s.Vetoed) + len(s.Closed); others > 0 {
				// The ranking lists these too, unranked: say why the
				// count is smaller than its rows.
				text = fmt.Sprintf("rank %d of %d at urgency %s; %d not ranked", r.Rank, len(s.Ranked),
					Urgency(s.Urgency.Value), others)
			}
			return text
		}
	}
	for _, r := range s.Vetoed {
		if r.Index == i {
			return "vetoed: not ranked"
		}
	}
	return "closed: not ranked"
}

func incomeWords(s *model.State, o *model.Opportunity, r model.Relief) string {
	cur := s.Profile.Currency
	if !r.PayKnown {
		return payUnknownWords
	}
	yearly, _ := o.YearlyPay()
	pay := Money(cur, yearly) + " a year"
	switch o.Per {
	case "month":
		pay = fmt.Sprintf("%s a month = %s", Money(cur, *o.Pay), pay)
	case "hour":
		pay = fmt.Sprintf("%s an hour × %s h/week = %s", Money(cur, *o.Pay), trim(o.HoursPerWeek), pay)
	}
	return fmt.Sprintf("net %s a month vs expenses %s (pay %s, tax %s%%)", Money(cur, r.NetMonthly),
		Money(cur, val(s.Situation.MonthlyExpenses)), pay,
		strconv.FormatFloat(s.Situation.Tax(s.Profile.Params)*100, 'f', -1, 64))
}

func timelyWords(s *model.State, o *model.Opportunity, r model.Relief) string {
	if o.Stage == model.StageCurrent {
		return "the job you hold pays already"
	}
	start := "starts " + o.Starts.String()
	if r.StartAssumed {
		start = "no start date: assumed in " + trim(s.Profile.Params.StartDays) + " days"
	}
	pay := o.PaycheckDays(s.Profile.Params)
	return fmt.Sprintf("first pay in %s (%s, paid %s days later) vs runway %s", Months(r.MonthsToPay), start, trim(pay), Months(s.Urgency.RunwayMonths))
}

func lastingWords(o *model.Opportunity, pm model.Params) string {
	if o.ContractMonths <= 0 {
		return "permanent"
	}
	return fmt.Sprintf("%s-month contract (%s months count as lasting)", trim(o.ContractMonths), trim(pm.LastingMonths))
}

func coverWords(o *model.Opportunity, pm model.Params) string {
	switch {
	case !o.Insurance:
		return "no health insurance"
	case o.InsuranceWaitDays == 0:
		return "health insurance from day one"
	}
	return fmt.Sprintf("health insurance after %s days (none after %s)", trim(o.InsuranceWaitDays), trim(pm.CoverageWaitDays))
}

// summary is the plain-words story of one opportunity.
func summary(s *model.State, i int) string {
	a := &s.Assessments[i]
	var parts []string
	fit := "fits you poorly"
	switch {
	case a.Fit.Value >= 70:
		fit = "fits you well"
	case a.Fit.Value >= 45:
		fit = "fits you moderately"
	}
	parts = append(parts, fmt.Sprintf("%s %s (fit %s of 100", name(s, i), fit, Num(a.Fit.Value)))
	if a.Fit.High-a.Fit.Low >= 10 {
		parts[0] += fmt.Sprintf(", but unknowns leave it anywhere from %s to %s", Num(a.Fit.Low), Num(a.Fit.High))
	}
	parts[0] += ")"
	rel := "would do little for your need right now"
	switch {
	case s.Urgency.Value == 0:
		// With no need, relief counts for nothing in the score: do not
		// speak of relieving a need there is not.
		rel = "with no urgent need now its relief does not count"
	case a.Relief.Value >= 70:
		rel = "would relieve your need well"
	case a.Relief.Value >= 40:
		rel = "would relieve your need in part"
	}
	rs := fmt.Sprintf("and %s (relief %s", rel, Num(a.Relief.Value))
	if a.Relief.Chance < 1 {
		rs += fmt.Sprintf(", counting a %s%% chance it comes through", strconv.FormatFloat(a.Relief.Chance*100, 'f', 0, 64))
	}
	if note := PayUnknownNote(a); note != "" {
		rs += "; " + note
	}
	parts = append(parts, rs+").")
	text := strings.Join(parts, " ")
	switch {
	case a.Closed:
		text += fmt.Sprintf(" It is %s, so it is not ranked.", a.Stage)
	case a.Vetoed():
		text += " It is vetoed by a deal-breaker: " + strings.Join(Reasons(a), "; ") + "."
	default:
		for _, r := range s.Ranked {
			if r.Index != i {
				continue
			}
			if r.Rank == 1 {
				text += fmt.Sprintf(" At your urgency of %s it ranks first.", Urgency(s.Urgency.Value))
			} else {
				lead := s.Ranked[0]
				text += fmt.Sprintf(" At your urgency of %s it ranks %d of %d, %s points behind %s.", Urgency(s.Urgency.Value), r.Rank, len(s.Ranked),
					Num(lead.Score-r.Score), name(s, lead.Index))
			}
		}
		if a.AtRisk() {
			text += " It is at risk: " + strings.Join(Reasons(a), "; ") + "."
		}
	}
	return text
}

// searchDefaults adds explain's account of the search model to doc:
// every [search] setting in force, in the layout of explain's other
// defaults, how long opportunity i should last at its fit, and, for an
// offer in hand, what decide advises and what the money does.
func searchDefaults(doc *Document, s *model.State, i int) {
	d := model.DecideBrief(s)
	if s.Profile.Opportunities[i].Stage == model.StageOffer {
		d = model.Decide(s)
	}
	sec := doc.section("Search assumptions ([search], for mutual decide)")
	for _, a := range assumptions(d) {
		mark := ""
		if o := a.origin(); o != "" {
			mark = " (" + o + ")"
		}
		sec.text(2, fmt.Sprintf("%-20s %-8s%s  %s", a.Key, a.text(), mark, a.Doc), RoleText)
	}
	fit := s.Assessments[i].Fit.Value
	sec.para(2, fmt.Sprintf("At fit %s, %s %s: a poorer fit puts you back on the market sooner.", Num(fit), name(s, i),
		tenureText(d.Params.TenureMonths(fit))), RoleText)
	if o := offerAdvice(d, i); o != nil {
		sec = doc.section("Decide (mutual decide says more)")
		sec.para(2, adviceHeadline(s, d, o), RoleStrong)
		if r := adviceReason(s, d, o); r != "" {
			sec.para(4, r, RoleText)
		}
		sec.para(4, valuesLine(o, s.Profile.CurrentJob() >= 0), RoleText)
		for _, line := range moneyLines(s, o) {
			sec.para(4, line, RoleText)
		}
	}
}

// equationTerms write urgency u, fit and relief for the score's equation
// with as few decimals as make it add up as printed: the terms as written
// give the score as written. Rounded as the rest of explain writes them,
// "(1 − 0.46) × 25.0 + 0.46 × 76.6" makes 48.7, not the 48.9 an urgency of
// 0.4637 gives; the urgency takes a third decimal first, then fit and
// relief a second, and so on.
func equationTerms(a *model.Assessment, u float64) (urgency, fit, relief string) {
	want := Num(a.Score(u))
	for places := 1; places <= 6; places++ {
		ft, rt := Num(a.Fit.Value), Num(a.Relief.Value)
		if places > 1 {
			ft, rt = strconv.FormatFloat(a.Fit.Value, 'f', places, 64), strconv.FormatFloat(a.Relief.Value, 'f', places, 64)
		}
		f, _ := strconv.ParseFloat(ft, 64)
		r, _ := strconv.ParseFloat(rt, 64)
		for up := 2; up <= 6; up++ {
			ut := strconv.FormatFloat(u, 'f', up, 64)
			w, _ := strconv.ParseFloat(ut, 64)
			if Num((1-w)*f+w*r) == want {
				return ut, ft, rt
			}
		}
	}
	return strconv.FormatFloat(u, 'f', -1, 64), strconv.FormatFloat(a.Fit.Value, 'f', -1, 64), strconv.FormatFloat(a.Relief.Value, 'f', -1, 64)
}
