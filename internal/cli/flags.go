package cli

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mutual/model"
)

// This file declares the flags: each once, with its name, where its value
// goes and its help. The parser, the refusal of a flag a command does not
// take, the usage lines, the help and the completion scripts all read
// these declarations (and the commands' own lists of them in commands.go),
// so a flag cannot be parsed but missing from the help, or offered by the
// completion but refused. The parser is mutual's own: it reads --name,
// -name, --name=value and --name value in any place on the line, "--"
// ends the flags, and its errors are mutual's, with a "did you mean".

// ownFlag is one flag: its name (and a one-letter alias, if any), the
// word its help calls the value ("" for a flag that is true or false), its
// help, and where its value goes. A flag with no help is described by the
// help of the flags every command shows (sharedFlags).
type ownFlag struct {
	name, alias, value, help string
	into                     func(*options) flag.Value
	// words are the values the flag takes, for the completion, when they
	// are a fixed few.
	words []string
	// everywhere is true for a flag every command takes.
	everywhere bool
}

// takesValue reports whether the flag is followed by a value.
func (f ownFlag) takesValue() bool { return f.value != "" }

// stringFlag is a flag whose value is kept as text in the string field.
func stringFlag(name, value, help string, field func(*options) *string) ownFlag {
	return ownFlag{name: name, value: value, help: help, into: func(o *options) flag.Value { return (*textValue)(field(o)) }}
}

// boolFlag is a flag that is true when given.
func boolFlag(name, help string, field func(*options) *bool) ownFlag {
	return ownFlag{name: name, help: help, into: func(o *options) flag.Value { return (*boolValue)(field(o)) }}
}

// sharedFlags are the flags the common help describes, in its order:
// every command takes all but --example, which the commands that read a
// profile take.
func sharedFlags() []ownFlag {
	everywhere := func(f ownFlag) ownFlag { f.everywhere = true; return f }
	help := boolFlag("help", "show help", func(o *options) *bool { return &o.help })
	help.alias = "h"
	return []ownFlag{
		everywhere(stringFlag("profile", "PATH|NAME", "the profile to use; a NAME (no slash, no .toml) is\n$XDG_CONFIG_HOME/mutual/NAME.toml",
			func(o *options) *string { return &o.profile })),
		everywhere(stringFlag("urgency", "U", "fix the urgency (0..1) instead of deriving it", func(o *options) *string { return &o.urgencyText })),
		everywhere(stringFlag("scenario", "NAME", "apply a [[scenario]] from the profile", func(o *options) *string { return &o.scenario })),
		everywhere(stringFlag("today", "YYYY-MM-DD", "the day to compute for (default: today)", func(o *options) *string { return &o.todayText })),
		exampleFlag(),
		everywhere(help),
		everywhere(boolFlag("version", "show the version", func(o *options) *bool { return &o.version })),
	}
}

// exampleFlag is --example, which the commands that read a profile take.
func exampleFlag() ownFlag {
	return boolFlag("example", "use the built-in example instead of your profile", func(o *options) *bool { return &o.example })
}

// commonFlags are the flags every command takes.
func commonFlags() []ownFlag {
	return slices.DeleteFunc(sharedFlags(), func(f ownFlag) bool { return !f.everywhere })
}

// formatFlag is --format, which the commands that write several formats
// take.
func formatFlag() ownFlag {
	return stringFlag("format", "FORMAT", "", func(o *options) *string { return &o.format })
}

// allFlags is every flag any command takes, each once: the flags a line
// is parsed with, before the command is known (flags may come first).
func allFlags() []ownFlag {
	out := append(sharedFlags(), formatFlag())
	for _, c := range commands() {
		for _, f := range c.flags {
			if !slices.ContainsFunc(out, func(g ownFlag) bool { return g.name == f.name }) {
				out = append(out, f)
			}
		}
	}
	return out
}

// lookupFlag finds a flag by its name or its alias.
func lookupFlag(flags []ownFlag, name string) (ownFlag, bool) {
	i := slices.IndexFunc(flags, func(f ownFlag) bool { return f.name == name || f.alias != "" && f.alias == name })
	if i < 0 {
		return ownFlag{}, false
	}
	return flags[i], true
}

// flagName is the name in an argument that is a flag ("--pay=5" is pay,
// with the value 5), and whether it is one at all: "-" and words that do
// not begin with a dash are arguments.
// A negative number is a word, not a flag: the VALUE of
// 'mutual set X pay -5' is refused by the key's range, with its own
// message, as any other value that key does not take.
func flagName(arg string) (name, value string, hasValue, isFlag bool) {
	if len(arg) < 2 || arg[0] != '-' {
		return "", "", false, false
	}
	if _, err := strconv.ParseFloat(arg, 64); err == nil {
		return "", "", false, false
	}
	name = strings.TrimPrefix(arg[1:], "-")
	name, value, hasValue = strings.Cut(name, "=")
	return name, value, hasValue, true
}

