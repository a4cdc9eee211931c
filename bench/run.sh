#!/usr/bin/env bash
# mutual's performance benchmark: builds mutual and its floors, generates
# profiles of 2,000 opportunities × 30 priorities and 20,000 × 40, and
# prints a table of ratios against floors measured in the same run.
#
#   bench/run.sh               # the table (about a minute)
#   RUNS=11 bench/run.sh       # more runs per measurement
#   bench/run.sh -sizes 2000x30 -runs 5   # extra flags go to the driver
#
# See docs/performance.md for what each line means.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:${HOME:-/root}/go/bin:$PATH"

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/mutual" .
go build -o "$bin/decode" ./bench/floor/decode
go build -o "$bin/table" ./bench/floor/table
go build -o "$bin/driver" ./bench/driver

"$bin/driver" -bin "$bin" -runs "${RUNS:-7}" "$@"

echo
echo "leader changes: the upper envelope, O(n log n); ns/op ÷ (n·log2 n) should stay flat"
go test ./model -run '^$' -bench '^BenchmarkLeaderEnvelope$' -benchtime 20x -count 1 |
  awk '/^BenchmarkLeaderEnvelope/ {
         split($1, a, "n="); n = a[2]; sub(/-.*/, "", n); ns = $3
         printf "  n=%-8s %12.2f ms   %6.1f ns per n·log2 n\n", n, ns / 1e6, ns / (n * log(n) / log(2))
       }'
