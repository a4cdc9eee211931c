package profiles

import (
	"bytes"
	"encoding/json"
	"strings"

	"mutual/model"
)

// This file writes the JSON Schema of profile format version 1, for
// editors that check TOML against one (taplo, and Even Better TOML, which
// runs it). It is generated from the key tables the loader reads (keys.go)
// and from package model's tables of settings, so an editor flags what
// 'mutual check' would: a key the format does not have, a value of the
// wrong type or out of its range, a stage or a pay period that is not
// one. Some rules depend on other keys or on the whole profile (a rating
// above the profile's own scale, a range written backwards, an id no
// priority has, duplicate names, hourly pay without hours_per_week); a
// schema cannot say those, and check remains the judge.

// SchemaDraft is the JSON Schema dialect the schema is written in.
const SchemaDraft = "https://json-schema.org/draft/2020-12/schema"

// Schema returns the JSON Schema of profile format version 1, indented,
// with a final newline. Its properties keep the order of the key tables,
// which is the order docs/profile.md lists them in.
func Schema() ([]byte, error) {
	s := object(
		"$schema", SchemaDraft,
		"title", "mutual profile, format version 1",
		"description", "A profile for mutual, which weighs job opportunities by how well they fit you against how urgently you need a paycheck. "+
			"Run 'mutual check' for the rules a schema cannot express.",
		"type", "object",
		"properties", properties(topTable, nil),
		"additionalProperties", false,
	)
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// properties is the "properties" of a table: each key of table, then the
// settings a block may also carry (a scenario's [situation] keys).
func properties(table []keySpec, extra jsonObject) jsonObject {
	var props jsonObject
	for _, s := range table {
		props = append(props, jsonMember{s.key, keySchema(s)})
	}
	return append(props, extra...)
}

// keySchema is the schema of one key.
func keySchema(s keySpec) jsonObject {
	desc := s.doc
	if s.defWords != "" {
		desc += ". Default: " + s.defWords
	}
	sch := object("description", sentence(desc))
	switch s.kind {
	case kindText:
		sch = sch.with("type", "string")
	case kindNumber:
		sch = sch.with("type", "number").with(bounds(s.min, s.max, s.minOpen, s.maxOpen)...)
	case kindMoney:
		sch = sch.with(moneySchema()...)
	case kindWhole:
		sch = sch.with("type", "integer").with(bounds(s.min, s.max, s.minOpen, s.maxOpen)...)
	case kindBool:
		sch = sch.with("type", "boolean")
	case kindDate:
		sch = sch.with("type", "string", "format", "date")
	case kindEnum:
		sch = sch.with("type", "string", "enum", s.words)
	case kindFiles:
		sch = sch.with("type", []string{"string", "array"}, "minLength", 1, "items", object("type", "string", "minLength", 1))
	case kindPayRange:
		sch = sch.with("type", "array", "items", object(moneySchema()...), "minItems", 2, "maxItems", 2)
	case kindRatings:
		rating := object("type", "number").with(bounds(1, maxScale, false, false)...)
		sch = sch.with("type", "object", "additionalProperties", object("anyOf", []jsonObject{
			rating,
			object("type", "array", "items", rating, "minItems", 2, "maxItems", 2),
		}))
	case kindHistory:
		sch = sch.with("type", "array", "items", object("type", "object", "required", []string{"stage", "on"}, "additionalProperties", false,
			"properties", object("stage", object("type", "string", "enum", s.words), "on", object("type", "string", "format", "date"))))
	case kindWeights:
		sch = sch.with("type", "object", "additionalProperties", object("type", "number").with(bounds(s.min, s.max, false, false)...))
	case kindSettings:
		sch = sch.with("type", "object", "properties", settingsOf(s.key), "additionalProperties", false)
	case kindBlocks:
		sch = sch.with("type", "array", "items", blockSchema(s.key))
	}
	if s.def != nil {
		sch = sch.with("default", s.def)
	}
	return sch
}

// blockSchema is the schema of one [[block]] of the named list.
func blockSchema(name string) jsonObject {
	var table []keySpec
	var extra jsonObject
	switch name {
	case "priority":
		table = priorityTable
	case "opportunity":
		table = opportunityTable
	case "scenario":
		table, extra = scenarioTable, settingsOf("situation")
	case "income":
		table = incomeTable
	case "cash":
		table = cashTable
	}
	var required []string
	for _, s := range table {
		if s.required {
			required = append(required, s.key)
		}
	}
	sch := object("type", "object", "properties", properties(table, extra))
	if len(required) > 0 {
		sch = sch.with("required", required)
	}
	return sch.with("additionalProperties", false)
}

// settingsOf is the properties of a table of settings, from the model's
// table that describes it.
func settingsOf(table string) jsonObject {
	switch table {
	case "situation":
		return settingProperties(model.SituationTable())
	case "model":
		return settingProperties(model.ParamTable())
	case "search":
		return settingProperties(model.SearchParamTable())
	}
	return nil
}

// settingProperties is a model table of settings as schema properties.
func settingProperties[T any](table []model.Setting[T]) jsonObject {
	var props jsonObject
	for _, s := range table {
		sch := object("description", sentence(s.Doc))
		switch s.Kind {
		case model.Boolean:
			sch = sch.with("type", "boolean")
			if s.Default != nil {
				sch = sch.with("default", *s.Default != 0)
			}
		case model.Money:
			sch = sch.with(moneySchema()...)
		default:
			sch = sch.with("type", "number").with(bounds(s.Min, s.Max, s.MinOpen, s.MaxOpen)...)
		}
		if s.Default != nil && s.Kind != model.Boolean {
			sch = sch.with("default", *s.Default)
		}
		props = append(props, jsonMember{s.Key, sch})
	}
	return props
}

// moneySchema is the type and range of an amount of money.
func moneySchema() []any {
	return []any{"type", "number", "minimum", 0, "maximum", model.MaxMoney}
}

// bounds are the range keywords of a number from lo to hi, either end open.
func bounds(lo, hi float64, loOpen, hiOpen bool) []any {
	kw := []any{"minimum", lo, "maximum", hi}
	if loOpen {
		kw[0] = "exclusiveMinimum"
	}
	if hiOpen {
		kw[2] = "exclusiveMaximum"
	}
	return kw
}

// sentence starts a phrase with a capital and ends it with a full stop,
// as an editor's hover shows a description.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// jsonObject is a JSON object whose members keep their order, so that the
// schema reads in the order of the key tables (encoding/json sorts a
// map's keys).
type jsonObject []jsonMember

type jsonMember struct {
	key   string
	value any
}

// object builds a jsonObject from key, value pairs.
func object(kv ...any) jsonObject { return jsonObject(nil).with(kv...) }

// with returns o with the key, value pairs added.
func (o jsonObject) with(kv ...any) jsonObject {
	for i := 0; i+1 < len(kv); i += 2 {
		o = append(o, jsonMember{kv[i].(string), kv[i+1]})
	}
	return o
}

// MarshalJSON writes the members in order.
func (o jsonObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
