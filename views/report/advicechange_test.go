package report

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"mutual/model"
)

// TestScorePartsAddUpAsPrinted: the details' equation adds up as printed,
// and its total is the ranking's score, at any fit, relief and urgency.
func TestScorePartsAddUpAsPrinted(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 1))
	tenths := func(s string) int64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return int64(v*10 + 0.5)
	}
	for range 20000 {
		a := &model.Assessment{Fit: model.Fit{Value: r.Float64() * 100}, Relief: model.Relief{Value: r.Float64() * 100}}
		u := r.Float64()
		total, fit, relief := ScoreParts(a, u)
		if total != Num(a.Score(u)) {
			t.Fatalf("total %s, the ranking shows %s", total, Num(a.Score(u)))
		}
		if tenths(fit)+tenths(relief) != tenths(total) {
			t.Fatalf("fit %v relief %v u %v: %s + %s ≠ %s", a.Fit.Value, a.Relief.Value, u, fit, relief, total)
		}
	}
}

// TestExplainEquationAddsUpAsPrinted: explain's score equation, with the
// urgency, fit and relief as it writes them, gives the score it writes
// (issue 23.3: "(1 − 0.46) × 25.0 + 0.46 × 76.6 = 48.9" made 48.7).
func TestExplainEquationAddsUpAsPrinted(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 3))
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for range 20000 {
		a := &model.Assessment{Fit: model.Fit{Value: r.Float64() * 100}, Relief: model.Relief{Value: r.Float64() * 100}}
		u := r.Float64()
		ut, ft, rt := equationTerms(a, u)
		w := num(ut)
		if got := Num((1-w)*num(ft) + w*num(rt)); got != Num(a.Score(u)) {
			t.Fatalf("fit %v relief %v u %v: (1 − %s) × %s + %s × %s gives %s, the score is %s", a.Fit.Value, a.Relief.Value, u, ut, ft, ut, rt, got, Num(a.Score(u)))
		}
	}
	if ut, ft, rt := equationTerms(&model.Assessment{Fit: model.Fit{Value: 40}, Relief: model.Relief{Value: 80}}, 0.5); ut+" "+ft+" "+rt != "0.50 40.0 80.0" {
		t.Errorf("terms that add up as explain writes them elsewhere are written %s %s %s, want 0.50 40.0 80.0", ut, ft, rt)
	}
}

// TestStartMoves: an extension past the start asks for the start to move
// too; one that ends before the start, or an offer with no start, does
// not.
func TestStartMoves(t *testing.T) {
	d := model.NewDate
	tests := []struct {
		name       string
		starts, to model.Date
		want       string
	}{
		{"past the start", d(2026, 12, 14), d(2026, 12, 23), " and to start on 2026-12-23"},
		{"on the start", d(2026, 12, 23), d(2026, 12, 23), " and to start on 2026-12-23"},
		{"before the start", d(2027, 1, 4), d(2026, 12, 23), ""},
		{"no start", model.Date{}, d(2026, 12, 23), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &model.State{Profile: &model.Profile{Opportunities: []model.Opportunity{{Name: "Quarry", Starts: tt.starts,
				RespondBy: d(2026, 11, 30)}}}}
			if got := startMoves(s, 0, tt.to); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFitVerdictKeepsThePayDate: at 80 columns an advice to accept a long
// name whose pay is not given still says when it pays, in fewer words.
func TestFitVerdictKeepsThePayDate(t *testing.T) {
	parts := []string{"Accept Soylent Partners by 2026-12-04; it pays from 2026-12-30" + payNotGiven, "let Acme Logistics go"}
	for room := 72; room <= 140; room++ {
		got := FitVerdict(parts, room)
		if Width(got) > room || !strings.Contains(got, "2026-12-30") || !strings.Contains(got, "ask") {
			t.Errorf("room %d: %q", room, got)
		}
	}
	if got := FitVerdict(parts, 72); got != "Accept Soylent Partners by 2026-12-04; pays 2026-12-30 (ask its pay)" {
		t.Errorf("at 72: %q", got)
	}
}

// TestFitVerdictKeepsTheShortfall: where the money runs short before the
// first pay, a narrow Advice line says the pay date and the shortfall in
// fewer words rather than drop the shortfall (a reader of the urgent
// profile at 80 columns saw five days of money and a pay date weeks away,
// and nothing said the gap).
func TestFitVerdictKeepsTheShortfall(t *testing.T) {
	parts := []string{"Accept Quarry Logistics by 2026-11-30; it pays from 2026-12-21", "$1,650 short until then", "let Globex go"}
	for _, c := range []struct {
		room int
		want string
	}{
		{120, "Accept Quarry Logistics by 2026-11-30; it pays from 2026-12-21; $1,650 short until then; let Globex go"},
		{90, "Accept Quarry Logistics by 2026-11-30; it pays from 2026-12-21; $1,650 short until then"},
		{72, "Accept Quarry Logistics by 2026-11-30; pays 2026-12-21; $1,650 short"},
		{64, "Accept Quarry Logistics by 2026-11-30; it pays from 2026-12-21"},
	} {
		if got := FitVerdict(parts, c.room); got != c.want {
			t.Errorf("room %d: %q, want %q", c.room, got, c.want)
		}
	}
}
