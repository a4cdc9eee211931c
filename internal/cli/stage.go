package cli

import (
	"fmt"

	"mutual/profiles"
)

// cmdStage moves one opportunity to a stage, in the file that defines
// it, and keeps the day (--today) in its history.
func cmdStage(sys System, opts options) error {
	l, err := writable(sys, opts)
	if err != nil {
		return err
	}
	i, err := findOpportunity(l, opts.args[0])
	if err != nil {
		return err
	}
	st, err := stageArg(opts.args[1])
	if err != nil {
		return err
	}
	o := l.Profile.Opportunities[i]
	saved, err := profiles.SetStage(l, o.Name, st, opts.today)
	if err != nil {
		return saveFailed(err)
	}
	if saved == nil {
		fmt.Fprintf(sys.Stdout, "%s is %s already; nothing written\n", o.Name, st)
		return nil
	}
	fmt.Fprintf(sys.Stdout, "%s: %s → %s on %s, %s\n", o.Name, o.Stage, st, opts.today, savedLine(sys, saved))
	return nil
}
