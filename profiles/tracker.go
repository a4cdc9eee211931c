package profiles

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
	// pays are the pay cells read into each opportunity, beside
	// Opportunities ({} where the row gave none): KeepCurrency reads them.
	pays []payCell
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
	fieldCurrency
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
	{fieldApplied, "history (the day applied)", []string{"date applied", "applied", "applied on", "applied date", "application date", "date of application"}},
	{fieldRespondBy, "respond_by", []string{"deadline", "respond by", "offer deadline", "response deadline", "reply by", "offer expires"}},
	{fieldStarts, "starts", []string{"start date", "starts", "start", "starting date"}},
	{fieldDecision, "decision_expected", []string{"decision date", "decision expected", "expected decision", "hear back by"}},
	{fieldNotes, "notes", []string{"notes", "note", "comments", "comment"}},
	{fieldURL, "notes (the link)", []string{"url", "link", "job url", "job link", "posting", "posting url", "job posting", "listing"}},
	{fieldLocation, "notes (the location)", []string{"location", "city"}},
	{fieldCurrency, "pay (its currency, checked against the profile's)", []string{"currency", "pay currency", "salary currency"}},
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
	model.StageCurrent:   {"current", "current job"},
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
		o, paid, problems, ok := readRow(header, fields, order, rw.cells, rw.line, stageMap)
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
			out.pays = append(out.pays, paid)
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
func readRow(header []string, fields []field, order dateOrder, cells []string, line int, stageMap map[string]model.Stage) (model.Opportunity, payCell, []TrackerProblem, bool) {
	var o model.Opportunity
	var paid payCell
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
		return o, paid, []TrackerProblem{{Line: line, Skipped: true, Message: fmt.Sprintf("no %s; skipped", header[slices.Index(fields, fieldCompany)])}}, false
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
		return o, paid, []TrackerProblem{{Line: line, Skipped: true,
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
		row, _ := model.FieldOf(opportunityFields, model.FieldHoursPerWeek)
		if f, err := strconv.ParseFloat(strings.ReplaceAll(h, ",", "."), 64); err == nil && row.Allows(f) {
			hours = f
		} else {
			keep(header[col], h, "is not a number of hours from more than "+fmtNum(row.Min)+" to "+fmtNum(row.Max))
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
				paid = payCell{column: header[col], text: text, currency: pay.currency}
				if c, ccol := at(fieldCurrency); c != "" {
					// A Currency column says what the pay is in when the
					// pay does not; when both say, they must agree.
					code := currencyOf(c)
					if code == "" {
						code = strings.ToUpper(strings.TrimSpace(c))
					}
					if paid.currency == "" || paid.currency == "$" && slices.Contains(dollars, code) {
						paid.currency = code
					} else if paid.currency != code {
						o.Pay, o.Per, o.HoursPerWeek, paid = nil, "", 0, payCell{}
						keep(header[col], text, fmt.Sprintf("is in %s, but %s says %s", currencyName(pay.currency), header[ccol], c))
					}
				}
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
			// The day applied starts the work-search record (mutual log)
			// and the follow-up clock, as mutual stage would have kept it.
			o.History = []model.Move{{Stage: model.StageApplied, On: date}}
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
	return o, paid, problems, true
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
