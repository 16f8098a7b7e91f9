#!/bin/bash
# Runs bench on Cowix under QEMU with the same flags as Linux and writes
# build/bench/cowix.txt (cowix-quick.txt with --quick).  It needs the
# kernel and the initrd that the top-level make builds (build/kernel.elf,
# build/initrd.img, with bench and bench-tiny installed in /bin); the boot
# is skipped if neither they nor the harness have changed.
#
# Usage: tools/bench/cowix.sh [--quick] [--force]
set -euo pipefail
source "$(dirname "$0")/common.sh"
parse_options "$@"
MODE_WORD=$(mode_word)

KERNEL=$BUILD/kernel.elf
INITRD=$BUILD/initrd.img
for file in "$KERNEL" "$INITRD"; do
    [ -f "$file" ] || { echo "cowix: $file is missing (run make first)" >&2; exit 1; }
done

# bench powers the machine off when it is done; isa-debug-exit is there
# for a kernel that exits QEMU through it instead (design notes, part 6).
# Cowix passes the words after "--" to init as its arguments.
APPEND="init=/bin/bench${MODE_WORD:+ -- }$(mode_word)"
KEY=$(inputs_key "$KERNEL" "$INITRD" -- "$APPEND" "$MODE")
boot_bench cowix "$KEY" "Cowix: kernel.elf $(sha256sum "$KERNEL" | cut -c1-12)" \
    -kernel "$KERNEL" -initrd "$INITRD" -append "$APPEND" \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04
