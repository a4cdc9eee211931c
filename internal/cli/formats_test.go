package cli

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// TestEachCommandHasItsOwnFormats checks, for every command, that the
// usage line, the help, the validation and the hint for a bad --format all
// name exactly the formats the command writes, and nothing else. The
// lists are written out here, apart from the command table, so a format
// that goes missing or appears where it should not is caught.
func TestEachCommandHasItsOwnFormats(t *testing.T) {
	want := map[string][]string{
		"":               nil, // the dashboard
		"rank":           {"table", "json", "markdown", "csv"},
		"explain":        nil,
		"decide":         {"table", "json"},
		"prep":           nil,
		"check":          nil,
		"init":           nil,
		"schema":         nil,
		"completion":     nil,
		"import":         nil,
		"complete-names": nil,
		"help":           nil,
		"rate":           nil,
		"stage":          nil,
		"set":            nil,
		"add":            nil,
		"log":            {"table", "csv", "json"},
	}
	var every []string
	for _, formats := range want {
		for _, f := range formats {
			if !slices.Contains(every, f) {
				every = append(every, f)
			}
		}
	}
	for _, c := range commands() {
		if _, ok := want[c.name]; !ok {
			t.Errorf("command %q is missing from this test: say which formats it writes", c.name)
		}
	}
	for name, formats := range want {
		cmd := commandByName(name)
		label := strings.TrimSpace("mutual " + name)
		where := "'" + label + "'"
		if name == "" {
			where = "the dashboard"
		}
		// The arguments the command needs before its flags are checked.
		args := []string{}
		if name != "" {
			args = append(args, name)
		}
		for range cmd.minArgs {
			args = append(args, "someone")
		}
		t.Run(label, func(t *testing.T) {
			usage, help := cmd.usageLine(), helpText(name)
			if len(formats) == 0 {
				code, _, errs := runMutual(t, append(args, "--format", "table")...)
				if code != exitUsage || !strings.HasPrefix(errs, "mutual: --format does not apply to "+where+"\n") {
					t.Errorf("--format table: exit %d, stderr %q; want it refused", code, errs)
				}
				if strings.Contains(usage, "--format") || strings.Contains(help, "--format") {
					t.Errorf("the usage or help of a command without formats mentions --format:\n%s\n%s", usage, help)
				}
				return
			}

			for _, f := range formats {
				if _, err := parseArgs(append(args, "--format", f), quietSystem(t, io.Discard, io.Discard)); err != nil {
					t.Errorf("--format %s: %v", f, err)
				}
			}
			if opts, err := parseArgs(args, quietSystem(t, io.Discard, io.Discard)); err != nil || opts.format != formats[0] {
				t.Errorf("with no --format the format is %q (%v), want %q", opts.format, err, formats[0])
			}

			hint := "hint: use one of: " + strings.Join(formats, ", ") + "\n"
			code, _, errs := runMutual(t, append(args, "--format", "yaml")...)
			if want := "mutual: --format yaml is not a format\n" + hint; code != exitUsage || errs != want {
				t.Errorf("--format yaml: exit %d, stderr\n%s\nwant exit 2 and\n%s", code, errs, want)
			}
			for _, f := range every {
				if slices.Contains(formats, f) {
					continue
				}
				code, _, errs := runMutual(t, append(args, "--format", f)...)
				if want := "mutual: " + where + " does not write --format " + f + "\n" + hint; code != exitUsage || errs != want {
					t.Errorf("--format %s: exit %d, stderr\n%s\nwant exit 2 and\n%s", f, code, errs, want)
				}
			}

			if want := "[--format " + strings.Join(formats, "|") + "]"; !strings.Contains(usage, want) {
				t.Errorf("the usage %q does not say %q", usage, want)
			}
			var line string
			for l := range strings.Lines(help) {
				if strings.HasPrefix(strings.TrimSpace(l), "--format FORMAT") {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("the help has no --format line:\n%s", help)
			}
			for _, f := range every {
				if mentioned := slices.Contains(strings.FieldsFunc(line, func(r rune) bool {
					return r == ' ' || r == ',' || r == '(' || r == ')' || r == '\n'
				}), f); mentioned != slices.Contains(formats, f) {
					t.Errorf("the help's --format line %q mentions %s: %v", line, f, mentioned)
				}
			}
			if !strings.Contains(line, formats[0]+" (default)") {
				t.Errorf("the help's --format line %q does not say %s is the default", line, formats[0])
			}
		})
	}
}
