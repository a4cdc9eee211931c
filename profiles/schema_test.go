package profiles

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"mutual/model"
)

// loadSchema decodes the generated schema, failing on anything that is
// not JSON or that the tests' validator does not know.
func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	if s["$schema"] != SchemaDraft {
		t.Errorf("$schema = %v", s["$schema"])
	}
	c := &schemaCheck{}
	c.validate(s, map[string]any{}, "")
	walkSchemas(s, func(sub map[string]any) { c.validate(sub, nil, "") })
	if len(c.unknown) > 0 {
		slices.Sort(c.unknown)
		t.Fatalf("the schema uses keywords the tests do not check: %v", slices.Compact(c.unknown))
	}
	return s
}

// walkSchemas calls f on every subschema of s.
func walkSchemas(s map[string]any, f func(map[string]any)) {
	visit := func(v any) {
		if sub, ok := v.(map[string]any); ok {
			f(sub)
			walkSchemas(sub, f)
		}
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for _, p := range props {
			visit(p)
		}
	}
	visit(s["items"])
	visit(s["additionalProperties"])
	if list, ok := s["anyOf"].([]any); ok {
		for _, sub := range list {
			visit(sub)
		}
	}
}

// schemaErrors validates the TOML text against the schema, as an editor
// would, and returns its complaints.
func schemaErrors(t *testing.T, schema map[string]any, text []byte) []string {
	t.Helper()
	var doc map[string]any
	if _, err := toml.Decode(string(text), &doc); err != nil {
		t.Fatalf("not TOML: %v", err)
	}
	c := &schemaCheck{}
	c.validate(schema, asJSON(doc), "")
	return c.errs
}

// TestSchemaGoodProfiles: every good profile of the corpus, its include,
// the built-in example and the starter profile are valid against the
// schema, except where the loader itself warns about a key it does not
// know: the schema flags exactly those keys.
func TestSchemaGoodProfiles(t *testing.T) {
	schema := loadSchema(t)
	unknownKeys := map[string][]string{
		"warnings.toml": {"/futures", "/opportunity/0/salary", "/priority/0/wieght", "/situation/insured_now"},
	}
	files, _ := filepath.Glob("testdata/profiles/good/*.toml")
	includes, _ := filepath.Glob("testdata/profiles/good/includes/*.toml")
	files = append(append(files, includes...), "example.toml", "starter.toml")
	if len(files) < 8 {
		t.Fatalf("only %d good profiles", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var flagged []string
			for _, e := range schemaErrors(t, schema, text) {
				at, _, _ := strings.Cut(e, ": ")
				if !strings.HasSuffix(e, "the key is not allowed") {
					t.Errorf("a good profile fails the schema: %s", e)
				}
				flagged = append(flagged, at)
			}
			slices.Sort(flagged)
			if want := unknownKeys[filepath.Base(path)]; !slices.Equal(flagged, want) {
				t.Errorf("the schema flags %v; the loader warns about unknown keys at %v", flagged, want)
			}
		})
	}
}

// TestSchemaBadProfiles: every broken profile of the corpus whose fault is
// a value's type or range fails the schema too, unless the rule depends
// on another key, which a schema cannot see.
func TestSchemaBadProfiles(t *testing.T) {
	schema := loadSchema(t)
	beyond := map[string]string{
		"range-at-least-above-scale.toml": "at_least is bounded by the profile's own scale",
		"range-rating-high.toml":          "a rating is bounded by the profile's own scale",
		"range-reversed.toml":             "a range's ends are checked against each other",
		"from-pay-reversed.toml":          "from_pay's ends are checked against each other",
	}
	var files []string
	for _, pattern := range []string{"type-*", "range-*", "nan-*", "inf-*", "per-bad", "stage-misspelled", "rating-string",
		"version-2", "datetime-not-date", "scenario-bad-key", "from-pay-reversed"} {
		m, _ := filepath.Glob("testdata/profiles/bad/" + pattern + ".toml")
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("only %d profiles with type or range errors", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			errs := schemaErrors(t, schema, text)
			if why, ok := beyond[name]; ok {
				if len(errs) > 0 {
					t.Errorf("listed as beyond a schema (%s), but it fails it: %v", why, errs)
				}
				return
			}
			if len(errs) == 0 {
				t.Errorf("the loader refuses %s, but the schema accepts it", name)
			}
			for _, e := range errs {
				t.Log(e)
			}
		})
	}
}

