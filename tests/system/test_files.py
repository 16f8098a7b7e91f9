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


SCRIPTS = {
    # The interpreter gets its argument, the script's path, then the
    # arguments after argv[0].
    "echo-script": "#!/bin/echo from-script\n",
    # Everything after the interpreter is one argument (trailing blanks
    # dropped, as Linux does); /tests/hello exits with atoi(argv[1]).
    "hello-script": "#!/tests/hello 42 and more  \n",
    "sh-script": "#!/bin/sh\n"
                 "echo \"sh-ran $0 $# $1\"\n"
                 "/scripts/hello-script x\n"
                 "echo \"hello-script status $?\"\n"
                 "exit 3\n",
}


@pytest.fixture
def scripts(tmp_path):
    """A directory to merge into the initrd: /scripts/ with SCRIPTS."""
    extra = tmp_path / "extra"
    (extra / "scripts").mkdir(parents=True)
    for name, text in SCRIPTS.items():
        path = extra / "scripts" / name
        path.write_text(text)
        path.chmod(0o755)
    return extra


def test_hash_bang_script_run_by_exec(boot, scripts):
    """/tests/run execs the script itself (no shell in between)."""
    b = run_program(boot, "/scripts/echo-script", "arg1 arg2", extra=scripts)
    assert "from-script /scripts/echo-script arg1 arg2" in b.lines(), b
    assert b.status == 0 and not b.panicked, b


def test_hash_bang_shell_script(boot, scripts):
    """A /bin/sh script exec'd directly sees its path as $0; a script it
    runs gets the interpreter's argument as one word."""
    b = run_program(boot, "/scripts/sh-script", "first second", extra=scripts)
    lines = b.lines()
    assert "sh-ran /scripts/sh-script 2 first" in lines, b
    assert any(l.startswith("hello from /tests/hello, pid ") and
               l.endswith(", 4 args [42 and more] [/scripts/hello-script] [x], HOME=/")
               for l in lines), b
    assert "hello-script status 42" in lines, b
    assert b.status == 3 and not b.panicked, b
