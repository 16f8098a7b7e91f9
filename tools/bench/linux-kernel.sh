#!/bin/bash
# Debian's i386 Linux kernel, for running our programs on real Linux:
# the newest linux-image-6.1.0-N-686 package apt knows, downloaded once per
# version into build/bench/linux-kernel/.  Sourced by linux.sh (the
# benchmark), which calls fetch_kernel; run on its own, it prints the path
# of the vmlinuz (tests/system/test_demos.py uses that), or exits non-zero
# when there is no kernel to be had.
#
# Usage: tools/bench/linux-kernel.sh

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
    local kernels=$OUT/linux-kernel
    choose_kernel
    if [ -z "$PACKAGE" ]; then
        local cached
        cached=$(ls -d "$kernels"/*/ 2>/dev/null | sort -V | tail -n 1)
        [ -n "$cached" ] || { echo "linux: no linux-image-6.1.0-*-686 package found" >&2; exit 1; }
        echo "linux: package lists unavailable, using $cached" >&2
        PACKAGE=$(basename "$cached")
        VMLINUZ=${cached}vmlinuz
        return
    fi
    local dir=$kernels/${PACKAGE}_$VERSION
    [ -f "$dir/vmlinuz" ] || download_kernel "$dir"
    VMLINUZ=$dir/vmlinuz
}

# Run on its own: print the path.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    source "$(dirname "$0")/common.sh"
    fetch_kernel >&2
    echo "$VMLINUZ"
fi
