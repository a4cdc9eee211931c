package model

// stateMemo keeps the break-evens of one state, each worked out the first
// time it is asked for: the JSON report, the table, the dashboard's
// header, its ranking and its Priorities page all ask for them, and each
// costs a pass over every opportunity. A state is never changed once
// made, so what is kept stays true; a state made from another (by
// WithUrgency or WithWeights) gets a memo of its own.
type stateMemo struct {
	flips     []WeightFlip
	flipsDone bool
	shares    FirstShares
	// below and above are the nearest runway changes, which the header's
	// long and short sentences both ask for.
	below, above *RunwayChange
	nearDone     bool
}
