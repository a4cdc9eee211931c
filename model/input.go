package model

import (
	"math"
	"strconv"
	"strings"
)

// This file reads what a person types to change a profile (a rating, a
// new opportunity's fields) into model values, with a message and a hint
// for what cannot be read. The commands (mutual rate, mutual add) and the
// dashboard's forms both read through it, so a value the one refuses the
// other refuses too, in the same words.

// InputError is one value that cannot be read: which field, what is
// wrong, and what to write instead.
type InputError struct {
	// Field names the field: "pay", "starts", a priority id.
	Field   string
	Message string
	Hint    string
}

func (e *InputError) Error() string { return e.Message }

// ParseRating reads a rating as typed: a number from 1 to scale ("4",
// "3.5"), a range "lo-hi" ("2-4"), or "unknown" (or nothing) for a
// rating not known. known is false for an unknown rating.
func ParseRating(field, text string, scale int) (r Rating, known bool, err error) {
	t := strings.TrimSpace(text)
	if t == "" || strings.EqualFold(t, "unknown") || t == "?" {
		return Rating{}, false, nil
	}
	bad := func(msg string) (Rating, bool, error) {
		return Rating{}, false, &InputError{Field: field, Message: msg,
			Hint: "write a rating from 1 to " + strconv.Itoa(scale) + " like 4, a range like 2-" + strconv.Itoa(min(4, scale)) + " when unsure, or unknown"}
	}
	lo, hi, isRange := t, t, false
	for _, sep := range []string{"–", "-", ".."} {
		// A range's first number has no sign: the dash after it splits.
		if k := strings.Index(t[min(1, len(t)):], sep); k >= 0 {
			k += min(1, len(t))
			lo, hi, isRange = strings.TrimSpace(t[:k]), strings.TrimSpace(t[k+len(sep):]), true
			break
		}
	}
	l, err1 := strconv.ParseFloat(lo, 64)
	h, err2 := strconv.ParseFloat(hi, 64)
	if err1 != nil || err2 != nil || math.IsNaN(l) || math.IsNaN(h) || math.IsInf(l, 0) || math.IsInf(h, 0) {
		return bad(strconv.Quote(t) + " is not a rating")
	}
	if l < 1 || h > float64(scale) || l > float64(scale) || h < 1 {
		return bad(strconv.Quote(t) + " is outside 1.." + strconv.Itoa(scale))
	}
	if isRange && l > h {
		return Rating{}, false, &InputError{Field: field, Message: "the range " + t + " runs backwards",
			Hint: "write the lower end first: " + trimFloat(h) + "-" + trimFloat(l)}
	}
	return Rating{Low: l, High: h}, true, nil
}

// RatingValue is one priority's rating as a change to save: Known false
// makes it unknown.
type RatingValue struct {
	ID     string
	Rating Rating
	Known  bool
}

// RatingText writes a rating the way ParseRating reads it: "4", "2-4",
// or "" when it is unknown.
func RatingText(r Rating, known bool) string {
	if !known {
		return ""
	}
	if r.Known() {
		return trimFloat(r.Low)
	}
	return trimFloat(r.Low) + "-" + trimFloat(r.High)
}

// OpportunityInput is a new opportunity as typed: each field as text, as
// the command line and the New opportunity form have them.
type OpportunityInput struct {
	Name, Stage, Pay, Per, HoursPerWeek string
	Starts, RespondBy, DecisionExpected string
	Insurance                           bool
}

// The fields of an OpportunityInput, as InputError.Field names them.
const (
	FieldName             = "name"
	FieldStage            = "stage"
	FieldPay              = "pay"
	FieldPer              = "per"
	FieldHoursPerWeek     = "hours_per_week"
	FieldStarts           = "starts"
	FieldRespondBy        = "respond_by"
	FieldDecisionExpected = "decision_expected"
)

// PayPeriods are the values per takes, the default first.
func PayPeriods() []string { return []string{"year", "month", "hour"} }

