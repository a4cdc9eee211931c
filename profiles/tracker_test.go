package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mutual/model"
)

func TestParsePay(t *testing.T) {
	tests := []struct {
		text   string
		amount float64
		per    string
		ranged bool
		err    string
	}{
		{text: "$85,000", amount: 85000},
		{text: "85k", amount: 85000},
		{text: "85K", amount: 85000},
		{text: "85000", amount: 85000},
		{text: "85.5k", amount: 85500},
		{text: "1.2m", amount: 1.2e6},
		{text: "US$ 85,000.50", amount: 85000.5},
		{text: "85,000 USD", amount: 85000},
		{text: "€3,500 per month", amount: 3500, per: "month"},
		{text: "£4k/mo", amount: 4000, per: "month"},
		{text: "$40/hr", amount: 40, per: "hour"},
		{text: "38.50 an hour", amount: 38.5, per: "hour"},
		{text: "25 hourly", amount: 25, per: "hour"},
		{text: "85k/yr", amount: 85000, per: "year"},
		{text: "85k a year", amount: 85000, per: "year"},
		{text: "$80,000 - $95,000", amount: 80000, ranged: true},
		{text: "80-95k", amount: 80000, ranged: true},
		{text: "80k–95k", amount: 80000, ranged: true},
		{text: "$80k to $95k", amount: 80000, ranged: true},
		{text: "$30-35/hr", amount: 30, per: "hour", ranged: true},
		{text: "competitive", err: "is not an amount"},
		{text: "DOE", err: "is not an amount"},
		{text: "45.000", err: "could be 45 or 45,000"},
		{text: "45.000,00", err: "is not an amount"},
		{text: "95k-80k", err: "higher end first"},
		{text: "-5", err: "is not an amount"},
		{text: "1-2-3", err: "is not an amount"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			p, err := parsePay(tt.text)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("parsePay(%q) = %+v, %v; want an error with %q", tt.text, p, err, tt.err)
				}
				return
			}
			if err != nil || p.amount != tt.amount || p.per != tt.per || p.ranged != tt.ranged {
				t.Errorf("parsePay(%q) = %+v, %v; want %v per %q ranged %v", tt.text, p, err, tt.amount, tt.per, tt.ranged)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		text  string
		order dateOrder
		want  string
		err   string
	}{
		{text: "2026-12-01", want: "2026-12-01"},
		{text: "2026/12/1", want: "2026-12-01"},
		{text: "2026-10-03T14:00:00Z", want: "2026-10-03"},
		{text: "2026-10-03 14:00", want: "2026-10-03"},
		{text: "12/25/2026", want: "2026-12-25"},
		{text: "25/12/2026", want: "2026-12-25"},
		{text: "25.12.2026", want: "2026-12-25"},
		{text: "12/1/26", order: orderMonthFirst, want: "2026-12-01"},
		{text: "03/04/2026", order: orderMonthFirst, want: "2026-03-04"},
		{text: "03/04/2026", order: orderDayFirst, want: "2026-04-03"},
		{text: "03/04/2026", err: "no date in the file says which"},
		{text: "03/04/2026", order: orderMixed, err: "written both ways"},
		{text: "Dec 1, 2026", want: "2026-12-01"},
		{text: "December 1st 2026", want: "2026-12-01"},
		{text: "1 Dec 2026", want: "2026-12-01"},
		{text: "1-Dec-2026", want: "2026-12-01"},
		{text: "2026-02-30", err: "not a day of the calendar"},
		{text: "13/13/2026", err: "is not a date"},
		{text: "next week", err: "is not a date"},
		{text: "Dec 2026", err: "a day, a month and a year"},
		{text: "9999-12-31", err: "outside the years 1900 to 2200"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := parseDate(tt.text, tt.order)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("parseDate(%q) = %v, %v; want an error with %q", tt.text, d, err, tt.err)
				}
				return
			}
			if err != nil || d.String() != tt.want {
				t.Errorf("parseDate(%q) = %v, %v; want %s", tt.text, d, err, tt.want)
			}
		})
	}
}

