// Command driver runs mutual's performance benchmark and prints its table.
// Run it through bench/run.sh, which builds the programs it runs; see the
// docs/performance.md for what it measures and why.
//
// Every measurement is a ratio against a floor measured in the same run,
// on the same file, because absolute times drift on a shared machine. Runs
// alternate between the program and its floor, and each ratio is the
// median over runs of (program ÷ floor) for runs made back to back.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"mutual/bench/gen"
)

func main() {
	bin := flag.String("bin", "", "directory holding the built mutual, decode and table programs")
	work := flag.String("work", "", "directory for the generated profiles (default: a temporary one)")
	runs := flag.Int("runs", 7, "runs of each measurement; the table shows medians")
	sizes := flag.String("sizes", "2000x30,20000x40", "profiles to generate, as OPPORTUNITIESxPRIORITIES, comma-separated; the first one is held to the budgets")
	cols := flag.Int("cols", 120, "terminal width for the first-frame measurement")
	rows := flag.Int("rows", 40, "terminal height for the first-frame measurement")
	ledger := flag.Int("ledger", 40, "dated entries ([[income]], [[cash]]) of the profile that rank is measured on against the same without them")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "driver: -bin is required (run bench/run.sh)")
		os.Exit(2)
	}
	if *work == "" {
		dir, err := os.MkdirTemp("", "mutual-bench-")
		check(err)
		defer os.RemoveAll(dir)
		*work = dir
	}
	b := &bench{bin: *bin, work: *work, runs: max(1, *runs), cols: *cols, rows: *rows, ledger: *ledger}

	fmt.Printf("mutual benchmark · medians of %d runs · %s %s/%s · %d CPUs · terminal %d×%d\n",
		b.runs, runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), b.cols, b.rows)
	for k, size := range strings.Split(*sizes, ",") {
		var nOpp, nPri int
		if _, err := fmt.Sscanf(size, "%dx%d", &nOpp, &nPri); err != nil {
			fmt.Fprintf(os.Stderr, "driver: -sizes: %q is not OPPORTUNITIESxPRIORITIES\n", size)
			os.Exit(2)
		}
		b.profile(nOpp, nPri, k == 0)
	}
	b.whatIf()
	if b.failed {
		fmt.Println("\nsome budgets are not met (see FAIL above)")
	}
}

type bench struct {
	bin, work  string
	runs       int
	cols, rows int
	// ledger is how many dated entries the ledger measurement adds.
	ledger int
	failed bool
}

// row prints one line of the table. budget 0 means the line is context,
// not a budget.
func (b *bench) row(what, program, floor string, ratio, budget float64) {
	verdict := ""
	if budget > 0 {
		verdict = fmt.Sprintf("≤ %-4s ok", strconv.FormatFloat(budget, 'f', -1, 64))
		if ratio > budget {
			verdict = fmt.Sprintf("≤ %-4s FAIL", strconv.FormatFloat(budget, 'f', -1, 64))
			b.failed = true
		}
	}
	fmt.Printf("  %-38s %12s %12s %7.2f×  %s\n", what, program, floor, ratio, verdict)
}

func (b *bench) header(title string) {
	fmt.Printf("\n%s\n  %-38s %12s %12s %8s  %s\n", title, "measure", "mutual", "floor", "ratio", "budget")
}

