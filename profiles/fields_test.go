package profiles

import (
	"strings"
	"testing"

	"mutual/model"
)

// TestTrackerColumnsFillKeys: every column tracker import reads fills a
// key of the opportunity's table (or its name), so a column cannot fill a
// key the loader does not know.
func TestTrackerColumnsFillKeys(t *testing.T) {
	for _, c := range trackerColumns {
		key, _, _ := strings.Cut(c.what, " ")
		if _, ok := model.FieldOf(opportunityFields, key); !ok {
			t.Errorf("column %v fills %q, which is no key of an opportunity", c.names, c.what)
		}
	}
}

// TestWriterWritesWhatTheLoaderReads: an opportunity with every key that
// takes one value set is written and read back the same, through the
// one table both read.
func TestWriterWritesWhatTheLoaderReads(t *testing.T) {
	o := model.Opportunity{Name: "Acme", Stage: model.StageOffer, History: []model.Move{{Stage: model.StageOffer, On: model.NewDate(2026, 11, 2)}}}
	for _, f := range opportunityFields {
		if !f.Settable() || f.Key == model.FieldName || f.Key == model.FieldStage {
			continue
		}
		var text string
		switch f.Kind {
		case model.Money:
			text = "52k"
		case model.Number:
			text = fmtNum(f.Max)
		case model.Boolean:
			text = "true"
		case model.DateKind:
			text = "2026-12-23"
		case model.Enum:
			text = f.Words[len(f.Words)-1]
		default:
			text = "a note"
		}
		v, err := f.Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", f.Key, err)
		}
		f.Set(&o, v)
	}
	blocks, err := OpportunityBlocks([]model.Opportunity{o})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Parse("p.toml", []byte("version = 1\n[situation]\nsavings = 1\nmonthly_expenses = 1\n[[priority]]\nid = \"fit\"\n"+blocks))
	if err != nil {
		t.Fatalf("%v\n%s", err, blocks)
	}
	back := l.Profile.Opportunities[0]
	for _, f := range opportunityFields {
		want, _ := f.Get(o)
		got, _ := f.Get(back)
		if f.Settable() && got != want {
			t.Errorf("%s: wrote %v, read %v\n%s", f.Key, want, got, blocks)
		}
	}
}
