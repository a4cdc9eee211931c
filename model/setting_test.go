package model

import (
	"math"
	"reflect"
	"testing"
)

// TestSituationTableCoversEveryField checks the table against the struct
// by reflection: each setting sets exactly one field of its own, and every
// field has a setting. A field added to Situation without a key in the
// table fails here, not in a profile that cannot set it.
func TestSituationTableCoversEveryField(t *testing.T) {
	owner := map[int]string{}
	for _, k := range SituationTable() {
		var s Situation
		if _, set := k.Value(s); set {
			t.Errorf("%s reads as set in the zero situation", k.Key)
		}
		k.Set(&s, 1)
		if v, set := k.Value(s); !set || v != 1 {
			t.Errorf("%s: after Set(1), Value = %v, %v", k.Key, v, set)
		}
		rv := reflect.ValueOf(s)
		var fields []int
		for i := range rv.NumField() {
			if !rv.Field(i).IsNil() {
				fields = append(fields, i)
			}
		}
		if len(fields) != 1 {
			t.Errorf("%s sets %d fields, want 1", k.Key, len(fields))
			continue
		}
		if prev, dup := owner[fields[0]]; dup {
			t.Errorf("%s and %s set the same field", prev, k.Key)
		}
		owner[fields[0]] = k.Key
	}
	if n := reflect.TypeFor[Situation]().NumField(); len(owner) != n {
		t.Errorf("the table covers %d of Situation's %d fields", len(owner), n)
	}
}

// TestOverlayReplacesOnlyWhatIsSet overlays one key at a time on a full
// situation: that key takes the patch's value, every other keeps its own.
func TestOverlayReplacesOnlyWhatIsSet(t *testing.T) {
	table := SituationTable()
	var base Situation
	for _, k := range table {
		k.Set(&base, k.Min) // any value will do: Overlay checks none
	}
	if base.IsZero() {
		t.Fatal("a full situation reads as zero")
	}
	for _, k := range table {
		var patch Situation
		want := k.Max
		k.Set(&patch, want)
		got := base.Overlay(patch)
		for _, other := range table {
			v, set := other.Value(got)
			expect := other.Min
			if other.Key == k.Key {
				expect = want
			}
			if !set || v != expect {
				t.Errorf("overlaying %s: %s = %v, %v; want %v", k.Key, other.Key, v, set, expect)
			}
		}
	}
	if got := base.Overlay(Situation{}); got != base {
		t.Error("overlaying the zero situation changed something")
	}
}

// TestTablesAreWellFormed checks what every reader of the three tables
// relies on: unique keys, a doc, a range that is not empty, money from 0 to
// MaxMoney, no NaN, and a default (where there is one) that the setting
// itself allows.
func TestTablesAreWellFormed(t *testing.T) {
	checkTable(t, "situation", SituationTable())
	checkTable(t, "model", ParamTable())
	checkTable(t, "search", SearchParamTable())
}

func checkTable[T any](t *testing.T, name string, table []Setting[T]) {
	t.Helper()
	seen := map[string]bool{}
	for _, s := range table {
		if seen[s.Key] {
			t.Errorf("%s: key %s twice", name, s.Key)
		}
		seen[s.Key] = true
		if s.Doc == "" {
			t.Errorf("%s.%s has no doc", name, s.Key)
		}
		if s.Min >= s.Max {
			t.Errorf("%s.%s: range %v..%v is empty", name, s.Key, s.Min, s.Max)
		}
		if s.Kind == Money && (s.Min != 0 || s.Max != MaxMoney || s.MinOpen || s.MaxOpen) {
			t.Errorf("%s.%s: money runs from 0 to MaxMoney, not %s", name, s.Key, s.RangeWords())
		}
		if s.Default != nil && !s.Allows(*s.Default) {
			t.Errorf("%s.%s: default %v is out of its own range", name, s.Key, *s.Default)
		}
		if s.Allows(math.NaN()) {
			t.Errorf("%s.%s allows NaN", name, s.Key)
		}
	}
}

// TestDefaultsAreTheBuiltInValues: a table's defaults are the values in
// force in the default Params and SearchParams, so explain and the JSON
// Schema can never disagree with the model.
func TestDefaultsAreTheBuiltInValues(t *testing.T) {
	for _, k := range ParamTable() {
		v, _ := k.Value(DefaultParams())
		if k.Default == nil || *k.Default != v {
			t.Errorf("model.%s: default %v, DefaultParams has %v", k.Key, k.Default, v)
		}
	}
	for _, k := range SearchParamTable() {
		v, set := k.Value(DefaultSearchParams())
		if set != (k.Default != nil) || set && *k.Default != v {
			t.Errorf("search.%s: default %v, DefaultSearchParams has %v, %v", k.Key, k.Default, v, set)
		}
	}
}

// TestAllowsHonoursOpenEnds checks the ends of a range one by one.
func TestAllowsHonoursOpenEnds(t *testing.T) {
	s := Setting[Params]{Min: 0, Max: 1, MinOpen: true}
	for v, want := range map[float64]bool{0: false, 1e-9: true, 1: true, 1.0000001: false} {
		if s.Allows(v) != want {
			t.Errorf("(0, 1] allows %v: %v, want %v", v, !want, want)
		}
	}
	s = Setting[Params]{Min: 0, Max: 1, MaxOpen: true}
	if !s.Allows(0) || s.Allows(1) {
		t.Error("[0, 1) is wrong at an end")
	}
	if words := s.RangeWords(); words != "at least 0 and less than 1" {
		t.Errorf("RangeWords = %q", words)
	}
	b := Setting[Situation]{Kind: Boolean, Min: 0, Max: 1}
	if !b.Allows(0) || !b.Allows(1) || b.Allows(0.5) {
		t.Error("a Boolean allows only 0 and 1")
	}
}
