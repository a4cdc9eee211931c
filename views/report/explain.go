package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"mutual/model"
)

// WriteExplain writes every term of opportunity i's score, in numbers and
// in words, with every default in force, so any number the other views
// show can be reproduced by hand.
func WriteExplain(w io.Writer, s *model.State, i int, info ReportInfo) error {
	var b strings.Builder
	a := &s.Assessments[i]
	p := s.Profile
	cur := p.Currency
	u := s.Urgency

	fmt.Fprintf(&b, "%s\n", Name(s, i))
	fmt.Fprintf(&b, "%s · stage %s · %s\n", Clean(info.Profile), a.Stage, Standing(s, i))
	fmt.Fprintf(&b, "today %s · %s\n", info.Today, UrgencyLine(s))

	// Words first: the whole story in three sentences.
	b.WriteString("\nIn words\n")
	for _, line := range wrapAll(Summary(s, i), 76) {
		b.WriteString("  " + line + "\n")
	}

	section(&b, "Score", Num(a.Score(u.Value)))
	fmt.Fprintf(&b, "  score = (1 − urgency) × fit + urgency × relief\n")
	fmt.Fprintf(&b, "        = (1 − %s) × %s + %s × %s = %s\n", U(u.Value), Num(a.Fit.Value), U(u.Value), Num(a.Relief.Value), Num(a.Score(u.Value)))

	section(&b, "Urgency", U(u.Value)+" ("+UrgencySource(s)+")")
	sit := s.Situation
	if u.RunwayUnbounded() {
		fmt.Fprintf(&b, "  runway    unbounded: income %s covers expenses %s a month\n", Money(cur, val(sit.MonthlyIncome)), Money(cur, val(sit.MonthlyExpenses)))
	} else {
		fmt.Fprintf(&b, "  burn      %s a month = expenses %s − income %s\n", Money(cur, u.Burn), Money(cur, val(sit.MonthlyExpenses)), Money(cur, val(sit.MonthlyIncome)))
		fmt.Fprintf(&b, "  runway    %s = savings %s / burn %s\n", Months(u.RunwayMonths), Money(cur, val(sit.Savings)), Money(cur, u.Burn))
	}
	fmt.Fprintf(&b, "  cash      %s = clamp01(1 − runway / %s comfortable)\n", U(u.Cash), Months(u.Comfortable))
	if u.Cover > 0 {
		fmt.Fprintf(&b, "  coverage  %s (not insured: coverage_urgency)\n", U(u.Cover))
	} else {
		fmt.Fprintf(&b, "  coverage  0.00 (insured)\n")
	}
	fmt.Fprintf(&b, "  derived   %s = 1 − (1 − cash)(1 − coverage)\n", U(u.Derived))
	if !u.IsDerived() {
		fmt.Fprintf(&b, "  in force  %s, %s\n", U(u.Value), UrgencySource(s))
	}

	section(&b, "Fit", FitText(a.Fit))
	fmt.Fprintf(&b, "  fit = Σ share × (rating − 1) / (scale − 1) × 100; scale 1..%d; unknowns count as the whole scale\n", p.Scale)
	labelW := Width("priority")
	for _, t := range a.Fit.Terms {
		labelW = max(labelW, min(34, Width(Clean(t.Label))))
	}
	fmt.Fprintf(&b, "  %s  %6s  %6s  %-7s  %-7s  %s\n", Pad("priority", labelW), "weight", "share", "rating", "from", "points")
	for k, t := range a.Fit.Terms {
		pts := Num(t.Points)
		if t.Low != t.High {
			pts += fmt.Sprintf(" (%s–%s)", Num(t.Share*t.Low*100), Num(t.Share*t.High*100))
		}
		from := string(t.From)
		if t.From == model.FromUnknown {
			from = "unknown"
		}
		fmt.Fprintf(&b, "  %s  %6s  %5.1f%%  %-7s  %-7s  %s\n", Pad(Clean(t.Label), labelW), trim(p.Priorities[k].Weight), t.Share*100,
			t.Rating.String(), from, pts)
	}
	for _, line := range DealBreakers(s, i) {
		fmt.Fprintf(&b, "  deal-breaker: %s\n", line)
	}
	for _, f := range a.Flags {
		if !f.Veto && f.Ask != "" {
			fmt.Fprintf(&b, "  ask about %s: %s\n", Clean(f.Label), Clean(f.Ask))
		}
	}

	r := a.Relief
	section(&b, "Relief", Num(r.Value))
	chanceFrom := "given"
	if r.ChanceDefault {
		chanceFrom = "default for stage " + string(a.Stage)
	}
	fmt.Fprintf(&b, "  relief = chance %s (%s) × weighted mean %s × 100\n", ChanceText(r.Chance), chanceFrom, strconv.FormatFloat(r.Mean, 'f', 3, 64))
	for _, t := range ReliefTerms(s, i) {
		if !t.Counted {
			fmt.Fprintf(&b, "  %-10s  —     (%s)\n", t.Name, t.Words)
			continue
		}
		fmt.Fprintf(&b, "  %-10s  %s  weight %4s  %s\n", t.Name, U(t.Value), Percent(t.Share), t.Words)
	}

	section(&b, "Where the answer changes", "")
	crossings := Crossings(s, i)
	if len(crossings) == 0 {
		fmt.Fprintf(&b, "  %s crosses no other open opportunity between urgency 0 and 1.\n", Name(s, i))
	}
	for _, c := range crossings {
		fmt.Fprintf(&b, "  %s\n", c.Urgency)
		for _, m := range c.Money {
			fmt.Fprintf(&b, "    in money: %s\n", m)
		}
	}
	if len(s.LeaderChanges) > 0 {
		b.WriteString("  leader changes over urgency 0..1:")
		for _, c := range s.LeaderChanges {
			fmt.Fprintf(&b, " %s → %s at %s;", Name(s, c.From), Name(s, c.To), U(c.Urgency))
		}
		b.WriteString("\n")
	}
	for _, line := range LeaderSentences(s) {
		for _, l := range wrapAll(line, 76) {
			b.WriteString("  " + l + "\n")
		}
	}
	if !s.MoneyTranslatable() {
		if !u.IsDerived() {
			b.WriteString("  (urgency is " + UrgencySource(s) + ", so savings do not move it: no money translation)\n")
		} else {
			b.WriteString("  (nothing burns the savings, so more money does not change urgency)\n")
		}
	}

	section(&b, "Defaults in force", "")
	for _, pi := range model.ParamTable() {
		v := *pi.Field(&p.Params)
		mark := ""
		if v != *pi.Field(ptr(model.DefaultParams())) {
			mark = " (profile)"
		}
		fmt.Fprintf(&b, "  %-20s %-8s%s  %s\n", pi.Key, trim(v), mark, pi.Doc)
	}
	if sit.ComfortableRunway != nil {
		fmt.Fprintf(&b, "  situation sets comfortable_runway = %s\n", trim(*sit.ComfortableRunway))
	}
	if sit.TaxRate != nil {
		fmt.Fprintf(&b, "  situation sets tax_rate = %s\n", trim(*sit.TaxRate))
	}
	writeSearchDefaults(&b, s, i)
	_, err := io.WriteString(w, b.String())
	return err
}

