# Shared by linux.sh and cowix.sh (sourced, not run): where things go, the
# QEMU command line both kernels boot with, building bench, and the cache
# that skips a boot whose inputs have not changed.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
OUT=$BUILD/bench
USER_OUT=$BUILD/user             # where the top-level make builds userland
BENCH=$USER_OUT/root/bin/bench
BENCH_TINY=$USER_OUT/root/bin/bench-tiny
PYTHON=/usr/bin/python3   # Debian's, not a pyenv shim
BOOT_TIMEOUT=${BOOT_TIMEOUT:-300}   # seconds of real time per boot

# Deterministic timing (docs/performance.md): the guest TSC advances one
# per guest instruction, and the RTC starts at a fixed date, so every run
# gives the same figures to the last digit.  Both kernels get the same
# machine, memory size included.
QEMU_FLAGS=(-icount shift=0,sleep=off -rtc base=2024-01-01T00:00:00,clock=vm
            -m 256 -display none -serial stdio -no-reboot)

# Options of linux.sh and cowix.sh: --quick runs bench's smoke-test mode
# into NAME-quick.txt; --force boots even if the cache is fresh.
MODE=normal
FORCE=0
parse_options() {
    for arg in "$@"; do
        case $arg in
            --quick) MODE=quick ;;
            --force) FORCE=1 ;;
            *) echo "usage: $0 [--quick] [--force]" >&2; exit 2 ;;
        esac
    done
}

# The word on the kernel command line that puts bench in quick mode (the
# kernel hands words it does not know to init as arguments).
mode_word() {
    if [ "$MODE" = quick ]; then echo quick; fi
}

# The results file of a kernel in this mode: linux.txt, cowix-quick.txt...
results_file() {
    if [ "$MODE" = quick ]; then echo "$OUT/$1-quick.txt"; else echo "$OUT/$1.txt"; fi
}

build_bench() {
    make -s -C "$ROOT/userland/bench" O="$USER_OUT"
}

# Usage: inputs_key FILE... -- WORD...
# A digest of everything a run depends on: the files' contents, the words
# (QEMU arguments, mode), and the harness that boots and checks: the
# calling script, this file, extract.py and operations.py.
inputs_key() {
    local files=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do files+=("$1"); shift; done
    shift
    local harness=("$0" "$ROOT"/tools/bench/{common.sh,extract.py,operations.py})
    { sha256sum "${files[@]}" "${harness[@]}" | cut -d' ' -f1
      printf '%s\n' "$@"; } | sha256sum | cut -d' ' -f1
}

# Usage: boot_bench NAME KEY NOTE QEMU-ARGS...
# Boots QEMU with the shared flags and QEMU-ARGS, keeps the transcript in
# $OUT/NAME.log and the checked results in the results file, which starts
# with NOTE (what was measured).  Skipped if the results file was made
# from inputs with the same KEY.
boot_bench() {
    local name=$1 key=$2 note=$3; shift 3
    local results log keyfile
    results=$(results_file "$name")
    log=${results%.txt}.log
    keyfile=${results%.txt}.key
    mkdir -p "$OUT"

    if [ "$FORCE" = 0 ] && [ -f "$results" ] && [ "$(cat "$keyfile" 2>/dev/null)" = "$key" ]; then
        echo "$name: inputs unchanged, keeping $results"
        return 0
    fi
    rm -f "$results" "$keyfile"
    echo "$name: booting under QEMU (-icount), transcript in $log"
    local status=0
    timeout "$BOOT_TIMEOUT" qemu-system-i386 "${QEMU_FLAGS[@]}" "$@" </dev/null >"$log" 2>&1 \
        || status=$?
    [ "$status" = 124 ] && echo "$name: QEMU timed out after ${BOOT_TIMEOUT}s" >&2

    "$PYTHON" "$ROOT/tools/bench/extract.py" "$log" "$results" \
        --note "$note, bench mode $MODE" --note "inputs $key" || return 1
    echo "$key" >"$keyfile"
    echo "$name: results in $results"
}
