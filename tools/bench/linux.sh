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

KERNELS=$OUT/linux-kernel
KERNEL_PATTERN='^linux-image-6\.1\.0-[0-9]+-686$'

# apt-get update may exit non-zero because one i386 security index is
# broken on the mirror while the main index works: its status is ignored,
# and finding the package afterwards is the real check.
refresh_package_lists() {
    echo "linux: apt-get update"
    apt-get update >/dev/null 2>&1 || true
}

newest_kernel_package() {
    apt-cache search --names-only "$KERNEL_PATTERN" | cut -d' ' -f1 | sort -V | tail -n 1
}

# Sets PACKAGE and VERSION from the package lists (adding i386 to them
# the first time), or leaves PACKAGE empty if there is no such package.
choose_kernel() {
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        dpkg --add-architecture i386
        refresh_package_lists
    fi
    PACKAGE=$(newest_kernel_package)
    if [ -z "$PACKAGE" ]; then
        refresh_package_lists
        PACKAGE=$(newest_kernel_package)
    fi
    VERSION=
    if [ -n "$PACKAGE" ]; then
        VERSION=$(apt-cache show --no-all-versions "$PACKAGE:i386" | sed -n 's/^Version: //p')
    fi
}

# Download PACKAGE=VERSION and unpack its vmlinuz into directory $1.
download_kernel() {
    local dir=$1 tmp=$1.tmp
    rm -rf "$tmp"
    mkdir -p "$tmp"
    echo "linux: downloading $PACKAGE:i386 $VERSION"
    (cd "$tmp" && apt-get download "$PACKAGE:i386=$VERSION" 2>/dev/null) || {
        refresh_package_lists
        (cd "$tmp" && apt-get download "$PACKAGE:i386=$VERSION")
    }
    dpkg-deb -x "$tmp"/*.deb "$tmp/unpacked"
    mv "$tmp"/unpacked/boot/vmlinuz-* "$tmp/vmlinuz"
    rm -rf "$tmp/unpacked" "$tmp"/*.deb
    mv "$tmp" "$dir"
}

# Sets VMLINUZ, downloading the kernel if this version is not here yet.
# Without package lists (no network), the newest kernel already here does.
fetch_kernel() {
    choose_kernel
    if [ -z "$PACKAGE" ]; then
        local cached
        cached=$(ls -d "$KERNELS"/*/ 2>/dev/null | sort -V | tail -n 1)
        [ -n "$cached" ] || { echo "linux: no linux-image-6.1.0-*-686 package found" >&2; exit 1; }
        echo "linux: package lists unavailable, using $cached" >&2
        PACKAGE=$(basename "$cached")
        VMLINUZ=${cached}vmlinuz
        return
    fi
    local dir=$KERNELS/${PACKAGE}_$VERSION
    [ -f "$dir/vmlinuz" ] || download_kernel "$dir"
    VMLINUZ=$dir/vmlinuz
}

build_bench
fetch_kernel
INITRAMFS=$OUT/linux-initramfs.cpio
mkdir -p "$OUT"
"$PYTHON" "$ROOT/tools/bench/mkinitramfs.py" \
    "$BENCH" "$BENCH_TINY" "$INITRAMFS"

# panic=-1: should init ever die, the kernel reboots, and -no-reboot
# turns that into QEMU exiting instead of hanging until the timeout.
APPEND="console=ttyS0 quiet panic=-1 $(mode_word)"
KEY=$(inputs_key "$VMLINUZ" "$INITRAMFS" -- "$APPEND" "$MODE")
boot_bench linux "$KEY" "Linux: Debian $PACKAGE $VERSION" \
    -kernel "$VMLINUZ" -initrd "$INITRAMFS" -append "$APPEND"
