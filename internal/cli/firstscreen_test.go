package cli

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"mutual/model"
	"mutual/views"
	"mutual/views/report"
)

// The three first screens a fresh reader is shown (issue 23): the
// built-in example, a profile with days of money left, and a comfortable
// one with two offers. Each is opened as `mutual --today 2026-11-25`
// opens it.
var firstScreens = []struct {
	name string
	args []string
}{
	{"example", nil},
	{"urgent", []string{"--profile", "testdata/firstscreen/urgent.toml"}},
	{"comfortable", []string{"--profile", "testdata/firstscreen/comfortable.toml"}},
}

// firstScreen draws the first screen of a profile at w×h, as the
// dashboard opens it, and returns its lines.
func firstScreen(t *testing.T, args []string, w, h int) []string {
	t.Helper()
	s, opts := firstSession(t, args)
	d, err := views.NewDashboard(benchStopper{}, &s.loaded.Profile, s.request, views.Options{
		Info: s.reportInfo(opts), Styles: views.NewStyles(false), Status: startStatus(s), Example: s.example}, views.Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	screen := tcell.NewSimulationScreen("UTF-8")
	if err := screen.Init(); err != nil {
		t.Fatal(err)
	}
	defer screen.Fini()
	screen.SetSize(w, h)
	d.SetRect(0, 0, w, h)
	d.Draw(screen)
	return strings.Split(strings.TrimRight(screenText(screen), "\n"), "\n")
}

// TestFirstScreensAnswerWhatWouldChangeTheAdvice: the line under Advice
// speaks of the advice, in savings, and the ranking's change of leader is
// not on the header; the details say it, labelled as the ranking's.
func TestFirstScreensAnswerWhatWouldChangeTheAdvice(t *testing.T) {
	for _, fs := range firstScreens {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
			lines := firstScreen(t, fs.args, size[0], size[1])
			text := strings.Join(lines, "\n")
			if !strings.HasPrefix(lines[2], "Advice: ") {
				t.Fatalf("%s %v: no Advice line:\n%s", fs.name, size, text)
			}
			under := lines[3]
			if !strings.Contains(under, "of savings") || !strings.Contains(under, " would win ") && !strings.Contains(under, " wins ") {
				t.Errorf("%s %v: the line under Advice does not say what savings would change it: %q", fs.name, size, under)
			}
			for _, ranking := range []string{"leads", "runway", "weight", "weighed"} {
				if strings.Contains(under, ranking) {
					t.Errorf("%s %v: the line under Advice speaks of the ranking (%q): %q", fs.name, size, ranking, under)
				}
			}
			if size[0] >= 100 && !strings.Contains(under, "(you have $") {
				t.Errorf("%s %v: the line under Advice does not say the savings now: %q", fs.name, size, under)
			}
			if size[0] >= 100 && !strings.Contains(text, "Ranking only (the Advice also") {
				t.Errorf("%s %v: the details do not say where the ranking changes, labelled:\n%s", fs.name, size, text)
			}
		}
	}
}

// firstScreenJargon are the words a first reader needed the docs for.
var firstScreenJargon = []string{"cycles", "no scenario", "manager ?", " < ", "respond_by", "points a month", "(+$", "(−$",
	"on the fit scale", "weighed", "leader change at"}

// TestFirstScreensUsePlainWords: none of the words a first reader needed
// the manual for is on a first screen; FIRST shows only with what it is.
func TestFirstScreensUsePlainWords(t *testing.T) {
	axis := regexp.MustCompile(`(^|│)u +0`)
	for _, fs := range firstScreens {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
			text := strings.Join(firstScreen(t, fs.args, size[0], size[1]), "\n")
			for _, word := range firstScreenJargon {
				if strings.Contains(text, word) {
					t.Errorf("%s %v: the first screen says %q:\n%s", fs.name, size, word, text)
				}
			}
			if axis.MatchString(text) {
				t.Errorf("%s %v: the chart's axis is labelled u:\n%s", fs.name, size, text)
			}
			if strings.Contains(text, " FIRST ") && !strings.Contains(text, "FIRST: how often") {
				t.Errorf("%s %v: FIRST shows without saying what it is:\n%s", fs.name, size, text)
			}
		}
	}
}

// TestDecideTextSpeaksInMoney: decide's default text says no value on the
// fit scale outside its assumptions (where the parameters are in fit
// points by definition); the JSON keeps the values.
func TestDecideTextSpeaksInMoney(t *testing.T) {
	for _, fs := range firstScreens {
		s, opts := firstSession(t, fs.args)
		var out bytes.Buffer
		if err := report.WriteDecide(&out, s.state, model.Decide(s.state), s.reportInfo(opts), "table"); err != nil {
			t.Fatal(err)
		}
		text, _, _ := strings.Cut(out.String(), "\nAssumptions")
		for _, word := range []string{"points a month", "fit scale", "respond_by", "accept now "} {
			if strings.Contains(text, word) {
				t.Errorf("%s: decide's text says %q:\n%s", fs.name, word, text)
			}
		}
	}
}

