#!/usr/bin/python3
"""Write an initramfs that boots Linux straight into one of our programs.

The archive is an uncompressed cpio in the "newc" format, which Linux
unpacks into its root file system before starting /init.  It holds
/dev/console (character device 5:1, so init gets stdin/out/err) and the
given files, with their directories.  For the benchmark (linux.sh):

    init=BENCH  bin/bench-tiny=BENCH_TINY

Every entry has owner 0, mtime 0 and a fixed inode number, so the same
inputs always give the same bytes.

Usage: mkinitramfs.py OUTPUT PATH=FILE...
"""

import stat
import sys

NEWC_MAGIC = b"070701"
TRAILER = "TRAILER!!!"


def pad4(data):
    """newc aligns every header+name and every file body to 4 bytes."""
    return data + b"\0" * (-len(data) % 4)


def entry(inode, name, mode, body=b"", rdev=(0, 0)):
    """One newc record: a 110-byte ASCII header, the name, the body."""
    name_bytes = name.encode() + b"\0"
    fields = [
        inode, mode, 0, 0,           # ino, mode, uid, gid
        2 if stat.S_ISDIR(mode) else 1,  # nlink
        0, len(body),                # mtime, filesize
        0, 0,                        # devmajor, devminor (of the archive's disk)
        rdev[0], rdev[1],            # rdevmajor, rdevminor (of a device node)
        len(name_bytes), 0,          # namesize, check
    ]
    header = NEWC_MAGIC + b"".join(b"%08X" % f for f in fields)
    return pad4(header + name_bytes) + pad4(body)


def archive(files):
    """files: [(path in the archive, contents)]; directories are added."""
    records = [("dev", stat.S_IFDIR | 0o755, b"", (0, 0)),
               ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1))]
    dirs = {"dev"}
    for path, body in files:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in dirs:
                dirs.add(d)
                records.append((d, stat.S_IFDIR | 0o755, b"", (0, 0)))
        records.append((path, stat.S_IFREG | 0o755, body, (0, 0)))
    out = b"".join(entry(i + 1, name, mode, body, rdev)
                   for i, (name, mode, body, rdev) in enumerate(records))
    return out + entry(0, TRAILER, 0)


def main():
    if len(sys.argv) < 3 or any("=" not in a for a in sys.argv[2:]):
        sys.exit(__doc__)
    files = []
    for arg in sys.argv[2:]:
        path, source = arg.split("=", 1)
        with open(source, "rb") as f:
            files.append((path.strip("/"), f.read()))
    with open(sys.argv[1], "wb") as f:
        f.write(archive(files))


if __name__ == "__main__":
    main()
