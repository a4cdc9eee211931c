package profiles

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"mutual/model"
)

// This file holds the typed walker, which reads one file's decoded TOML
// value by value into checked Go values: numbers, numbers in a range,
// money, whole numbers, text, booleans, dates, and the tables of settings
// that package model describes ([situation], [model], [search]). A wrong
// value is reported at its place with a hint; an unknown key is a warning
// with a "did you mean". Each table's own keys are read in that table's
// file.

// walker checks one file's document against the format and adds what it
// says to the merged profile.
type walker struct {
	// block is the name (or id) of the [[block]] being walked, for messages.
	block string
	file  string
	text  *lazyIndex
	ds    *diags
	m     *merged
}

func (w *walker) at(path ...string) Origin {
	return Origin{File: w.file, key: slices.Clone(path), text: w.text}
}

// errAt reports an error at the value of path.
func (w *walker) errAt(path []string, hint, format string, args ...any) {
	line, col := w.text.get().locateValue(path...)
	w.ds.add(Diagnostic{File: w.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// warnKey reports a warning at the key of path.
func (w *walker) warnKey(path []string, hint, format string, args ...any) {
	line, col := w.text.get().locate(path...)
	w.ds.add(Diagnostic{File: w.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint, Warning: true})
}

// keys returns a table's keys. Their order does not matter: diagnostics
// are sorted by position at the end, and nothing else depends on it.
func (w *walker) keys(_ []string, m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// keyPaths hands out the paths of one table's keys from a single buffer,
// so that walking a table allocates one path rather than one per key (a
// big pipeline has tens of thousands). A path it returns is good until
// the next call; whatever keeps a path copies it (see [walker.at]), and
// messages use it at once. One spare slot lets a key's own children (an
// opportunity's ratings) be appended without allocating either.
type keyPaths []string

func pathsUnder(path []string) keyPaths {
	kp := make([]string, len(path)+1, len(path)+2)
	copy(kp, path)
	return kp
}

// of returns the path of key k.
func (kp keyPaths) of(k string) []string {
	kp[len(kp)-1] = k
	return kp
}

// misnamed maps names people reach for to the key the format uses.
var misnamed = map[string]string{
	"salary": "pay", "wage": "pay", "compensation": "pay", "company": "name", "employer": "name",
	"status": "stage", "probability": "chance", "odds": "chance", "start": "starts", "start_date": "starts",
	"deadline": "respond_by", "expenses": "monthly_expenses", "income": "monthly_income", "cash": "savings",
	"priorities": "priority", "opportunities": "opportunity", "scenarios": "scenario", "rating": "ratings",
	"insured_now": "insured", "health_insurance": "insurance", "hours": "hours_per_week", "tax": "tax_rate",
	"includes": "include", "runway": "comfortable_runway", "floor": "at_least", "minimum": "at_least",
	"question": "ask", "name": "label", "title": "label",
	"offers_per_month": "find_rate", "wait_days": "hold_days",
}

func (w *walker) unknownKey(path []string, key string, known []string) {
	hint := "remove it, or check the spelling against the keys in docs/profile.md"
	if s, ok := misnamed[key]; ok && slices.Contains(known, s) {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else if s := suggest(key, known); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	w.warnKey(append(slices.Clone(path), key), hint, "unknown key %q in %s; it is ignored", key, w.tableName(path))
}

// tableName names the table at path for a message: [situation],
// [[opportunity]] "Acme", [[priority]] number 2.
func (w *walker) tableName(path []string) string {
	if len(path) == 0 {
		return "the top level"
	}
	if len(path) >= 2 {
		if _, err := strconv.Atoi(path[1]); err == nil {
			name := "[[" + path[0] + "]] number " + strconv.Itoa(atoi(path[1])+1)
			if w.block != "" {
				name = "[[" + path[0] + "]] " + strconv.Quote(w.block)
			}
			if len(path) > 2 {
				return name + "'s " + strings.Join(path[2:], ".")
			}
			return name
		}
	}
	return "[" + strings.Join(path, ".") + "]"
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// set records a scalar in one of the merged tables, refusing a second
// file's different value.
func (w *walker) set(into map[string]setting, key string, v any, path []string, table string) {
	at := w.at(path...)
	if prev, ok := into[key]; ok {
		if prev.value != v {
			w.errAt(path, fmt.Sprintf("keep one of them (the other is at %s:%d)", prev.at.File, prev.at.Line()),
				"%s%s is set in two files with different values", table, key)
		}
		return
	}
	into[key] = setting{value: v, at: at}
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "a whole number"
	case float64:
		if math.IsNaN(x) {
			return "nan"
		}
		if math.IsInf(x, 1) {
			return "inf"
		}
		if math.IsInf(x, -1) {
			return "-inf"
		}
		return "a number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case []map[string]any:
		return "a list of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

func (w *walker) table(path []string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		hint := fmt.Sprintf("write it as a table: [%s] on a line of its own, then key = value lines", last(path))
		if last(path) == "ratings" {
			hint = "write [opportunity.ratings] on a line of its own under the opportunity, then one priority_id = rating per line"
		}
		w.errAt(path, hint, "%s must be a table, not %s", last(path), describe(v))
	}
	return t, ok
}

func (w *walker) tables(path []string, v any) ([]map[string]any, bool) {
	switch x := v.(type) {
	case []map[string]any:
		return x, true
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, item := range x {
			t, ok := item.(map[string]any)
			if !ok {
				break
			}
			out = append(out, t)
		}
		if len(out) == len(x) {
			return out, true
		}
	}
	w.errAt(path, fmt.Sprintf("write each one as a block starting with [[%s]]", path[0]),
		"%s must be a list of [[%s]] blocks, not %s", path[0], path[0], describe(v))
	return nil, false
}

// number reads a finite number.
func (w *walker) number(path []string, v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		if x, isStr := v.(string); isStr {
			if _, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64); err == nil {
				w.errAt(path, fmt.Sprintf("write the number without quotes: %s = %s", last(path), strings.ReplaceAll(x, ",", "")),
					"%s must be a number, not a string", last(path))
				return 0, false
			}
		}
		w.errAt(path, fmt.Sprintf("write a number, for example %s = 3", last(path)), "%s must be a number, not %s", last(path), describe(v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.errAt(path, "use an ordinary number", "%s must be a finite number, not %s", last(path), describe(f))
		return 0, false
	}
	return f, true
}

// ranged reads a number in [lo, hi] (or (lo, hi] when open).
func (w *walker) ranged(path []string, v any, lo, hi float64, open bool, hint string) (float64, bool) {
	f, ok := w.number(path, v)
	if !ok {
		return 0, false
	}
	if f < lo || (open && f == lo) || f > hi {
		w.errAt(path, hint, "%s = %s is out of range", last(path), fmtNum(f))
		return 0, false
	}
	return f, true
}

func (w *walker) money(path []string, v any) (float64, bool) {
	f, ok := w.number(path, v)
	if !ok {
		return 0, false
	}
	if f < 0 {
		hint := "money amounts are zero or more: write the amount without a sign"
		switch last(path) {
		case "monthly_expenses":
			hint = "money amounts are zero or more; write what comes in as monthly_income, not as negative expenses"
		case "upfront_cost", "monthly_cost":
			hint = "a cost is the amount spent, written without a minus; money that comes in once is a [[cash]]"
		}
		w.errAt(path, hint, "%s = %s is negative", last(path), fmtNum(f))
		return 0, false
	}
	if f > model.MaxMoney {
		w.errAt(path, "check for extra digits", "%s = %s is implausibly large", last(path), fmtNum(f))
		return 0, false
	}
	return f, true
}

func (w *walker) integer(path []string, v any) (int64, bool) {
	n, ok := v.(int64)
	if !ok {
		w.errAt(path, fmt.Sprintf("write a whole number, for example %s = 5", last(path)), "%s must be a whole number, not %s", last(path), describe(v))
	}
	return n, ok
}

func (w *walker) str(path []string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		w.errAt(path, fmt.Sprintf(`put text in quotes: %s = "..."`, last(path)), "%s must be text, not %s", last(path), describe(v))
	}
	return s, ok
}

func (w *walker) boolean(path []string, v any) (bool, bool) {
	b, ok := v.(bool)
	if !ok {
		w.errAt(path, fmt.Sprintf("write %s = true or %s = false, without quotes", last(path), last(path)), "%s must be true or false, not %s", last(path), describe(v))
	}
	return b, ok
}

func (w *walker) date(path []string, v any) (model.Date, bool) {
	hint := func() string { return fmt.Sprintf("write a date without quotes: %s = 2026-12-14", last(path)) }
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() != "date-local" {
			w.errAt(path, hint(), "%s must be a date, not a date and time", last(path))
			return model.Date{}, false
		}
		return w.plausible(path, model.DateOf(x))
	case string:
		if d, err := model.ParseDate(x); err == nil {
			w.warnKey(path, fmt.Sprintf("write it without quotes: %s = %s", last(path), d), "%s is a date written as text; it is read as %s", last(path), d)
			return w.plausible(path, d)
		}
	}
	w.errAt(path, hint(), "%s must be a date, not %s", last(path), describe(v))
	return model.Date{}, false
}

// plausible refuses a date outside the years a search plans for (see
// model.FirstYear), which would otherwise be counted as days that
// saturate: starts = 9999-12-31 paid from 2319.
func (w *walker) plausible(path []string, d model.Date) (model.Date, bool) {
	if !d.Plausible() {
		w.errAt(path, model.PlausibleHint(), "%s = %s is outside the years %d to %d", last(path), d, model.FirstYear, model.LastYear)
		return model.Date{}, false
	}
	return d, true
}

func last(path []string) string { return path[len(path)-1] }

func fmtNum(f float64) string {
	if math.Abs(f) >= 1e15 {
		return strconv.FormatFloat(f, 'g', 4, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// readSettings reads a table whose keys a model table describes
// ([situation], [model], [search], and a scenario's situation keys) into
// settings, each checked by its kind and range; a Boolean is kept as the
// model's number for it, 1 or 0. prefix names the table in messages, and
// skip lists keys the caller reads itself.
func readSettings[T any](w *walker, path []string, t map[string]any, table []model.Setting[T], into map[string]setting, prefix string, skip ...string) {
	kp := pathsUnder(path)
	for k, v := range t {
		if slices.Contains(skip, k) {
			continue
		}
		p := kp.of(k)
		i := slices.IndexFunc(table, func(s model.Setting[T]) bool { return s.Key == k })
		if i < 0 {
			known := make([]string, 0, len(table)+len(skip))
			for _, s := range table {
				known = append(known, s.Key)
			}
			w.unknownKey(path, k, append(known, skip...))
			continue
		}
		s := table[i]
		var f float64
		var ok bool
		switch s.Kind {
		case model.Money:
			f, ok = w.money(p, v)
		case model.Boolean:
			var b bool
			if b, ok = w.boolean(p, v); b {
				f = 1
			}
		default:
			hint := s.Hint
			if hint == "" {
				hint = s.Doc + ": " + s.RangeWords()
			}
			f, ok = w.ranged(p, v, s.Min, s.Max, s.MinOpen, hint)
			if ok && s.MaxOpen && f == s.Max {
				w.errAt(p, hint, "%s = %s is out of range", k, fmtNum(f))
				ok = false
			}
		}
		if ok {
			w.set(into, k, f, p, prefix)
		}
	}
}
