package report

import (
	"os/exec"
	"strings"
	"testing"
)

// TestReportImportsNoScreen checks the room's rule: the reports are plain
// text, so neither report nor anything it imports may draw a screen
// (tview, tcell), and it reads no profile files and no widgets (profiles,
// views).
func TestReportImportsNoScreen(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to list the imports with")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/rivo/tview", "github.com/gdamore/tcell/v2", "mutual/profiles", "mutual/views"} {
			if dep == banned || strings.HasPrefix(dep, banned+"/") && !strings.HasPrefix(dep, "mutual/views/report") {
				t.Errorf("views/report depends on %s", dep)
			}
		}
	}
}
