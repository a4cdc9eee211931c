package profiles

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"mutual/model"
)

// This file reads the CSV export of a job tracker or a spreadsheet
// (Huntr, Teal, a Google Sheet) into opportunities. The header row names
// the columns; the common names are understood (Company, Job Title,
// Status, Salary, Deadline...), and so are the common statuses (Wishlist,
// Applied, Phone Screen, Offer, Rejected...). Nothing is guessed: a row
// that cannot be made into an opportunity (no company, a status with no
// stage) is reported with its line and skipped, and a value that cannot
// be read (pay "competitive", a date that could be either day or month
// first) is reported, left out and kept in the notes, so nothing in the
// file is lost.

// Tracker is what a tracker's export was read into.
type Tracker struct {
	// Opportunities are the rows that became opportunities, in file order.
	Opportunities []model.Opportunity
	// Lines are the line of each opportunity's row.
	Lines []int
	// Problems are the rows skipped and the values left out, in file
	// order.
	Problems []TrackerProblem
	// Used says which column filled what, in the file's order of columns:
	// "Company → name"; Unused lists the columns nothing read.
	Used, Unused []string
	// Rows counts the rows read, blank ones left out.
	Rows int
}

// TrackerProblem is one row skipped, or one value left out, and why.
type TrackerProblem struct {
	Line    int
	Message string
	// Skipped reports that the whole row was left out.
	Skipped bool
}

func (p TrackerProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Message) }

// NoNameColumnError is the error for a file none of whose columns names
// the opportunity: it lists the columns the file has.
type NoNameColumnError struct{ Columns []string }

func (e *NoNameColumnError) Error() string {
	return "no column names the company; the columns are: " + strings.Join(e.Columns, ", ")
}

// field is what a column of the export fills.
type field int

const (
	fieldNone field = iota
	fieldCompany
	fieldTitle
	fieldStage
	fieldPay
	fieldPer
	fieldHours
	fieldApplied
	fieldRespondBy
	fieldStarts
	fieldDecision
	fieldNotes
	fieldURL
	fieldLocation
)

// trackerColumns are the column names understood, by what they fill, the
// likeliest first: a file with both Company and Name takes the company.
// Names are compared folded: lower case, anything but letters and digits
// a single space.
var trackerColumns = []struct {
	field field
	what  string
	names []string
}{
	{fieldCompany, "name", []string{"company", "company name", "employer", "organization", "organisation", "name", "opportunity"}},
	{fieldTitle, "name", []string{"job title", "title", "position", "role", "job", "position title", "job position"}},
	{fieldStage, "stage", []string{"status", "stage", "application status", "job status", "current status", "pipeline stage"}},
	{fieldPay, "pay", []string{"salary", "pay", "compensation", "salary range", "expected salary", "base salary", "pay rate", "wage", "rate"}},
	{fieldPer, "per", []string{"per", "pay period", "salary period", "period"}},
	{fieldHours, "hours_per_week", []string{"hours per week", "hours week", "hours", "weekly hours"}},
	{fieldApplied, "notes (the day applied)", []string{"date applied", "applied", "applied on", "applied date", "application date", "date of application"}},
	{fieldRespondBy, "respond_by", []string{"deadline", "respond by", "offer deadline", "response deadline", "reply by", "offer expires"}},
	{fieldStarts, "starts", []string{"start date", "starts", "start", "starting date"}},
	{fieldDecision, "decision_expected", []string{"decision date", "decision expected", "expected decision", "hear back by"}},
	{fieldNotes, "notes", []string{"notes", "note", "comments", "comment"}},
	{fieldURL, "notes (the link)", []string{"url", "link", "job url", "job link", "posting", "posting url", "job posting", "listing"}},
	{fieldLocation, "notes (the location)", []string{"location", "city"}},
}

