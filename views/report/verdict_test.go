package report

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"mutual/model"
)

// acceptedJob is a job accepted that starts in six weeks, beside a final
// round that decides in the given days. When the final round decides
// before the job starts, the verdict waits for it; nearly broke, with the
// final round deciding after the start, it keeps the job.
func acceptedJob(savings float64, decides int) (*model.State, *model.Decision, error) {
	today := model.NewDate(2026, 12, 1)
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
		Situation: model.Situation{Savings: model.Float(savings), MonthlyExpenses: model.Float(2600),
			MonthlyIncome: model.Float(500), Insured: model.Bool(false)},
		Priorities: []model.Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 2}},
		Opportunities: []model.Opportunity{
			{Name: "Example process", Stage: model.StageAccepted, Pay: model.Float(40000), Starts: today.AddDays(42),
				FirstPaycheckDays: model.Float(14), Insurance: true, Ratings: map[string]model.Rating{"craft": {Low: 3, High: 3}, "team": {Low: 4, High: 4}}},
			{Name: "Initech", Stage: model.StageFinal, Chance: model.Float(0.6), Pay: model.Float(70000), Insurance: true,
				DecisionExpected: today.AddDays(decides), Ratings: map[string]model.Rating{"craft": {Low: 5, High: 5}, "team": {Low: 5, High: 5}}},
		},
	}
	s, err := model.Evaluate(p, model.Request{Today: today})
	if err != nil {
		return nil, nil, err
	}
	return s, model.Decide(s), nil
}

// TestVerdictPartsKeepAnAcceptedJob: the dashboard's Advice line says of
// a job already accepted what 'mutual decide' says, "keep the job", never
// "hold the offer" or "accept" it.
func TestVerdictPartsKeepAnAcceptedJob(t *testing.T) {
	for _, tt := range []struct {
		savings float64
		decides int
		action  model.Action
		want    string
	}{
		{12000, 10, model.ActionWait, "Keep the job at Example process while Initech decides (2026-12-11)"},
		{200, 90, model.ActionAccept, "Keep the job at Example process"},
	} {
		s, d, err := acceptedJob(tt.savings, tt.decides)
		if err != nil {
			t.Fatal(err)
		}
		if d.Verdict.Action != tt.action {
			t.Fatalf("savings %.0f: the verdict is %v, want %v", tt.savings, d.Verdict.Action, tt.action)
		}
		parts := VerdictParts(s, d)
		if len(parts) == 0 || parts[0] != tt.want {
			t.Errorf("savings %.0f: the Advice line says %q, want %q first", tt.savings, parts, tt.want)
		}
		all := strings.Join(parts, "; ")
		if strings.Contains(all, "Hold the offer") || strings.Contains(all, "Accept ") {
			t.Errorf("savings %.0f: %q speaks of an offer still to answer", tt.savings, all)
		}
		if sentence := verdictSentence(s, d); !strings.HasPrefix(sentence, "Keep the job you accepted at Example process") {
			t.Errorf("savings %.0f: decide says %q", tt.savings, sentence)
		}
	}
}

