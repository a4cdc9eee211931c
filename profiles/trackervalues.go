package profiles

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"mutual/model"
)

// This file reads the values in a tracker's cells that come in many
// spellings: pay ("$52k", "45-55k/yr", "$30/hr") and dates ("2026-11-25",
// "11/25/2026", "Nov 25, 2026"). tracker.go reads the rows.

// payAmount is a pay read from a cell: the amount, its period when the
// cell says one, and whether the cell gave a range.
type payAmount struct {
	amount float64
	per    string
	ranged bool
	// currency is the currency the cell writes, as currencyOf reads its
	// mark ("USD", "EUR", "$" for a dollar of no one country), or "".
	currency string
}

// perWords are the ways a cell says a pay period, folded.
var perWords = map[string][]string{
	"hour":  {"hour", "hr", "h", "hourly", "per hour", "an hour", "ph", "p h"},
	"month": {"month", "mo", "mth", "monthly", "per month", "a month", "pm", "p m"},
	"year":  {"year", "yr", "y", "yearly", "annual", "annually", "per year", "a year", "pa", "p a", "per annum", "annum"},
}

// perWord reads a pay period, as a Per column writes it.
func perWord(s string) (string, bool) {
	folded := FoldTrackerName(s)
	for per, words := range perWords {
		if slices.Contains(words, folded) {
			return per, true
		}
	}
	return "", false
}

var (
	// payPeriodSuffix is a period after the amount: "/hr", " per year",
	// " hourly", " a month".
	payPeriodSuffix = regexp.MustCompile(`(?i)\s*(?:/|\bper\b|\ba\b|\ban\b)?\s*(hours?|hrs?|h|hourly|months?|mos?|mths?|monthly|years?|yrs?|yearly|annual(?:ly)?|annum|p\.?\s?a\.?|p\.?\s?h\.?)\s*$`)
)

// parsePay reads a pay from a cell: "$85,000", "85k", "85000", "$40/hr",
// "€3,500 per month", or a range "$80,000 - $95,000" or "80-95k", whose
// low end it takes. Anything else is an error that says why.
func parsePay(text string) (payAmount, error) {
	var p payAmount
	s := strings.TrimSpace(text)
	if m := payPeriodSuffix.FindStringSubmatch(s); m != nil && m[0] != s {
		w, _ := perWord(m[1])
		p.per = w
		s = strings.TrimSpace(s[:len(s)-len(m[0])])
	}
	if m := model.CurrencyMark(s); m != "" {
		p.currency = currencyOf(m)
	}
	s = model.StripCurrency(s)
	parts := splitRange(s)
	if len(parts) == 0 || len(parts) > 2 {
		return p, errors.New("is not an amount")
	}
	// Each part is read as 'mutual add' and the forms read an amount.
	var values, mults []float64
	for _, part := range parts {
		v, mult, err := model.ParseAmount(part)
		if err != nil {
			return p, err
		}
		values, mults = append(values, v), append(mults, mult)
	}
	// "80-95k": the k of the high end is the low end's too.
	if len(values) == 2 && mults[0] == 1 && mults[1] != 1 && values[0] < values[1] {
		mults[0] = mults[1]
	}
	for i := range values {
		values[i] *= mults[i]
	}
	if len(values) == 2 {
		if values[0] > values[1] {
			return p, errors.New("is a range with the higher end first")
		}
		p.ranged = true
	}
	p.amount = values[0]
	if p.amount > model.MaxMoney {
		return p, errors.New("is too large to be a pay")
	}
	return p, nil
}

// splitRange splits "80,000 - 95,000", "80k–95k" or "80k to 95k" at its
// dash or "to".
func splitRange(s string) []string {
	for _, sep := range []string{" to ", "–", "—", "-"} {
		if strings.Contains(s, sep) {
			return strings.Split(s, sep)
		}
	}
	if s == "" {
		return nil
	}
	return []string{s}
}

// dateOrder says how a file writes a numeric date with the year last.
type dateOrder int

const (
	orderUnknown dateOrder = iota
	orderMonthFirst
	orderDayFirst
	// orderMixed is a file with both: none of its ambiguous dates can be
	// read.
	orderMixed
)

var (
	isoDate     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ,].*)?$`)
)

// columnDateOrder is the order the numeric dates of a file's date
// columns are written in, from the ones that can only be read one way.
func columnDateOrder(cells []string) dateOrder {
	month, day := false, false
	for _, c := range cells {
		m := numericDate.FindStringSubmatch(c)
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b <= 12:
			day = true
		case b > 12 && a <= 12:
			month = true
		}
	}
	switch {
	case month && day:
		return orderMixed
	case month:
		return orderMonthFirst
	case day:
		return orderDayFirst
	}
	return orderUnknown
}

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// parseDate reads a date from a cell: 2026-12-01 (a time after it is
// dropped), 12/01/2026 or 01.12.2026 (day or month first as the file
// shows, or as the date itself shows when a part is above 12), two-digit
// years as 20YY, or with the month's name: "Dec 1, 2026", "1 December
// 2026".
func parseDate(text string, order dateOrder) (model.Date, error) {
	s := strings.TrimSpace(text)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return dateOf(m[1], m[2], m[3])
	}
	if m := numericDate.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		year := m[3]
		if len(year) == 2 {
			year = "20" + year
		}
		switch {
		case a > 12 && b <= 12, a <= 12 && b <= 12 && order == orderDayFirst:
			return dateOf(year, m[2], m[1])
		case b > 12 && a <= 12, a <= 12 && b <= 12 && order == orderMonthFirst:
			return dateOf(year, m[1], m[2])
		case a <= 12 && b <= 12 && order == orderMixed:
			return model.Date{}, errors.New("could be day or month first, and the file has dates written both ways")
		case a <= 12 && b <= 12:
			return model.Date{}, errors.New("could be day or month first, and no date in the file says which; write it YYYY-MM-DD")
		}
		return model.Date{}, errors.New("is not a date")
	}
	return namedMonthDate(s)
}

// namedMonthDate reads "Dec 1, 2026", "December 1 2026", "1 Dec 2026" or
// "1-Dec-2026".
func namedMonthDate(s string) (model.Date, error) {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '.' || r == '/' })
	month, day, year := 0, "", ""
	for _, w := range words {
		if unicode.IsLetter(rune(w[0])) {
			i := slices.Index(monthNames, w[:min(3, len(w))])
			if i < 0 || month != 0 || len(w) < 3 {
				return model.Date{}, errors.New("is not a date")
			}
			month = i + 1
			continue
		}
		digits := strings.TrimRight(w, "stndrh") // 1st, 2nd, 3rd, 4th
		if _, err := strconv.Atoi(digits); err != nil {
			return model.Date{}, errors.New("is not a date")
		}
		switch {
		case len(digits) == 4 && year == "":
			year = digits
		case len(digits) <= 2 && day == "":
			day = digits
		default:
			return model.Date{}, errors.New("is not a date")
		}
	}
	if month == 0 || day == "" || year == "" {
		return model.Date{}, errors.New("is not a date with a day, a month and a year")
	}
	return dateOf(year, strconv.Itoa(month), day)
}

// dateOf is the date of year, month and day written as numbers, if it is
// one: 2026-02-30 is not.
func dateOf(year, month, day string) (model.Date, error) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil {
		return model.Date{}, errors.New("is not a date")
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return model.Date{}, errors.New("is not a day of the calendar")
	}
	if !model.DateOf(t).Plausible() {
		return model.Date{}, fmt.Errorf("is outside the years %d to %d", model.FirstYear, model.LastYear)
	}
	return model.DateOf(t), nil
}
