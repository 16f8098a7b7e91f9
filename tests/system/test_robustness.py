"""Robustness (docs/robustness.md): random system calls, hostile executables,
exhaustion of descriptors, pipes and names, fork bombs, and the kernel built
with KUBSAN.  Each test boots a program from userland/tests/ as init, under
/tests/run (which checks /proc/kstat is back at its baseline) where it can.
Bugs found get a case in /tests/fuzz_regress; those not fixed yet are marked
xfail(strict): once the kernel is fixed the mark must go."""
import os
import re
import shutil
import subprocess

import pytest

from conftest import INITRD, QEMU, ROOT, boot_and_dump_image, run_program
from test_ext2_write import free_counts

KUBSAN_BUILD = os.path.join(ROOT, "build", "kubsan")
KUBSAN_KERNEL = os.path.join(KUBSAN_BUILD, "kernel.elf")
FUZZ_LAST_LINE = re.compile(r"fuzz: (\d+) calls, 0 panics, leak check ok")

# Regression cases of kernel bugs not fixed yet: case -> what is wrong.
KNOWN = {}


def known_bug(case):
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=KNOWN[case])) \
        if case in KNOWN else case


def fuzz_result(b):
    m = FUZZ_LAST_LINE.search(b.output)
    return int(m.group(1)) if m else None


# ---- the system call fuzzer ------------------------------------------------

def test_fuzz_short_run_leaves_nothing_behind(boot):
    b = boot("init=/tests/fuzz -- calls=10000 seed=1", timeout=300)
    assert not b.panicked, b
    calls = fuzz_result(b)
    assert calls is not None and calls > 9900, b
    assert b.status == 0, b


