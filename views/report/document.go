package report

import (
	"io"
	"strings"
)

// LineWidth is the width, in cells, of a standard terminal: the reports
// written to stdout break their sentences to fit it.
const LineWidth = 78

// Role says what a span of a document is, so that each writer can give it
// a look of its own: stdout writes every role alike, a dashboard page
// styles each.
type Role int

// The roles.
const (
	// RoleText is ordinary text.
	RoleText Role = iota
	// RoleTitle names what the document is about.
	RoleTitle
	// RoleHeading heads a section.
	RoleHeading
	// RoleDim is text that matters less: notes, column headings, hints.
	RoleDim
	// RoleStrong is text to read first: the advice on an offer, who leads.
	RoleStrong
	// RoleWarning needs attention soon: a deadline.
	RoleWarning
	// RoleAtRisk and RoleVetoed mark a deal-breaker that could fail and
	// one that fails.
	RoleAtRisk
	RoleVetoed
	// RoleKey is the name of a key to press.
	RoleKey
)

// Span is a run of text in one role.
type Span struct {
	Text string
	Role Role
}

// Line is one line of a document: a lead, such as "ask: " or a table's
// first columns, then the text, after Indent spaces. A line that does not
// wrap is written whole, so its columns stay aligned (a page too narrow
// for it truncates it or wraps it as it sees fit); one that wraps breaks
// its text at spaces to fit a width.
type Line struct {
	// Indent is how many spaces start the line.
	Indent int
	// Lead comes before the text on the line's first row and never breaks.
	Lead []Span
	// Text is the line's words.
	Text Span
	// Wrap breaks the text at spaces to fit a width.
	Wrap bool
	// Hang is where the rows after the first start, in cells from the
	// left edge; 0 starts them under the text's first word.
	Hang int
}

// Section is a run of lines under an optional heading. A blank row
// separates a section from the one before it.
type Section struct {
	Heading string
	Lines   []Line
	// Figure names a picture a page draws after the section's lines (the
	// decide page's money chart is "money"); plain text has none, and
	// writers that cannot draw it skip it.
	Figure string
}

// Document is a report as data: headed sections of lines, each span of
// text with its role. The commands write it as plain text ([Document.Write])
// and the dashboard's pages draw it styled, from the same rows
// ([Document.Rows]), so that the two cannot say different things.
type Document struct {
	Sections []*Section
}

// section starts a new section under heading ("" for none) and returns it
// for lines to be added to.
func (d *Document) section(heading string) *Section {
	sec := &Section{Heading: heading}
	d.Sections = append(d.Sections, sec)
	return sec
}

// text adds a line of text in role that is written whole.
func (s *Section) text(indent int, text string, role Role) {
	s.Lines = append(s.Lines, Line{Indent: indent, Text: Span{text, role}})
}

// para adds a line of text in role that wraps, its further rows under its
// first word.
func (s *Section) para(indent int, text string, role Role) {
	s.Lines = append(s.Lines, Line{Indent: indent, Text: Span{text, role}, Wrap: true})
}

// lead adds a line of text that wraps after a lead, its further rows
// under its first word.
func (s *Section) lead(indent int, lead Span, text Span) {
	s.Lines = append(s.Lines, Line{Indent: indent, Lead: []Span{lead}, Text: text, Wrap: true})
}

// add adds lines as they are.
func (s *Section) add(lines ...Line) { s.Lines = append(s.Lines, lines...) }

// Rows lays the document out for width cells: one row a slice of spans,
// a blank row between sections (nil), each heading a row of its own.
func (d *Document) Rows(width int) [][]Span {
	rows, _ := d.RowsAndFigures(width)
	return rows
}

// RowsAndFigures is Rows, with where each section's figure goes: the row
// before which it is drawn, by name.
func (d *Document) RowsAndFigures(width int) ([][]Span, map[string]int) {
	var rows [][]Span
	figures := map[string]int{}
	for k, sec := range d.Sections {
		if k > 0 {
			rows = append(rows, nil)
		}
		if sec.Heading != "" {
			rows = append(rows, Line{Text: Span{sec.Heading, RoleHeading}, Wrap: true}.Rows(width)...)
		}
		for _, l := range sec.Lines {
			rows = append(rows, l.Rows(width)...)
		}
		if sec.Figure != "" {
			figures[sec.Figure] = len(rows)
		}
	}
	return rows, figures
}

// Rows lays the line out for width cells. A line that wraps breaks
// between words where the next word would pass width; a word wider than
// a whole row gets a row of its own rather than being cut. Each word and
// each space between words is a span of its own, so that a page that
// must truncate a row cuts it at the same place whatever the row holds.
func (l Line) Rows(width int) [][]Span {
	var first []Span
	if l.Indent > 0 {
		role := l.Text.Role
		if len(l.Lead) > 0 {
			role = l.Lead[0].Role
		}
		first = append(first, Span{strings.Repeat(" ", l.Indent), role})
	}
	first = append(first, l.Lead...)
	if !l.Wrap {
		if l.Text.Text != "" {
			first = append(first, l.Text)
		}
		return [][]Span{first}
	}
	hang := l.Hang
	if hang == 0 {
		hang = Width(spansText(first))
	}
	role := l.Text.Role
	var rows [][]Span
	row, used, rowStart := first, Width(spansText(first)), true
	for _, word := range strings.Fields(l.Text.Text) {
		ww := Width(word)
		if !rowStart && used+1+ww > width {
			rows = append(rows, row)
			row, used, rowStart = []Span{{strings.Repeat(" ", hang), role}}, hang, true
		}
		if !rowStart {
			row = append(row, Span{" ", role})
			used++
		}
		row = append(row, Span{word, role})
		used += ww
		rowStart = false
	}
	return append(rows, row)
}

// spansText is the text of spans without their roles.
func spansText(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// Write writes the document as plain text, laid out for [LineWidth].
func (d *Document) Write(w io.Writer) error {
	var b strings.Builder
	for _, row := range d.Rows(LineWidth) {
		b.WriteString(spansText(row))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
