package cli

import (
	"fmt"

	"mutual/profiles"
)

// cmdInit writes the starter profile to PATH, or to the profile --profile
// or the defaults choose. It never overwrites.
func cmdInit(sys System, opts options) error {
	var path string
	if len(opts.args) == 1 {
		path = opts.args[0]
	} else {
		choice, err := profiles.Choose(opts.profile, profiles.Env{Getenv: sys.Getenv, Home: sys.Home})
		if err != nil {
			return &failure{msg: err.Error()}
		}
		path = choice.Path
	}
	if err := profiles.WriteStarter(path); err != nil {
		return &failure{msg: err.Error(), hint: "name another file: mutual init PATH"}
	}
	fmt.Fprintf(sys.Stdout, "wrote %s\nnext: put your own situation, priorities and opportunities in it, then run 'mutual check' and 'mutual'\n", path)
	if len(opts.args) == 1 || opts.profile != "" {
		fmt.Fprintf(sys.Stdout, "(mutual looks for ~/.config/mutual/profile.toml by default; use --profile %s or MUTUAL_PROFILE to pick this one)\n", path)
	}
	return nil
}