// parseFlags reads the flags of args into opts, wherever they are, and
// returns the other words in order: the command and its arguments.
func parseFlags(args []string, opts *options) ([]string, error) {
	flags := allFlags()
	// A flag that takes a value, followed by another flag, has lost its
	// value (mutual add New --pay --profile p.toml): said before anything
	// else, as it explains what follows.
	for k := 0; k+1 < len(args) && args[k] != "--"; k++ {
		name, _, hasValue, isFlag := flagName(args[k])
		f, known := lookupFlag(flags, name)
		if !isFlag || hasValue || !known || !f.takesValue() {
			continue
		}
		if strings.HasPrefix(args[k+1], "--") {
			return nil, &usageError{msg: "flag --" + f.name + " needs a value", hint: "give it one: --" + f.name + " VALUE, or --" + f.name + "=VALUE"}
		}
		k++ // its value
	}
	var words []string
	for k := 0; k < len(args); k++ {
		arg := args[k]
		if arg == "--" {
			return append(words, args[k+1:]...), nil
		}
		name, value, hasValue, isFlag := flagName(arg)
		if !isFlag {
			words = append(words, arg)
			continue
		}
		if name == "" || strings.HasPrefix(name, "-") {
			return nil, &usageError{msg: "bad flag syntax: " + arg}
		}
		f, known := lookupFlag(flags, name)
		if !known {
			return nil, unknownFlag(arg, name, flags)
		}
		switch {
		case !f.takesValue() && !hasValue:
			value = "true"
		case f.takesValue() && !hasValue:
			if k+1 == len(args) {
				return nil, &usageError{msg: "flag --" + f.name + " needs a value"}
			}
			k++
			value = args[k]
		}
		if err := f.into(opts).Set(value); err != nil {
			return nil, &usageError{msg: fmt.Sprintf("--%s=%s %s", f.name, value, err), hint: "write --" + f.name + " alone for true, or --" + f.name + "=false"}
		}
		opts.set[f.name] = true
	}
	return words, nil
}

// unknownFlag is the error for a flag no command takes, with the flag it
// is nearest to, written as it was typed (-v or --v).
func unknownFlag(arg, name string, flags []ownFlag) error {
	names := make([]string, 0, len(flags))
	for _, f := range flags {
		names = append(names, f.name)
	}
	hint := "run 'mutual help' for the flags"
	if s := closest(name, names); s != "" {
		hint = fmt.Sprintf("did you mean --%s?", s)
	}
	typed, _, _ := strings.Cut(arg, "=")
	return &usageError{msg: "unknown flag " + typed, hint: hint}
}

// textValue keeps a flag's value as it is written.
type textValue string

func (v *textValue) String() string { return string(*v) }

// Set keeps s.
func (v *textValue) Set(s string) error {
	*v = textValue(s)
	return nil
}

// boolValue is a flag that is true or false.
type boolValue bool

func (v *boolValue) String() string { return strconv.FormatBool(bool(*v)) }

// Set reads true or false, as strconv.ParseBool does.
func (v *boolValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("is not true or false")
	}
	*v = boolValue(b)
	return nil
}

// listFlag is a flag that may be given more than once: each value is
// kept, in order.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set keeps one more value.
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// fieldFlags are the flags that set a key of a new opportunity: one for
// each key of the field table that 'mutual add' takes, with the table's
// name, value and help. Each keeps its text, which model.NewOpportunity
// reads as the table says.
func fieldFlags() []ownFlag {
	var out []ownFlag
	for _, f := range model.OpportunityFields() {
		if f.Flag.Name == "" {
			continue
		}
		key, isBool := f.Key, f.Kind == model.Boolean
		out = append(out, ownFlag{name: f.Flag.Name, value: f.Flag.Value, help: f.Flag.Help, words: f.Words,
			into: func(o *options) flag.Value { return &fieldValue{in: &o.opportunity, key: key, isBool: isBool} }})
	}
	return out
}

// fieldValue keeps a flag's text as the value of one key of a new
// opportunity.
type fieldValue struct {
	in     *model.OpportunityInput
	key    string
	isBool bool
}

func (v *fieldValue) String() string {
	if v.in == nil {
		return ""
	}
	return v.in.Values[v.key]
}

// Set keeps s as the key's text; a flag that is true or false must be
// one of them.
func (v *fieldValue) Set(s string) error {
	if v.isBool {
		var b boolValue
		if err := b.Set(s); err != nil {
			return err
		}
		s = b.String()
	}
	v.in.Set(v.key, s)
	return nil
}
