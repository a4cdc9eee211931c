package views

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"mutual/views/report"
)

// This is the only file in mutual that names a colour. Colours are the
// terminal's own sixteen (so they follow the user's theme), backgrounds are
// always the terminal's default, and every distinction that matters is also
// made with an attribute (bold, dim, reverse) or a word, so that with
// NO_COLOR, where there are no colours at all, nothing is lost.

// Styles are the looks the dashboard's widgets draw with.
type Styles struct {
	// Text is ordinary text; Dim is text that matters less (closed rows,
	// axis labels); Strong is text to read first (the urgency, the leader).
	Text, Dim, Strong tcell.Style
	// Border and BorderFocus draw pane frames; Title their titles.
	Border, BorderFocus, Title tcell.Style
	// Banner is the example notice under the header.
	Banner tcell.Style
	// Selected is the selected row of the ranking.
	Selected tcell.Style
	// Heading is a column or section heading.
	Heading tcell.Style
	// Vetoed and AtRisk mark opportunities that fail or may fail a
	// deal-breaker.
	Vetoed, AtRisk tcell.Style
	// Key is a key's name in the footer and the help page.
	Key tcell.Style
	// Warn is a status message that needs attention (a question, an error).
	Warn tcell.Style
	// Now marks the current urgency in the chart; Change marks a leader
	// change; Iso is the scatter's line of equal score.
	Now, Change, Iso tcell.Style
	// Series are the chart's line styles, one an opportunity, reused in
	// turn when there are more lines than styles.
	Series []tcell.Style
}

// NewStyles returns the dashboard's styles. With noColor (the NO_COLOR
// convention) no style carries a colour: selection is reverse video,
// emphasis bold, and lesser text dim.
func NewStyles(noColor bool) Styles {
	plain := tcell.StyleDefault.Foreground(tcell.ColorDefault).Background(tcell.ColorDefault)
	s := Styles{
		Text:        plain,
		Dim:         plain.Dim(true),
		Strong:      plain.Bold(true),
		Border:      plain,
		BorderFocus: plain.Bold(true),
		Title:       plain.Bold(true),
		Banner:      plain.Bold(true),
		Selected:    plain.Reverse(true),
		Heading:     plain.Bold(true),
		Vetoed:      plain.Dim(true),
		AtRisk:      plain.Bold(true),
		Key:         plain.Bold(true),
		Warn:        plain.Bold(true),
		Now:         plain.Bold(true),
		Change:      plain.Bold(true),
		Iso:         plain.Dim(true),
		Series:      []tcell.Style{plain},
	}
	if noColor {
		return s
	}
	fg := func(c tcell.Color) tcell.Style { return plain.Foreground(c) }
	s.Dim = fg(tcell.ColorGray)
	s.BorderFocus = fg(tcell.ColorTeal).Bold(true)
	s.Title = fg(tcell.ColorTeal).Bold(true)
	s.Banner = fg(tcell.ColorOlive).Bold(true)
	s.Vetoed = fg(tcell.ColorMaroon)
	s.AtRisk = fg(tcell.ColorOlive)
	s.Key = fg(tcell.ColorTeal).Bold(true)
	s.Warn = fg(tcell.ColorOlive).Bold(true)
	s.Now = fg(tcell.ColorOlive).Bold(true)
	s.Change = fg(tcell.ColorPurple).Bold(true)
	s.Iso = fg(tcell.ColorGray)
	s.Series = []tcell.Style{
		fg(tcell.ColorTeal), fg(tcell.ColorGreen), fg(tcell.ColorPurple),
		fg(tcell.ColorNavy), fg(tcell.ColorOlive), fg(tcell.ColorSilver),
	}
	return s
}

// series returns the style of the k-th line of a chart.
func (s Styles) series(k int) tcell.Style {
	if len(s.Series) == 0 {
		return s.Text
	}
	return s.Series[k%len(s.Series)]
}

// Theme is the tview theme that goes with the styles: every background is
// the terminal's default rather than tview's black, so the dashboard sits
// on the user's own background. Assign it to tview.Styles before any
// widget is made.
func (s Styles) Theme() tview.Theme {
	colour := func(st tcell.Style) tcell.Color {
		c, _, _ := st.Decompose()
		return c
	}
	return tview.Theme{
		PrimitiveBackgroundColor:    tcell.ColorDefault,
		ContrastBackgroundColor:     tcell.ColorDefault,
		MoreContrastBackgroundColor: tcell.ColorDefault,
		BorderColor:                 colour(s.Border),
		TitleColor:                  colour(s.Title),
		GraphicsColor:               colour(s.Text),
		PrimaryTextColor:            colour(s.Text),
		SecondaryTextColor:          colour(s.Key),
		TertiaryTextColor:           colour(s.Dim),
		InverseTextColor:            colour(s.Text),
		ContrastSecondaryTextColor:  colour(s.Text),
	}
}

// plainBox is a tview box on the terminal's own background, for every
// widget to start from.
func plainBox() *tview.Box { return tview.NewBox().SetBackgroundColor(tcell.ColorDefault) }

// role is the look of a role of a report document, for the pages that
// draw one.
func (st Styles) role(r report.Role) tcell.Style {
	switch r {
	case report.RoleTitle, report.RoleStrong:
		return st.Strong
	case report.RoleHeading:
		return st.Heading
	case report.RoleDim:
		return st.Dim
	case report.RoleWarning:
		return st.Warn
	case report.RoleAtRisk:
		return st.AtRisk
	case report.RoleVetoed:
		return st.Vetoed
	case report.RoleKey:
		return st.Key
	}
	return st.Text
}
