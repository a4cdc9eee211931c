package profiles

import (
	"errors"
	"strings"
	"testing"

	"mutual/model"
)

// searchBase is a minimal valid profile that [search] tables are appended
// to.
const searchBase = `version = 1
[situation]
savings = 9000
monthly_expenses = 3000
[[priority]]
id = "work"
[[opportunity]]
name = "Acme"
stage = "offer"
[opportunity.ratings]
work = 3
`

func TestSearchTable(t *testing.T) {
	defaults := model.DefaultSearchParams()
	cases := []struct {
		name  string
		table string
		check func(p model.SearchParams) bool
		// problem, when set, is a part of the one diagnostic expected, and
		// line its line; warn says it is a warning, not an error.
		problem string
		line    int
		warn    bool
	}{
		{name: "no table: the defaults", table: "",
			check: func(p model.SearchParams) bool { return p == defaults }},
		{name: "every key", table: `[search]
find_rate = 0.4
find_rate_long = 0.2
long_spell_months = 9
discount = 0.95
search_fit = 30
shortfall_cost = 150
repay_months = 4
uninsured_cost = 20
poor_fit_months = 4
good_fit_months = 48
offer_mean = 60
offer_sd = 12
offer_sd_min = 8
hold_days = 10
close_margin = 2
`, check: func(p model.SearchParams) bool {
			return p.FindRate == 0.4 && p.FindRateLong == 0.2 && p.LongSpellMonths == 9 && p.Discount == 0.95 &&
				p.SearchFit == 30 && p.ShortfallCost == 150 && p.RepayMonths == 4 && p.UninsuredCost == 20 && p.PoorFitMonths == 4 &&
				p.GoodFitMonths == 48 && p.OfferMean != nil && *p.OfferMean == 60 && p.OfferSD != nil && *p.OfferSD == 12 &&
				p.OfferSDMin == 8 && p.HoldDays == 10 && p.CloseMargin == 2
		}},
		{name: "offer_mean alone leaves the spread estimated", table: "[search]\noffer_mean = 55\n",
			check: func(p model.SearchParams) bool { return p.OfferMean != nil && p.OfferSD == nil }},
		{name: "discount of 1 is out of range", table: "[search]\ndiscount = 1\n",
			problem: "discount = 1 is out of range", line: 14},
		{name: "discount of 0 is out of range", table: "[search]\ndiscount = 0\n",
			problem: "discount = 0 is out of range", line: 14},
		{name: "a negative find rate", table: "[search]\nfind_rate = -1\n",
			problem: "find_rate = -1 is out of range", line: 14},
		{name: "a find rate of 1 is out of range", table: "[search]\nfind_rate = 1\n",
			problem: "find_rate = 1 is out of range", line: 14},
		{name: "a negative shortfall cost", table: "[search]\nshortfall_cost = -5\n",
			problem: "shortfall_cost = -5 is out of range", line: 14},
		{name: "search_fit above 100", table: "[search]\nsearch_fit = 120\n",
			problem: "search_fit = 120 is out of range", line: 14},
		{name: "a text value", table: "[search]\nhold_days = \"ten\"\n",
			problem: "hold_days must be a number", line: 14},
		{name: "a key of the old model points at the new one", table: "[search]\noffers_per_month = 0.3\n",
			problem: `did you mean "find_rate"?`, line: 14, warn: true,
			check: func(p model.SearchParams) bool { return p == defaults }},
		{name: "a good fit that ends sooner than a poor one", table: "[search]\npoor_fit_months = 24\ngood_fit_months = 12\n",
			problem: "search.good_fit_months = 12 is less than search.poor_fit_months = 24", line: 15},
		{name: "a misspelt key is a warning with a suggestion", table: "[search]\nfind_rates = 1\n",
			problem: `did you mean "find_rate"?`, line: 14, warn: true,
			check: func(p model.SearchParams) bool { return p == defaults }},
		{name: "search must be a table", table: "search = 3\n",
			problem: "search must be a table", line: 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := searchBase
			if strings.HasPrefix(c.table, "search =") {
				src = c.table + src
				c.line = 1
			} else {
				src += "\n" + c.table
			}
			l, err := Parse("p.toml", []byte(src))
			if c.problem != "" && !c.warn {
				var pe *Error
				if !errors.As(err, &pe) {
					t.Fatalf("want an error about %q, got %v", c.problem, err)
				}
				found := false
				for _, d := range pe.Diagnostics {
					if strings.Contains(d.Message, c.problem) && d.Line == c.line && d.Hint != "" {
						found = true
					}
				}
				if !found {
					t.Fatalf("want %q at line %d with a hint, got:\n%v", c.problem, c.line, pe)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if c.warn {
				found := false
				for _, d := range l.Warnings {
					if strings.Contains(d.Message+" "+d.Hint, c.problem) && d.Line == c.line {
						found = true
					}
				}
				if !found {
					t.Errorf("want a warning %q at line %d, got %v", c.problem, c.line, l.Warnings)
				}
			}
			if !c.check(l.Profile.Search) {
				t.Errorf("search params %+v", l.Profile.Search)
			}
		})
	}
}
