#!/bin/bash
# run.sh BUILD_DIR FUZZ_OPTION...: boot Cowix with the system call fuzzer
# (/tests/fuzz, see userland/tests/fuzz.c) as init, show and log
# (BUILD_DIR/fuzz.log) what it prints, and exit 0 only if its last word is
# "leak check ok" and init exited with status 0.  After a panic, it names
# the batches that were running: trace each with FUZZ_ARGS=batch=B.
set -u
build=$1
shift
log=$build/fuzz.log
timeout "${FUZZ_TIMEOUT:-7200}" qemu-system-i386 -m 128 -display none -serial stdio \
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
if [ "$qemu" -ne 1 ] || ! grep -aq "leak check ok" "$log"; then
    echo "fuzz: FAILED (QEMU status $qemu); the log is $log"
    exit 1
fi
echo "fuzz: passed; the log is $log"
