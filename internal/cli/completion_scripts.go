package cli

import (
	"fmt"
	"slices"
	"strings"
)

// This file writes the completion scripts for bash, zsh and fish from the
// command table. Each script finds, in the words typed so far, the
// command, the flag waiting for its value and the number of arguments,
// then offers what the table says goes there. Names from the profile come
// from 'mutual complete-names', run with the line's own --profile and
// --example, so they are the names that command would see.

// bashCompletion is the script for bash.
func bashCompletion() string {
	var flags, formats, args strings.Builder
	for _, c := range completionCommands() {
		fmt.Fprintf(&flags, "\t\t%s) words=%q ;;\n", bashCase(c.name), strings.Join(c.flags, " "))
		if len(c.formats) > 0 {
			fmt.Fprintf(&formats, "\t\t\t%s) words=%q ;;\n", bashCase(c.name), strings.Join(c.formats, " "))
		}
		if c.name == "" {
			continue
		}
		var arms []string
		for _, a := range argPositions(c) {
			arms = append(arms, fmt.Sprintf("%s) %s ;;", a.pattern(), bashArg(a.kind)))
		}
		if len(arms) > 0 {
			fmt.Fprintf(&args, "\t%s) case $nargs in %s esac ;;\n", c.name, strings.Join(arms, " "))
		}
	}
	var values strings.Builder
	for _, f := range flagWords() {
		fmt.Fprintf(&values, "\t\t--%s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", f.name, strings.Join(f.words, " "))
	}
	return fmt.Sprintf(bashScript, strings.Join(valueFlags(), " | "), formats.String(), values.String(), flags.String(),
		strings.Join(commandNames(), " "), args.String())
}

// argPosition is where in a command's arguments a kind of argument goes:
// argument n, or (repeat) every argument from n on that no other position
// names.
type argPosition struct {
	n      int
	repeat bool
	kind   argKind
}

// pattern is the position in a shell's case statement on the number of
// arguments: the number, or * for the rest.
func (a argPosition) pattern() string {
	if a.repeat {
		return "*"
	}
	return fmt.Sprint(a.n)
}

// argPositions lists what goes where in the command's arguments, the
// repeating one last.
func argPositions(c completionCommand) []argPosition {
	var out []argPosition
	for n := range c.nargs {
		k := c.args(n)
		if k == argNone {
			continue
		}
		repeat := n == c.nargs-1 && c.maxArgs < 0 && k == argFile
		out = append(out, argPosition{n, repeat, k})
	}
	return out
}

// bashCase is a command's pattern in a case statement: "" for the
// dashboard, which has no command word.
func bashCase(name string) string {
	if name == "" {
		return `""`
	}
	return name
}

// bashArg is what the bash script does for an argument of kind k.
func bashArg(k argKind) string {
	switch k {
	case argOpportunity:
		return "_mutual_names opportunities"
	case argPriority:
		return "_mutual_names priorities"
	case argFile:
		return "compopt -o default 2>/dev/null"
	}
	return fmt.Sprintf(`COMPREPLY=($(compgen -W %q -- "$cur"))`, strings.Join(argWords(k), " "))
}

