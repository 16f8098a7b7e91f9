#!/bin/bash
# run.sh BUILD_DIR FUZZ_OPTION...: boot Cowix with the system call fuzzer
# (/tests/fuzz, see userland/tests/fuzz.c) as init, show and log
# (BUILD_DIR/fuzz.log) what it prints, and exit 0 only if its last word is
# "leak check ok" and init exited with status 0.  After a panic, it names
# the batches that were running: trace each with FUZZ_ARGS=batch=B.
#
# A kernel that hangs as a whole never prints its last line, so the run is
# stopped after FUZZ_TIMEOUT seconds.  By default that scales with the
# calls asked for: one worker makes about 540 calls a second (measured:
# 20,000 calls take 37 s with one worker, 8 s with four), and the default
# allows ten times as long as one worker would take, plus two minutes for
# booting and the final clean-up.
set -u
build=$1
shift
log=$build/fuzz.log

calls=200000                        # the fuzzer's default (userland/tests/fuzz.c)
for opt in "$@"; do
    case $opt in calls=*) calls=${opt#calls=} ;; esac
done
limit=${FUZZ_TIMEOUT:-$((120 + calls / 54))}
echo "fuzz: a run still going after $limit s is a hang (FUZZ_TIMEOUT=S to change)"

timeout "$limit" qemu-system-i386 -m 128 -display none -serial stdio \
    -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -kernel "$build/kernel.elf" -initrd "$build/initrd.img" \
    -append "init=/tests/fuzz -- $*" < /dev/null | tee "$log"
qemu=${PIPESTATUS[0]}

if grep -aq "Kernel panic" "$log"; then
    echo "fuzz: the kernel panicked; the batches started last were:" \
        "$(grep -ao ' b[0-9]*' "$log" | tail -6 | tr -d '\n')"
    echo "fuzz: trace one: make fuzz FUZZ_SEED=<seed> FUZZ_ARGS=batch=<B>"
    exit 1
fi
if [ "$qemu" -eq 124 ]; then
    echo "fuzz: no end after $limit s (FUZZ_TIMEOUT sets the limit): a hang;" \
        "the batches started last were:" "$(grep -ao ' b[0-9]*' "$log" | tail -6 | tr -d '\n')"
    exit 1
fi
if [ "$qemu" -ne 1 ] || ! grep -aq "leak check ok" "$log"; then
    echo "fuzz: FAILED (QEMU status $qemu); the log is $log"
    exit 1
fi
echo "fuzz: passed; the log is $log"