// trackerStatuses are the statuses understood, folded, by stage.
var trackerStatuses = map[model.Stage][]string{
	model.StageLead: {"lead", "wishlist", "wish list", "saved", "bookmarked", "interested", "prospect", "to apply",
		"want to apply", "researching", "not applied", "not yet applied", "planned"},
	model.StageApplied: {"applied", "application sent", "application submitted", "submitted", "applying", "sent",
		"under review", "in review"},
	model.StageInterviewing: {"interviewing", "interview", "interviews", "phone screen", "phone screening", "screening",
		"screen", "recruiter screen", "phone interview", "video interview", "technical interview", "onsite", "on site",
		"assessment", "take home", "interview scheduled"},
	model.StageFinal:     {"final", "final round", "final interview", "final interviews"},
	model.StageOffer:     {"offer", "offered", "offer received", "negotiating", "negotiation"},
	model.StageAccepted:  {"accepted", "offer accepted", "hired"},
	model.StageDeclined:  {"declined", "offer declined", "i declined", "turned down"},
	model.StageWithdrawn: {"withdrawn", "withdrew", "i withdrew", "withdrawn by me"},
	model.StageRejected:  {"rejected", "not selected", "rejection", "no offer", "unsuccessful"},
}

// FoldTrackerName folds a column name or a status for comparing: lower
// case, every run of other characters than letters and digits one space,
// none at the ends. "On-site" and "on site" are the same status.
func FoldTrackerName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// ReadTracker reads a tracker's CSV export. stageMap maps statuses
// (folded with FoldTrackerName; "" is a blank status) to stages, over the
// statuses understood. The error is for a file that cannot be read at
// all: not UTF-8 text, not CSV, no header row, no column that names the
// company (a *NoNameColumnError).
func ReadTracker(data []byte, stageMap map[string]model.Stage) (*Tracker, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(data) {
		return nil, errors.New("the file is not UTF-8 text; export it as \"CSV UTF-8\"")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("the file is empty; it needs a header row naming its columns")
	}
	if err != nil {
		return nil, fmt.Errorf("not CSV: %w", err)
	}
	fields, out := mapColumns(header)
	if !slices.Contains(fields, fieldCompany) {
		return nil, &NoNameColumnError{Columns: header}
	}
	type row struct {
		line  int
		cells []string
	}
	var rows []row
	for {
		cells, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not CSV: %w", err)
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		rows = append(rows, row{line, cells})
	}
	out.Rows = len(rows)
	// A date like 03/04/2026 is day first or month first as the program
	// that wrote the file writes dates: another date of the file, such as
	// 25/04/2026, settles it; nothing else does.
	var dates []string
	for col, f := range fields {
		if isDateField(f) {
			for _, rw := range rows {
				dates = append(dates, cell(rw.cells, col))
			}
		}
	}
	order := columnDateOrder(dates)
	names := map[string]int{}
	for _, rw := range rows {
		o, problems, ok := readRow(header, fields, order, rw.cells, rw.line, stageMap)
		if ok {
			folded := strings.ToLower(o.Name)
			if first, dup := names[folded]; dup {
				problems = append(problems, TrackerProblem{Line: rw.line, Skipped: true,
					Message: fmt.Sprintf("%q is the name of the row on line %d too; skipped (give one of them another title, or add it by hand)", o.Name, first)})
				ok = false
			} else {
				names[folded] = rw.line
			}
		}
		out.Problems = append(out.Problems, problems...)
		if ok {
			out.Opportunities = append(out.Opportunities, o)
			out.Lines = append(out.Lines, rw.line)
		}
	}
	return out, nil
}

// delimiter is the CSV's separator: a comma, unless the header row has
// more semicolons (a spreadsheet in a locale that writes 3,5) or tabs.
func delimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, count := ',', bytes.Count(first, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if n := bytes.Count(first, []byte(string(d))); n > count {
			best, count = d, n
		}
	}
	return best
}

