"""The demonstrations in userland/demo/, each run under /tests/run (which
checks that the kernel's counters are exactly back afterwards): cowdemo,
isolation, forktest and usertests print a readable account and exit 0
only if everything they check held.  usertests also runs on Linux, to
check that its expectations are Linux's: on the host when it runs i386
programs itself, otherwise on Debian's i386 Linux kernel under QEMU."""
import os
import re
import subprocess

import pytest

from conftest import BUILD, QEMU, ROOT, Boot, qemu_command, run_program

HOST_USERTESTS = os.path.join(BUILD, "user", "root", "bin", "usertests")
LINUX_INIT = os.path.join(BUILD, "user", "root", "tests", "linux_init")

def test_cowdemo_shows_pages_copied_one_by_one(boot):
    b = run_program(boot, "/bin/cowdemo")
    assert "cowdemo: all checks held" in b.output and b.status == 0, b
    assert "FAILED" not in b.output, b
    used = int(re.search(r"fork used (\d+) KiB", b.output).group(1))
    assert used < 256
    shared = int(re.search(r"CoW-shared \d+ KiB \(\+(\d+) KiB\)", b.output).group(1))
    assert shared >= 16 * 1024
    # The sample rows: pages written, KiB copied, free KiB, shared KiB.
    rows = {int(r[0]): [int(x) for x in r[1:]]
            for r in re.findall(r"^ +(\d+) +(\d+) +(\d+) +(\d+)\r?$", b.output, re.M)}
    assert sorted(rows) == [1, 2, 3, 512, 1024, 1536, 2048], b
    slack = 8       # KiB: the parent may break a page or two meanwhile
    for pages, (copied, free, shared_now) in rows.items():
        # one frame per page written, plus a page table per 4 MiB touched
        assert pages * 4 <= copied <= pages * 4 + 3 * 4, (pages, copied)
        assert abs((rows[1][1] - free) - (copied - rows[1][0])) <= slack
        assert abs((rows[1][2] - shared_now) - (pages - 1) * 4) <= slack
    assert rows[1][0] == 8      # the first write also copied its page table


def test_isolation_every_attempt_fails(boot):
    b = run_program(boot, "/bin/isolation")
    m = re.search(r"isolation: all (\d+) attempts failed the right way", b.output)
    assert m and b.status == 0, b
    assert int(m.group(1)) >= 40
    assert "FAILED" not in b.output
    assert len(re.findall(r"-> killed by SIGSEGV", b.output)) == 14
    assert len(re.findall(r"-> EFAULT", b.output)) == 11
    assert "init lives on" in b.output


def test_forktest_limit_is_an_error_and_all_comes_back(boot):
    b = run_program(boot, "/bin/forktest")
    assert "forktest: all checks held" in b.output and b.status == 0, b
    # With 128 MiB the process cap (proc_limit: 1,600) comes before the
    # end of memory: EAGAIN, as the robustness issue asks of a fork bomb.
    m = re.search(r"fork failed after (\d+) children: .* \((EAGAIN|ENOMEM)\)", b.output)
    assert m and int(m.group(1)) >= 1000 and m.group(2) == "EAGAIN", b
    before = re.search(r"before: free memory (\d+) KiB, (\d+) processes", b.output)
    after = re.search(r"after: free memory (\d+) KiB, (\d+) processes", b.output)
    assert int(after.group(1)) >= int(before.group(1))
    assert after.group(2) == before.group(2)


def usertests_results(output):
    """{name: None if ok, else why} and the summary's figures."""
    results = {}
    for m in re.finditer(r"^(ok|not ok) (\w+)(?:: (.*?))?\r?$", output, re.M):
        results[m.group(2)] = None if m.group(1) == "ok" else (m.group(3) or "")
    summary = re.search(r"^(\d+) passed, (\d+) failed\r?$", output, re.M)
    return results, summary


@pytest.fixture(scope="module")
def usertests_on_cowix():
    """One run of usertests under /tests/run, shared by the tests below."""
    cmd = qemu_command("init=/tests/run -- /bin/usertests")
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    return Boot(p.stdout.decode("utf-8", "replace"), p.returncode, False)


def test_usertests_all_pass(usertests_on_cowix):
    b = usertests_on_cowix
    assert "kstat: back to baseline" in b.output, b
    results, summary = usertests_results(b.output)
    assert summary, b
    assert len(results) >= 40
    failing = {name: why for name, why in results.items() if why is not None}
    assert not failing, failing
    assert int(summary.group(1)) == len(results) and summary.group(2) == "0"
    assert b.status == 0, b


def usertests_on_host(tmp_path):
    p = subprocess.run([HOST_USERTESTS], cwd=str(tmp_path), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    return p.stdout.decode("utf-8", "replace"), p.returncode


def usertests_on_linux_vm(tmp_path):
    """Debian's i386 kernel (tools/bench/linux-kernel.sh fetches it once),
    booted with an initramfs whose init, linux_init, mounts /proc and /dev
    and runs usertests in /tmp as an ordinary process."""
    k = subprocess.run([os.path.join(ROOT, "tools", "bench", "linux-kernel.sh")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    if k.returncode != 0:
        pytest.skip("no Linux kernel package to boot: " + k.stdout.decode()[-300:])
    vmlinuz = k.stdout.decode().strip().splitlines()[-1]
    cpio = str(tmp_path / "usertests.cpio")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "bench", "mkinitramfs.py"),
                    cpio, "init=" + LINUX_INIT, "bin/usertests=" + HOST_USERTESTS], check=True)
    cmd = QEMU + ["-m", "256", "-serial", "stdio", "-kernel", vmlinuz, "-initrd", cpio,
                  "-append", "console=ttyS0 quiet panic=-1 -- /bin/usertests"]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=600)
    out = p.stdout.decode("utf-8", "replace")
    m = re.search(r"linux_init: /bin/usertests ended with wait status (\d+)", out)
    assert m, out[-3000:]
    status = int(m.group(1))
    return out, (status >> 8 if status & 0x7f == 0 else -1)    # exit code or -1


def test_usertests_expectations_hold_on_linux(tmp_path):
    """The same binary on Linux: every test passes there (the one about
    pid 1 is skipped), so what usertests expects is Linux's way.  Where the
    host kernel cannot run i386 programs itself (tools/host-i386.sh), the
    emulator would not do (qemu-user's answers to bad pointers are not
    Linux's): Debian's i386 kernel runs it instead."""
    if not os.uname().sysname == "Linux":
        pytest.skip("the host is not Linux")
    if os.path.exists("/proc/sys/fs/binfmt_misc/cowix-i386"):
        out, status = usertests_on_linux_vm(tmp_path)
    else:
        out, status = usertests_on_host(tmp_path)
    results, summary = usertests_results(out)
    assert summary and summary.group(2) == "0" and status == 0, out
    assert len(results) >= 40
    assert "ok iso_init # skip" in out
