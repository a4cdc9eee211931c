package cli

import (
	"errors"
	"fmt"

	"mutual/profiles"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // invalid profile or failure
	exitUsage   = 2 // bad usage
)

// usageError is bad usage: it exits 2.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

// failure is an error with a hint line; it exits 1.
type failure struct{ msg, hint string }

func (e *failure) Error() string { return e.msg }

// silentFailure exits 1 after the messages were already printed.
type silentFailure struct{ msg string }

func (e *silentFailure) Error() string { return e.msg }

// printError prints an error the way every mutual error looks: lowercase,
// prefixed with the program name, with a hint line when one helps.
func printError(sys System, err error) int {
	var ue *usageError
	var fe *failure
	var pe *profiles.Error
	var se *silentFailure
	switch {
	case errors.As(err, &se):
		return exitFailure // the details are already printed
	case errors.As(err, &ue):
		fmt.Fprintf(sys.Stderr, "mutual: %s\n", ue.msg)
		hint := ue.hint
		if hint == "" {
			hint = "run 'mutual help' for usage"
		}
		fmt.Fprintf(sys.Stderr, "hint: %s\n", hint)
		return exitUsage
	case errors.As(err, &pe):
		for _, d := range pe.Diagnostics {
			fmt.Fprintf(sys.Stderr, "mutual: %s\n", d)
			if d.Hint != "" {
				fmt.Fprintf(sys.Stderr, "hint: %s\n", d.Hint)
			}
		}
		return exitFailure
	case errors.As(err, &fe):
		fmt.Fprintf(sys.Stderr, "mutual: %s\n", fe.msg)
		if fe.hint != "" {
			fmt.Fprintf(sys.Stderr, "hint: %s\n", fe.hint)
		}
		return exitFailure
	}
	fmt.Fprintf(sys.Stderr, "mutual: %s\n", err)
	return exitFailure
}