func TestColumnDateOrder(t *testing.T) {
	for _, tt := range []struct {
		cells []string
		want  dateOrder
	}{
		{[]string{"03/04/2026", "10/25/2026"}, orderMonthFirst},
		{[]string{"03/04/2026", "25/10/2026", ""}, orderDayFirst},
		{[]string{"03/04/2026", "25/10/2026", "10/25/2026"}, orderMixed},
		{[]string{"03/04/2026", "2026-10-25"}, orderUnknown},
	} {
		if got := columnDateOrder(tt.cells); got != tt.want {
			t.Errorf("columnDateOrder(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}

func TestTrackerStatuses(t *testing.T) {
	for status, want := range map[string]model.Stage{
		"Wishlist": model.StageLead, "Bookmarked": model.StageLead, "Applied": model.StageApplied,
		"Interviewing": model.StageInterviewing, "Phone Screen": model.StageInterviewing, "On-site": model.StageInterviewing,
		"Final Round": model.StageFinal, "Offer": model.StageOffer, "Negotiating": model.StageOffer,
		"Accepted": model.StageAccepted, "Rejected": model.StageRejected, "Not Selected": model.StageRejected,
		"Withdrawn": model.StageWithdrawn, "I Withdrew": model.StageWithdrawn, "Declined": model.StageDeclined,
		" OFFER ": model.StageOffer,
	} {
		if got, ok := builtInStage(status); !ok || got != want {
			t.Errorf("builtInStage(%q) = %q, %v; want %q", status, got, ok, want)
		}
	}
	for _, status := range []string{"", "Ghosted", "No Response", "maybe"} {
		if got, ok := builtInStage(status); ok {
			t.Errorf("builtInStage(%q) = %q; a status mutual does not know should not be guessed", status, got)
		}
	}
	// Every stage is a status of its own, and no status means two stages.
	seen := map[string]model.Stage{}
	for _, s := range model.Stages() {
		if got, ok := builtInStage(string(s)); !ok || got != s {
			t.Errorf("the stage %q is not read as itself", s)
		}
	}
	for stage, words := range trackerStatuses {
		for _, w := range words {
			if w != FoldTrackerName(w) {
				t.Errorf("status %q is not folded", w)
			}
			if other, dup := seen[w]; dup {
				t.Errorf("status %q means %q and %q", w, other, stage)
			}
			seen[w] = stage
		}
	}
}

// TestReadTracker reads an export with every sort of row: each row
// either becomes an opportunity or is reported with its line, and no
// value that could not be read is lost.
func TestReadTracker(t *testing.T) {
	csv := "\ufeffCompany;Position;Status;Pay;Per;Hours;Start Date;Deadline;Comments\n" +
		"Acme;Clerk;Applied;3.500;month;;01/12/2026;;\n" +
		"Acme;Driver;Phone Screen;22;hour;30;25/11/2026;;\"line one\nline two\"\n" +
		"Globex;;Offer;€45000;;;;03/12/2026;\n" +
		"Initech;;No Response;;;;;;\n" +
		";;;;;;;;\n" +
		"Acme;clerk;Offer;;;;;;\n"
	tr, err := ReadTracker([]byte(csv), map[string]model.Stage{"no response": model.StageRejected})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range tr.Opportunities {
		names = append(names, o.Name+"="+string(o.Stage))
	}
	want := []string{"Acme (Clerk)=applied", "Acme (Driver)=interviewing", "Globex=offer", "Initech=rejected"}
	if !slices.Equal(names, want) {
		t.Errorf("opportunities %q, want %q", names, want)
	}
	if !slices.Equal(tr.Lines, []int{2, 3, 5, 6}) {
		t.Errorf("lines %v", tr.Lines)
	}
	if tr.Rows != 5 {
		t.Errorf("%d rows; the blank one is not a row", tr.Rows)
	}
	clerk, driver, globex := tr.Opportunities[0], tr.Opportunities[1], tr.Opportunities[2]
	if clerk.Pay != nil || !strings.Contains(clerk.Notes, "Pay: 3.500") || clerk.Starts.String() != "2026-12-01" {
		t.Errorf("the clerk's pay 3.500 could be either, so it is left out and kept; it starts day first: %+v", clerk)
	}
	if driver.Pay == nil || *driver.Pay != 22 || driver.Per != "hour" || driver.HoursPerWeek != 30 || driver.Notes != "line one\nline two" {
		t.Errorf("driver %+v", driver)
	}
	if globex.Pay == nil || *globex.Pay != 45000 || globex.Per != "year" || globex.RespondBy.String() != "2026-12-03" {
		t.Errorf("globex %+v", globex)
	}
	var problems []string
	for _, p := range tr.Problems {
		problems = append(problems, p.String())
	}
	wantProblems := []string{
		`line 2: Pay "3.500" could be 3 or 3,500; write it without the point or with k; left out, kept in the notes`,
		`line 8: "Acme (clerk)" is the name of the row on line 2 too; skipped (give one of them another title, or add it by hand)`,
	}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(problems, "\n"), strings.Join(wantProblems, "\n"))
	}
	if !slices.Contains(tr.Used, "Position → name") || !slices.Contains(tr.Used, "Comments → notes") || len(tr.Unused) != 0 {
		t.Errorf("used %q, unused %q", tr.Used, tr.Unused)
	}
}

func TestReadTrackerRefuses(t *testing.T) {
	for _, tt := range []struct{ name, csv, err string }{
		{"empty", "", "the file is empty"},
		{"no company", "Title,Status\nClerk,Applied\n", `no column names the company; the columns are: Title, Status`},
		{"latin-1", "Company,Status\nCaf\xe9,Applied\n", "not UTF-8"},
		{"bad quotes", "Company,Status\n\"Acme,Applied\n", "not CSV"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTracker([]byte(tt.csv), nil)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("got %v, want %q", err, tt.err)
			}
			var nn *NoNameColumnError
			if tt.name == "no company" && (!errors.As(err, &nn) || !slices.Equal(nn.Columns, []string{"Title", "Status"})) {
				t.Errorf("want the columns found, got %v", err)
			}
		})
	}
}