// firstSession opens the profile args name (or the built-in example) as
// `mutual --today 2026-11-25 ARGS` does, for a user whose home is empty.
func firstSession(t *testing.T, args []string) (*session, options) {
	t.Helper()
	return openQuiet(t, nil, append([]string{"--today", "2026-11-25"}, args...)...)
}

// TestFirstScreensDoNotContradictThemselves: the score's equation in the
// details adds up as printed, and a vetoed row shows no score.
func TestFirstScreensDoNotContradictThemselves(t *testing.T) {
	equation := regexp.MustCompile(`score (\d+\.\d) at urgency \d\.\d\d = (\d+\.\d) from fit \d+\.\d \+ (\d+\.\d) from`)
	tenths := func(s string) int {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return int(v*10 + 0.5)
	}
	for _, fs := range firstScreens {
		lines := firstScreen(t, fs.args, 100, 30)
		text := strings.Join(lines, "\n")
		var pane []string
		for _, l := range lines {
			if strings.HasPrefix(l, "│") {
				if end := strings.Index(l[len("│"):], "│"); end >= 0 {
					pane = append(pane, strings.TrimSpace(l[len("│"):len("│")+end]))
				}
			}
		}
		m := equation.FindStringSubmatch(strings.Join(pane, " "))
		if m == nil {
			t.Fatalf("%s: no score equation in the details:\n%s", fs.name, text)
		}
		if tenths(m[2])+tenths(m[3]) != tenths(m[1]) {
			t.Errorf("%s: %s + %s is not %s as printed", fs.name, m[2], m[3], m[1])
		}
		for _, l := range lines {
			if strings.Contains(l, "vetoed") && regexp.MustCompile(`✓ +\d+\.\d`).MatchString(l) {
				t.Errorf("%s: a vetoed row shows a score: %q", fs.name, l)
			}
		}
	}
}

// TestAdviceSaysWhenPayComes: an Advice to accept says when the pay comes,
// and names every other offer in hand, at every width from 80 columns.
func TestAdviceSaysWhenPayComes(t *testing.T) {
	payDate := regexp.MustCompile(`pays (from )?\d{4}-\d\d-\d\d`)
	for _, fs := range firstScreens {
		for w := 80; w <= 140; w += 10 {
			advice := firstScreen(t, fs.args, w, 30)[2]
			if strings.HasPrefix(advice, "Advice: Accept") && !payDate.MatchString(advice) {
				t.Errorf("%s at %d columns: the Advice line gives no pay date: %q", fs.name, w, advice)
			}
		}
	}
	if advice := firstScreen(t, firstScreens[2].args, 80, 24)[2]; !strings.Contains(advice, "let Maple Labs go") {
		t.Errorf("the comfortable profile's Advice does not say what to do with the other offer: %q", advice)
	}
}

// TestChartLabelsFollowTheLineEnds: the rank labels at the chart's right
// edge sit top to bottom in the order the lines end, highest relief first.
func TestChartLabelsFollowTheLineEnds(t *testing.T) {
	row := regexp.MustCompile(`^║ +(\d+) `)
	label := regexp.MustCompile(` (\d+)│$`)
	for _, fs := range firstScreens {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
			lines := firstScreen(t, fs.args, size[0], size[1])
			relief := map[string]float64{}
			for _, l := range lines {
				if m := row.FindStringSubmatch(l); m != nil {
					// The relief is the row's last number.
					for _, f := range strings.Fields(l) {
						if v, err := strconv.ParseFloat(strings.TrimSuffix(f, "?"), 64); err == nil && strings.Contains(f, ".") {
							relief[m[1]] = v
						}
					}
				}
			}
			var order []string
			for _, l := range lines {
				if strings.Contains(l, "┤") || strings.HasSuffix(l, "│") && strings.Count(l, "│") >= 3 {
					if m := label.FindStringSubmatch(l); m != nil {
						order = append(order, m[1])
					}
				}
			}
			for k := 1; k < len(order); k++ {
				if relief[order[k-1]] < relief[order[k]] {
					t.Errorf("%s %v: label %s sits above %s, whose line ends higher (%v):\n%s", fs.name, size, order[k-1], order[k],
						relief, strings.Join(lines, "\n"))
				}
			}
			if len(order) < 2 {
				t.Errorf("%s %v: found labels %v", fs.name, size, order)
			}
		}
	}
}