// bashScript is the bash script; its verbs are the flags that take a
// value, the formats of each command, the flags of each command, the
// commands, and what each command's arguments are.
const bashScript = `# bash completion for mutual, written by 'mutual completion bash'.
#
# Install it for your user, where bash-completion finds it:
#   mutual completion bash > ~/.local/share/bash-completion/completions/mutual
# or load it from ~/.bashrc:
#   source <(mutual completion bash)

# _mutual_names adds the names of one kind (opportunities, scenarios,
# profiles) that the word being completed could stand for, from the
# profile the line names; readline then quotes each one as the line needs.
_mutual_names() {
	local name
	while IFS= read -r name; do
		COMPREPLY+=("$name")
	done < <("$prog" complete-names "$1" "${ctx[@]}" -- "$cur" 2>/dev/null)
	compopt -o filenames 2>/dev/null
}

_mutual() {
	local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]}
	local cmd="" flag="" rest="" nargs=0 i w words
	local -a ctx=()
	COMPREPLY=()
	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -n $flag ]]; then
			[[ $w == "=" ]] && continue
			[[ $flag == --profile ]] && ctx+=(--profile "$w")
			flag=""
			continue
		fi
		if [[ -z $rest ]]; then
			case $w in
			--) rest=1; continue ;;
			%s) flag=$w; continue ;;
			--example) ctx+=(--example); continue ;;
			-*) continue ;;
			esac
		fi
		if [[ -z $cmd ]]; then cmd=$w; else ((nargs++)); fi
	done
	# --flag=<tab>: the word is the "=", and the value is still empty.
	[[ -n $flag && $cur == "=" ]] && cur=""

	if [[ -n $flag ]]; then
		case $flag in
		--format)
			case $cmd in
%s			esac
			COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
		--profile)
			if [[ $cur == */* || $cur == *.toml ]]; then
				compopt -o default 2>/dev/null
			else
				_mutual_names profiles
			fi ;;
		--scenario) _mutual_names scenarios ;;
%s		esac
		return
	fi
	if [[ -z $rest && $cur == -* ]]; then
		case $cmd in
%s		esac
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W %q -- "$cur"))
		return
	fi
	case $cmd in
%s	esac
}

complete -F _mutual mutual
`

// zshCompletion is the script for zsh.
func zshCompletion() string {
	var flags, formats, args, commands strings.Builder
	for _, c := range completionCommands() {
		fmt.Fprintf(&flags, "\t\t%s) choices=(%s) ;;\n", zshCase(c.name), strings.Join(c.flags, " "))
		if len(c.formats) > 0 {
			fmt.Fprintf(&formats, "\t\t\t%s) choices=(%s) ;;\n", zshCase(c.name), strings.Join(c.formats, " "))
		}
		if c.name == "" {
			continue
		}
		fmt.Fprintf(&commands, "\t\t%s\n", zshQuote(c.name+":"+c.summary))
		var arms []string
		for _, a := range argPositions(c) {
			arms = append(arms, fmt.Sprintf("%s) %s ;;", a.pattern(), zshArg(a.kind)))
		}
		if len(arms) > 0 {
			fmt.Fprintf(&args, "\t%s) case $nargs in %s esac ;;\n", c.name, strings.Join(arms, " "))
		}
	}
	var values strings.Builder
	for _, f := range flagWords() {
		fmt.Fprintf(&values, "\t\t--%s) compadd -- %s ;;\n", f.name, strings.Join(f.words, " "))
	}
	return fmt.Sprintf(zshScript, strings.Join(valueFlags(), "|"), formats.String(), values.String(), flags.String(), commands.String(), args.String())
}

func zshCase(name string) string {
	if name == "" {
		return `""`
	}
	return name
}

// zshArg is what the zsh script does for an argument of kind k.
func zshArg(k argKind) string {
	switch k {
	case argOpportunity:
		return "_mutual_names opportunities 'opportunity'"
	case argPriority:
		return "_mutual_names priorities 'priority'"
	case argFile:
		return "_files"
	}
	return fmt.Sprintf("compadd -- %s", strings.Join(argWords(k), " "))
}