// TestVerdictPartsSayAPayNotGiven: advice to accept an offer whose pay is
// not given says so in its first part, the one every width of the header
// keeps, and an offer that gives its pay says nothing of the kind.
func TestVerdictPartsSayAPayNotGiven(t *testing.T) {
	today := model.NewDate(2026, 12, 1)
	for _, pay := range []*float64{nil, model.Float(60000)} {
		p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
			Situation:  model.Situation{Savings: model.Float(2000), MonthlyExpenses: model.Float(2600), Insured: model.Bool(false)},
			Priorities: []model.Priority{{ID: "craft", Weight: 3}},
			Opportunities: []model.Opportunity{
				{Name: "Cyberdyne", Stage: model.StageOffer, Pay: pay, RespondBy: today.AddDays(5), Insurance: true,
					Ratings: map[string]model.Rating{"craft": {Low: 4, High: 4}}},
				{Name: "Other", Stage: model.StageApplied, Pay: model.Float(50000), Ratings: map[string]model.Rating{"craft": {Low: 2, High: 2}}},
			},
		}
		s, err := model.Evaluate(p, model.Request{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		d := model.Decide(s)
		if d.Verdict.Action != model.ActionAccept {
			t.Fatalf("pay %v: the verdict is %v, the test wants an accept", pay, d.Verdict.Action)
		}
		parts := VerdictParts(s, d)
		says := strings.Contains(parts[0], "pay not given: ask it first")
		if says != (pay == nil) {
			t.Errorf("pay %v: the first part is %q", pay, parts[0])
		}
	}
}

// TestUnsure: "every rating is known" is said only of an opportunity
// with no unknown and no ranged rating.
func TestUnsure(t *testing.T) {
	today := model.NewDate(2026, 12, 1)
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
		Situation:  model.Situation{Urgency: model.Float(0.5)},
		Priorities: []model.Priority{{ID: "craft", Weight: 3}, {ID: "team", Weight: 1}},
		Opportunities: []model.Opportunity{
			{Name: "Known", Stage: model.StageOffer, Ratings: map[string]model.Rating{"craft": {Low: 4, High: 4}, "team": {Low: 2, High: 2}}},
			{Name: "Ranged", Stage: model.StageOffer, Ratings: map[string]model.Rating{"craft": {Low: 4, High: 4}, "team": {Low: 2, High: 4}}},
			{Name: "Unknown", Stage: model.StageOffer, Ratings: map[string]model.Rating{"craft": {Low: 4, High: 4}}},
		},
	}
	s, err := model.Evaluate(p, model.Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true, true} {
		if got := unsure(&s.Assessments[i]); got != want {
			t.Errorf("%s: unsure %v, want %v", s.Assessments[i].Name, got, want)
		}
	}
}

