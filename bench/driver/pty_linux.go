package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
	"unsafe"
)

// ptySupported reports whether this system can run the first-frame
// measurement.
const ptySupported = true

// firstFrame starts bin with args on a fresh pseudo-terminal of cols×rows
// and returns the time from just before the start to the moment the
// terminal has received marker. The marker is text the program draws in
// the last row of its screen; tcell sends a whole frame in one write, top
// row first, so when the last row has arrived the frame has. The program
// is then killed: only the first frame is measured.
func firstFrame(bin string, args []string, marker string, cols, rows int) (time.Duration, error) {
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return 0, err
	}
	defer master.Close()
	var unlock int32
	if err := ioctl(master.Fd(), syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		return 0, err
	}
	var n uint32
	if err := ioctl(master.Fd(), syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		return 0, err
	}
	tty, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return 0, err
	}
	ws := struct{ row, col, x, y uint16 }{uint16(rows), uint16(cols), 0, 0}
	if err := ioctl(tty.Fd(), syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		tty.Close()
		return 0, err
	}

	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLUMNS=", "LINES=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}

	found := make(chan time.Time, 1)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		tty.Close()
		return 0, err
	}
	tty.Close()
	go func() {
		var seen []byte
		buf := make([]byte, 64<<10)
		want := []byte(marker)
		for {
			k, err := master.Read(buf)
			if k > 0 {
				// Keep only what a marker split across reads needs.
				from := max(0, len(seen)-len(want))
				seen = append(seen[from:], buf[:k]...)
				if bytes.Contains(seen, want) {
					found <- time.Now()
					break
				}
			}
			if err != nil {
				break
			}
		}
		// Drain, so the program never blocks on a full terminal.
		for {
			if _, err := master.Read(buf); err != nil {
				return
			}
		}
	}()
	var elapsed time.Duration
	select {
	case at := <-found:
		elapsed = at.Sub(start)
	case <-time.After(20 * time.Second):
		err = errors.New(bin + ": no first frame within 20s (marker " + strconv.Quote(marker) + " never drawn)")
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Wait()
	return elapsed, err
}

func ioctl(fd uintptr, req uint, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, uintptr(req), uintptr(arg)); e != 0 {
		return e
	}
	return nil
}
