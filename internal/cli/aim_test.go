package cli

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
)

// insertAbove is livePrivateText with another opportunity written above
// Acme, as an editor would insert it while the dashboard or a command
// has the profile loaded.
func insertAbove(text, above string) string {
	return strings.Replace(text, "[[opportunity]]\nname = \""+above+"\"",
		"[[opportunity]]\nname = \"Initech\"\nstage = \"lead\"\n\n[[opportunity]]\nname = \""+above+"\"", 1)
}

// TestDashboardStageAimsAtTheName: the Stage picker is open on Globex; an
// editor inserts an opportunity above Acme; enter moves Globex, and Acme
// (the offer in hand) stays where it was.
func TestDashboardStageAimsAtTheName(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "Globex")
	for k := 0; ; k++ {
		r.typeKeys("t")
		if strings.Contains(r.waitFor(t, "Stage: "), "Stage: Globex") {
			break
		}
		if k == 3 {
			t.Fatal("could not open the Stage picker on Globex")
		}
		r.screen.InjectKey(tcell.KeyEscape, 0, tcell.ModNone)
		r.typeKeys("j")
	}
	outside := insertAbove(livePrivateText, "Acme")
	must(t, os.WriteFile(private, []byte(outside), 0o600))
	// Globex is at final: one up is interviewing.
	r.typeKeys("k")
	r.screen.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
	// The status line says the file had changed on disk.
	r.waitFor(t, "Moved Globex to interviewing in private.toml (it had changed on disk")
	want := strings.Replace(outside, "stage = \"final\"\n", "stage = \"interviewing\"\nhistory = [{ stage = \"interviewing\", on = 2026-11-25 }]\n", 1)
	if got := readFile(t, private); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
	r.typeKeys("q")
	if err := r.finished(t); err != nil {
		t.Errorf("quit: %v", err)
	}
}

// TestDashboardRatingsAimAtTheName: the Ratings form is open on Globex;
// an editor inserts an opportunity above Acme; Save rates Globex, and
// Acme's rating is as it was.
func TestDashboardRatingsAimAtTheName(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	s, opts := fileSession(t, profile, nil)
	r := startSession(t, s, opts, 100, 30, nil, nil)
	r.waitFor(t, "Globex")
	for k := 0; ; k++ {
		r.typeKeys("i")
		if strings.Contains(r.waitFor(t, "Ratings: "), "Ratings: Globex") {
			break
		}
		if k == 3 {
			t.Fatal("could not open the Ratings form on Globex")
		}
		r.screen.InjectKey(tcell.KeyEscape, 0, tcell.ModNone)
		r.typeKeys("j")
	}
	outside := insertAbove(livePrivateText, "Acme")
	must(t, os.WriteFile(private, []byte(outside), 0o600))
	r.screen.InjectKey(tcell.KeyBackspace2, 0, tcell.ModNone)
	r.typeKeys("4")
	r.screen.InjectKey(tcell.KeyTab, 0, tcell.ModNone) // Save
	r.screen.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
	r.waitFor(t, "Rated Globex in private.toml (it had changed on disk")
	want := strings.Replace(outside, "ratings.fit = 5\n", "ratings.fit = 4\n", 1)
	if got := readFile(t, private); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
	r.typeKeys("q")
	if err := r.finished(t); err != nil {
		t.Errorf("quit: %v", err)
	}
}

// TestRateAimsAtTheName: 'mutual rate Globex fit 4' loads the profile,
// and before its save takes the file an editor inserts an opportunity
// above Acme: the rating lands on Globex, and Acme is as it was. The
// test holds the save's lock while it inserts, so the command has
// loaded the old text and saves on the new one.
func TestRateAimsAtTheName(t *testing.T) {
	_, profile, private := writeLiveProfile(t)
	f, err := os.Open(private)
	must(t, err)
	must(t, syscall.Flock(int(f.Fd()), syscall.LOCK_EX))
	done := make(chan string, 1)
	go func() {
		code, out, errs := editRun(t, "--profile", profile, "rate", "Globex", "fit", "4")
		if code != 0 {
			out = errs
		}
		done <- out
	}()
	time.Sleep(300 * time.Millisecond) // the command loads the profile
	outside := insertAbove(livePrivateText, "Acme")
	tmp := private + ".edit"
	must(t, os.WriteFile(tmp, []byte(outside), 0o600))
	must(t, os.Rename(tmp, private))
	f.Close()
	out := <-done
	if !strings.Contains(out, "Globex: fit 4 (was 5)") || !strings.Contains(out, "(it had changed on disk: the change was made on its new content)") {
		t.Errorf("rate said %q", out)
	}
	want := strings.Replace(outside, "ratings.fit = 5\n", "ratings.fit = 4\n", 1)
	if got := readFile(t, private); got != want {
		t.Errorf("private.toml is\n%s\nwant\n%s", got, want)
	}
}

// TestUndoTakesBackAFormWrite: u after the Ratings form or the Stage
// picker wrote puts the file back byte for byte.
func TestUndoTakesBackAFormWrite(t *testing.T) {
	for _, how := range []string{"rate", "stage"} {
		_, profile, private := writeLiveProfile(t)
		s, _ := fileSession(t, profile, nil)
		lp := &liveProfile{s: s}
		var err error
		if how == "rate" {
			_, _, err = lp.rate("Globex", []model.RatingValue{{ID: "fit", Rating: model.Rating{Low: 3, High: 4}, Known: true}})
		} else {
			_, _, err = lp.stage("Globex", model.StageOffer)
		}
		must(t, err)
		if readFile(t, private) == livePrivateText {
			t.Fatalf("%s: the form wrote nothing", how)
		}
		p, file, err := lp.undo()
		must(t, err)
		if p == nil || file == "" {
			t.Errorf("%s: undo reported nothing undone", how)
		}
		if got := readFile(t, private); got != livePrivateText {
			t.Errorf("%s: after undo private.toml is\n%s", how, got)
		}
	}
}
