package profiles

import (
	"mutual/model"
)

// This file reads the [model] table: the model's constants, each checked
// against its range in model.ParamTable.

func (w *walker) modelTable(path []string, t map[string]any) {
	table := model.ParamTable()
	bounds := make([]bounded, len(table))
	for i, pi := range table {
		bounds[i] = bounded{key: pi.Key, doc: pi.Doc, min: pi.Min, max: pi.Max, minOpen: pi.MinOpen}
	}
	w.boundedTable(path, t, bounds, w.m.model, "model.")
}
