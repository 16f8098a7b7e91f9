#!/bin/sh
# mkinitrd.sh IMAGE DIR...: merge the DIRs (later ones win) into one tree and
# make the ext2 initrd from it with genext2fs, keeping 16 MiB of blocks and
# 4096 inodes free for the user.  The image is rebuilt only when the merged
# tree differs from the one it was last built from, so its time stamp (and
# everything made from it) stays put otherwise.  -f (all time stamps 0) and
# -U (everything owned by root) make the image reproducible.
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

used_kib=$(du -s -k --apparent-size "$stage" | cut -f1)
files=$(find "$stage" | wc -l)
blocks=$(( used_kib / 4 + files + 4096 + 2048 ))   # 4 KiB blocks: +16 MiB, +8 MiB slack
inodes=$(( files + 4096 + 4096 ))
genext2fs -B 4096 -b "$blocks" -N "$inodes" -U -f -d "$stage" "$img.tmp"
mv "$img.tmp" "$img"
rm -rf "$tree" && mv "$stage" "$tree"
echo "initrd: $img ($files files, $blocks blocks of 4 KiB, $inodes inodes)"
