package profiles

import (
	"bytes"
	"errors"
	"os"
)

// This file reads one profile file within bounds: a directory, or a file
// larger than MaxFileSize, is refused before it is read, and a file that
// grows while it is read stops at the limit.

// MaxFileSize is the largest profile file mutual reads. A job search fits
// in far less; a bigger file is a mistake, and reading it would only eat
// memory.
const MaxFileSize = 16 << 20

// fileReader reads one profile file; tests and Parse swap it.
type fileReader func(path string) ([]byte, error)

// ReadFile reads a file that is not a profile but feeds one (a tracker's
// CSV export) as a profile file is read: directories and files over
// MaxFileSize are refused before reading, and the error says what is
// wrong without the path it came with.
func ReadFile(path string) ([]byte, error) {
	data, err := readProfileFile(path)
	return data, unwrapPathError(err)
}

// readProfileFile reads a file, refusing directories and files that are
// too large before reading them.
func readProfileFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errIsDir
	}
	if fi.Size() > MaxFileSize {
		return nil, errTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	// The size stat gave, plus the room ReadFrom wants to see the end:
	// one allocation for the usual file that does not change meanwhile.
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(&limitedReader{f, MaxFileSize + 1}); err != nil {
		return nil, err
	}
	if buf.Len() > MaxFileSize {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

var (
	errIsDir    = errors.New("is a directory")
	errTooLarge = errors.New("is too large")
)

type limitedReader struct {
	f interface{ Read([]byte) (int, error) }
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.f.Read(p)
	l.n -= int64(n)
	return n, err
}
