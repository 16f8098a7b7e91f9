#!/bin/bash
# A quick check of the benchmark program itself, on the host (which runs
# static i386 binaries): bench -q must print a complete, well-formed
# result block, every child exiting as expected.  Takes well under a
# second; tools/bench/linux.sh --quick does the same inside QEMU/Linux.
#
# Usage: tools/bench/smoke.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"

build_bench
transcript=$(mktemp)
results=$(mktemp)
trap 'rm -f "$transcript" "$results"' EXIT

status=0
"$BENCH" -q -t "$BENCH_TINY" >"$transcript" || status=$?
if [ "$status" = 0 ] && "$PYTHON" "$ROOT/tools/bench/extract.py" "$transcript" "$results"; then
    echo "bench-smoke: 1 passed, 0 failed"
else
    cat "$transcript"
    echo "bench-smoke: 0 passed, 1 failed"
    exit 1
fi
