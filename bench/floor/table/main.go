// Command table is the floor the benchmark holds the dashboard's first
// frame against: it reads a profile file, decodes it with BurntSushi/toml
// into generic maps, and shows the opportunities' names in a bare
// tview.Table, on the same kind of screen and application the dashboard
// uses. Decoding is part of the floor because any program that shows the
// names of a profile must first read them; the benchmark also reports the
// first frame of the same table with the names given ready-made (-names),
// so the part the decode takes can be seen. q quits.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

func main() {
	names, err := readNames(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	table := tview.NewTable()
	for row, name := range names {
		table.SetCell(row, 0, tview.NewTableCell(name))
	}
	screen, err := tcell.NewScreen()
	if err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	app := tview.NewApplication().SetScreen(screen)
	app.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		if ev.Rune() == 'q' {
			app.Stop()
			return nil
		}
		return ev
	})
	if err := app.SetRoot(table, true).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
}

// readNames reads the names from a profile (table FILE), or one a line
// from a plain file (table -names FILE).
func readNames(args []string) ([]string, error) {
	switch {
	case len(args) == 1:
		data, err := os.ReadFile(args[0])
		if err != nil {
			return nil, err
		}
		var doc map[string]any
		if _, err := toml.Decode(string(data), &doc); err != nil {
			return nil, err
		}
		list, _ := doc["opportunity"].([]map[string]any)
		names := make([]string, 0, len(list))
		for _, o := range list {
			name, _ := o["name"].(string)
			names = append(names, name)
		}
		return names, nil
	case len(args) == 2 && args[0] == "-names":
		f, err := os.Open(args[1])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var names []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			names = append(names, strings.TrimSpace(sc.Text()))
		}
		return names, sc.Err()
	}
	return nil, fmt.Errorf("usage: table FILE | table -names FILE")
}
