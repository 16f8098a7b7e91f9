"""Programs built for Linux, not for Cowix: the cross compiler's glibc,
static and static-pie (an ET_DYN image Cowix loads at 0x56555000, as Linux
does), run unmodified, with TLS, stdio and the exit status."""
import os
import subprocess

import pytest

from conftest import run_program

SOURCE = r"""
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static __thread int tls = 41;
int main(int argc, char **argv)
{
    tls++;
    errno = 0;
    printf("%s: argc %d, tls %d, pid %d, %s\n", argv[0], argc, tls, getpid(),
           access("/no/such", F_OK) == -1 && errno == ENOENT ? "errno ok" : "errno wrong");
    return 7;
}
"""


@pytest.mark.parametrize("kind", ["-static", "-static-pie"])
def test_glibc_program_runs(boot, tmp_path, kind):
    src = tmp_path / "hello.c"
    src.write_text(SOURCE)
    root = tmp_path / "root" / "tests"
    os.makedirs(root)
    subprocess.run(["i686-linux-gnu-gcc", kind, "-O2", "-o", str(root / "glibc"), str(src)],
                   check=True)
    b = run_program(boot, "/tests/glibc", args="x", timeout=60,
                    extra=str(tmp_path / "root"))
    assert "/tests/glibc: argc 2, tls 42, pid 2, errno ok" in b.output, b
    assert b.status == 7
