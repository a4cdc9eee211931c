package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/bench/gen"
)

// TestIncomeWithNoEndPrintsAsMonthlyIncome: monthly_income = X and an
// [[income]] of X with no end that ends with a job give the same answers,
// so `rank --format json` prints the same bytes for both (each written
// to the same path in turn): every number, and a zero never as -0.
func TestIncomeWithNoEndPrintsAsMonthlyIncome(t *testing.T) {
	steady := string(gen.Profile(300, 6))
	const line = "monthly_income = 600\n"
	if !strings.Contains(steady, line) {
		t.Fatal("the generated profile no longer has monthly_income = 600")
	}
	at := strings.Index(steady, "[[priority]]")
	dated := strings.Replace(steady[:at], line, "", 1) +
		"[[income]]\nname = \"steady\"\nmonthly = 600\nends_with_job = true\n\n" + steady[at:]
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.toml")
	rank := func(name, src string) string {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		sys := System{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard,
			Getenv: func(string) string { return "" }, Home: dir, Now: time.Now}
		if code := Run([]string{"rank", "--format", "json", "--profile", path, "--today", gen.Today}, sys); code != 0 {
			t.Fatalf("%s: exit code %d", name, code)
		}
		return out.String()
	}
	a, b := rank("steady.toml", steady), rank("dated.toml", dated)
	if a == b {
		return
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			t.Fatalf("line %d: monthly_income prints %q, the [[income]] %q", i+1, al[i], bl[i])
		}
	}
	t.Fatalf("the outputs differ in length: %d and %d lines", len(al), len(bl))
}
