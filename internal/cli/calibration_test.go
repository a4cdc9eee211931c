package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mutual/internal/golden"
)

// neverStopgap is the [search] line that says stopgap work could never
// be lined up: the model as it was before issue 22.4's calibration.
var neverStopgap = "\n[search]\nstopgap_months = 120\n"

// decideWith runs decide --format json on a copy of testdata/decide/NAME.toml
// with savings replaced (when not negative) and extra appended.
func decideWith(t *testing.T, name, today string, savings float64, extra string) decideJSON {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "decide", name+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if savings >= 0 {
		src = regexp.MustCompile(`(?m)^savings = .*$`).ReplaceAll(src, []byte("savings = "+formatFloat(savings)))
	}
	path := filepath.Join(t.TempDir(), name+".toml")
	if err := os.WriteFile(path, append(src, extra...), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMutual(t, "decide", "--profile", path, "--format", "json", "--today", today)
	if code != exitOK {
		t.Fatalf("%s: exit %d, stderr:\n%s", name, code, errs)
	}
	var d decideJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func formatFloat(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// decideJSON is the part of decide's JSON these tests read.
type decideJSON struct {
	Verdict struct {
		Action string  `json:"action"`
		Name   *string `json:"name"`
	} `json:"verdict"`
	Reservation []struct {
		Fit float64 `json:"fit"`
		Any bool    `json:"any"`
	} `json:"reservation"`
	ReservationNow float64 `json:"reservation_now"`
}

func (d decideJSON) fits() []float64 {
	out := make([]float64, len(d.Reservation))
	for k, r := range d.Reservation {
		if !r.Any {
			out[k] = r.Fit
		}
	}
	return out
}

// TestCalibration holds the defaults to issue 22.4: the insured persona
// asks, from the comfortable runway (six months) up, within 5 points of
// what it asks with money that never runs short, and is not told to
// accept its fit-0 job; the nearly broke and uninsured personas keep
// accepting their sure offers; no persona's reservation falls as its
// runway grows. With stopgap work never lined up, the insured persona's
// row reads "any" at every runway and it is told to accept Bad Job: the
// stopgap is what the calibration rests on.
func TestCalibration(t *testing.T) {
	never := decideWith(t, "insured", "2026-12-07", 3000000, "").ReservationNow
	insured := decideWith(t, "insured", "2026-12-07", -1, "")
	rows := insured.fits()
	for k := 6; k <= 9; k++ {
		if rows[k] < never-5 {
			t.Errorf("insured with %d months of runway asks fit %.1f, more than 5 below %.1f with money that never runs short", k, rows[k], never)
		}
	}
	if insured.Verdict.Action == "accept" {
		t.Errorf("insured: verdict accept %v, want Bad Job declined", *insured.Verdict.Name)
	}
	if d := decideWith(t, "insured", "2026-12-07", -1, neverStopgap); d.Verdict.Action != "accept" || d.fits()[9] != 0 {
		t.Errorf("insured, no stopgap: verdict %+v, fit at nine months %.1f; want accept and any", d.Verdict, d.fits()[9])
	}
	for _, c := range []struct{ name, today, accept string }{
		{"broke", "2026-12-01", "Harbor Freight"},
		{"burned", "2026-12-07", "Call Centre"},
		{"late", "2026-12-08", "Northwind"},
		{"story", "2026-03-02", "Steady Co"},
		{"names", "2026-11-25", "[red]Acme[-] *Offer*"},
		{"twooffers", "2026-12-01", "Birch"},
	} {
		d := decideWith(t, c.name, c.today, -1, "")
		if d.Verdict.Action != "accept" || d.Verdict.Name == nil || *d.Verdict.Name != c.accept {
			t.Errorf("%s: verdict %+v, want accept %s", c.name, d.Verdict, c.accept)
		}
	}
	for _, c := range []struct{ name, today string }{
		{"insured", "2026-12-07"}, {"broke", "2026-12-01"}, {"burned", "2026-12-07"}, {"comfortable", "2026-12-01"},
		{"exploding", "2026-12-01"}, {"late", "2026-12-08"}, {"names", "2026-11-25"}, {"story", "2026-03-02"},
		{"twooffers", "2026-12-01"}, {"bonus", "2026-12-07"}, {"warehouse", "2026-12-07"},
	} {
		rows := decideWith(t, c.name, c.today, -1, "").fits()
		for k := 1; k < len(rows); k++ {
			if rows[k] < rows[k-1]-1e-6 {
				t.Errorf("%s: the reservation falls from %.2f to %.2f at %d months of runway", c.name, rows[k-1], rows[k], k)
			}
		}
	}
}

// TestDocsReservationByRunway: the tables of the reservation by months of
// runway in docs/decide.md ("Searching from a job") are what decide says
// for the comfortable persona (insured.toml, beside what it asks with
// money that never runs short) and the urgent one (burned.toml), so they
// cannot drift from the model. go test ./internal/cli -update rewrites
// them.
func TestDocsReservationByRunway(t *testing.T) {
	row := func(d decideJSON) []string {
		var out []string
		for _, r := range d.Reservation {
			if r.Any {
				out = append(out, "any")
			} else {
				out = append(out, strconv.FormatFloat(r.Fit, 'f', 1, 64))
			}
		}
		return out
	}
	// table is a row of fits by months of runway, and a last column, when
	// extra names it, holding last.
	table := func(fits []string, extra, last string) string {
		head, rule, cells := []string{"months of runway"}, "|---|", []string{"lowest fit worth accepting"}
		for k, f := range fits {
			head, rule, cells = append(head, strconv.Itoa(k)), rule+"---|", append(cells, f)
		}
		if extra != "" {
			head, rule, cells = append(head, extra), rule+"---|", append(cells, last)
		}
		return "| " + strings.Join(head, " | ") + " |\n" + rule + "\n| " + strings.Join(cells, " | ") + " |\n"
	}
	never := strconv.FormatFloat(decideWith(t, "insured", "2026-12-07", 3000000, "").ReservationNow, 'f', 1, 64)
	comfortable := table(row(decideWith(t, "insured", "2026-12-07", -1, "")), "money never short", never)
	urgent := table(row(decideWith(t, "burned", "2026-12-07", -1, "")), "", "")
	checkDocRegion(t, "docs/decide.md", "reservation-comfortable", comfortable)
	checkDocRegion(t, "docs/decide.md", "reservation-urgent", urgent)
}

// checkDocRegion compares the text between <!-- measured: name --> and
// <!-- end measured --> in the file (from the module's root) with want,
// or rewrites it under -update.
func checkDocRegion(t *testing.T, file, name, want string) {
	t.Helper()
	path := filepath.Join("..", "..", file)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	open, end := "<!-- measured: "+name+" -->\n", "<!-- end measured -->\n"
	i := strings.Index(string(src), open)
	if i < 0 {
		t.Fatalf("%s has no %q", file, strings.TrimSpace(open))
	}
	j := strings.Index(string(src)[i:], end)
	if j < 0 {
		t.Fatalf("%s: %q has no %q", file, strings.TrimSpace(open), strings.TrimSpace(end))
	}
	from, to := i+len(open), i+j
	if got := string(src[from:to]); got != want {
		if golden.Updating() {
			out := string(src[:from]) + want + string(src[to:])
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s, %s, says:\n%s\nthe model says:\n%s\n(run go test ./internal/cli -update)", file, name, got, want)
	}
}
