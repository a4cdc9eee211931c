package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRealBinaryInTmux builds mutual and drives it as a person would, in a
// real terminal (tmux, 100×30): the dashboard opens on the built-in example
// with the urgency and the Advice line, d opens the decide page, a savings
// what-if moves the advice, and q then y quits with the terminal given
// back. It skips without tmux, and under -short.
func TestRealBinaryInTmux(t *testing.T) {
	rig := newTmuxRig(t)
	dir, bin, tmux := rig.dir, rig.bin, rig.run
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	tmux("new-session", "-d", "-s", "m", "-x", "100", "-y", "30",
		"env", "HOME="+home, "XDG_CONFIG_HOME=", "TERM=xterm-256color", bin, "--today", "2026-11-25")
	defer tmux("kill-server")
	screen, waitFor := rig.screen, rig.waitFor
	waitFor("urgency 0.55")
	waitFor("Advice: Accept Acme Logistics by 2026-12-01")
	// / filters as you type, and typing fires no hotkeys (q is text).
	tmux("send-keys", "-t", "m", "/", "q")
	waitFor(`No name contains "q"`)
	tmux("send-keys", "-t", "m", "BSpace", "glo")
	waitFor(`names containing "glo" (1 of 6)`)
	tmux("send-keys", "-t", "m", "Escape")
	waitFor("Filter cleared")
	// s on the example says there is no file, and L keeps it.
	tmux("send-keys", "-t", "m", "+", "s")
	waitFor("There is no profile file to save into")
	tmux("send-keys", "-t", "m", "L")
	waitFor("Messages (L or esc closes")
	waitFor("Filter cleared: every opportunity is listed.")
	tmux("send-keys", "-t", "m", "L", "r")
	tmux("send-keys", "-t", "m", "d")
	waitFor("Decide: what to do today")
	tmux("send-keys", "-t", "m", ">>>>>")
	waitFor("DECLINE: let it lapse to wait for Globex")
	tmux("send-keys", "-t", "m", "q")
	waitFor("quits")
	tmux("send-keys", "-t", "m", "y")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if out, _ := exec.Command("tmux", "-S", rig.sock, "has-session", "-t", "m").CombinedOutput(); strings.Contains(string(out), "can't find") ||
			strings.Contains(string(out), "no server") || strings.Contains(string(out), "error") {
			return // the program ended and its session with it
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("mutual did not quit:\n%s", screen())
}

// TestFormsInTmux drives the real binary at 80×24 on a profile of its
// own through the editing keys: i rates the selected opportunity, t moves
// it, a adds one, u undoes the add, each read back from the screen and
// from the file. It skips without tmux, and under -short.
func TestFormsInTmux(t *testing.T) {
	rig := newTmuxRig(t)
	dir, bin, tmux := rig.dir, rig.bin, rig.run
	home := filepath.Join(dir, "home")
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=", "TERM=xterm-256color"}
	initCmd := exec.Command(bin, "init")
	initCmd.Env = env
	if out, err := initCmd.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	profile := filepath.Join(home, ".config", "mutual", "profile.toml")
	tmux(append([]string{"new-session", "-d", "-s", "m", "-x", "80", "-y", "24", "env"}, append(env, bin, "--today", "2026-11-25")...)...)
	defer tmux("kill-server")
	waitFor := rig.waitFor
	keys := func(k ...string) { tmux(append([]string{"send-keys", "-t", "m"}, k...)...) }
	fileHas := func(want string) {
		t.Helper()
		b, _ := os.ReadFile(profile)
		if !strings.Contains(string(b), want) {
			t.Fatalf("the profile has no %q:\n%s", want, b)
		}
	}
	waitFor("urgency 0.")
	keys("i")
	waitFor("Ratings: Example offer")
	keys("BSpace", "9")
	waitFor(`← "9" is outside 1..5`)
	keys("BSpace", "4", "Tab", "Tab", "Tab", "Enter")
	waitFor("Rated Example offer in profile.toml")
	fileHas("strengths = 4")
	keys("t")
	waitFor("Stage: Example offer")
	keys("Down", "Enter")
	waitFor("Moved Example offer to accepted")
	fileHas(`history = [{ stage = "accepted", on = 2026-11-25 }]`)
	keys("a")
	waitFor("New opportunity")
	keys("Initech q", "Tab", "applied", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
	waitFor("Added Initech q (applied)")
	fileHas(`name = "Initech q"`)
	keys("u")
	waitFor("Undone: profile.toml is back")
	if b, _ := os.ReadFile(profile); strings.Contains(string(b), "Initech") {
		t.Fatalf("undo left the new opportunity:\n%s", b)
	}
	keys("q")
}

// tmuxRig is mutual built afresh and a tmux server of the test's own (on
// its own socket), whose session "m" a test starts and reads.
type tmuxRig struct {
	t              *testing.T
	dir, bin, sock string
}

// newTmuxRig skips the test under -short or without tmux, lets it run in
// parallel with the other tmux tests, and builds mutual into a temporary
// directory.
func newTmuxRig(t *testing.T) *tmuxRig {
	t.Helper()
	if testing.Short() {
		t.Skip("drives the real binary in tmux: not in -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	// Each rig has its own server, home and binary, so the tests run side
	// by side: most of their time is waiting for the screen.
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "mutual")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return &tmuxRig{t: t, dir: dir, bin: bin, sock: filepath.Join(dir, "tmux.sock")}
}

// run runs a tmux command on the rig's server.
func (r *tmuxRig) run(args ...string) string {
	out, err := exec.Command("tmux", append([]string{"-S", r.sock}, args...)...).CombinedOutput()
	if err != nil && args[0] != "kill-server" {
		r.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is what session "m" shows.
func (r *tmuxRig) screen() string { return r.run("capture-pane", "-p", "-t", "m") }

// waitFor waits up to ten seconds for the screen to show want.
func (r *tmuxRig) waitFor(want string) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(r.screen(), want) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	r.t.Fatalf("the screen never showed %q:\n%s", want, r.screen())
}

// TestQuitWithPasteInTmux pastes a thousand keys into the real binary and
// stops it with them queued: q inside the paste, q after it, and SIGTERM
// and SIGHUP in the middle of one. Each time mutual must be gone within
// a few seconds and the terminal given back: the shell after it runs in
// the normal screen, with the cursor shown and the line discipline
// restored. It skips without tmux, and under -short.
func TestQuitWithPasteInTmux(t *testing.T) {
	rig := newTmuxRig(t)
	dir, bin, tmux := rig.dir, rig.bin, rig.run
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	paste := strings.Repeat("jk", 500)
	for _, tc := range []struct {
		name, before, after, signal string
	}{
		{name: "q inside a paste", before: "jjq" + paste},
		{name: "q after a paste", before: paste, after: "q"},
		{name: "SIGTERM during a paste", before: paste + paste + paste, signal: "TERM"},
		{name: "SIGHUP during a paste", before: paste + paste + paste, signal: "HUP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rig.t = t
			rig.sock = filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".sock") // a server of its own
			script := "HOME=" + home + " XDG_CONFIG_HOME= TERM=xterm-256color " + bin + " --today 2026-11-25 2>/dev/null; " +
				"echo mutual exited $?; stty -a; exec sleep 60"
			tmux("new-session", "-d", "-s", "m", "-x", "100", "-y", "30", "sh", "-c", script)
			defer tmux("kill-server")
			rig.waitFor("urgency 0.55")
			shell := strings.TrimSpace(tmux("display", "-p", "-t", "m", "#{pane_pid}"))
			out, err := exec.Command("pgrep", "-P", shell).Output()
			if err != nil {
				t.Fatalf("cannot find mutual under the shell %s: %v", shell, err)
			}
			pid := strings.Fields(string(out))[0]
			tmux("send-keys", "-t", "m", "-l", tc.before)
			if tc.after != "" {
				tmux("send-keys", "-t", "m", "-l", tc.after)
			}
			if tc.signal != "" {
				if out, err := exec.Command("kill", "-"+tc.signal, pid).CombinedOutput(); err != nil {
					t.Fatalf("kill -%s: %v\n%s", tc.signal, err, out)
				}
			}
			// It ends in well under a second on a quiet machine (37-203 ms
			// measured); the test allows five, so that two cores shared
			// with other work do not fail it, since the hang it guards
			// against never ends at all.
			start := time.Now()
			for !strings.Contains(rig.screen(), "mutual exited") {
				if time.Since(start) > 5*time.Second {
					t.Fatalf("mutual was still running %v after the stop:\n%s", time.Since(start), rig.screen())
				}
				time.Sleep(20 * time.Millisecond)
			}
			t.Logf("mutual ended %v after the stop", time.Since(start).Round(time.Millisecond))
			rig.waitFor("speed") // stty -a has printed
			modes := strings.Fields(tmux("display", "-p", "-t", "m", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"))
			if want := []string{"0", "1", "0"}; !slices.Equal(modes, want) {
				t.Errorf("alternate screen, cursor shown, mouse = %v, want %v", modes, want)
			}
			stty := " " + strings.Join(strings.Fields(tmux("capture-pane", "-p", "-J", "-t", "m")), " ") + " "
			for _, mode := range []string{" icanon ", " echo ", " icrnl "} {
				if !strings.Contains(stty, mode) {
					t.Errorf("the terminal was not restored: stty -a lacks%s\n%s", mode, rig.screen())
				}
			}
		})
	}
}
