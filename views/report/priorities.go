package report

import (
	"fmt"
	"strings"

	"mutual/model"
)

// PriorityKeys are the keys the Priorities page names: the keys that move
// the selected weight up and down, that reset the what-ifs, and that save
// the weights as a scenario.
type PriorityKeys struct {
	Up, Down, Reset, Save string
}

// PrioritiesNarrow is the width, in cells, below which the Priorities page
// packs its columns closer, so that a priority's name keeps room beside
// its weight and share on an 80-column screen split in two.
const PrioritiesNarrow = 48

// Priorities is the dashboard's Priorities page: every priority with its
// weight (marked when a what-if moved it) and its share of fit, one line
// each, and under each the weights at which the leader at the urgency in
// force would change, the others held; the priority sel (an index into the
// profile's priorities) is marked as selected. Above them, what pay would
// change where opportunity i (an index into s.Assessments, or -1) stands.
// Narrow packs the columns for a page less than PrioritiesNarrow wide.
// Every number is one that 'mutual explain' prints.
func Priorities(s *model.State, sel, i int, keys PriorityKeys, narrow bool) *Document {
	doc := &Document{}
	// What pay would change comes first, so that a short page, scrolled
	// to keep the selected priority in sight, still shows it on opening.
	if i >= 0 && !s.Assessments[i].Closed {
		text := BreakEvenPayText(s, i)
		if narrow {
			text = breakEvenPayShort(s, i)
		}
		if text == "" {
			text = "no pay changes where " + name(s, i) + " stands against the leader"
		}
		doc.section("").lead(0, Span{"Pay: ", RoleStrong}, Span{text + ".", RoleText})
	}
	sec := doc.section("")
	// The columns: the selection mark, the weight and the share, then the
	// name; a priority's flips hang under its name.
	weightCol, gap, heading := 6, "  ", "  weight  share  priority"
	if narrow {
		weightCol, gap, heading = 4, " ", "    wt share  priority"
	}
	lead := 2 + weightCol + len(gap) + 5 + 2
	sec.text(0, heading, RoleDim)
	flips := s.WeightFlips()
	shares := fitShares(s)
	bare := 0
	for k, pr := range s.Profile.Priorities {
		mark, role := "  ", RoleText
		if k == sel {
			mark, role = "▸ ", RoleStrong
		}
		label := Clean(pr.Name())
		if _, moved := s.Request.WhatIf.Weights[pr.ID]; moved {
			label += " (what-if)"
		}
		cols := mark + padLeft(Weight(pr.Weight), weightCol) + gap + padLeft(percent(shares[k]), 5) + "  "
		sec.add(Line{Lead: []Span{{cols, role}}, Text: Span{label, role}})
		var parts []string
		for _, f := range flips {
			if f.Priority == k {
				parts = append(parts, flipPhrase(s, f))
			}
		}
		if len(parts) == 0 {
			bare++
			continue
		}
		sec.add(Line{Indent: lead, Text: Span{strings.Join(parts, "; "), RoleText}, Wrap: true, Hang: lead})
	}
	switch {
	case len(s.Ranked) < 2:
		sec.para(0, "With fewer than two ranked, no weight changes the leader.", RoleDim)
	case bare == len(s.Profile.Priorities):
		sec.para(0, "No weight of one priority alone, the others held, changes the leader.", RoleDim)
	case bare > 0:
		sec.para(0, "The rest: no weight of one alone changes the leader.", RoleDim)
	}

	what := fmt.Sprintf("%s and %s move the selected weight by 1 as a what-if, at urgency %s; %s resets; %s saves the weights as a scenario.",
		keys.Up, keys.Down, Urgency(s.Urgency.Value), keys.Reset, keys.Save)
	doc.section("").para(0, what, RoleDim)
	return doc
}

// padLeft pads s with spaces on the left to w cells.
func padLeft(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// flipPhrase is one flip as the Priorities page lists it under its
// priority: "Globex leads above 6.3".
func flipPhrase(s *model.State, f model.WeightFlip) string {
	who := name(s, f.Beyond)
	switch {
	case f.Weight == 0 && f.Now == 0:
		return who + " leads above 0"
	case f.Weight == 0:
		return who + " leads at 0"
	case !f.Up:
		return who + " leads below " + FlipWeight(f)
	}
	return who + " leads above " + FlipWeight(f)
}

// fitShares are the priorities' shares of fit, from their weights.
func fitShares(s *model.State) []float64 {
	total := 0.0
	for _, p := range s.Profile.Priorities {
		total += p.Weight
	}
	out := make([]float64, len(s.Profile.Priorities))
	for k, p := range s.Profile.Priorities {
		if total > 0 {
			out[k] = p.Weight / total
		} else {
			out[k] = 1 / float64(len(out))
		}
	}
	return out
}
