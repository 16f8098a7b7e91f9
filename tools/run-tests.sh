#!/bin/bash
# run-tests.sh LAYER...   (unit, userland, ktest, system, or all)
#
# Runs test layers and sums their results.  Every layer reports
# "N passed, N failed"; the last line of the whole run is the sum, and the
# exit status is non-zero if anything failed (or a layer could not run).
set -u
cd "$(dirname "$0")/.."
B=build
R=$B/test-results
mkdir -p "$R"
QEMU="qemu-system-i386 -m 128 -no-reboot -display none -serial stdio \
      -device isa-debug-exit,iobase=0xf4,iosize=0x04"

total_pass=0
total_fail=0

# count LAYER PASS FAIL: add a layer's figures to the totals.
count() {
    echo "== $1: $2 passed, $3 failed"
    total_pass=$((total_pass + $2))
    total_fail=$((total_fail + $3))
}

# summary_of FILE: the "N passed, M failed" numbers of the last such line.
summary_of() {
    grep -aE '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 |
        sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/'
}

layer_unit() {
    local pass=0 fail=0 t out
    for t in $B/unit/test_*; do
        [ -x "$t" ] || continue
        out=$R/unit-$(basename "$t").txt
        timeout 300 "$t" > "$out" 2>&1
        local rc=$? sum
        sum=$(summary_of "$out")
        grep -a '^not ok' "$out"
        if [ -z "$sum" ]; then
            echo "not ok $(basename "$t"): crashed or hung (status $rc)"
            tail -5 "$out"
            fail=$((fail + 1))
            continue
        fi
        set -- $sum
        pass=$((pass + $1))
        fail=$((fail + $2))
        if [ $rc -ne 0 ] && [ "$2" -eq 0 ]; then
            echo "not ok $(basename "$t"): exit status $rc"
            fail=$((fail + 1))
        fi
    done
    count unit $pass $fail
}

# Host tests run static i386 programs on this host (tools/host-i386.sh).
host_runs_i386() {
    tools/host-i386.sh $B/user/root/bin/true
}

layer_userland() {
    if [ ! -f userland/Makefile ]; then
        count userland 0 0
        return
    fi
    host_runs_i386 || { count userland 0 1; return; }
    local out=$R/userland.txt sum
    make -s -C userland test O="$(pwd)/$B/user" > "$out" 2>&1
    local rc=$?
    grep -a '^not ok' "$out"
    sum=$(summary_of "$out")
    if [ -z "$sum" ]; then
        echo "not ok userland host tests: no summary (status $rc)"
        tail -20 "$out"
        count userland 0 1
        return
    fi
    set -- $sum
    count userland "$1" $(($2 + (rc != 0 && $2 == 0)))
}

layer_ktest() {
    local out=$R/ktest.txt sum
    timeout 300 $QEMU -kernel $B/kernel.elf -initrd $B/initrd.img \
        -append "ktest" > "$out" 2>&1
    local rc=$?
    grep -a '^not ok' "$out"
    sum=$(summary_of "$out")
    if [ -z "$sum" ]; then
        echo "not ok ktest: no summary (QEMU status $rc)"
        tail -30 "$out"
        count ktest 0 1
        return
    fi
    set -- $sum
    # isa-debug-exit: status 0 -> QEMU exits 1; anything else is a failure.
    if [ $rc -ne 1 ] && [ "$2" -eq 0 ]; then
        echo "not ok ktest: QEMU exit status $rc"
        count ktest "$1" 1
        return
    fi
    count ktest "$1" "$2"
}

layer_system() {
    local out=$R/system.txt
    host_runs_i386 || { count system 0 1; return; }
    /usr/bin/python3 -m pytest tests/system -q -p no:cacheprovider \
        -o junit_family=xunit2 --junitxml="$R/system.xml" > "$out" 2>&1
    local rc=$?
    grep -aE '^(FAILED|ERROR)' "$out"
    local counts
    counts=$(/usr/bin/python3 - "$R/system.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 0"); sys.exit()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
t = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skip = sum(int(s.get("skipped", 0)) for s in suites)
print(t - bad - skip, bad)
EOF
)
    set -- $counts
    if [ $rc -ne 0 ] && [ "$2" -eq 0 ]; then
        echo "not ok system tests: pytest status $rc"
        tail -30 "$out"
        count system "$1" 1
        return
    fi
    count system "$1" "$2"
}

layers="$*"
[ "$layers" = "all" ] && layers="unit userland ktest system"
for l in $layers; do
    echo "== running $l tests"
    "layer_$l"
done
echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]