def test_fuzz_then_image_is_fsck_clean(tmp_path):
    """After the fuzzer (sandboxes removed: hold=1), the live file system
    must be e2fsck-clean with the free counts of the image it booted from."""
    image = str(tmp_path / "boot.img")
    shutil.copy(INITRD, image)
    dump = str(tmp_path / "live.img")
    text = boot_and_dump_image("init=/tests/fuzz -- calls=10000 seed=2 hold=1", dump,
                               initrd=image)
    assert FUZZ_LAST_LINE.search(text), text
    r = subprocess.run(["e2fsck", "-fn", dump], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()
    assert free_counts(dump) == free_counts(image)


def test_fuzz_batch_repeats_exactly(boot):
    """A batch's calls come from (seed, batch) alone: two traced runs of
    the same batch make the same calls with the same arguments.  Each run
    ends with the fuzzer's own leak check (it must be init, so it cannot
    run under /tests/run)."""
    runs = [boot("init=/tests/fuzz -- seed=7 batch=3 per=150", timeout=120) for _ in range(2)]
    for r in runs:
        assert FUZZ_LAST_LINE.search(r.output) and r.status == 0, r
    # Call number -> the call and its arguments (not its result, which may
    # depend on timing, as may the call that ends the worker).
    calls = [dict(re.findall(r"^fuzz: (\d+) (\S+\(.*?\))", r.output, re.M)) for r in runs]
    common = calls[0].keys() & calls[1].keys()
    assert len(common) > 20, runs
    assert all(calls[0][i] == calls[1][i] for i in common), runs


def test_every_implemented_call_is_described():
    """The fuzzer knows the arguments of every call the kernel implements
    (exit and exit_group it never makes)."""
    table = open(os.path.join(ROOT, "kernel", "syscall.c")).read()
    described = open(os.path.join(ROOT, "userland", "tests", "fuzz_calls.h")).read()
    implemented = set(re.findall(r"SYS\(__NR_(\w+)", table))
    known = set(re.findall(r"\b(?:C|RARE)\((\w+)", described)) | {"exit", "exit_group"}
    assert implemented - known == set()


# ---- hostile files and exhaustion ------------------------------------------

def test_hostile_executables(boot):
    b = boot("init=/tests/hostile_elf -- files=3000 seed=1", timeout=300)
    assert "hostile_elf: all checks passed" in b.output, b
    m = re.search(r"hostile_elf: 3000 files: (\d+) refused, (\d+) ran and exited, "
                  r"(\d+) killed by a signal", b.output)
    assert m and sum(map(int, m.groups())) == 3000, b
    # The mutations reach every outcome: refused, run, and crashed.
    assert all(int(n) > 0 for n in m.groups()), b
    assert b.status == 0 and not b.panicked, b


@pytest.mark.parametrize("program", ["exhaust_fds", "exhaust_pipes", "exhaust_names"])
def test_exhaustion(boot, program):
    b = run_program(boot, "/tests/" + program)
    assert "%s: all checks passed" % program in b.output, b
    assert b.status == 0 and not b.panicked, b


@pytest.mark.parametrize("memory", [128, 512])
def test_fork_bomb_tree(boot, memory):
    """Every process forks (/tests/forkbomb tree; test_proc runs the single
    parent): the table fills, every member sees EAGAIN, and killing the
    tree's group gives everything back.  With 128 MiB the cap comes from
    memory (proc_limit), with 512 MiB from the table's size (PROC_MAX)."""
    b = boot("init=/tests/run -- /tests/forkbomb tree", memory=memory, timeout=60)
    assert "forkbomb: all checks passed" in b.output, b
    assert "kstat: back to baseline" in b.output, b
    assert b.status == 0 and not b.panicked, b
    m = re.search(r"(\d+) processes \(the cap is (\d+)\)", b.output)
    assert m and m.group(1) == m.group(2), b
    assert (int(m.group(2)) == 4096) == (memory == 512), b


# ---- regressions -----------------------------------------------------------

REGRESSIONS = ["mountpoint_busy", "rw_count_cap", "sleep_beside_spinner",
               "creat_at_emfile", "symlink_chain_40", "getcwd_too_long",
               "misaligned_user_struct", "wait_int_min", "vm86_iret"]


@pytest.mark.parametrize("case", [known_bug(c) for c in REGRESSIONS])
def test_regression(boot, case):
    """Each case checks its own leaks (counters and free blocks, within
    64 KiB of memory); /tests/run then checks the counters exactly."""
    b = run_program(boot, "/tests/fuzz_regress", args=case, timeout=30)
    assert "fuzz_regress %s: ok" % case in b.output, b
    assert b.status == 0 and not b.panicked, b


# ---- KUBSAN ----------------------------------------------------------------

@pytest.fixture(scope="module")
def kubsan_kernel():
    """The kernel built with -fsanitize=undefined, in build/kubsan (its own
    objects: the ordinary build is untouched)."""
    r = subprocess.run(["make", "-s", "KUBSAN=1", "B=" + KUBSAN_BUILD, KUBSAN_KERNEL],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert r.returncode == 0, r.stdout.decode()[-3000:]
    return KUBSAN_KERNEL


def boot_kubsan(kernel, cmdline, timeout=180):
    cmd = QEMU + ["-m", "128", "-serial", "stdio", "-kernel", kernel,
                  "-initrd", INITRD, "-append", cmdline]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return p.stdout.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"").decode("utf-8", "replace"), None


@pytest.mark.parametrize("test,what", [
    ("kubsan_signed_overflow",
     r"signed integer overflow: 2147483647 \+ 1 cannot be represented in type 'int'"),
    ("kubsan_shift_too_far", r"shift exponent 40 is too large for 32-bit type 'int'"),
    ("kubsan_index_out_of_bounds", r"index 9 out of bounds for type 'int \[8\]'"),
    ("kubsan_misaligned_load",
     r"load of misaligned address 0xc0000002 for type '.*uint32_t', which needs "
     r"4-byte alignment"),
])
def test_kubsan_reports_file_line_and_values(kubsan_kernel, test, what):
    out, rc = boot_kubsan(kubsan_kernel, "ktest=" + test, timeout=60)
    m = re.search(r"Kernel panic: undefined behaviour at kernel/ubsan\.c:\d+:\d+: (.*)", out)
    assert m, out
    assert re.match(what, m.group(1)), out
    assert "Backtrace:" in out and "ktest_fn_" + test in out, out
    assert rc == 255, out                       # the panic status


def test_kubsan_kernel_passes_ktest(kubsan_kernel):
    out, rc = boot_kubsan(kubsan_kernel, "ktest")
    assert "undefined behaviour" not in out, out
    assert re.search(r"^\d+ passed, 0 failed", out, re.M), out
    assert rc == 1, out


KUBSAN_PROGRAMS = ["forkiso", "cowstat", "faults", "badptr", "preempt", "forkbomb", "oom",
                   "pipes", "signals", "paths", "bigargs", "badelf", "getdents",
                   "exhaust_fds", "exhaust_pipes", "exhaust_names", "hostile_elf"]


@pytest.mark.parametrize("program", KUBSAN_PROGRAMS)
def test_kubsan_kernel_runs_program(kubsan_kernel, program):
    out, rc = boot_kubsan(kubsan_kernel, "init=/tests/run -- /tests/" + program)
    assert "undefined behaviour" not in out, out[-3000:]
    assert "kstat: back to baseline" in out, out[-3000:]
    assert "init exited with status 0" in out, out[-3000:]


KUBSAN_REGRESSIONS = ["misaligned_user_struct", "wait_int_min", "rw_count_cap"]


@pytest.mark.parametrize("case", KUBSAN_REGRESSIONS)
def test_kubsan_regression(kubsan_kernel, case):
    out, rc = boot_kubsan(kubsan_kernel, "init=/tests/run -- /tests/fuzz_regress " + case,
                          timeout=60)
    assert "undefined behaviour" not in out, out[-3000:]
    assert "fuzz_regress %s: ok" % case in out, out[-3000:]
    assert "kstat: back to baseline" in out, out[-3000:]
    assert "init exited with status 0" in out, out[-3000:]


def test_kubsan_kernel_survives_fuzzing(kubsan_kernel):
    out, rc = boot_kubsan(kubsan_kernel, "init=/tests/fuzz -- calls=10000 seed=1", timeout=300)
    assert "undefined behaviour" not in out, out[-3000:]
    assert FUZZ_LAST_LINE.search(out), out[-3000:]


# ---- mutated ext2 images, mounted inside Cowix ------------------------------

def test_mutated_ext2_images_mount_and_read(boot, tmp_path):
    """A seed image made here with genext2fs (1 KiB blocks: a file through
    the indirect block, a directory, a symlink), mutated 500 times inside
    the guest, each mutant mounted with mount -t ext2, walked, read,
    written to and unmounted: errors only, no panic, nothing leaked."""
    src = tmp_path / "src"
    os.makedirs(src / "sub")
    (src / "big").write_bytes(os.urandom(40000))
    (src / "a").write_text("hello\n")
    (src / "sub" / "b").write_text("world\n")
    os.symlink("a", str(src / "link"))
    data = tmp_path / "root" / "tests" / "data"
    os.makedirs(data)
    subprocess.run(["genext2fs", "-B", "1024", "-b", "400", "-N", "64", "-d", str(src),
                    "-U", "-f", str(data / "seed.ext2")], check=True, stdout=subprocess.DEVNULL)
    b = run_program(boot, "/tests/hostile_ext2", args="images=500 seed=7", timeout=300,
                    extra=str(tmp_path / "root"))
    assert "hostile_ext2: all checks passed" in b.output, b
    assert not b.panicked and b.status == 0, b
    m = re.search(r"(\d+) mutated images: (\d+) mounted", b.output)
    assert m and int(m.group(2)) > 100, b
