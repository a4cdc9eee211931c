package views

import (
	"strings"
	"testing"

	"mutual/model"
)

// TestAt80x24NamesChartAndFooter: at 80×24 the names that share a start
// keep the part that tells them apart, the chart says which ranked lines
// it left out, and the footer keeps enter and d.
func TestAt80x24NamesChartAndFooter(t *testing.T) {
	p := samProfile()
	names := []string{"Data analyst (North office)", "Data analyst (South office)", "Operations analyst, Initech", "Operations analyst, Hooli"}
	for k, name := range names {
		p.Opportunities[k+1].Name = name
	}
	d, _ := newTestDashboard(t, p, model.Request{}, true, Hooks{})
	lines := screenLines(drawOn(t, d, 80, 24))
	text := strings.Join(lines, "\n")
	for _, part := range []string{"North", "South", "Initech", "Hooli"} {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, "║ ") && strings.Contains(l, part)
		}
		if !found {
			t.Errorf("the ranking at 80×24 loses %q, the part that tells the name apart:\n%s", part, text)
		}
	}
	if !strings.Contains(text, "not drawn") {
		t.Errorf("the chart does not say which lines it left out:\n%s", text)
	}
	if footer := lines[len(lines)-1]; !strings.Contains(footer, "enter details") || !strings.Contains(footer, "d decide") {
		t.Errorf("the footer at 80 columns lacks enter or d: %q", footer)
	}
}
