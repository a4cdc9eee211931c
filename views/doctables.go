package views

import (
	"slices"
	"strings"
)

// This file writes the key table (keys.go) as rows for the reference in
// docs/keys.md, which internal/docgen rewrites from them: one table per
// context, as the help page lists them. It formats rows; the bindings stay
// in the key table.

// DocTables are the dashboard's keys as rows of text, one table per
// context, by the name of the docs region that shows it ("keys" for the
// keys that act everywhere, "keys-" and the context's name for the
// others); the first row of each is its header.
func DocTables() map[string][][]string {
	km := DefaultKeymap()
	out := map[string][][]string{}
	for ctx, title := range contextNames {
		rows := [][]string{{"key", "what it does"}}
		for _, b := range km {
			if b.Context == ctx {
				rows = append(rows, []string{codeWords(b.Label()), km.helpText(b)})
			}
		}
		out[docRegionName(ctx, title)] = rows
	}
	return out
}

// docRegionName names a context's region: "keys" for everywhere, else
// from its title, "keys-on-the-priorities-page".
func docRegionName(ctx KeyContext, title string) string {
	if ctx == ContextAll {
		return "keys"
	}
	slug := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '-'
	}, title)
	parts := slices.DeleteFunc(strings.Split(slug, "-"), func(s string) bool { return s == "" })
	return "keys-" + strings.Join(parts, "-")
}

// codeWords writes each space-separated key as code: `↑` `k`.
func codeWords(label string) string {
	words := strings.Fields(label)
	for i, w := range words {
		words[i] = "`" + w + "`"
	}
	return strings.Join(words, " ")
}