func (b *bench) profile(nOpp, nPri int, budgets bool) {
	data := gen.Profile(nOpp, nPri)
	path := filepath.Join(b.work, fmt.Sprintf("profile-%dx%d.toml", nOpp, nPri))
	check(os.WriteFile(path, data, 0o644))
	namesPath := filepath.Join(b.work, fmt.Sprintf("names-%d.txt", nOpp))
	check(os.WriteFile(namesPath, []byte(strings.Join(gen.Names(nOpp), "\n")+"\n"), 0o644))

	budget := func(v float64) float64 {
		if budgets {
			return v
		}
		return 0
	}
	b.header(fmt.Sprintf("profile %d opportunities × %d priorities (%.1f MB)%s", nOpp, nPri, float64(len(data))/1e6,
		map[bool]string{true: ": held to the budgets", false: ": for scale, no budget"}[budgets]))

	mutual := filepath.Join(b.bin, "mutual")
	rank := []string{"rank", "--format", "json", "--profile", path, "--today", gen.Today}
	floor := []string{path}
	var mw, mr, fw, fr, rw, rr []float64
	for range b.runs {
		m := b.process(mutual, rank)
		f := b.process(filepath.Join(b.bin, "decode"), floor)
		mw, mr = append(mw, m.wall.Seconds()), append(mr, float64(m.rss))
		fw, fr = append(fw, f.wall.Seconds()), append(fr, float64(f.rss))
		rw, rr = append(rw, m.wall.Seconds()/f.wall.Seconds()), append(rr, float64(m.rss)/float64(f.rss))
	}
	b.row("rank --format json: wall time", ms(median(mw)), ms(median(fw)), median(rw), budget(1.3))
	b.row("rank --format json: max RSS", mb(median(mr)), mb(median(fr)), median(rr), budget(2))

	// decide weighs every offer in hand against every process with a
	// decision date; its floor is rank on the same file, which pays the
	// same load and evaluation.
	decide := []string{"decide", "--format", "json", "--profile", path, "--today", gen.Today}
	var dw, dr []float64
	for range b.runs {
		d := b.process(mutual, decide)
		r := b.process(mutual, rank)
		dw, dr = append(dw, d.wall.Seconds()), append(dr, d.wall.Seconds()/r.wall.Seconds())
	}
	b.row(fmt.Sprintf("decide --format json (%s): wall", gen.DecideShape(data)), ms(median(dw)), "rank "+ms(median(mw)), median(dr), budget(3))

	// The dated ledger: rank on the same profile with dated entries
	// against rank without them, paired and alternating.
	if b.ledger > 0 {
		dated := filepath.Join(b.work, fmt.Sprintf("profile-%dx%d-ledger%d.toml", nOpp, nPri, b.ledger))
		check(os.WriteFile(dated, gen.ProfileWithLedger(nOpp, nPri, b.ledger), 0o644))
		withLedger := []string{"rank", "--format", "json", "--profile", dated, "--today", gen.Today}
		var lw, lr []float64
		for range b.runs {
			l := b.process(mutual, withLedger)
			r := b.process(mutual, rank)
			lw, lr = append(lw, l.wall.Seconds()), append(lr, l.wall.Seconds()/r.wall.Seconds())
		}
		b.row(fmt.Sprintf("rank with %d dated entries: wall", b.ledger), ms(median(lw)), "rank "+ms(median(mw)), median(lr), budget(1.15))
	}

	if !ptySupported {
		fmt.Println("  dashboard first frame: skipped (the pseudo-terminal harness needs Linux)")
		return
	}
	dash := []string{"--profile", path, "--today", gen.Today}
	// The dashboard's last row is the key hints; the table's is the name
	// in its last row.
	dashMarker := "quit"
	names := gen.Names(nOpp)
	tableMarker := names[min(b.rows, len(names))-1]
	var dt, tt, nt, ratio []float64
	for range b.runs {
		d := b.frame(mutual, dash, dashMarker)
		t := b.frame(filepath.Join(b.bin, "table"), []string{path}, tableMarker)
		n := b.frame(filepath.Join(b.bin, "table"), []string{"-names", namesPath}, tableMarker)
		dt, tt, nt = append(dt, d.Seconds()), append(tt, t.Seconds()), append(nt, n.Seconds())
		ratio = append(ratio, d.Seconds()/t.Seconds())
	}
	b.row("dashboard: launch to first frame", ms(median(dt)), ms(median(tt)), median(ratio), budget(1.5))
	b.row("  (the same table, names ready-made)", "", ms(median(nt)), median(dt)/median(nt), 0)
}

type sample struct {
	wall time.Duration
	rss  int64 // bytes
}

// process runs a program to its end, its output discarded, and returns
// its wall time and its peak resident memory.
func (b *bench) process(bin string, args []string) sample {
	cmd := exec.Command(bin, args...)
	// Straight to /dev/null, as `> /dev/null` in a shell: a pipe to this
	// process would time the harness's reading too.
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	check(err)
	defer devnull.Close()
	cmd.Stdout, cmd.Stderr = devnull, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "driver: %s %s: %v\n", bin, strings.Join(args, " "), err)
		os.Exit(1)
	}
	wall := time.Since(start)
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = int64(ru.Maxrss) * 1024 // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			rss = int64(ru.Maxrss) // bytes on macOS
		}
	}
	return sample{wall: wall, rss: rss}
}

func (b *bench) frame(bin string, args []string, marker string) time.Duration {
	d, err := firstFrame(bin, args, marker, b.cols, b.rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	return d
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func ms(seconds float64) string { return fmt.Sprintf("%.1f ms", seconds*1e3) }

func mb(bytes float64) string { return fmt.Sprintf("%.1f MB", bytes/1e6) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}