// TestImportedBlocksLoad: the blocks an import prints, appended to a
// profile, load as the opportunities read, and AddOpportunities writes the
// same blocks to the file that holds the opportunities, keeping the rest.
func TestImportedBlocksLoad(t *testing.T) {
	tr, err := ReadTracker([]byte("Company,Title,Status,Salary,Deadline,Notes\n"+
		"\"Quote \"\"Co\"\"\",Analyst,Offer,$52k,2026-12-01,\"back\\slash \"\"and\"\" quotes\"\n"+
		"[red]Bracket[-],,Applied,,,\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := OpportunityBlocks(tr.Opportunities)
	if err != nil {
		t.Fatal(err)
	}
	base := "version = 1\n\n# my search\n[situation]\nsavings = 5000\nmonthly_expenses = 2500\n\n[[priority]]\nid = \"fit\"\n"
	l, err := Parse("profile.toml", []byte(base+"\n"+blocks))
	if err != nil {
		t.Fatalf("the printed blocks do not load:\n%s\n%v", blocks, err)
	}
	got := l.Profile.Opportunities
	if len(got) != 2 || got[0].Name != `Quote "Co" (Analyst)` || got[0].Notes != `back\slash "and" quotes` ||
		*got[0].Pay != 52000 || got[0].RespondBy.String() != "2026-12-01" || got[1].Name != "[red]Bracket[-]" {
		t.Errorf("loaded %+v", got)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	if err := os.WriteFile(path, []byte(base), 0o640); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := AddOpportunities(loaded, tr.Opportunities)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != base+"\n"+blocks {
		t.Errorf("wrote\n%s\nwant\n%s", data, base+"\n"+blocks)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if _, err := AddOpportunities(saved.Loaded, tr.Opportunities[:1]); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a name the profile has should be refused: %v", err)
	}
}
