package profiles

import (
	"mutual/model"
)

// This file reads the [model] table: the model's constants, each checked
// against its range in model.ParamTable, and the constants in force once
// every file is read.

func (w *walker) modelTable(path []string, t map[string]any) {
	readSettings(w, path, t, model.ParamTable(), w.m.model, "model.")
}

// buildModel fills the profile's constants: the defaults, with what
// [model] sets over them.
func (l *loader) buildModel(out *Loaded) {
	p := &out.Profile
	p.Params = model.DefaultParams()
	out.Origins.Model = map[string]Origin{}
	for _, pi := range model.ParamTable() {
		if v, ok := l.m.model[pi.Key]; ok {
			pi.Set(&p.Params, v.value.(float64))
			out.Origins.Model[pi.Key] = v.at
		}
	}
}
