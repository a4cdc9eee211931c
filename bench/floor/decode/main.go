// Command decode is the floor the benchmark holds `mutual rank` against: it
// reads a profile file and decodes it with BurntSushi/toml into generic
// maps, the least any program must do to know what the file says, and
// nothing else. bench/run.sh builds it beside mutual.
package main

import (
	"fmt"
	"os"

	"github.com/BurntSushi/toml"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: decode FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "decode:", err)
		os.Exit(1)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		fmt.Fprintln(os.Stderr, "decode:", err)
		os.Exit(1)
	}
	// Use the result, so nothing can be optimised away.
	list, _ := doc["opportunity"].([]map[string]any)
	fmt.Println(len(list))
}
