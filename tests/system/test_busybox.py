"""Debian's BusyBox on Cowix: the unmodified static i386 busybox-static
package (tools/busybox.sh makes build/busybox.img of it), its shell (ash)
driven through the serial console as a person would drive it.
docs/compat.md says which applets work and why the others do not.

One boot serves the module: init=/bin/sh, then `setsid cttyhack sh` gives
a shell that owns the console (job control, Ctrl-C).  Should a test leave
the machine dead or deaf, the next test boots again.  A second boot runs
the image's own /init.
"""
import hashlib
import os
import re
import subprocess
import time

import pexpect
import pytest

from conftest import BUILD, ROOT, Machine, qemu_command

IMAGE = os.path.join(BUILD, "busybox.img")
STAGED = os.path.join(BUILD, "busybox", "root")    # the tree the image holds
CTRL_C, CTRL_Z = "\x03", "\x1a"
JOB_NOTICE = re.compile(r"\[\d+\][+-]? ")
FRAME_SLACK = 16        # pages the shell's own heap may grow by


class Ash(Machine):
    """BusyBox's shell on the console."""
    # After each prompt ash's line editor asks the terminal where the cursor
    # is (ESC [6n) unless input is already waiting.  A terminal answers;
    # pexpect does not, and ash does without the answer.
    PROMPT = re.compile(r"[^\r\n]*[#$] (\x1b\[6n)?$")

    def lines(self, command):
        """The command's output lines, without the shell's job notices
        ("[1]+  Done ...") that may come before the next prompt."""
        out = self.run(command)
        return [line for line in out.split("\n") if not JOB_NOTICE.match(line)] if out else []


