package profiles

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"
)

// This file is a small JSON Schema validator for the tests: it knows
// exactly the keywords the generated schema uses, as draft 2020-12 defines
// them, and refuses a schema that uses any other, so a keyword added to
// the schema is a keyword the tests learn to check rather than one they
// silently ignore. "format": "date" is asserted (a full-date of RFC 3339),
// as an editor that checks formats would.

// annotations are keywords that say something to a reader and nothing to
// a validator.
var annotations = []string{"$schema", "title", "description", "default"}

// schemaCheck validates instance against schema, appending one message
// per failure, each led by the instance's JSON pointer.
type schemaCheck struct {
	errs []string
	// unknown lists keywords of the schema the validator does not know.
	unknown []string
}

func (c *schemaCheck) fail(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	c.errs = append(c.errs, at+": "+fmt.Sprintf(format, args...))
}

func (c *schemaCheck) validate(schema map[string]any, v any, at string) {
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kw := schema[k]
		switch k {
		case "type":
			if !hasType(kw, v) {
				c.fail(at, "%s is not of type %v", jsonKind(v), kw)
				return // the other keywords would only repeat it
			}
		case "enum":
			if !slices.ContainsFunc(kw.([]any), func(e any) bool { return sameJSON(e, v) }) {
				c.fail(at, "%v is not one of %v", v, kw)
			}
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
			n, ok := jsonNumber(v)
			if !ok {
				continue
			}
			bound := kw.(float64)
			bad := map[string]bool{"minimum": n < bound, "maximum": n > bound, "exclusiveMinimum": n <= bound, "exclusiveMaximum": n >= bound}[k]
			if bad {
				c.fail(at, "%v fails %s %v", v, k, bound)
			}
		case "minLength":
			if s, ok := v.(string); ok && float64(len([]rune(s))) < kw.(float64) {
				c.fail(at, "%q is shorter than %v", s, kw)
			}
		case "format":
			if s, ok := v.(string); ok && kw == "date" {
				if _, err := time.Parse(time.DateOnly, s); err != nil {
					c.fail(at, "%q is not a date", s)
				}
			}
		case "properties":
			t, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props := kw.(map[string]any)
			for _, name := range sortedKeys(t) {
				if ps, ok := props[name]; ok {
					c.validate(ps.(map[string]any), t[name], at+"/"+name)
				}
			}
		case "additionalProperties":
			t, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props, _ := schema["properties"].(map[string]any)
			for _, name := range sortedKeys(t) {
				if _, known := props[name]; known {
					continue
				}
				switch x := kw.(type) {
				case bool:
					if !x {
						c.fail(at+"/"+name, "the key is not allowed")
					}
				case map[string]any:
					c.validate(x, t[name], at+"/"+name)
				}
			}
		case "required":
			t, ok := v.(map[string]any)
			if !ok {
				continue
			}
			for _, name := range kw.([]any) {
				if _, ok := t[name.(string)]; !ok {
					c.fail(at, "%s is required", name)
				}
			}
		case "items":
			list, ok := v.([]any)
			if !ok {
				continue
			}
			for i, item := range list {
				c.validate(kw.(map[string]any), item, at+"/"+strconv.Itoa(i))
			}
		case "minItems", "maxItems":
			list, ok := v.([]any)
			if !ok {
				continue
			}
			n := float64(len(list))
			if k == "minItems" && n < kw.(float64) || k == "maxItems" && n > kw.(float64) {
				c.fail(at, "%d items fail %s %v", len(list), k, kw)
			}
		case "anyOf":
			passed := false
			var all []string
			for _, sub := range kw.([]any) {
				inner := &schemaCheck{}
				inner.validate(sub.(map[string]any), v, at)
				c.unknown = append(c.unknown, inner.unknown...)
				if len(inner.errs) == 0 {
					passed = true
				}
				all = append(all, inner.errs...)
			}
			if !passed {
				c.fail(at, "matches none of anyOf: %v", all)
			}
		default:
			if !slices.Contains(annotations, k) {
				c.unknown = append(c.unknown, k)
			}
		}
	}
}

// hasType reports whether v is of the JSON type (or one of the types) t;
// an integer is a number with no fraction, as the draft defines it.
func hasType(t any, v any) bool {
	if list, ok := t.([]any); ok {
		return slices.ContainsFunc(list, func(e any) bool { return hasType(e, v) })
	}
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := jsonNumber(v)
		return ok
	case "integer":
		n, ok := jsonNumber(v)
		return ok && n == math.Trunc(n)
	}
	return false
}

func jsonNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return "a boolean"
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	}
	return fmt.Sprintf("%T", v)
}

func sameJSON(a, b any) bool {
	x, aNum := jsonNumber(a)
	y, bNum := jsonNumber(b)
	if aNum || bNum {
		return aNum && bNum && x == y
	}
	return a == b
}

// asJSON turns a decoded TOML document into the JSON value an editor
// checks against the schema: tables are objects, arrays (of tables too)
// are arrays, dates and times are their RFC 3339 text. JSON has no NaN
// and no infinity, so those become the text TOML writes them as: a
// number that is not one is not a number to the schema either.
func asJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = asJSON(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = asJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = asJSON(e)
		}
		return out
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return x.Format(time.DateOnly)
		case "datetime-local":
			return x.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			return x.Format("15:04:05.999999999")
		}
		return x.Format(time.RFC3339Nano)
	}
	return v
}
