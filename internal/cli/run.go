package cli

import (
	"fmt"
	"runtime/debug"
)

// Run runs mutual with the command line args (without the program's name)
// on sys, and returns the exit code: 0 success, 1 an invalid profile or a
// failure, 2 bad usage. It never exits the process; main does, with the
// code.
func Run(args []string, sys System) (code int) {
	opts, err := parseArgs(args, sys)
	if err != nil {
		return printError(sys, err)
	}
	if opts.version {
		fmt.Fprintln(sys.Stdout, "mutual", buildVersion(sys.Version))
		return exitOK
	}
	if opts.help {
		fmt.Fprint(sys.Stdout, helpText(opts.command))
		return exitOK
	}
	cmd := commandByName(opts.command)
	if err := cmd.run(sys, opts); err != nil {
		return printError(sys, err)
	}
	return exitOK
}

// devVersion is the version of a build from a checkout, which says its
// VCS revision beside it.
const devVersion = "0.1.0-dev"

// buildVersion is the version a release build was given, or the
// development version with the revision it was built from.
func buildVersion(version string) string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return devVersion
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return devVersion
	}
	if dirty {
		rev += "+dirty"
	}
	return devVersion + " (" + rev + ")"
}
