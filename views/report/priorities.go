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

// Priorities is the dashboard's Priorities page: every priority with its
// weight (marked when a what-if moved it) and its share of fit, and the
// weights at which the leader at the urgency in force would change, the
// others held; the priority sel (an index into the profile's priorities)
// is marked as selected. Below, what pay would change where opportunity i
// (an index into s.Assessments, or -1) stands. Every number is one that
// 'mutual explain' prints.
func Priorities(s *model.State, sel, i int, keys PriorityKeys) *Document {
	doc := &Document{}
	sec := doc.section("")
	sec.text(0, "  weight  share  priority", RoleDim)
	flips := s.WeightFlips()
	shares := fitShares(s)
	for k, pr := range s.Profile.Priorities {
		mark, role := "  ", RoleText
		if k == sel {
			mark, role = "▸ ", RoleStrong
		}
		label := Clean(pr.Name())
		if _, moved := s.Request.WhatIf.Weights[pr.ID]; moved {
			label += " (what-if)"
		}
		sec.add(Line{Lead: []Span{{mark + fmt.Sprintf("%6s  %5s  ", Weight(pr.Weight), percent(shares[k])), role}},
			Text: Span{label, role}, Wrap: true, Hang: 17})
		var parts []string
		for _, f := range flips {
			if f.Priority == k {
				parts = append(parts, flipPhrase(s, f))
			}
		}
		if len(parts) == 0 {
			if len(s.Ranked) > 1 {
				sec.add(Line{Indent: 17, Text: Span{"no weight of it alone changes the leader", RoleDim}, Wrap: true})
			}
			continue
		}
		sec.add(Line{Indent: 17, Text: Span{strings.Join(parts, "; "), RoleText}, Wrap: true})
	}

	if i >= 0 && !s.Assessments[i].Closed {
		sec = doc.section("")
		text := BreakEvenPayText(s, i)
		if text == "" {
			text = "No pay changes where " + name(s, i) + " stands against the leader"
		}
		sec.lead(0, Span{"Pay: ", RoleStrong}, Span{text + ".", RoleText})
	}
	what := fmt.Sprintf("%s and %s move the selected weight by 1 as a what-if, at urgency %s; %s resets; %s saves the weights as a scenario.",
		keys.Up, keys.Down, Urgency(s.Urgency.Value), keys.Reset, keys.Save)
	doc.section("").para(0, what, RoleDim)
	return doc
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
	case f.Weight < f.Now:
		return who + " leads below " + Weight(f.Weight)
	}
	return who + " leads above " + Weight(f.Weight)
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