// TestSchemaAgreesWithLoader writes every key of every table the schema
// describes into a profile, at each end of its range and just beyond it,
// and with a value of the wrong type, and checks that the loader and the
// schema say the same about each: the two read the same tables, and this
// is where they would part if a range were written in only one of them.
func TestSchemaAgreesWithLoader(t *testing.T) {
	schema := loadSchema(t)
	type slot struct {
		table string // "" for the top level
		spec  keySpec
	}
	var slots []slot
	for _, s := range topTable {
		slots = append(slots, slot{"", s})
	}
	for _, s := range priorityTable {
		slots = append(slots, slot{"priority", s})
	}
	for _, s := range opportunityTable {
		slots = append(slots, slot{"opportunity", s})
	}
	for _, s := range scenarioTable {
		slots = append(slots, slot{"scenario", s})
	}
	addSettings := func(table string, specs []keySpec) {
		for _, s := range specs {
			slots = append(slots, slot{table, s})
		}
	}
	addSettings("situation", settingSpecs(model.SituationTable()))
	addSettings("model", settingSpecs(model.ParamTable()))
	addSettings("search", settingSpecs(model.SearchParamTable()))
	addSettings("scenario", settingSpecs(model.SituationTable()))

	checked := 0
	for _, sl := range slots {
		for _, c := range valueCases(sl.spec) {
			name := strings.TrimPrefix(sl.table+"."+sl.spec.key, ".") + " = " + c.value
			text, line := profileWith(sl.table, sl.spec.key, c.value)
			loaderOK, unknown := loaderVerdict(t, text, line)
			if unknown {
				if sl.spec.kind == kindWeights {
					t.Logf("%s: the loader does not read a scenario's weights yet", name)
					continue
				}
				t.Errorf("%s: the schema has the key; the loader does not know it", name)
				continue
			}
			schemaOK := len(schemaErrors(t, schema, []byte(text))) == 0
			if loaderOK != c.valid || schemaOK != c.valid {
				t.Errorf("%s: valid should be %v; the loader says %v, the schema %v", name, c.valid, loaderOK, schemaOK)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Errorf("only %d cases checked", checked)
	}
}

// settingSpecs describes a model table of settings as key specs, for the
// test to write values of each.
func settingSpecs[T any](table []model.Setting[T]) []keySpec {
	var out []keySpec
	for _, s := range table {
		k := keySpec{key: s.Key, kind: kindNumber, min: s.Min, max: s.Max, minOpen: s.MinOpen, maxOpen: s.MaxOpen}
		switch s.Kind {
		case model.Boolean:
			k.kind = kindBool
		case model.Money:
			k.kind = kindMoney
		}
		out = append(out, k)
	}
	return out
}

// valueCase is a value written as TOML and whether the format allows it.
type valueCase struct {
	value string
	valid bool
}

// valueCases are the values to try for a key: each end of a number's
// range and just beyond it, and a value of another type.
func valueCases(s keySpec) []valueCase {
	num := func(f float64) string {
		if s.kind == kindWhole {
			return strconv.FormatInt(int64(f), 10)
		}
		str := strconv.FormatFloat(f, 'g', -1, 64)
		if !strings.ContainsAny(str, ".en") {
			str += ".0"
		}
		return str
	}
	step := func(f float64) float64 {
		if s.kind == kindWhole || s.kind == kindMoney {
			return 1
		}
		return max(1e-6, abs(f)*1e-6)
	}
	wrong := valueCase{`"text"`, false}
	switch s.kind {
	case kindMoney:
		s.min, s.max = 0, model.MaxMoney
		fallthrough
	case kindNumber, kindWhole:
		cs := []valueCase{wrong,
			{num(s.min), !s.minOpen}, {num(s.min - step(s.min)), false},
			{num(s.max), !s.maxOpen}, {num(s.max + step(s.max)), false},
			{"nan", false}, {"inf", false},
		}
		if s.minOpen {
			cs = append(cs, valueCase{num(s.min + step(s.min)), true})
		}
		if s.maxOpen {
			cs = append(cs, valueCase{num(s.max - step(s.max)), true})
		}
		return cs
	case kindText:
		if s.required {
			return []valueCase{{`"Second"`, true}, {"3", false}}
		}
		return []valueCase{{`"x"`, true}, {"3", false}}
	case kindBool:
		return []valueCase{{"true", true}, {"false", true}, {`"yes"`, false}}
	case kindDate:
		return []valueCase{{"2026-12-14", true}, {"20261214", false}, {"2026-12-14T09:00:00", false}}
	case kindEnum:
		return []valueCase{{strconv.Quote(s.words[len(s.words)-1]), true}, {`"fortnight"`, false}, {"1", false}}
	case kindFiles:
		return []valueCase{{"[]", true}, {"5", false}, {"[3]", false}}
	case kindPayRange:
		return []valueCase{{"[40000, 80000]", true}, {"[40000]", false}, {"[-1, 80000]", false}, {`"40000"`, false}}
	case kindRatings:
		return []valueCase{{"{ fit = 3 }", true}, {"{ fit = [2, 4] }", true}, {"{ fit = 0 }", false},
			{"{ fit = [1, 2, 3] }", false}, {`{ fit = "high" }`, false}, {"3", false}}
	case kindHistory:
		return []valueCase{{`[{ stage = "applied", on = 2026-11-02 }]`, true}, {"[]", true}, {`[{ stage = "sent", on = 2026-11-02 }]`, false},
			{`[{ stage = "applied" }]`, false}, {`"applied"`, false}}
	case kindWeights:
		return []valueCase{{"{ fit = 2 }", true}, {"{ fit = -1 }", false}, {`{ fit = "a lot" }`, false}, {"2", false}}
	}
	return nil // tables and blocks: the structure the other cases write into
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// profileWith is a valid profile with key set to value in table (a
// [[block]] name, a [table] or "" for the top level), and the line the key
// is on. The scale is the largest, so that a deal-breaker floor and a
// rating can reach the top of their range.
func profileWith(table, key, value string) (string, int) {
	tables := []struct {
		name   string
		header string
		lines  []string
	}{
		{"", "", []string{"version = 1", "scale = 100"}},
		{"situation", "[situation]", []string{"savings = 9000", "monthly_expenses = 3100"}},
		{"priority", "[[priority]]", []string{`id = "fit"`}},
		{"opportunity", "[[opportunity]]", []string{`name = "Acme"`, `stage = "offer"`, "ratings.fit = 3"}},
		{"scenario", "[[scenario]]", []string{`name = "calm"`}},
		{"model", "[model]", nil},
		{"search", "[search]", nil},
	}
	var b strings.Builder
	at, n := 0, 0
	for _, tb := range tables {
		if tb.header != "" {
			b.WriteString(tb.header + "\n")
			n++
		}
		lines := tb.lines
		if tb.name == table {
			lines = slices.DeleteFunc(slices.Clone(lines), func(l string) bool {
				return strings.HasPrefix(l, key+" ") || strings.HasPrefix(l, key+".")
			})
			lines = append(lines, key+" = "+value)
		}
		for _, l := range lines {
			b.WriteString(l + "\n")
			n++
			if tb.name == table && l == key+" = "+value {
				at = n
			}
		}
	}
	return b.String(), at
}

// loaderVerdict loads text and says whether the loader accepts the value
// on line (no error there about its type or range), and whether it warns
// that the key there is unknown.
func loaderVerdict(t *testing.T, text string, line int) (ok, unknown bool) {
	t.Helper()
	l, err := Parse("profile.toml", []byte(text))
	var diags []Diagnostic
	var pe *Error
	switch {
	case errors.As(err, &pe):
		diags = pe.Diagnostics
	case err != nil:
		t.Fatal(err)
	default:
		diags = l.Warnings
	}
	ok = true
	for _, d := range diags {
		if d.Line != line && !strings.Contains(d.Message, "TOML") {
			continue
		}
		if d.Warning {
			unknown = unknown || strings.Contains(d.Message, "unknown key")
			continue
		}
		for _, about := range []string{"out of range", "negative", "implausibly large", "must be", "must have", "must hold", "not a stage",
			"not a pay period", "not supported", "outside", "TOML", "runs backwards", "must go from lower"} {
			if strings.Contains(d.Message, about) {
				ok = false
			}
		}
	}
	return ok, unknown
}
