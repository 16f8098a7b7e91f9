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


def test_unimplemented_calls_are_logged_once_with_strace(boot):
    """strace=1: each number without a handler is named once on the console,
    whether it is a hole in the table (17, 31), past its end, or negative."""
    numbers = ["17", "31", "17", "9999", "100000", "-5", "-5"]
    b = run_program(boot, "/tests/nosys", " ".join(numbers), cmdline="strace=1")
    assert "nosys: 7 numbers gave ENOSYS twice" in b.output, b
    logged = [l.strip() for l in b.lines() if l.startswith("strace:")]
    assert logged == ["strace: unimplemented system call %s" % n
                      for n in ("17", "31", "9999", "100000", "-5")], b
    assert b.status == 0, b
    # and without strace=1, nothing is logged
    b = run_program(boot, "/tests/nosys", "17 9999")
    assert "strace:" not in b.output and b.status == 0, b


def test_reboot_powers_off(boot):
    """reboot(88) refuses bad magic numbers and unknown commands (EINVAL);
    with the magic and LINUX_REBOOT_CMD_POWER_OFF, from a process that is
    not init, Cowix prints "reboot: power off" and leaves QEMU through
    isa-debug-exit with 0: status 0, and /tests/run never finishes."""
    b = boot("init=/tests/run -- /tests/reboot")
    out = b.output.replace("\r", "")
    assert "reboot: wrong magic or command EINVAL, all four magic2 accepted\n" in out, b
    assert "reboot: power off\n" in out, b
    assert out.index("all four magic2 accepted") < out.index("reboot: power off\n"), b
    assert "FAIL" not in out and "kstat:" not in out and "init exited" not in out, b
    assert b.qemu_rc == 1 and b.status == 0 and not b.panicked and not b.timed_out, b


def test_init_is_immune_to_signals_but_not_to_faults(boot):
    """A signal init blocked is kept, yet skipped once unblocked (init has
    no handler); a fault's SIGSEGV, even blocked, kills init."""
    b = boot("init=/tests/initsig", timeout=30)
    assert "initsig: SIGTERM kept while blocked, then skipped: still running" in b.output, b
    assert "survived" not in b.output, b
    assert "init killed by signal 11" in b.output, b
    assert b.status == (128 + 11) & 0x7f and not b.panicked, b    # isa-debug-exit keeps 7 bits