// zshQuote quotes s for zsh in single quotes.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshScript is the zsh script; its verbs are the flags that take a value,
// the formats of each command, the flags of each command, the commands
// with their summaries, and what each command's arguments are.
const zshScript = `#compdef mutual
# zsh completion for mutual, written by 'mutual completion zsh'.
#
# Install it as _mutual in a directory of your $fpath, before compinit:
#   mutual completion zsh > "${fpath[1]}/_mutual"
# or load it from ~/.zshrc, after compinit:
#   source <(mutual completion zsh)

# _mutual_names offers the names of one kind (opportunities, scenarios,
# profiles) from the profile the line names; zsh quotes each one as the
# line needs.
_mutual_names() {
	local -a names
	names=("${(@f)$(_call_program names ${(q)prog} complete-names $1 "${ctx[@]}" 2>/dev/null)}")
	names=(${names:#})
	_wanted $1 expl $2 compadd -a names
}

_mutual() {
	local prog=${words[1]} cmd="" flag="" rest="" w i
	local -i nargs=0
	local -a ctx
	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	for ((i = 2; i < CURRENT; i++)); do
		w=${words[i]}
		if [[ -n $flag ]]; then
			[[ $flag == --profile ]] && ctx+=(--profile ${(Q)w})
			flag=""
			continue
		fi
		if [[ -z $rest ]]; then
			case $w in
			--) rest=1; continue ;;
			%s) flag=$w; continue ;;
			--*=*) [[ ${w%%%%=*} == --profile ]] && ctx+=(--profile ${(Q)${w#*=}}); continue ;;
			--example) ctx+=(--example); continue ;;
			-*) continue ;;
			esac
		fi
		if [[ -z $cmd ]]; then cmd=$w; else nargs+=1; fi
	done
	local cur=${words[CURRENT]}
	if [[ -z $flag && $cur == --*=* ]]; then
		flag=${cur%%%%=*}
		compset -P '*='
	fi

	if [[ -n $flag ]]; then
		case $flag in
		--format)
			local -a choices
			case $cmd in
%s			esac
			_wanted formats expl format compadd -a choices ;;
		--profile)
			if [[ $cur == */* || $cur == *.toml ]]; then _files; else _mutual_names profiles 'profile name'; _files; fi ;;
		--scenario) _mutual_names scenarios scenario ;;
%s		esac
		return
	fi
	if [[ -z $rest && $cur == -* ]]; then
		local -a choices
		case $cmd in
%s		esac
		_wanted flags expl flag compadd -a choices
		return
	fi
	if [[ -z $cmd ]]; then
		local -a subcommands
		subcommands=(
%s		)
		_describe command subcommands
		return
	fi
	case $cmd in
%s	esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_mutual "$@"
else
	compdef _mutual mutual
fi
`