// NewOpportunity reads in as a new opportunity of p, moved to its stage
// today (its history says so), or every field that cannot be read. A name
// p already has, ignoring case, is refused. An empty stage is a lead.
func NewOpportunity(p *Profile, in OpportunityInput, today Date) (Opportunity, []*InputError) {
	var errs []*InputError
	fail := func(field, msg, hint string) {
		errs = append(errs, &InputError{Field: field, Message: msg, Hint: hint})
	}
	o := Opportunity{Name: strings.TrimSpace(in.Name), Insurance: in.Insurance}
	switch {
	case o.Name == "":
		fail(FieldName, "a new opportunity needs a name", `name it after the employer: "Acme Logistics"`)
	case strings.ContainsAny(o.Name, "\n\r"):
		fail(FieldName, "a name is one line", "leave the line break out")
	default:
		for _, other := range p.Opportunities {
			if strings.EqualFold(other.Name, o.Name) {
				fail(FieldName, "the profile has "+strconv.Quote(other.Name)+" already", "add the team or city to tell them apart")
				break
			}
		}
	}
	o.Stage = StageLead
	if s := strings.ToLower(strings.TrimSpace(in.Stage)); s != "" {
		o.Stage = Stage(s)
		if !o.Stage.Valid() {
			fail(FieldStage, strconv.Quote(in.Stage)+" is not a stage", "use one of: "+stageWords())
		}
	}
	if t := strings.TrimSpace(in.Pay); t != "" {
		clean := strings.NewReplacer(",", "", "_", "", "$", "", "€", "", "£", "", " ", "").Replace(t)
		v, err := strconv.ParseFloat(clean, 64)
		switch {
		case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
			fail(FieldPay, strconv.Quote(t)+" is not an amount", "write the gross pay as a number: 52000")
		case v < 0 || v > MaxMoney:
			fail(FieldPay, "pay "+t+" is out of range", "write the gross pay, 0 or more: 52000")
		default:
			o.Pay = Float(v)
		}
	}
	if t := strings.ToLower(strings.TrimSpace(in.Per)); t != "" {
		o.Per = t
		known := false
		for _, p := range PayPeriods() {
			known = known || p == t
		}
		if !known {
			fail(FieldPer, strconv.Quote(in.Per)+" is not a pay period", "use year, month or hour")
		} else if strings.TrimSpace(in.Pay) == "" {
			fail(FieldPer, "a pay period needs a pay", "give the pay too, or leave the period out")
		}
	}
	if t := strings.TrimSpace(in.HoursPerWeek); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || !(v > 0 && v <= 168) {
			fail(FieldHoursPerWeek, strconv.Quote(t)+" is not a number of hours a week", "hours a week run from more than 0 to 168: 20")
		} else {
			o.HoursPerWeek = v
		}
	}
	if o.Per == "hour" && o.HoursPerWeek == 0 && o.Pay != nil {
		fail(FieldHoursPerWeek, "pay by the hour needs the hours a week", "give the hours a week too: 20")
	}
	for _, d := range []struct {
		field, text string
		into        *Date
	}{{FieldStarts, in.Starts, &o.Starts}, {FieldRespondBy, in.RespondBy, &o.RespondBy}, {FieldDecisionExpected, in.DecisionExpected, &o.DecisionExpected}} {
		if t := strings.TrimSpace(d.text); t != "" {
			v, err := ParseDate(t)
			if err != nil {
				fail(d.field, strconv.Quote(t)+" is not a date", "write it YYYY-MM-DD: "+today.AddDays(14).String())
				continue
			}
			if !v.Plausible() {
				fail(d.field, strconv.Quote(t)+" is outside the years "+strconv.Itoa(FirstYear)+" to "+strconv.Itoa(LastYear), PlausibleHint())
				continue
			}
			*d.into = v
		}
	}
	if !today.IsZero() {
		o.History = []Move{{Stage: o.Stage, On: today}}
	}
	return o, errs
}

func stageWords() string {
	words := make([]string, 0, len(Stages()))
	for _, s := range Stages() {
		words = append(words, string(s))
	}
	return strings.Join(words, ", ")
}
