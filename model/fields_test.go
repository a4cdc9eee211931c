package model

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// snake is a Go field name as a profile key: HoursPerWeek is
// hours_per_week.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// TestEveryOpportunityFieldHasARow: a field of Opportunity with no row in
// the table would be neither read, written, documented nor settable.
func TestEveryOpportunityFieldHasARow(t *testing.T) {
	table := OpportunityFields()
	seen := map[string]bool{}
	for _, f := range table {
		if seen[f.Key] {
			t.Errorf("%s has two rows", f.Key)
		}
		seen[f.Key] = true
		if f.Get == nil {
			t.Errorf("%s has no Get: the writer could not write it", f.Key)
		}
		if f.Kind == Enum && (len(f.Words) == 0 || f.Noun == "") {
			t.Errorf("%s is an enum without its words or its noun", f.Key)
		}
		if f.Flag.Name != "" && f.Flag.Help == "" {
			t.Errorf("%s: add's --%s has no help", f.Key, f.Flag.Name)
		}
	}
	ty := reflect.TypeFor[Opportunity]()
	for i := range ty.NumField() {
		if key := snake(ty.Field(i).Name); !seen[key] {
			t.Errorf("Opportunity.%s has no row %q in OpportunityFields", ty.Field(i).Name, key)
		}
	}
	ty = reflect.TypeFor[Priority]()
	keys := map[string]bool{}
	for _, f := range PriorityFields() {
		keys[f.Key] = true
	}
	for _, name := range []string{"ID", "Label", "Weight", "LowText", "HighText", "AtLeast", "Ask", "FromPay"} {
		if _, ok := ty.FieldByName(name); !ok {
			t.Errorf("Priority has no field %s: keep this list in step", name)
		}
	}
	if len(keys) != ty.NumField() {
		t.Errorf("PriorityFields has %d rows for the %d fields of Priority", len(keys), ty.NumField())
	}
}

// TestFieldsParseAndSet: every key that takes one value reads a typed
// value by its kind, and what it sets is what the writer writes.
func TestFieldsParseAndSet(t *testing.T) {
	sample := map[Kind]string{Money: "$105k", Number: "", Boolean: "yes", DateKind: "2026-12-23", Text: "call back"}
	want := map[Kind]any{Money: 105000.0, Boolean: true, DateKind: NewDate(2026, time.December, 23), Text: "call back"}
	for _, f := range OpportunityFields() {
		if !f.Settable() {
			continue
		}
		text, ok := sample[f.Kind]
		switch {
		case f.Kind == Enum:
			text = f.Words[len(f.Words)-1]
		case f.Kind == Number:
			text = strconv.FormatFloat(f.Max, 'f', -1, 64)
		case !ok:
			t.Errorf("%s: no sample for its kind", f.Key)
			continue
		}
		v, err := f.Parse(text)
		if err != nil {
			t.Errorf("%s: %q: %v", f.Key, text, err)
			continue
		}
		if w, ok := want[f.Kind]; ok && v != w {
			t.Errorf("%s: %q read as %v, want %v", f.Key, text, v, w)
		}
		o := Opportunity{Pay: Float(1)}
		f.Set(&o, v)
		got, written := f.Get(o)
		if !written || got != v {
			t.Errorf("%s: set %v, the writer writes %v (%v)", f.Key, v, got, written)
		}
	}
}

// TestFieldsRefuse: a value out of range or of the wrong sort is refused
// with the key named and a hint.
func TestFieldsRefuse(t *testing.T) {
	table := OpportunityFields()
	for _, c := range []struct{ key, text, msg string }{
		{"chance", "1.5", "chance 1.5 is out of range"},
		{"chance", "-0.1", "out of range"},
		{"chance", "nan", "is not a number"},
		{"hours_per_week", "0", "out of range"},
		{"hours_per_week", "168.5", "out of range"},
		{"pay", "lots", `"lots" is not an amount`},
		{"pay", "-5", "is not an amount"},
		{"pay", "2e12", "is not an amount"},
		{"pay", "2000000m", "too large"},
		{"per", "fortnight", `"fortnight" is not a pay period`},
		{"stage", "hired", `"hired" is not a stage`},
		{"starts", "2026-13-01", "is not a date"},
		{"insurance", "maybe", "is not true or false"},
		{"contract_months", "1201", "out of range"},
	} {
		f, _ := FieldOf(table, c.key)
		if _, err := f.Parse(c.text); err == nil || !strings.Contains(err.Message, c.msg) || err.Hint == "" || err.Field != c.key {
			t.Errorf("%s %q: %+v, want %q with a hint", c.key, c.text, err, c.msg)
		}
	}
	if f, _ := FieldOf(table, "hours_per_week"); !f.Allows(168) || f.Allows(0) {
		t.Error("hours a week run from more than 0 to 168")
	}
}

func TestParseMoney(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"105000", 105000}, {"105k", 105000}, {"105K", 105000}, {"$105,000", 105000}, {"$105,000.50", 105000.5},
		{"1.2m", 1.2e6}, {"USD 85k", 85000}, {"€2,500", 2500}, {"52_000", 52000}, {" 52 000 ", 52000}, {"0", 0},
	} {
		if got, err := ParseMoney(c.text); err != nil || got != c.want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", c.text, got, err, c.want)
		}
	}
	for _, text := range []string{"", "lots", "-5", "1,2,3", "45.000", "1e3", "5k5", "$"} {
		if got, err := ParseMoney(text); err == nil {
			t.Errorf("ParseMoney(%q) = %v, want an error", text, got)
		}
	}
}

// TestParseMoneyReadsWhatItWrites: any whole amount, written with or
// without thousands separators, a currency mark or a k, reads back as
// itself.
func TestParseMoneyReadsWhatItWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 24))
	for range 2000 {
		n := r.IntN(10_000_000)
		plain := strconv.Itoa(n)
		var commas string
		for i, d := range plain {
			if i > 0 && (len(plain)-i)%3 == 0 {
				commas += ","
			}
			commas += string(d)
		}
		for _, text := range []string{plain, commas, "$" + commas, "USD " + plain, strconv.Itoa(n/1000) + "k"} {
			want := float64(n)
			if strings.HasSuffix(text, "k") {
				want = float64(n / 1000 * 1000)
			}
			if got, err := ParseMoney(text); err != nil || got != want {
				t.Fatalf("ParseMoney(%q) = %v, %v; want %v", text, got, err, want)
			}
		}
	}
}
