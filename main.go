// Command mutual weighs job opportunities by fit against the urgency of
// needing a paycheck, and shows at what urgency, runway and savings the
// answer would change. The command layer is internal/cli.
package main

import "mutual/internal/cli"

func main() { cli.Main() }
