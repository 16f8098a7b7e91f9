"""System-test fixtures: boot Cowix under QEMU and look at what happened.

`boot(cmdline, extra=None, ...)` boots the kernel with -kernel/-initrd (or
the ISO; initrd= names another image), optionally with a directory merged
into a copy of the initrd, under
a timeout, and returns a `Boot` with the serial transcript and the decoded
exit status.  Through isa-debug-exit, a value v written by the kernel makes
QEMU exit with (v << 1) | 1: init's exit status s gives 2s+1, so `status` is
s; QEMU's 0 means a triple fault, never success.

`machine(cmdline, ...)` starts QEMU under pexpect for interactive tests: type
into the shell and wait for the prompt, as a person would.
"""
import os
import re
import subprocess

import pexpect
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "kernel.elf")
INITRD = os.path.join(BUILD, "initrd.img")
ISO = os.path.join(BUILD, "cowix.iso")
TREE = INITRD + ".tree"
QEMU = ["qemu-system-i386", "-no-reboot", "-display", "none",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
DETERMINISTIC = ["-icount", "shift=0,sleep=off",
                 "-rtc", "base=2024-01-01T00:00:00,clock=vm"]
PANIC_STATUS = 0x7f
BOOT_ERROR_STATUS = 0x7e


class Boot:
    """The outcome of one boot: transcript, QEMU's exit code, decoded status."""

    def __init__(self, output, qemu_rc, timed_out):
        self.output = output
        self.qemu_rc = qemu_rc
        self.timed_out = timed_out
        # QEMU exits (v << 1) | 1 through isa-debug-exit.
        self.status = qemu_rc >> 1 if qemu_rc & 1 else None

    @property
    def panicked(self):
        return "Kernel panic" in self.output or self.status == PANIC_STATUS

    def lines(self):
        return self.output.replace("\r", "").split("\n")

    def __repr__(self):
        return "Boot(rc=%r, status=%r, timed_out=%r)\n%s" % (
            self.qemu_rc, self.status, self.timed_out, self.output[-3000:])


def make_initrd(extra, dest):
    """A copy of the initrd with the directory `extra` merged in."""
    subprocess.run([os.path.join(ROOT, "tools", "mkinitrd.sh"), dest, TREE, extra],
                   check=True, stdout=subprocess.DEVNULL)
    return dest


def run_program(boot, program, args="", cmdline="", timeout=180, extra=None):
    """Boot with /tests/run as init running `program`: it checks that the
    kernel's counters (/proc/kstat) are exactly back at their baseline
    after the program and all its processes are gone."""
    b = boot("init=/tests/run %s -- %s %s" % (cmdline, program, args), timeout=timeout,
             extra=extra)
    assert "kstat: back to baseline" in b.output, b
    return b


def qemu_command(cmdline="", initrd=INITRD, iso=False, memory=128,
                 deterministic=False, extra_args=(), interactive=False):
    # Interactive: Ctrl-C must reach the guest, not stop QEMU.
    serial = (["-chardev", "stdio,id=s0,signal=off", "-serial", "chardev:s0"]
              if interactive else ["-serial", "stdio"])
    cmd = QEMU + ["-m", str(memory)] + serial
    if deterministic:
        cmd += DETERMINISTIC
    if iso:
        cmd += ["-cdrom", ISO]
    else:
        cmd += ["-kernel", KERNEL, "-append", cmdline]
        if initrd:
            cmd += ["-initrd", initrd]
    return cmd + list(extra_args)


@pytest.fixture
def boot(tmp_path):
    def _boot(cmdline="", extra=None, timeout=120, **kw):
        initrd = kw.pop("initrd", INITRD)
        if extra is not None:
            initrd = make_initrd(str(extra), str(tmp_path / "initrd.img"))
        if kw.pop("no_initrd", False):
            initrd = None
        cmd = qemu_command(cmdline, initrd=initrd, **kw)
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=timeout)
            return Boot(p.stdout.decode("utf-8", "replace"), p.returncode, False)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            return Boot(out, -1, True)
    return _boot


class Machine:
    """A running Cowix under pexpect: a console to type into."""

    # The shell's prompt: the working directory, then "# " (root) or "$ ".
    PROMPT = re.compile(r"[^\r\n]*[#$] $")

    def __init__(self, cmd, timeout):
        self.p = pexpect.spawn(cmd[0], cmd[1:], timeout=timeout, encoding="utf-8",
                               codec_errors="replace")
        self.p.delaybeforesend = None

    def expect(self, pattern, timeout=-1):
        return self.p.expect(pattern, timeout=timeout)

    def wait_prompt(self, timeout=-1):
        self.p.expect(self.PROMPT, timeout=timeout)
        return self.p.before

    def send(self, text):
        self.p.send(text)

    def run(self, command, timeout=-1):
        """Type a command and return what it printed before the next prompt."""
        self.p.send(command + "\r")
        self.p.expect_exact(command, timeout=timeout)   # the echo
        out = self.wait_prompt(timeout)
        return out.replace("\r", "").strip("\n")

    def status(self):
        """$? of the last command."""
        return int(self.run("echo $?"))

    def close(self):
        if self.p.isalive():
            self.p.terminate(force=True)


@pytest.fixture
def machine(tmp_path):
    machines = []

    def _machine(cmdline="", extra=None, timeout=60, **kw):
        initrd = INITRD
        if extra is not None:
            initrd = make_initrd(str(extra), str(tmp_path / "initrd.img"))
        m = Machine(qemu_command(cmdline, initrd=initrd, interactive=True, **kw), timeout)
        machines.append(m)
        return m
    yield _machine
    for m in machines:
        m.close()



def boot_and_dump_image(cmdline, dump, marker="IMAGE-DUMP-NOW", timeout=300,
                        initrd=INITRD):
    """Boot until the guest prints `marker`, then copy the live ext2 image
    out of guest memory with the QEMU monitor's pmemsave (the kernel prints
    where the image lies) and quit.  Returns the transcript."""
    import select
    import socket
    import time
    sock_path = dump + ".monitor"
    cmd = qemu_command(cmdline, initrd=initrd) + [
        "-monitor", "unix:%s,server,nowait" % sock_path]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, deadline = b"", time.time() + timeout
    try:
        while marker.encode() not in out:
            if time.time() > deadline or p.poll() is not None:
                raise AssertionError("no %s before the guest stopped:\n%s"
                                     % (marker, out.decode(errors="replace")[-3000:]))
            if select.select([p.stdout], [], [], 1)[0]:
                out += os.read(p.stdout.fileno(), 65536)
        text = out.decode(errors="replace")
        m = re.search(r"initrd: ext2 image at physical (0x[0-9a-f]+), (\d+) bytes", text)
        assert m, text
        mon = socket.socket(socket.AF_UNIX)
        mon.connect(sock_path)
        for line in ("stop", 'pmemsave %s %s "%s"' % (m.group(1), m.group(2), dump), "quit"):
            mon.sendall((line + "\n").encode())
            time.sleep(0.2)
        p.wait(timeout=60)
        return text
    finally:
        if p.poll() is None:
            p.kill()
