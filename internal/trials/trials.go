// Package trials sizes the tests that try many cases (property trials,
// sweeps over screen sizes or code points, a very large profile) by the
// run they are in:
//
//	go test -short ./...          while iterating: a few of each
//	go test ./...                 the README's run: enough of each to catch a slip, quickly
//	MUTUAL_LONG=1 go test ./...   every trial at full size; .ci/run runs this too
//
// so the everyday run stays pleasant as tests are added, and nothing is
// covered less. Only tests import it.
package trials

import (
	"os"
	"testing"
)

// Long reports whether this is the long run: MUTUAL_LONG is set, and not
// to "0". It wins over -short.
func Long() bool {
	v := os.Getenv("MUTUAL_LONG")
	return v != "" && v != "0"
}

// N is a test's size in this run: long in the long run, short under
// -short, normal otherwise.
func N(short, normal, long int) int {
	switch {
	case Long():
		return long
	case testing.Short():
		return short
	}
	return normal
}
