#!/usr/bin/python3
"""Write the initramfs that boots Linux straight into the benchmark.

The archive is an uncompressed cpio in the "newc" format, which Linux
unpacks into its root file system before starting /init:

    /init              the bench program (Linux runs it as pid 1)
    /bin/bench-tiny    the program bench's fork_exec_wait execs
    /dev/console       character device 5:1, so init gets stdin/out/err

Every entry has owner 0, mtime 0 and a fixed inode number, so the same
inputs always give the same bytes.

Usage: mkinitramfs.py BENCH BENCH_TINY OUTPUT
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


def archive(bench, tiny):
    records = [
        ("dev", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1)),
        ("bin", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("bin/bench-tiny", stat.S_IFREG | 0o755, tiny, (0, 0)),
        ("init", stat.S_IFREG | 0o755, bench, (0, 0)),
    ]
    out = b"".join(entry(i + 1, name, mode, body, rdev)
                   for i, (name, mode, body, rdev) in enumerate(records))
    return out + entry(0, TRAILER, 0)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    bench_path, tiny_path, out_path = sys.argv[1:]
    with open(bench_path, "rb") as f:
        bench = f.read()
    with open(tiny_path, "rb") as f:
        tiny = f.read()
    with open(out_path, "wb") as f:
        f.write(archive(bench, tiny))


if __name__ == "__main__":
    main()
