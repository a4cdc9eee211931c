// Package arrows holds no code, only a test: the test fails when an arrow
// of the design is broken, so that a wrong import is caught by go test and
// not by a reviewer months later.
//
// The arrows point inward, views → model ← profiles, and only the
// program joins the rooms. The test lists the import graph of module
// mutual with `go list -deps` and checks, counting indirect imports too:
//
//   - mutual/model imports none of os, tview, tcell, toml, mutual/profiles
//     or mutual/views: the decision logic stays pure, so it can be tested
//     and reused without a terminal or a file.
//   - No package under mutual/views imports mutual/profiles or anything
//     under mutual/internal/cli: views draw a state, they do not read
//     files or run commands. A package under views whose import path ends
//     in /report (mutual/views/report, the plain-text reports) imports
//     neither tview nor tcell, so the reports can be printed to a pipe.
//   - mutual/profiles imports nothing under mutual/views, nor tview or
//     tcell: reading and writing files knows nothing of how they are shown.
//   - Only the program (mutual) and its command layer (mutual/internal/cli)
//     import all three of model, profiles and views; bench/driver, which
//     builds the dashboard in-process to time a key press, and
//     internal/docgen, which writes docs/ from every room's tables, are the
//     other programs allowed to.
//
// A failure names the chain that brings the forbidden package in, for
// example "mutual/model imports mutual/x, which imports os". The test
// skips when the go tool cannot be found, since it cannot list the graph
// without it.
package arrows