// fishCompletion is the script for fish.
func fishCompletion() string {
	var b strings.Builder
	b.WriteString(fishHead)
	fmt.Fprintf(&b, "\nset -l value_flags %s\n", strings.Join(valueFlags(), " "))
	b.WriteString(fishState)
	b.WriteString("\n# The commands, when none is given yet.\n")
	for _, c := range completionCommands() {
		if c.name == "" {
			continue
		}
		fmt.Fprintf(&b, "complete -c mutual -n '__mutual_is \"\"; and __mutual_arg 0' -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	b.WriteString("\n# Each command's flags, and their values.\n")
	for _, c := range completionCommands() {
		cond := fmt.Sprintf("__mutual_is %s", fishWord(c.name))
		for _, f := range c.flags {
			name := strings.TrimPrefix(f, "--")
			switch f {
			case "--format":
				fmt.Fprintf(&b, "complete -c mutual -n '%s' -l format -x -a %s -d format\n", cond, fishQuote(strings.Join(c.formats, " ")))
			case "--profile":
				fmt.Fprintf(&b, "complete -c mutual -n '%s' -l profile -r -F -a '(__mutual_names profiles)' -d 'PATH or NAME'\n", cond)
			case "--scenario":
				fmt.Fprintf(&b, "complete -c mutual -n '%s' -l scenario -x -a '(__mutual_names scenarios)' -d scenario\n", cond)
			case "--urgency", "--today":
				fmt.Fprintf(&b, "complete -c mutual -n '%s' -l %s -x\n", cond, name)
			default:
				if words := wordsOf(name); len(words) > 0 {
					fmt.Fprintf(&b, "complete -c mutual -n '%s' -l %s -x -a %s\n", cond, name, fishQuote(strings.Join(words, " ")))
				} else if slices.Contains(valueFlags(), f) {
					fmt.Fprintf(&b, "complete -c mutual -n '%s' -l %s -x\n", cond, name)
				} else {
					fmt.Fprintf(&b, "complete -c mutual -n '%s' -l %s\n", cond, name)
				}
			}
		}
	}
	b.WriteString("\n# Each command's arguments.\n")
	for _, c := range completionCommands() {
		if c.name == "" {
			continue
		}
		for _, a := range argPositions(c) {
			at := fmt.Sprint(a.n)
			if a.repeat {
				at += "+"
			}
			fmt.Fprintf(&b, "complete -c mutual -n '__mutual_is %s; and __mutual_arg %s' %s\n", c.name, at, fishArg(a.kind))
		}
	}
	return b.String()
}

// wordsOf is the fixed values the flag named takes, if it has them.
func wordsOf(name string) []string {
	if f, ok := lookupFlag(flagWords(), name); ok {
		return f.words
	}
	return nil
}

// fishArg is the fish completion for an argument of kind k.
func fishArg(k argKind) string {
	switch k {
	case argOpportunity:
		return "-f -a '(__mutual_names opportunities)'"
	case argPriority:
		return "-f -a '(__mutual_names priorities)'"
	case argFile:
		return "-F"
	}
	return "-f -a " + fishQuote(strings.Join(argWords(k), " "))
}

func fishWord(name string) string {
	if name == "" {
		return `""`
	}
	return name
}

// fishQuote quotes s for fish in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

const fishHead = `# fish completion for mutual, written by 'mutual completion fish'.
#
# Install it for your user, where fish finds it:
#   mutual completion fish > ~/.config/fish/completions/mutual.fish

complete -c mutual -f
`

// fishState holds the functions that read the line: which command it
// runs, how many arguments it has, and the profile it names.
const fishState = `
# __mutual_line prints the command (or an empty line for the dashboard),
# the number of its arguments so far, whether a flag waits for its value,
# and the --profile and --example words, one a line.
function __mutual_line --inherit-variable value_flags
	set -l tokens (commandline -opc)
	set -e tokens[1]
	set -l cmd ""
	set -l nargs 0
	set -l flag ""
	set -l rest ""
	set -l ctx
	for t in $tokens
		if test -n "$flag"
			test "$flag" = --profile; and set ctx $ctx --profile $t
			set flag ""
			continue
		end
		if test -z "$rest"
			switch $t
				case --
					set rest 1
					continue
				case '--profile=*'
					set ctx $ctx --profile (string replace -- --profile= '' $t)
					continue
				case --example
					set ctx $ctx --example
					continue
				case '-*'
					contains -- $t $value_flags; and set flag $t
					continue
			end
		end
		if test -z "$cmd"
			set cmd $t
		else
			set nargs (math $nargs + 1)
		end
	end
	printf '%s\n' "$cmd" $nargs "$flag" $ctx
end

# __mutual_is CMD: the line runs CMD ("" for the dashboard).
function __mutual_is
	set -l line (__mutual_line)
	test "$line[1]" = "$argv[1]"
end

# __mutual_arg N: the word being completed is argument N (N+: N or later),
# not a flag's value.
function __mutual_arg
	set -l line (__mutual_line)
	test -z "$line[3]"; or return 1
	set -l n (string replace '+' '' -- $argv[1])
	if string match -q '*+' -- $argv[1]
		test $line[2] -ge $n
	else
		test $line[2] -eq $n
	end
end

# __mutual_names KIND prints the names of one kind from the profile the
# line names.
function __mutual_names
	set -l line (__mutual_line)
	set -l prog (commandline -opc)[1]
	$prog complete-names $argv[1] $line[4..-1] 2>/dev/null
end
`
