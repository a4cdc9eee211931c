package profiles

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds the two checks an import makes against the profile it
// goes into, once the rows are read: a pay written in another currency than
// the profile counts in is not taken as a number of the profile's own, and
// a row that is nearly an opportunity the profile has is flagged, not added
// in silence.

// payCell is the pay cell an opportunity's pay was read from.
type payCell struct {
	column, text string
	// currency is what currencyOf made of the cell's mark, or "".
	currency string
}

// dollars are the currencies a bare "$" may stand for.
var dollars = []string{"USD", "CAD", "AUD", "NZD"}

// currencyOf names the currency a mark in a pay cell writes: an ISO code,
// "$" for a dollar of no one country, or "" for a mark that says too
// little (a bare "c" or "a" may be a word).
func currencyOf(mark string) string {
	switch m := strings.ToLower(strings.TrimSpace(mark)); m {
	case "$":
		return "$"
	case "us$", "usd":
		return "USD"
	case "c$", "cad":
		return "CAD"
	case "a$", "aud":
		return "AUD"
	case "nzd":
		return "NZD"
	case "€", "eur":
		return "EUR"
	case "£", "gbp":
		return "GBP"
	case "¥", "jpy":
		return "JPY"
	case "chf":
		return "CHF"
	}
	return ""
}

// profileCurrency reads a profile's currency key as currencyOf reads a
// cell: a symbol or a code, "$" where the profile sets none (it shows
// amounts with $ then).
func profileCurrency(currency string) string {
	c := strings.TrimSpace(currency)
	if c == "" {
		return "$"
	}
	if code := currencyOf(c); code != "" {
		return code
	}
	return strings.ToUpper(c)
}

// sameMoney reports whether a cell's currency can be read as the
// profile's: the same currency, or a bare dollar against any dollar.
func sameMoney(cell, profile string) bool {
	switch {
	case cell == "" || cell == profile:
		return true
	case cell == "$":
		return profile == "$" || slices.Contains(dollars, profile)
	case profile == "$":
		return slices.Contains(dollars, cell)
	}
	return false
}

// KeepCurrency leaves out every pay that the export writes in another
// currency than currency, the profile's currency key: the amount is not
// converted (no rate would be right for long), it is kept in the notes
// and reported with its line, as any value left out is. Call it once,
// before the rows are filtered.
func (t *Tracker) KeepCurrency(currency string) {
	want := profileCurrency(currency)
	for i, paid := range t.pays {
		if i >= len(t.Opportunities) || sameMoney(paid.currency, want) {
			continue
		}
		o := &t.Opportunities[i]
		o.Pay, o.Per, o.HoursPerWeek = nil, "", 0
		counts := "the profile counts in " + want
		fix := fmt.Sprintf("set currency = %q at the top of the profile if it counts in %s", paid.currency, paid.currency)
		if paid.currency == "$" {
			fix = "set currency to the dollar the profile counts in"
		}
		if want == "$" {
			counts = "the profile counts in dollars (it sets no currency)"
		}
		t.Problems = append(t.Problems, TrackerProblem{Line: t.Lines[i],
			Message: fmt.Sprintf("%s %q is in %s and %s; left out, kept in the notes (%s, or give the pay in %s by hand)",
				paid.column, paid.text, currencyName(paid.currency), counts, fix, currencyName(want))})
		note := paid.column + ": " + paid.text
		if o.Notes != "" {
			note = o.Notes + "\n" + note
		}
		o.Notes = note
	}
	t.pays = nil
	slices.SortStableFunc(t.Problems, func(a, b TrackerProblem) int { return a.Line - b.Line })
}

// currencyName says a currency code in words a person reads: "$" is
// "dollars".
func currencyName(code string) string {
	if code == "$" {
		return "dollars"
	}
	return code
}

// LikelySame returns the name in known that name is likely to be the same
// opportunity as, though it is not written the same, or "". Two names are
// likely the same when, past a title in brackets, they name one employer
// and one of them names no title ("Credit union (Member services rep)"
// beside "Credit union"), or when they differ by a slip of one letter in
// a name of six letters or more, or only in punctuation and spaces
// ("Acme Corp." beside "Acme Corp"). Two titles at one employer are two
// opportunities.
func LikelySame(name string, known []string) string {
	base, titled := employer(name)
	for _, k := range known {
		kb, ktitled := employer(k)
		switch {
		case strings.EqualFold(k, name):
			continue // the same name: import skips it as known
		case FoldTrackerName(k) == FoldTrackerName(name):
			return k // "Acme Corp." beside "Acme Corp"
		}
		if base == kb && (!titled || !ktitled) {
			return k
		}
		if !titled && !ktitled && len([]rune(base)) >= 6 && editDistance(base, kb) == 1 {
			return k
		}
	}
	return ""
}

// employer is a name folded without the title in brackets at its end, as
// import writes "Company (Title)", and whether it had one.
func employer(name string) (string, bool) {
	n := strings.TrimSpace(name)
	if strings.HasSuffix(n, ")") {
		if open := strings.LastIndex(n, " ("); open > 0 {
			return FoldTrackerName(n[:open]), true
		}
	}
	return FoldTrackerName(n), false
}
