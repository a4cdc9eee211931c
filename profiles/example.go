package profiles

import (
	_ "embed"

	"mutual/model"
)

// Starter is the commented profile that `mutual init` writes.
//
//go:embed starter.toml
var Starter string

//go:embed example.toml
var example []byte

// ExampleName is how messages refer to the built-in example.
const ExampleName = "(built-in example)"

// exampleAnchor is the day the example's story is written for.
var exampleAnchor = model.NewDate(2026, 11, 25)

// Example loads the built-in example profile with every date moved by as
// many days as today is after the day its story is written for, so the
// offer deadline is always a few days away.
func Example(today model.Date) (*Loaded, error) {
	l, err := Parse(ExampleName, example)
	if err != nil {
		return nil, err
	}
	shift := exampleAnchor.DaysUntil(today)
	move := func(d *model.Date) {
		if !d.IsZero() {
			*d = d.AddDays(shift)
		}
	}
	for i := range l.Profile.Opportunities {
		o := &l.Profile.Opportunities[i]
		move(&o.Starts)
		move(&o.RespondBy)
		move(&o.DecisionExpected)
	}
	return l, nil
}
