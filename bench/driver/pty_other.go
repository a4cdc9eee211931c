//go:build !linux

package main

import (
	"errors"
	"time"
)

// ptySupported reports whether this system can run the first-frame
// measurement: the pseudo-terminal harness is written for Linux.
const ptySupported = false

func firstFrame(string, []string, string, int, int) (time.Duration, error) {
	return 0, errors.New("the first-frame measurement needs Linux")
}
