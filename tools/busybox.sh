#!/bin/sh
# busybox.sh [BUILD_DIR]: the BusyBox image, build/busybox.img.
#
# Debian's busybox-static for i386, unmodified, on an ext2 image that Cowix
# boots as its initrd: /bin/busybox, one symlink per applet at the path
# `busybox --list-full` gives, and the files of initrd-busybox/ (/init,
# /etc/passwd, /etc/group).  The package is fetched once with apt and kept
# in BUILD_DIR/busybox/; tools/mkinitrd.sh makes the image (16 MiB and 4096
# inodes to spare) and rebuilds it only when the tree changed.
#
# Exit status 2: the package could not be downloaded (tests skip on it).
set -e
cd "$(dirname "$0")/.."
B=${1:-build}
W=$B/busybox
DEB=$W/busybox-static_i386.deb
PKG=busybox-static:i386

say() { echo "busybox: $*"; }

# Without a terminal (under the tests) sudo must not wait for a password.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif [ -t 0 ]; then
        sudo "$@"
    else
        sudo -n "$@"
    fi
}

cannot_fetch() {
    say "cannot download $PKG: $*"
    exit 2
}

# apt knows the package once the i386 architecture is on and its index is
# read.  One i386 security index may fail to download: apt-get update then
# exits non-zero although the main index is fine, so judge by the result.
package_known() {
    apt-cache policy "$PKG" 2>/dev/null | grep -q 'Candidate: [0-9]'
}

fetch() {
    [ -s "$DEB" ] && return 0
    mkdir -p "$W"
    if ! package_known; then
        dpkg --print-foreign-architectures | grep -qx i386 ||
            as_root dpkg --add-architecture i386 || cannot_fetch "no i386 architecture"
        as_root apt-get update -q || say "apt-get update reported errors; trying anyway"
    fi
    # apt-get download writes into the current directory, naming the file
    # with its version (and an escaped epoch): give it a stable name.
    rm -rf "$W/download" && mkdir -p "$W/download"
    (cd "$W/download" && apt-get download -q -o APT::Sandbox::User=root "$PKG") ||
        cannot_fetch "apt-get download failed"
    mv "$W"/download/*.deb "$DEB"
    rmdir "$W/download"
}

# The staged tree: the binary, its applet links, our files.
stage() {
    root=$W/root
    rm -rf "$W/deb" "$root"
    dpkg-deb -x "$DEB" "$W/deb"
    mkdir -p "$root/bin"
    cp "$W/deb/bin/busybox" "$root/bin/busybox"
    # A static i386 binary: the x86-64 host runs it to list its applets.
    tools/host-i386.sh "$root/bin/busybox" true
    "$root/bin/busybox" --list-full | while read -r path; do
        [ "$path" = bin/busybox ] && continue
        mkdir -p "$root/$(dirname "$path")"
        ln -s /bin/busybox "$root/$path"
    done
    cp -a initrd-busybox/. "$root/"
    mkdir -p "$root/dev" "$root/proc" "$root/root"
    mkdir -p -m 1777 "$root/tmp"
}

fetch
stage
tools/mkinitrd.sh "$B/busybox.img" "$W/root"
say "$B/busybox.img: $("$W/root/bin/busybox" --list | wc -l) applets"
