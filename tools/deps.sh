#!/bin/sh
# Install the Debian packages Cowix needs, only if some are missing.
# Called by make before anything is built; a no-op on a ready machine.
# The host's gcc and libc6-dev build the unit tests (with ASan and UBSan).
# (Never gcc-multilib: installing it removes the cross compiler.)
set -e
PKGS="gcc-i686-linux-gnu nasm grub-pc-bin grub-common xorriso mtools \
qemu-system-x86 genext2fs e2fsprogs python3-pytest python3-pexpect gdb \
gcc libc6-dev"
[ $# -gt 0 ] && PKGS="$*"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || echo "deps: apt-get update reported errors; trying anyway"
$SUDO apt-get install -y -q $missing