// TestOfferNamesCountTheMany: the Advice line names a few offers each,
// and of many the first two and how many more, in a line that stays short
// however many there are; the verdict's sentence names them all.
func TestOfferNamesCountTheMany(t *testing.T) {
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
		Priorities: []model.Priority{{ID: "craft", Weight: 1}}}
	for _, n := range []string{"Acme", "Globex", "Initech", "Hooli", "Umbrella"} {
		p.Opportunities = append(p.Opportunities, model.Opportunity{Name: n, Stage: model.StageOffer, Ratings: map[string]model.Rating{}})
	}
	s, err := model.Evaluate(p, model.Request{Today: model.NewDate(2026, 12, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		idx        []int
		few, every string
	}{
		{nil, "", ""},
		{[]int{1}, "the offer from Globex", "the offer from Globex"},
		{[]int{0, 2, 4}, "the offer from Acme, the offer from Initech and the offer from Umbrella",
			"the offer from Acme, the offer from Initech and the offer from Umbrella"},
		{[]int{3, 0, 1, 2}, "the offers from Hooli, Acme and 2 more",
			"the offer from Hooli, the offer from Acme, the offer from Globex and the offer from Initech"},
		{[]int{0, 1, 2, 3, 4}, "the offers from Acme, Globex and 3 more",
			"the offer from Acme, the offer from Globex, the offer from Initech, the offer from Hooli and the offer from Umbrella"},
	} {
		if got := fewOfferNames(s, tt.idx); got != tt.few {
			t.Errorf("fewOfferNames(%v) = %q, want %q", tt.idx, got, tt.few)
		}
		if got := offerNames(s, tt.idx); got != tt.every {
			t.Errorf("offerNames(%v) = %q, want %q", tt.idx, got, tt.every)
		}
	}
}

// TestHoldWithNoProcessToWaitFor: when holding the only offer pays with no
// process to wait for (the search goes on until its deadline), every
// writer says so and none reads a process at index -1 (the audit's crash,
// issue 24.5).
func TestHoldWithNoProcessToWaitFor(t *testing.T) {
	today := model.NewDate(2026, 11, 25)
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
		Situation:  model.Situation{Savings: model.Float(25000), MonthlyExpenses: model.Float(3000)},
		Priorities: []model.Priority{{ID: "fit", Weight: 1}},
		Opportunities: []model.Opportunity{{Name: "Offer", Stage: model.StageOffer, Pay: model.Float(70000),
			RespondBy: model.NewDate(2026, 12, 29), Ratings: map[string]model.Rating{"fit": {Low: 1, High: 1}}}},
	}
	// The market learnt from the offer alone (no prior market): searching
	// finds jobs like it, and holding it while searching is worth more
	// than accepting today.
	p.Search.MarketPrior = 0
	s, err := model.Evaluate(p, model.Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	d := model.Decide(s)
	if v := d.Verdict; v.Action != model.ActionWait || v.WaitingFor >= 0 || v.Offer != 0 {
		t.Fatalf("the verdict is %+v, want to hold Offer with no process to wait for", v)
	}
	want := "Hold the offer from Offer and search on until its deadline, 2026-12-29; if nothing better comes by then, accept it."
	if got := verdictSentence(s, d); !strings.HasPrefix(got, want) {
		t.Errorf("decide says %q, want it to begin %q", got, want)
	}
	if got := VerdictParts(s, d); len(got) == 0 || got[0] != "Hold the offer from Offer and search on until its deadline (2026-12-29)" {
		t.Errorf("the Advice line says %q", got)
	}
	if got := adviceHeadline(s, d, &d.Offers[0]); !strings.HasSuffix(got, "WAIT: hold it and search on until its deadline") {
		t.Errorf("the offer's advice says %q", got)
	}
	writeEveryWord(t, s)
}

// TestVerdictShortIsThePathsShort: how short the money falls before the
// first paycheck is one number, whether the verdict's sentence says it or
// the money paths do (issue 24.11: the sentence once counted whole days
// and said $28,057 where the paths said $27,913).
func TestVerdictShortIsThePathsShort(t *testing.T) {
	short := regexp.MustCompile(`(\S+) short by then`)
	r := rand.New(rand.NewPCG(24, 11))
	said := 0
	for trial := range 300 {
		in := make([]byte, 48)
		for k := range in {
			in[k] = byte(r.IntN(256))
		}
		if trial == 0 {
			in = []byte{4, 3, 0, 0, 0, 0, 0, 0, 1, 1, 4, 4, 0, 74, 0, 0, 0, 0, 1} // the audit's profile of 24.5
		}
		p, req := fuzzProfile(in)
		s, err := model.Evaluate(p, req)
		if err != nil {
			continue
		}
		d := model.Decide(s)
		if d.Verdict.Action == model.ActionAccept {
			continue // the sentence says the offer's own money
		}
		var paths strings.Builder
		doc := &Document{}
		pathLines(s, d, doc.section(""))
		if err := doc.Write(&paths); err != nil {
			t.Fatal(err)
		}
		sentence := verdictSentence(s, d)
		for _, m := range short.FindAllStringSubmatch(sentence, -1) {
			said++
			if !strings.Contains(strings.Join(strings.Fields(paths.String()), " "), "is "+m[1]+" short by then") {
				t.Errorf("trial %d: the verdict says %s short, the paths say:\n%s", trial, m[1], paths.String())
			}
		}
	}
	if said < 20 {
		t.Fatalf("only %d sentences said how short: the test compares too little", said)
	}
}

// TestFarRunwayWords: savings that last for ever in all but name are
// "more than 100 years", never a day counted millions of years out
// (issue 24.10: savings of 1e12 lasted "until 27780375-01-28").
func TestFarRunwayWords(t *testing.T) {
	today := model.NewDate(2026, 11, 25)
	p := &model.Profile{Version: 1, Scale: 5, Params: model.DefaultParams(), Search: model.DefaultSearchParams(),
		Situation:  model.Situation{Savings: model.Float(1e12), MonthlyExpenses: model.Float(3000)},
		Priorities: []model.Priority{{ID: "fit", Weight: 1}},
		Opportunities: []model.Opportunity{
			{Name: "Offer", Stage: model.StageOffer, Pay: model.Float(70000), RespondBy: model.NewDate(2026, 12, 29),
				Ratings: map[string]model.Rating{"fit": {Low: 2, High: 2}}},
			{Name: "Later", Stage: model.StageFinal, Chance: model.Float(0.5), Pay: model.Float(90000),
				DecisionExpected: model.NewDate(2027, 1, 20), Ratings: map[string]model.Rating{"fit": {Low: 5, High: 5}}},
		},
	}
	s, err := model.Evaluate(p, model.Request{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	d := model.Decide(s)
	far := regexp.MustCompile(`\b(2[3-9]|[3-9]\d|\d{3,})\d\d-\d\d-\d\d\b`) // a date past 2299
	var doc strings.Builder
	if err := WriteDecide(&doc, s, d, Info{Profile: "far.toml", Today: today}, "table"); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{verdictSentence(s, d), strings.Join(VerdictParts(s, d), "; "), UrgencySummary(s), doc.String()} {
		if m := far.FindString(text); m != "" {
			t.Errorf("a date %s centuries away in %q", m, text)
		}
	}
	if got := verdictSentence(s, d); !strings.Contains(got, "The money lasts more than 100 years") {
		t.Errorf("decide says %q", got)
	}
	if got := UrgencySummary(s); !strings.Contains(got, "runway more than 100 years") {
		t.Errorf("the urgency says %q", got)
	}
	for _, c := range []struct {
		months float64
		want   string
	}{{1199, "1199.0 months"}, {1201, "more than 100 years"}, {3.3e8, "more than 100 years"}} {
		if got := Months(c.months); got != c.want {
			t.Errorf("Months(%v) = %q, want %q", c.months, got, c.want)
		}
	}
}

// TestChanceRoundsTheSafeWay: a break-even chance is rounded so that the
// sentence around it stays true: up where any chance above it must win
// ("while its chance is above …"), down where it names a bound that is
// needed ("only with a chance above …", "below …").
func TestChanceRoundsTheSafeWay(t *testing.T) {
	for _, tc := range []struct {
		c           float64
		floor, ceil string
	}{
		{0.1662, "0.16", "0.17"},
		{0.75, "0.75", "0.75"},
		{0.7501, "0.75", "0.76"},
		{0.996, "0.99", "0.996"},
		{0.9999, "0.99", "0.9999"},
		{0.004, "0.00", "0.01"},
		{1, "1.00", "1.00"},
		{0.07, "0.07", "0.07"}, // 0.07·100 is 7.000000000000001 in floating point
		{0.29, "0.29", "0.29"}, // and 0.29·100 is 28.999999999999996
	} {
		if got, _ := chancePair(tc.c, 0.5, false); got != tc.floor {
			t.Errorf("chancePair(%v) down = %s, want %s", tc.c, got, tc.floor)
		}
		if got, _ := chancePair(tc.c, 0.5, true); got != tc.ceil {
			t.Errorf("chancePair(%v) up = %s, want %s", tc.c, got, tc.ceil)
		}
	}
	// Beside a chance now that rounds alike, both take more places.
	for _, tc := range []struct {
		be, now float64
		up      bool
		b, c    string
	}{
		{0.9251, 0.93, true, "0.926", "0.930"},
		{0.9349, 0.93, false, "0.934", "0.930"},
		{0.166, 0.17, true, "0.166", "0.170"},
		{0.1662, 0.2, true, "0.17", "0.20"},
	} {
		if b, c := chancePair(tc.be, tc.now, tc.up); b != tc.b || c != tc.c {
			t.Errorf("chancePair(%v, %v, %v) = %s, %s; want %s, %s", tc.be, tc.now, tc.up, b, c, tc.b, tc.c)
		}
	}
}
