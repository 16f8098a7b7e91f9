#!/bin/sh
# mkinitrd.sh IMAGE DIR...: merge the DIRs (later ones win) into one tree and
# make the ext2 initrd from it with genext2fs, keeping 16 MiB of blocks and
# 4096 inodes free for the user.  The image is rebuilt only when the merged
# tree differs from the one it was last built from, so its time stamp (and
# everything made from it) stays put otherwise.  The image is reproducible
# to the byte: genext2fs adds files in the order it reads them, and readdir
# order differs between file systems, so it reads a tar archive sorted by
# name, with every owner root and every time stamp 0 (-f: the file
# system's own time stamps too).
set -e
img=$1; shift
stage=$img.stage
tree=$img.tree
rm -rf "$stage" && mkdir -p "$stage"
for d in "$@"; do
    [ -d "$d" ] && cp -a "$d/." "$stage/"
done
mkdir -p "$stage/dev" "$stage/proc" "$stage/tmp" "$stage/root"
find "$stage" -name .keep -delete

if [ -f "$img" ] && [ -d "$tree" ] && diff -r -q --no-dereference "$stage" "$tree" >/dev/null 2>&1; then
    rm -rf "$stage"
    exit 0
fi

# The size comes from the files' sizes alone (a directory's size depends on
# the host's file system), in 4 KiB blocks: theirs, one per entry, 16 MiB
# for the user and 8 MiB of slack.
file_blocks=$(find "$stage" -type f -printf '%s\n' | awk '{ n += int(($1 + 4095) / 4096) } END { print n + 0 }')
files=$(find "$stage" | wc -l)
blocks=$(( file_blocks + files + 4096 + 2048 ))
inodes=$(( files + 4096 + 4096 ))
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    -cf "$img.tar" -C "$stage" .
genext2fs -B 4096 -b "$blocks" -N "$inodes" -f -a "$img.tar" "$img.tmp" >/dev/null
rm -f "$img.tar"
mv "$img.tmp" "$img"
rm -rf "$tree" && mv "$stage" "$tree"
echo "initrd: $img ($files files, $blocks blocks of 4 KiB, $inodes inodes)"
