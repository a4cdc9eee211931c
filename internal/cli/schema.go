package cli

import (
	"mutual/profiles"
)

// cmdSchema prints the JSON Schema of the profile format, for editors:
// taplo and Even Better TOML check a profile against it as it is typed.
func cmdSchema(sys System, _ options) error {
	s, err := profiles.Schema()
	if err != nil {
		return &failure{msg: "cannot write the schema: " + err.Error()}
	}
	_, err = sys.Stdout.Write(s)
	return err
}
