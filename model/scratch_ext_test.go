package model_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mutual/bench/gen"
	"mutual/model"
	"mutual/profiles"
)

func TestScratchBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	os.WriteFile(path, gen.Profile(2000, 30), 0o600)
	l, err := profiles.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.Evaluate(&l.Profile, model.Request{Today: model.NewDate(2026, 11, 25)})
	if err != nil {
		t.Fatal(err)
	}
	offers, procs := 0, 0
	for _, o := range l.Profile.Opportunities {
		if o.Stage == model.StageOffer {
			offers++
		} else if !o.DecisionExpected.IsZero() {
			procs++
		}
	}
	t0 := time.Now()
	d := model.Decide(s)
	fmt.Printf("offers %d procs %d: decide %v verdict %s\n", offers, procs, time.Since(t0), d.Verdict.Action)
	t0 = time.Now()
	model.DecideReservation(s)
	fmt.Printf("reservation %v\n", time.Since(t0))
}
