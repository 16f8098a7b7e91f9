"""Files and exec: the whole image seen from inside Cowix matches the
host's view of the tree it was built from, and the programs in
userland/tests/ check directories, paths, pipes, descriptors across exec,
big argument lists, bad executables and signals."""
import os
import stat

import pytest

from conftest import TREE, run_program


def fnv(data, h=0xcbf29ce484222325):
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def host_listing(root):
    """What /tests/fswalk prints, computed on the host (plus the
    lost+found directory genext2fs adds)."""
    lines = {"/lost+found d 700 0 0"}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            path = "/" + os.path.relpath(full, root)
            if path in ("/dev", "/proc") or path.startswith(("/dev/", "/proc/")):
                continue
            st = os.lstat(full)
            mode = oct(st.st_mode & 0o7777)[2:]
            if stat.S_ISLNK(st.st_mode):
                target = os.readlink(full).encode()
                lines.add("%s l %s %d %016x" % (path, mode, len(target), fnv(target)))
            elif stat.S_ISDIR(st.st_mode):
                lines.add("%s d %s 0 0" % (path, mode))
            else:
                with open(full, "rb") as f:
                    data = f.read()
                lines.add("%s f %s %d %016x" % (path, mode, len(data), fnv(data)))
    return lines


def test_whole_image_matches_host(boot):
    b = run_program(boot, "/tests/fswalk", timeout=300)
    assert "fswalk: all checks passed" in b.output and b.status == 0, b
    lines = b.lines()
    body = lines[lines.index("WALK-BEGIN") + 1:]
    body = [l for l in body[:next(i for i, l in enumerate(body) if l.startswith("WALK-END"))]]
    inside = set(body)
    host = host_listing(TREE)
    assert inside == host, (sorted(inside - host)[:10], sorted(host - inside)[:10])
    assert len(inside) > 40


PROGRAMS = ["getdents", "paths", "pipes", "dup2exec", "bigargs", "badelf", "signals", "procdev"]


@pytest.mark.parametrize("name", PROGRAMS)
def test_program(boot, name):
    b = run_program(boot, "/tests/" + name)
    assert "%s: all checks passed" % name in b.output, b
    assert b.status == 0 and not b.panicked, b