func ptr[T any](v T) *T { return &v }

func val(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func section(b *strings.Builder, title, value string) {
	b.WriteString("\n" + title)
	if value != "" {
		b.WriteString(" " + value)
	}
	b.WriteString("\n")
}

func moneyDelta(cur string, d float64) string {
	switch {
	case math.Abs(d) < 0.5:
		return "what you have now"
	case d > 0:
		return Money(cur, d) + " more than now"
	}
	return Money(cur, -d) + " less than now"
}

// Standing says where opportunity i stands: "rank 2 of 4", "vetoed",
// "closed".
func Standing(s *model.State, i int) string {
	for _, r := range s.Ranked {
		if r.Index == i {
			return fmt.Sprintf("rank %d of %d at urgency %s", r.Rank, len(s.Ranked), U(s.Urgency.Value))
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
		return "pay not given: counts as no income"
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
	start := "starts " + o.Starts.String()
	if r.StartAssumed {
		start = "no start date: assumed in " + trim(s.Profile.Params.StartDays) + " days"
	}
	pay := s.Profile.Params.FirstPaycheckDays
	if o.FirstPaycheckDays != nil {
		pay = *o.FirstPaycheckDays
	}
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

// Summary is the plain-words story of one opportunity.
func Summary(s *model.State, i int) string {
	a := &s.Assessments[i]
	var parts []string
	fit := "fits you poorly"
	switch {
	case a.Fit.Value >= 70:
		fit = "fits you well"
	case a.Fit.Value >= 45:
		fit = "fits you moderately"
	}
	parts = append(parts, fmt.Sprintf("%s %s (fit %s of 100", Name(s, i), fit, Num(a.Fit.Value)))
	if a.Fit.High-a.Fit.Low >= 10 {
		parts[0] += fmt.Sprintf(", but unknowns leave it anywhere from %s to %s", Num(a.Fit.Low), Num(a.Fit.High))
	}
	parts[0] += ")"
	rel := "would do little for your need right now"
	switch {
	case a.Relief.Value >= 70:
		rel = "would relieve your need well"
	case a.Relief.Value >= 40:
		rel = "would relieve your need in part"
	}
	rs := fmt.Sprintf("and %s (relief %s", rel, Num(a.Relief.Value))
	if a.Relief.Chance < 1 {
		rs += fmt.Sprintf(", counting a %s%% chance it comes through", strconv.FormatFloat(a.Relief.Chance*100, 'f', 0, 64))
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
				text += fmt.Sprintf(" At your urgency of %s it ranks first.", U(s.Urgency.Value))
			} else {
				lead := s.Ranked[0]
				text += fmt.Sprintf(" At your urgency of %s it ranks %d of %d, %s points behind %s.", U(s.Urgency.Value), r.Rank, len(s.Ranked),
					Num(lead.Score-r.Score), Name(s, lead.Index))
			}
		}
		if a.AtRisk() {
			text += " It is at risk: " + strings.Join(Reasons(a), "; ") + "."
		}
	}
	return text
}

// wrapAll wraps text to width cells, breaking at spaces.
func wrapAll(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && Width(line)+1+Width(word) > width {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
