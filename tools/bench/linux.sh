#!/bin/bash
# Runs bench on Debian's i386 Linux kernel under QEMU, for comparison with
# Cowix: takes the newest linux-image-6.1.0-N-686 package, boots it with
# an initramfs whose /init is bench, and writes build/bench/linux.txt
# (linux-quick.txt with --quick).  The kernel package is downloaded once
# per version; the boot is skipped if nothing it depends on has changed.
#
# Usage: tools/bench/linux.sh [--quick] [--force]
set -euo pipefail
source "$(dirname "$0")/common.sh"
parse_options "$@"

source "$(dirname "$0")/linux-kernel.sh"

build_bench
fetch_kernel
INITRAMFS=$OUT/linux-initramfs.cpio
mkdir -p "$OUT"
"$PYTHON" "$ROOT/tools/bench/mkinitramfs.py" "$INITRAMFS" \
    bin/bench-tiny="$BENCH_TINY" init="$BENCH"

# panic=-1: should init ever die, the kernel reboots, and -no-reboot
# turns that into QEMU exiting instead of hanging until the timeout.
APPEND="console=ttyS0 quiet panic=-1 $(mode_word)"
KEY=$(inputs_key "$VMLINUZ" "$INITRAMFS" -- "$APPEND" "$MODE")
boot_bench linux "$KEY" "Linux: Debian $PACKAGE $VERSION" \
    -kernel "$VMLINUZ" -initrd "$INITRAMFS" -append "$APPEND"
