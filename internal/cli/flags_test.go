package cli

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestEachFlagIsDeclaredOnce: a flag several commands take is one
// declaration, so its value and help cannot differ between them.
func TestEachFlagIsDeclaredOnce(t *testing.T) {
	first := map[string]ownFlag{}
	check := func(where string, f ownFlag) {
		if f.into == nil {
			t.Errorf("%s: --%s has nowhere to keep its value", where, f.name)
		}
		if g, ok := first[f.name]; ok && (g.value != f.value || g.help != f.help) {
			t.Errorf("%s: --%s is declared twice, differently", where, f.name)
		}
		first[f.name] = f
	}
	for _, f := range append(sharedFlags(), formatFlag()) {
		check("shared", f)
	}
	for _, c := range commands() {
		for _, f := range c.flags {
			check("'mutual "+c.name+"'", f)
		}
	}
}

// usageFlag is a flag in a usage line: [--name VALUE].
var usageFlag = regexp.MustCompile(`\[(--[^\]]+)\]`)

// TestUsageLinesParse: every flag a command's usage line shows is one its
// parser takes, there, with a value where the line shows one; a flag of
// another command is refused as not applying.
func TestUsageLinesParse(t *testing.T) {
	sys := System{Getenv: func(string) string { return "" }, Now: time.Now}
	for _, c := range commands() {
		if c.hidden || c.name == "help" {
			continue
		}
		var line []string
		if c.name != "" {
			line = append(line, c.name)
		}
		for k := 0; k < c.minArgs; k++ {
			line = append(line, "x")
		}
		for _, m := range usageFlag.FindAllStringSubmatch(c.usageLine(), -1) {
			flag, value, hasValue := strings.Cut(m[1], " ")
			if flag == "--format" {
				value = c.formats[0]
			}
			if hasValue {
				line = append(line, flag, value)
			} else {
				line = append(line, flag)
			}
		}
		opts, err := parseArgs(line, sys)
		if err != nil {
			t.Errorf("%q (from %q): %v", line, c.usageLine(), err)
			continue
		}
		if opts.command != c.name {
			t.Errorf("%q parsed as %q", line, opts.command)
		}
	}
	for _, line := range [][]string{{"rank", "--strict"}, {"explain", "x", "--pay", "5"}, {"check", "--write"}} {
		var ue *usageError
		if _, err := parseArgs(line, sys); !errors.As(err, &ue) || !strings.Contains(ue.msg, "does not apply") {
			t.Errorf("%q: %v, want a flag that does not apply", line, err)
		}
	}
}

// TestFlagErrors: the parser's own errors, with no help from the flag
// package's words.
func TestFlagErrors(t *testing.T) {
	sys := System{Getenv: func(string) string { return "" }, Now: time.Now}
	for _, c := range []struct {
		line      []string
		msg, hint string
	}{
		{[]string{"rank", "--fromat", "json"}, "unknown flag --fromat", "did you mean --format?"},
		{[]string{"rank", "--profile"}, "flag --profile needs a value", ""},
		{[]string{"add", "X", "--pay", "--profile", "p.toml"}, "flag --pay needs a value", "give it one: --pay VALUE, or --pay=VALUE"},
		{[]string{"rank", "-v"}, "unknown flag -v", "mutual help"},
		{[]string{"rank", "---x"}, "bad flag syntax: ---x", ""},
		{[]string{"rank", "--example=maybe"}, "--example=maybe is not true or false", "--example=false"},
		{[]string{"add", "X", "--insurance=maybe"}, "--insurance=maybe is not true or false", ""},
	} {
		var ue *usageError
		if _, err := parseArgs(c.line, sys); !errors.As(err, &ue) || ue.msg != c.msg || !strings.Contains(ue.hint, c.hint) {
			t.Errorf("%q: %v, want %q (hint %q)", c.line, err, c.msg, c.hint)
		}
	}
	opts, err := parseArgs([]string{"--example=false", "-h", "add", "X", "--insurance", "--pay=52k", "--", "--today"}, sys)
	if err != nil || opts.example || !opts.help || opts.opportunity.Values["insurance"] != "true" || opts.opportunity.Values["pay"] != "52k" ||
		strings.Join(opts.args, " ") != "X --today" {
		t.Errorf("parsed %+v, %v", opts, err)
	}
}
