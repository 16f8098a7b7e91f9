"""Processes: user programs from /tests run as init, each checking one part
of the process layer and exiting 0 only if every check held (their sources
are in userland/tests/)."""
import pytest

from conftest import run_program

PROGRAMS = [
    ("forkiso", "", "forkiso: all checks passed"),
    ("cowstat", "", "cowstat: all checks passed"),
    ("faults", "", "faults: all checks passed"),
    ("badptr", "", "badptr: all checks passed"),
    ("preempt", "", "preempt: all checks passed"),
    ("yield", "quantum=1000", "yield: all checks passed"),
    ("forkbomb", "", "forkbomb: all checks passed"),
    ("oom", "", "oom: all checks passed"),
]


@pytest.mark.parametrize("name,cmdline,expect", PROGRAMS, ids=[p[0] for p in PROGRAMS])
def test_program(boot, name, cmdline, expect):
    b = run_program(boot, "/tests/" + name, cmdline=cmdline)
    assert expect in b.output, b
    assert "init exited with status 0" in b.output, b
    assert b.status == 0 and not b.panicked, b


def test_init_gets_argv_and_env_and_status(boot):
    b = boot("init=/tests/hello -- 5 two")
    assert "hello from /tests/hello, pid 1, 3 args [5] [two], HOME=/" in b.output, b
    assert "init exited with status 5" in b.output
    assert b.status == 5


def test_missing_init_falls_back_to_shell(boot):
    b = boot("init=/no/such/program", timeout=30)
    assert "cannot run /no/such/program (error 2); trying /bin/sh" in b.output, b