// mapColumns says what each column of the header fills, and which columns
// were used and which not.
func mapColumns(header []string) ([]field, *Tracker) {
	fields := make([]field, len(header))
	out := &Tracker{}
	taken := map[field]int{} // field → the rank of the name that took it
	for col, h := range header {
		name := FoldTrackerName(h)
		for _, c := range trackerColumns {
			rank := slices.Index(c.names, name)
			if rank < 0 {
				continue
			}
			if prev, ok := taken[c.field]; ok && prev <= rank {
				break // an earlier column took it, by a likelier name
			}
			for other := range fields {
				if fields[other] == c.field {
					fields[other] = fieldNone
				}
			}
			fields[col], taken[c.field] = c.field, rank
			break
		}
	}
	for col, h := range header {
		if fields[col] == fieldNone {
			if strings.TrimSpace(h) != "" {
				out.Unused = append(out.Unused, h)
			}
			continue
		}
		for _, c := range trackerColumns {
			if c.field == fields[col] {
				out.Used = append(out.Used, h+" → "+c.what)
			}
		}
	}
	return fields, out
}

func cell(cells []string, col int) string {
	if col < len(cells) {
		return strings.TrimSpace(cells[col])
	}
	return ""
}

func isDateField(f field) bool {
	return f == fieldApplied || f == fieldRespondBy || f == fieldStarts || f == fieldDecision
}

// readRow makes one row into an opportunity, or says why it cannot.
func readRow(header []string, fields []field, order dateOrder, cells []string, line int, stageMap map[string]model.Stage) (model.Opportunity, []TrackerProblem, bool) {
	var o model.Opportunity
	var problems []TrackerProblem
	leftOut := func(format string, args ...any) {
		problems = append(problems, TrackerProblem{Line: line, Message: fmt.Sprintf(format, args...)})
	}
	at := func(f field) (string, int) {
		col := slices.Index(fields, f)
		if col < 0 {
			return "", -1
		}
		return cell(cells, col), col
	}
	company, _ := at(fieldCompany)
	if company == "" {
		return o, []TrackerProblem{{Line: line, Skipped: true, Message: fmt.Sprintf("no %s; skipped", header[slices.Index(fields, fieldCompany)])}}, false
	}
	o.Name = company
	if title, _ := at(fieldTitle); title != "" {
		o.Name = company + " (" + title + ")"
	}
	status, _ := at(fieldStage)
	stage, ok := stageMap[FoldTrackerName(status)]
	if !ok {
		stage, ok = builtInStage(status)
	}
	if !ok {
		hint := "--stage-map " + shellQuote(status+"=STAGE")
		what := fmt.Sprintf("status %q is not one mutual knows", status)
		if status == "" {
			hint, what = "--stage-map '=lead'", "no status"
		}
		return o, []TrackerProblem{{Line: line, Skipped: true,
			Message: fmt.Sprintf("%s; skipped (map it to a stage with %s)", what, hint)}}, false
	}
	o.Stage = stage

	var notes []string
	if n, _ := at(fieldNotes); n != "" {
		notes = append(notes, n)
	}
	keep := func(column, text, why string) {
		leftOut("%s %q %s; left out, kept in the notes", column, text, why)
		notes = append(notes, column+": "+text)
	}

	per := ""
	if p, col := at(fieldPer); p != "" {
		if w, ok := perWord(p); ok {
			per = w
		} else {
			leftOut("%s %q is not year, month or hour; the pay is read without it", header[col], p)
		}
	}
	hours := 0.0
	if h, col := at(fieldHours); h != "" {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(h, ",", "."), 64); err == nil && f > 0 && f <= 168 {
			hours = f
		} else {
			keep(header[col], h, "is not a number of hours from more than 0 to 168")
		}
	}
	if text, col := at(fieldPay); text != "" {
		pay, err := parsePay(text)
		switch {
		case err != nil:
			keep(header[col], text, err.Error())
		case pay.per != "" && per != "" && pay.per != per:
			keep(header[col], text, fmt.Sprintf("is by the %s, but %s says %s", pay.per, header[slices.Index(fields, fieldPer)], per))
		default:
			if pay.per == "" {
				pay.per = per
			}
			switch {
			case pay.per == "hour" && hours == 0:
				keep(header[col], text, "is by the hour and the row has no hours per week (a column such as Hours)")
			case pay.per == "" && pay.amount < 1000:
				keep(header[col], text, "says no period and is too small for a year's pay; write 45k, $45/hour or $4,500/month")
			default:
				o.Pay, o.Per, o.HoursPerWeek = model.Float(pay.amount), cmpOr(pay.per, "year"), hours
				if pay.ranged {
					notes = append(notes, header[col]+": "+text+" (the pay is its low end)")
				}
			}
		}
	}

	for _, d := range []struct {
		field field
		into  *model.Date
	}{{fieldRespondBy, &o.RespondBy}, {fieldStarts, &o.Starts}, {fieldDecision, &o.DecisionExpected}, {fieldApplied, nil}} {
		text, col := at(d.field)
		if text == "" {
			continue
		}
		date, err := parseDate(text, order)
		if err != nil {
			keep(header[col], text, err.Error())
			continue
		}
		if d.into == nil {
			notes = append(notes, "Applied "+date.String())
			continue
		}
		*d.into = date
	}
	if u, _ := at(fieldURL); u != "" {
		notes = append(notes, u)
	}
	if l, col := at(fieldLocation); l != "" {
		notes = append(notes, header[col]+": "+l)
	}
	o.Notes = strings.Join(notes, "\n")
	return o, problems, true
}