def build_image():
    r = subprocess.run([os.path.join(ROOT, "tools", "busybox.sh"), BUILD],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = r.stdout.decode("utf-8", "replace")
    if r.returncode == 2:
        pytest.skip("busybox-static:i386 cannot be downloaded:\n" + out[-1000:])
    assert r.returncode == 0, out


def boot(init):
    return Ash(qemu_command("init=" + init, initrd=IMAGE, interactive=True),
               timeout=60)


def boot_to_shell():
    m = boot("/bin/sh")
    m.wait_prompt()
    # pid 1's shell has no controlling terminal (no job control, Ctrl-C
    # reaches nobody): a child in a new session takes the console.
    m.send("setsid cttyhack sh\r")
    m.expect("built-in shell")
    m.wait_prompt()
    assert m.run("tty") == "/dev/ttyS0"
    return m


class Console:
    """The module's machine, booted again when a test left it unusable."""

    def __init__(self):
        self.m = None
        self.syncs = 0

    def responsive(self):
        if self.m is None or not self.m.p.isalive():
            return False
        self.syncs += 1
        mark = "sync-%d" % self.syncs
        try:
            self.m.send("echo %s\r" % mark)
            self.m.expect(r"\n%s\r*\n" % mark, timeout=10)
            self.m.wait_prompt(timeout=10)
            return True
        except (pexpect.TIMEOUT, pexpect.EOF):
            return False

    def shell(self):
        if not self.responsive():
            self.close()
            self.m = boot_to_shell()
        return self.m

    def close(self):
        if self.m:
            self.m.close()
        self.m = None


@pytest.fixture(scope="module")
def console():
    build_image()
    c = Console()
    yield c
    c.close()


def kstat(m):
    """Cowix's own counters of kernel objects (processes, open files...)."""
    return {k: int(v) for k, v in (line.split() for line in m.lines("cat /proc/kstat"))}


@pytest.fixture
def sh(console, request):
    """The shell; after a test that passed, the kernel holds no more
    processes, open files, inodes or heap than before it."""
    m = console.shell()
    before = kstat(m)
    failures = request.session.testsfailed
    yield m
    if request.session.testsfailed != failures:
        console.close()                 # the failure says enough
        return
    assert console.responsive(), "the machine stopped answering:\n" + m.p.before[-3000:]
    after = kstat(m)
    for key in ("processes", "files", "inodes", "heap_bytes"):
        assert after[key] == before[key], (key, before, after)
    assert before["frames_free"] - after["frames_free"] <= FRAME_SLACK, (before, after)


# ---- the shell language -------------------------------------------------

def test_pipeline(sh):
    assert sh.lines("echo pear apple fig | tr ' ' '\\n' | sort | head -n 2") == \
        ["apple", "fig"]
    assert sh.run("seq 1 20000 | tail -n 1") == "20000"
    assert sh.run("seq 10 | awk '{s += $1} END {print s}'") == "55"


def test_quoting(sh):
    assert sh.run("""echo "a  b" 'c $HOME' "$HOME" \\$HOME""") == "a  b c $HOME / $HOME"
    assert sh.run("x='1 2'; set -- $x; echo $#; set -- \"$x\"; echo $#") == "2\n1"


def test_exit_status(sh):
    assert sh.run("false; echo $?") == "1"
    assert sh.run("sh -c 'exit 3'; echo $?") == "3"
    assert sh.run("grep -q nobody /etc/passwd; echo $?") == "1"
    assert sh.run("nosuchcommand 2>/dev/null; echo $?") == "127"


def test_and_or_lists(sh):
    assert sh.lines("true && echo yes || echo no; false && echo yes || echo no") == \
        ["yes", "no"]


def test_redirection(sh):
    sh.run("echo one > /tmp/r; echo two >> /tmp/r")
    assert sh.lines("cat < /tmp/r") == ["one", "two"]
    assert sh.run("wc -l < /tmp/r") == "2"
    sh.run("ls /nonexistent 2> /tmp/err")
    assert "No such file or directory" in sh.run("cat /tmp/err")
    assert sh.run("ls /nonexistent 2>&1 | wc -l") == "1"
    sh.run("rm /tmp/r /tmp/err")


def test_background_job_and_wait(sh):
    sh.run("rm -f /tmp/bg; (sleep 2; echo done > /tmp/bg) &")
    assert "No such file" in sh.run("cat /tmp/bg 2>&1")     # not yet
    assert sh.lines("wait; cat /tmp/bg")[-1] == "done"
    assert sh.lines("sleep 1 & wait $!; echo $?") == ["0"]
    sh.run("rm /tmp/bg")


def start(sh, command):
    """Type a command that keeps running, and give it a moment to start."""
    sh.send(command + "\r")
    sh.p.expect_exact(command)
    time.sleep(1)


def test_ctrl_c_interrupts_a_running_command(sh):
    start(sh, "yes > /dev/null")
    sh.send(CTRL_C)
    sh.wait_prompt(timeout=10)
    assert sh.status() == 130           # 128 + SIGINT


def test_ctrl_z_stops_a_job_and_bg_fg_resume_it(sh):
    start(sh, "sleep 60")
    sh.send(CTRL_Z)
    sh.expect(r"\[1\]\+ +Stopped +sleep 60")
    sh.wait_prompt()
    assert re.match(r"\[1\]\+ +Stopped +sleep 60$", sh.run("jobs"))
    assert sh.run("bg") == "[1] sleep 60"
    assert re.match(r"\[1\]\+ +Running +sleep 60$", sh.run("jobs"))
    start(sh, "fg")
    sh.send(CTRL_C)                     # it is in the foreground again
    sh.wait_prompt(timeout=10)
    assert sh.status() == 130
    assert sh.run("jobs") == ""


# ---- applets --------------------------------------------------------------

def test_files_under_tmp(sh):
    sh.run("mkdir -p /tmp/d/e && cd /tmp/d && echo alpha > a && cp a b")
    sh.run("mv b e/c && ln -s e/c link")
    assert sh.run("cat e/c link") == "alpha\nalpha"
    assert sh.run("ls") == "a     e     link"
    assert sh.run("cd / && rm -r /tmp/d && echo gone") == "gone"
    assert "No such file" in sh.run("ls /tmp/d 2>&1")


def test_ls_sees_every_applet_link(sh):
    # /bin on the host's staged tree: busybox and its links; ls adds "total".
    assert sh.run("ls -l /bin | wc -l") == str(len(os.listdir(os.path.join(STAGED, "bin"))) + 1)
    assert re.search(r"^l.* /bin/ls -> /bin/busybox$", sh.run("ls -l /bin/ls"))


def test_large_file_reads_back_intact(sh):
    with open(os.path.join(STAGED, "bin", "busybox"), "rb") as f:
        digest = hashlib.md5(f.read()).hexdigest()
    assert sh.run("md5sum /bin/busybox") == digest + "  /bin/busybox"
    assert sh.run("cp /bin/busybox /tmp/bb && md5sum < /tmp/bb") == digest + "  -"
    sh.run("rm /tmp/bb")


def test_tar_and_gzip_round_trip(sh):
    sh.run("cd /tmp && mkdir x && tar -czf etc.tgz -C / etc")
    sh.run("tar -xzf etc.tgz -C x && cd /")
    assert sh.run("diff -r /etc /tmp/x/etc && echo same") == "same"
    sh.run("rm -r /tmp/x /tmp/etc.tgz")


def test_ps_lists_the_shell(sh):
    pid = sh.run("echo $$")
    rows = {row[0]: row[1:] for row in (line.split(None, 2) for line in sh.lines("ps")[1:])}
    assert rows["1"] == ["root", "/bin/sh"]
    # The command is the arguments, "sh", after the process's name in
    # braces where that differs (test_ps_lists_itself).
    assert rows[pid][0] == "root" and rows[pid][1].split()[-1] == "sh"


def test_ps_lists_itself(sh):
    assert any(line.split(None, 2)[2] == "{ps} sh" for line in sh.lines("ps")[1:])


def test_free_agrees_with_proc_meminfo(sh):
    mem = next(line for line in sh.lines("free") if line.startswith("Mem:")).split()
    total, used, free, buffcache = int(mem[1]), int(mem[2]), int(mem[3]), int(mem[5])
    assert used + free + buffcache == total
    assert 64 * 1024 < total <= 128 * 1024          # KiB, of QEMU's 128 MiB
    assert sh.run("head -n 1 /proc/meminfo").split() == ["MemTotal:", str(total), "kB"]


def test_uptime_and_top_read_proc(sh):
    assert re.match(r" *\d\d:\d\d:\d\d up +\d+ min, +0 users, +load average: "
                    r"\d+\.\d\d, \d+\.\d\d, \d+\.\d\d$", sh.run("uptime"))
    top = sh.lines("top -b -n 1")
    mem = re.match(r"Mem: (\d+)K used, (\d+)K free", top[0])
    total = int(sh.run("head -n 1 /proc/meminfo").split()[1])
    assert mem and int(mem.group(1)) + int(mem.group(2)) == total, top
    assert any(re.match(r"Load average: [\d.]+ [\d.]+ [\d.]+ \d+/\d+ \d+$", l) for l in top), top
    rows = [l.split(None, 7) for l in top[top.index(next(l for l in top if "PID" in l)) + 1:]]
    assert any(r[:3] == ["1", "0", "root"] for r in rows), top        # init: PID PPID USER
    assert any(r[-1] == "top -b -n 1" for r in rows), top


def test_mount_and_df_read_proc_mounts(sh):
    mounts = sh.lines("mount")
    assert "/dev/root on / type ext2 (rw)" in mounts
    assert "proc on /proc type proc (rw)" in mounts
    df = sh.lines("df /")[1].split()
    assert df[0] == "/dev/root" and df[-1] == "/"
    size, used, avail = int(df[1]), int(df[2]), int(df[3])
    assert size >= 16 * 1024 and 0 < used < size and avail > 0


def test_vi_opens_a_file_and_quits(sh):
    sh.run("printf 'first line\\nsecond line\\n' > /tmp/vi.txt")
    sh.send("vi /tmp/vi.txt\r")
    sh.expect("second line")
    sh.expect(r"- /tmp/vi\.txt 1/2 50%")         # the status line
    sh.send(":q!\r")
    sh.wait_prompt()
    assert sh.status() == 0


def test_vi_writes_a_file(sh):
    sh.run("rm -f /tmp/vi.txt")
    sh.send("vi /tmp/vi.txt\r")
    sh.expect(r"- /tmp/vi\.txt")
    sh.send("iwritten by vi")
    sh.expect(r"I /tmp/vi\.txt")                  # insert mode
    sh.send("\x1b")
    sh.expect(r"- /tmp/vi\.txt \[Modified\]")    # back in command mode
    sh.send(":wq\r")
    sh.wait_prompt()
    assert sh.run("cat /tmp/vi.txt; rm /tmp/vi.txt") == "written by vi"


# ---- known kernel gaps ----------------------------------------------------

def test_id_lists_groups(sh):
    # Linux starts init with no supplementary groups; a kernel that has
    # some (setgroups) shows them.
    assert re.match(r"uid=0\(root\) gid=0\(root\)( groups=0\(root\))?$", sh.run("id"))


def test_fifo_carries_data(sh):
    sh.run("mkfifo /tmp/fifo")
    out = sh.lines("echo through > /tmp/fifo & cat /tmp/fifo; wait; rm /tmp/fifo")
    assert out == ["through"]


def test_hostid_looks_up_the_host_name(sh):
    assert re.match(r"^[0-9a-f]{8}$", sh.run("hostid"))


def test_chown_gives_a_file_away(sh):
    sh.run("touch /tmp/own; chown 1:2 /tmp/own")
    owners = sh.run("ls -ln /tmp/own; rm /tmp/own").split()[2:4]
    assert owners == ["1", "2"]


def test_proc_self_exe_names_the_binary(sh):
    assert sh.run("readlink /proc/self/exe") == "/bin/busybox"


# ---- the image's own /init (a second boot) --------------------------------

def test_init_script_gives_a_shell_with_job_control(console):
    m = boot("/init")
    try:
        m.wait_prompt(timeout=60)
        assert "job control turned off" not in m.p.before
        assert m.run("echo $$; tty") == "1\n/dev/ttyS0"
    finally:
        m.close()


def test_busybox_init_powers_off(console):
    """BusyBox's own init: it blocks SIGUSR2 and collects it with
    rt_sigtimedwait, so `poweroff` (a signal to pid 1) must reach it; init
    then stops everything and calls reboot(POWER_OFF), which ends QEMU."""
    m = boot("/sbin/init")
    try:
        m.expect("Please press Enter to activate this console")
        m.send("\r")
        m.wait_prompt()
        m.send("poweroff\r")
        m.expect("The system is going down NOW!")
        m.expect("reboot: power off")
        m.expect(pexpect.EOF)
        m.p.close()
        assert m.p.exitstatus == 1          # isa-debug-exit: status 0
    finally:
        m.close()
