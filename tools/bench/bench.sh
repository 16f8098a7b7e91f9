#!/bin/bash
# What `make bench` runs: bench on Linux and on Cowix under the same
# deterministic QEMU, then the side-by-side report (build/bench/).
# Each boot is skipped when its inputs have not changed; --force boots
# anyway.  Exits non-zero if either kernel's run failed, after printing
# whatever results there are.
#
# Usage: tools/bench/bench.sh [--force]
set -uo pipefail
source "$(dirname "$0")/common.sh"

# The plot needs Debian's matplotlib (installed only if missing).
"$ROOT/tools/deps.sh" python3-matplotlib

status=0
"$ROOT/tools/bench/linux.sh" "$@" || status=1
"$ROOT/tools/bench/cowix.sh" "$@" || status=1
"$PYTHON" "$ROOT/tools/bench/report.py" "$OUT" || status=1
exit $status