// shellQuote quotes s for a POSIX shell, for a hint to copy.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func cmpOr(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// builtInStage is the stage of a status mutual understands; a stage's
// own name is one.
func builtInStage(status string) (model.Stage, bool) {
	folded := FoldTrackerName(status)
	if folded == "" {
		return "", false
	}
	for stage, words := range trackerStatuses {
		if slices.Contains(words, folded) {
			return stage, true
		}
	}
	return "", false
}

// payAmount is a pay read from a cell: the amount, its period when the
// cell says one, and whether the cell gave a range.
type payAmount struct {
	amount float64
	per    string
	ranged bool
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
	// currencyMark is a currency written around an amount.
	currencyMark = regexp.MustCompile(`(?i)(?:[$€£¥]|\b(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|us|c|a)\b\$?)`)
	// amount is one number: 85000, 85,000, 85000.50, 85k, 85.5K, 1.2m.
	amount = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([kKmM])?$`)
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
	s = strings.TrimSpace(currencyMark.ReplaceAllString(s, ""))
	parts := splitRange(s)
	if len(parts) == 0 || len(parts) > 2 {
		return p, errors.New("is not an amount")
	}
	var values []float64
	var suffixes []string
	for _, part := range parts {
		m := amount.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return p, errors.New("is not an amount")
		}
		if m[3] == "" && !strings.Contains(m[1], ",") && len(m[2]) == 4 {
			// 45.000: forty-five, or forty-five thousand written as
			// much of Europe writes it.
			return p, fmt.Errorf("could be %s or %s,%s; write it without the point or with k", m[1], m[1], m[2][1:])
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "")+m[2], 64)
		if err != nil || math.IsInf(v, 0) {
			return p, errors.New("is not an amount")
		}
		values, suffixes = append(values, v), append(suffixes, strings.ToLower(m[3]))
	}
	// "80-95k": the k of the high end is the low end's too.
	if len(values) == 2 && suffixes[0] == "" && suffixes[1] != "" && values[0] < values[1] {
		suffixes[0] = suffixes[1]
	}
	for i := range values {
		switch suffixes[i] {
		case "k":
			values[i] *= 1e3
		case "m":
			values[i] *= 1e6
		}
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
	return model.DateOf(t), nil
}
