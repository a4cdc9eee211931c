// Package gen writes large, valid, deterministic mutual profiles for the
// benchmarks: a recruiter-heavy search, a cohort's shared file, a script
// that generates opportunities. The same (opportunities, priorities) always
// gives the same bytes, so every run of every benchmark reads the same
// file.
//
// The profiles look like real ones written large: every priority has a
// label, anchors and a question; a few have deal-breaker floors and one
// takes its rating from pay; every opportunity has a stage, pay, a start
// date, notes and ratings for most priorities (some unsure ranges, some
// left unknown); a few names are not ASCII. Some opportunities are
// declined or vetoed, so every part of the ranking has work to do.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Today is the day the generated dates are relative to; pass it as
// --today so results do not move with the clock.
const Today = "2026-11-25"

var stages = []string{"lead", "applied", "applied", "interviewing", "interviewing", "final", "offer", "declined", "rejected", "lead"}

var words = []string{"Acme", "Globex", "Initech", "Hooli", "Umbrella", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne",
	"Soylent", "Wonka", "Gringotts", "Oceanic", "Massive", "Dynamic", "Müller", "Société", "Åkesson", "Nakatomi"}

var kinds = []string{"Logistics", "Labs", "Systems", "Health", "Foods", "Retail", "Analytics", "GmbH", "Group", "Studio"}

// Profile returns a profile with the given number of opportunities and
// priorities, as TOML text.
func Profile(opportunities, priorities int) []byte {
	r := rand.New(rand.NewPCG(uint64(opportunities), uint64(priorities)))
	var b strings.Builder
	b.Grow(opportunities * (priorities*16 + 400))
	b.WriteString("# A generated profile for mutual's benchmarks (bench/gen).\n")
	b.WriteString("version = 1\ncurrency = \"USD\"\nscale = 5\n\n")
	b.WriteString("[situation]\nsavings = 9000\nmonthly_expenses = 3100\nmonthly_income = 600\ninsured = false\n\n")

	ids := make([]string, priorities)
	for i := range priorities {
		ids[i] = fmt.Sprintf("p%02d", i)
		fmt.Fprintf(&b, "[[priority]]\nid = %q\nlabel = \"Priority number %d\"\nweight = %d\n", ids[i], i, 1+r.IntN(5))
		b.WriteString("low = \"nothing like what I want\"\nhigh = \"exactly what I want\"\n")
		fmt.Fprintf(&b, "ask = \"How would you describe priority %d in this team?\"\n", i)
		switch {
		case i == 1:
			b.WriteString("from_pay = [40000, 90000]\n")
		case i%10 == 3:
			b.WriteString("at_least = 2\n")
		}
		b.WriteString("\n")
	}

	for k := range opportunities {
		name := fmt.Sprintf("%s %s %d", words[k%len(words)], kinds[(k/len(words))%len(kinds)], k)
		stage := stages[r.IntN(len(stages))]
		fmt.Fprintf(&b, "[[opportunity]]\nname = %q\nstage = %q\n", name, stage)
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "pay = %d\nper = \"hour\"\nhours_per_week = %d\n", 15+r.IntN(40), 10+r.IntN(31))
		case 1:
			fmt.Fprintf(&b, "pay = %d\nper = \"month\"\n", 2000+r.IntN(6000))
		default:
			fmt.Fprintf(&b, "pay = %d\n", 30000+r.IntN(90000))
		}
		fmt.Fprintf(&b, "starts = 2027-%02d-%02d\n", 1+r.IntN(6), 1+r.IntN(28))
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "first_paycheck_days = %d\n", 7+r.IntN(30))
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "insurance = true\ninsurance_wait_days = %d\n", 30*r.IntN(4))
		}
		if r.IntN(4) == 0 {
			fmt.Fprintf(&b, "contract_months = %d\n", 3+r.IntN(12))
		}
		if stage == "offer" {
			fmt.Fprintf(&b, "respond_by = 2026-12-%02d\n", 1+r.IntN(28))
		}
		if stage == "interviewing" || stage == "final" {
			fmt.Fprintf(&b, "decision_expected = 2026-12-%02d\n", 1+r.IntN(28))
		}
		fmt.Fprintf(&b, "notes = \"Found through contact %d; second call went well.\"\n", r.IntN(1000))
		b.WriteString("[opportunity.ratings]\n")
		for i, id := range ids {
			switch x := r.IntN(10); {
			case i == 1 || x == 0:
				// From pay, or unknown.
			case x == 1:
				lo := 1 + r.IntN(4)
				fmt.Fprintf(&b, "%s = [%d, %d]\n", id, lo, lo+1)
			default:
				low := 1
				if i%10 == 3 && r.IntN(20) != 0 {
					low = 2 // mostly above the floor: few vetoes
				}
				fmt.Fprintf(&b, "%s = %d\n", id, low+r.IntN(6-low))
			}
		}
		b.WriteString("\n")
	}

	for k, s := range []string{"severance lands", "partner's insurance", "shifts cut"} {
		fmt.Fprintf(&b, "[[scenario]]\nname = %q\n", s)
		switch k {
		case 0:
			b.WriteString("savings = 15000\n")
		case 1:
			b.WriteString("insured = true\n")
		case 2:
			b.WriteString("monthly_income = 0\n")
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// Names returns the opportunity names of [Profile] with the same
// arguments, in file order: what a bare table of the same names shows.
func Names(opportunities int) []string {
	out := make([]string, opportunities)
	for k := range out {
		out[k] = fmt.Sprintf("%s %s %d", words[k%len(words)], kinds[(k/len(words))%len(kinds)], k)
	}
	return out
}

// DecideShape says how much a generated profile gives decide to weigh:
// "184 offers, 590 processes".
func DecideShape(profile []byte) string {
	text := string(profile)
	return fmt.Sprintf("%d offers, %d processes", strings.Count(text, "stage = \"offer\""), strings.Count(text, "decision_expected = "))
}

// ProfileWithLedger is [Profile] with a dated ledger of the given number
// of entries appended: [[income]] blocks (benefits that stop, a partner's
// help, side work) and [[cash]] sums in and out, dated over the year after
// [Today]. The bench holds rank on it to within a budget of rank on the
// same profile without them.
func ProfileWithLedger(opportunities, priorities, entries int) []byte {
	r := rand.New(rand.NewPCG(uint64(entries), uint64(opportunities)))
	var b strings.Builder
	b.Write(Profile(opportunities, priorities))
	for k := range entries {
		month, day := 1+r.IntN(12), 1+r.IntN(28)
		if k%2 == 0 {
			fmt.Fprintf(&b, "[[income]]\nname = \"income %d\"\nmonthly = %d\nfrom = 2026-%02d-%02d\nuntil = 2027-%02d-%02d\nends_with_job = %t\n\n",
				k, 50+r.IntN(250), 1+r.IntN(11), day, month, day, r.IntN(2) == 0)
			continue
		}
		amount := 200 + r.IntN(3000)
		if r.IntN(3) == 0 {
			amount = -amount
		}
		fmt.Fprintf(&b, "[[cash]]\nname = \"sum %d\"\namount = %d\non = 2027-%02d-%02d\n\n", k, amount, month, day)
	}
	return []byte(b.String())
}
