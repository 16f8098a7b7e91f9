#!/bin/sh
# host-i386.sh PROGRAM [ARGS...]: make sure this x86-64 host can run static
# i386 Linux programs, using PROGRAM ARGS (which must exit 0) as the probe.
#
# The host tests run our libc tests, tools and shell on the host, and
# tools/busybox.sh asks Debian's BusyBox for its applet list: all static
# i386 binaries.  Most x86-64 kernels run them natively (IA32 emulation),
# but some are built or booted without it (exec then fails with ENOEXEC).
# There we install qemu-user and register its i386 emulator with
# binfmt_misc, so that exec of an i386 ELF works everywhere, including the
# execs our shell makes itself.  Nothing is done when the probe runs.
set -e
[ $# -gt 0 ] || { echo "usage: host-i386.sh PROGRAM [ARGS...]" >&2; exit 2; }
"$@" > /dev/null 2>&1 && exit 0

cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
MISC=/proc/sys/fs/binfmt_misc
NAME=cowix-i386
# An ELF32, little-endian, ET_EXEC or ET_DYN file for EM_386 (the mask
# leaves out the OS ABI byte and the low bit of e_type).
MAGIC='\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00'
MASK='\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'

echo "host-i386: this kernel does not run i386 programs; using qemu-i386 through binfmt_misc"
tools/deps.sh qemu-user
[ -e $MISC/register ] || $SUDO mount -t binfmt_misc binfmt_misc $MISC
if [ ! -e $MISC/$NAME ]; then
    # F: the kernel opens the emulator now, so it works in any mount
    # namespace; P: the program keeps its own argv[0] (qemu reads AT_FLAGS).
    printf '%s' ":$NAME:M::$MAGIC:$MASK:/usr/bin/qemu-i386:FP" |
        $SUDO tee $MISC/register > /dev/null
fi
"$@" > /dev/null 2>&1 || { echo "host-i386: $1 still does not run" >&2; exit 1; }
