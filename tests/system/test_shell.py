"""The shell as a person uses it, on one booted Cowix shared by the whole
module: pipelines, quoting, redirections, exit statuses, lists,
background jobs, Ctrl-C and Ctrl-Z, exit and respawn, scripts, cd,
export, ps and free, and the demonstrations run from the prompt.

Every test waits for the prompt, never for a fixed time, and ends by
checking the kernel's counters (/proc/kstat) against those taken when it
started: processes, open files and inodes exactly, free frames within 16
pages (the shell's own heap may grow), kernel heap bytes exactly."""
import re
import time

import pexpect
import pytest

from conftest import Machine, qemu_command

CTRL_C, CTRL_Z, CTRL_D = "\x03", "\x1a", "\x04"
FRAME_SLACK = 16


@pytest.fixture(scope="module")
def sh():
    m = Machine(qemu_command("", interactive=True), timeout=60)
    m.wait_prompt()
    assert m.run("echo ready") == "ready"       # a first command before any baseline
    yield m
    m.close()


def kstat(m):
    out = m.run("cat /proc/kstat")
    return {k: int(v) for k, v in (line.split() for line in out.splitlines())}


@pytest.fixture(autouse=True)
def back_to_baseline(sh, request):
    before = kstat(sh)
    failures = request.session.testsfailed
    yield
    if request.session.testsfailed != failures:
        recover(sh)                     # the failure says enough
        return
    after = kstat(sh)
    for key in ("processes", "files", "inodes", "heap_bytes"):
        assert after[key] == before[key], (key, before, after)
    assert before["frames_free"] - after["frames_free"] <= FRAME_SLACK, (before, after)


def recover(m):
    """After a failed test: interrupt whatever runs, get a prompt back."""
    try:
        press_until(m, CTRL_C, Machine.PROMPT, tries=4)
    except AssertionError:
        pass


def lines(text):
    return text.split("\n") if text else []


def ps_pids(m):
    """The PID column of ps."""
    return [row.split()[0] for row in lines(m.run("ps"))[1:]]


def start(m, command):
    """Type a command that keeps running; return once it has been echoed."""
    m.send(command + "\r")
    m.p.expect_exact(command)


def press_until(m, key, pattern, tries=20):
    """Press key until pattern shows: a first Ctrl-C or Ctrl-Z may come
    before the job owns the terminal (the shell ignores it)."""
    for _ in range(tries):
        m.send(key)
        try:
            return m.expect(pattern, timeout=0.5)
        except pexpect.TIMEOUT:
            pass
    raise AssertionError("no %r after pressing %r" % (pattern, key))


def test_pipelines(sh):
    assert sh.run("echo hello | cat") == "hello"
    sevens = sum("7" in str(i) for i in range(1, 101))
    assert sh.run("seq 1 100 | grep 7 | wc -l").strip() == str(sevens)
    assert sh.run("seq 1 5 | tail -n 2 | head -n 1") == "4"


def test_quoting(sh):
    assert sh.run("echo 'a  $HOME  b' \"c  $HOME  d\" e\\ \\ f") == "a  $HOME  b c  /  d e  f"
    assert sh.run("X=world; echo \"hello $X\" 'hello $X' hello\\ $X") == \
        "hello world hello $X hello world"
    assert sh.run("V='a   b'; echo $V; echo \"$V\"") == "a b\na   b"
    assert sh.run("echo \"it's\" 'say \"hi\"'") == "it's say \"hi\""


def test_redirections(sh):
    assert sh.run("echo one > /tmp/r; echo two >> /tmp/r; cat < /tmp/r") == "one\ntwo"
    assert sh.run("wc -l < /tmp/r").strip() == "2"
    assert sh.run("ls /nonexistent 2> /tmp/err") == ""
    assert sh.run("cat /tmp/err") == "ls: cannot access '/nonexistent': No such file or directory"
    assert sh.run("ls /nonexistent /tmp/r > /tmp/both 2>&1; cat /tmp/both") == \
        "ls: cannot access '/nonexistent': No such file or directory\n/tmp/r"
    assert sh.run("ls /nonexistent 2>&1 | wc -l").strip() == "1"
    assert sh.run("rm /tmp/r /tmp/err /tmp/both; ls /tmp") == ""


def test_redirection_truncates(sh):
    try:
        assert sh.run("echo hello > /tmp/t; echo x > /tmp/t; cat /tmp/t") == "x"
    finally:
        sh.run("rm /tmp/t")


def test_exit_statuses(sh):
    assert sh.run("true; echo $?") == "0"
    assert sh.run("false; echo $?") == "1"
    assert sh.run("sh -c 'exit 3'; echo $?") == "3"
    assert sh.run("nosuchcommand") == "sh: nosuchcommand: command not found"
    assert sh.status() == 127
    assert sh.run("sh -c 'kill -9 $$'") == "Killed"
    assert sh.status() == 128 + 9
    assert sh.run("sh -c 'kill -SEGV $$'") == "Segmentation fault"
    assert sh.status() == 128 + 11


def test_and_or_and_sequences(sh):
    assert sh.run("true && echo yes || echo no") == "yes"
    assert sh.run("false && echo yes || echo no") == "no"
    assert sh.run("false || false || echo third") == "third"
    assert sh.run("echo a; echo b; false; echo c $?") == "a\nb\nc 1"
    assert sh.run("! true; echo $?") == "1"


def test_background_jobs_and_wait(sh):
    out = sh.run("sleep 1 &")
    m = re.fullmatch(r"\[1\] (\d+)", out)
    assert m, out
    pid = m.group(1)
    assert re.fullmatch(r"\[1\]\+ +Running +sleep 1", sh.run("jobs"))
    assert pid in ps_pids(sh)
    sh.run("wait")
    assert sh.status() == 0
    assert pid not in ps_pids(sh)
    assert sh.run("jobs") == ""
    sh.run("sh -c 'exit 5' &")
    sh.run("wait $!")
    assert sh.status() == 5


def test_ps_lists_itself_and_the_shell(sh):
    shell = sh.run("echo $$")
    rows = [l.split() for l in lines(sh.run("ps"))]
    assert rows[0] == ["PID", "PPID", "S", "VSZ", "RSS", "COMMAND"]
    by_pid = {r[0]: r for r in rows[1:]}
    assert by_pid[shell][5] == "sh"
    assert by_pid["1"][5] == "init" and by_pid[shell][1] == "1"
    ps = [r for r in rows[1:] if r[5] == "ps"]
    assert len(ps) == 1 and ps[0][1] == shell and ps[0][2] == "R"


def test_free_agrees_with_meminfo(sh):
    head, mem = lines(sh.run("free"))
    assert head.split() == ["total", "used", "free", "shared"]
    label, total, used, free, shared = mem.split()
    total, used, free, shared = int(total), int(used), int(free), int(shared)
    info = {}
    for line in lines(sh.run("cat /proc/meminfo")):
        key, value = line.split(":")
        info[key] = int(value.split()[0])
    assert label == "Mem:" and total == info["MemTotal"]
    assert 100 * 1024 <= total <= 128 * 1024          # QEMU has 128 MiB
    assert used + free == total
    assert free > total // 2
    assert abs(free - info["MemFree"]) <= 64           # the two readers differ
    assert shared == info["CowShared"]


LEFT, RIGHT, UP = "\x1b[D", "\x1b[C", "\x1b[A"


def typed(sh, keys):
    """Type keys and Enter; what the command printed.  The line editor
    redraws as it goes, so the first newline is the one Enter makes."""
    sh.send(keys + "\r")
    sh.p.expect_exact("\n")
    return sh.wait_prompt().replace("\r", "").strip("\n")


def test_line_editing_and_history_on_the_console(sh):
    """The shell's line editor on Cowix's own tty (raw mode, VMIN 1)."""
    assert typed(sh, "echo ac" + LEFT + "b") == "abc"
    assert typed(sh, "cho start" + "\x01" + "e") == "start"                # Ctrl-A
    assert typed(sh, "echo xy" + "\x01" + RIGHT * 5 + "\x05" + "z") == "xyz"  # Ctrl-E
    assert typed(sh, "echo abcX\x7f") == "abc"                             # Backspace
    assert typed(sh, "garbage\x15echo killed") == "killed"                 # Ctrl-U
    assert typed(sh, "echo one two\x17three") == "one three"               # Ctrl-W
    assert typed(sh, UP) == "one three"                                    # history
    assert typed(sh, UP + LEFT * 5 + "\x0b" + "four") == "one four"        # Ctrl-K
    sh.send("half a line\x03")                                             # Ctrl-C
    sh.wait_prompt()
    assert sh.run("echo alive") == "alive"


def test_ctrl_c_stops_yes(sh):
    shell = sh.run("echo $$")
    start(sh, "yes > /dev/null")
    press_until(sh, CTRL_C, Machine.PROMPT)
    assert sh.status() == 130                          # 128 + SIGINT
    assert sh.run("echo $$") == shell                  # the same shell, alive
    assert "yes" not in sh.run("ps")


def test_ctrl_z_and_fg(sh):
    start(sh, "cat")
    press_until(sh, CTRL_Z, r"\[1\]\+ +Stopped +cat")
    sh.wait_prompt()
    assert re.fullmatch(r"\[1\]\+ +Stopped +cat", sh.run("jobs"))
    start(sh, "fg")
    sh.p.expect_exact("cat")                           # fg names the job
    sh.send("abc\r")
    sh.p.expect_exact("abc\r\r\nabc")                  # typed, then cat's copy
    sh.send(CTRL_D)
    sh.wait_prompt()
    assert sh.status() == 0
    assert sh.run("jobs") == ""


def test_ctrl_z_then_fg_sleeps_the_rest(sh):
    start(sh, "sleep 3")
    started = time.monotonic()
    press_until(sh, CTRL_Z, r"Stopped +sleep 3")
    sh.wait_prompt()
    stopped_after = time.monotonic() - started
    start(sh, "fg")
    resumed = time.monotonic()
    sh.wait_prompt()
    assert time.monotonic() - resumed >= 3 - stopped_after - 1   # it slept the rest
    assert sh.status() == 0


def test_exit_and_init_starts_a_new_shell(sh):
    old = sh.run("echo $$")
    sh.send("exit\r")
    sh.wait_prompt()
    new = sh.run("echo $$")
    assert new != old
    pids = ps_pids(sh)
    assert new in pids and old not in pids


def test_script_file(sh):
    sh.run("echo 'echo one' > /tmp/s.sh")
    sh.run("echo 'echo two $1 $#' >> /tmp/s.sh")
    sh.run("echo 'false && echo never' >> /tmp/s.sh")
    sh.run("echo 'exit 4' >> /tmp/s.sh")
    assert sh.run("sh /tmp/s.sh first second") == "one\ntwo first 2"
    assert sh.status() == 4
    sh.run("rm /tmp/s.sh")


def test_cd_and_pwd(sh):
    assert sh.run("cd /tmp; pwd") == "/tmp"
    sh.send("echo here\r")
    sh.expect(r"here\r*\n/tmp# ")                     # the prompt shows it
    sh.run("mkdir /tmp/d")
    assert sh.run("cd d; pwd; cd ..; pwd") == "/tmp/d\n/tmp"
    assert "No such file or directory" in sh.run("cd /nonexistent")
    assert sh.status() != 0
    assert sh.run("pwd") == "/tmp"
    assert sh.run("cd; pwd") == "/"                    # HOME
    sh.run("rmdir /tmp/d")


def test_export(sh):
    assert sh.run("FOO=bar; env | grep FOO") == ""     # a shell variable only
    assert sh.run("echo $FOO") == "bar"
    assert sh.run("export FOO; env | grep FOO") == "FOO=bar"
    assert sh.run("export BAZ=qux; sh -c 'echo $BAZ'") == "qux"
    assert sh.run("ONCE=1 env | grep ONCE") == "ONCE=1"
    assert sh.run("echo x${ONCE}x") == "xx"


def test_usertests_from_the_shell(sh):
    out = sh.run("usertests", timeout=300)
    m = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
    assert m and int(m.group(1)) >= 40, out
    assert m.group(2) == "0", re.findall(r"^not ok .*$", out, re.M)
    assert sh.status() == 0


@pytest.mark.parametrize("demo", ["cowdemo", "isolation", "forktest"])
def test_demo_from_the_shell(sh, demo):
    out = sh.run(demo, timeout=300)
    assert "FAILED" not in out, out
    assert sh.status() == 0, out


def test_writing_files_from_the_shell(sh):
    """The writable file system by hand: the tools that write, and a
    20,000-line file made with seq and counted with wc."""
    assert sh.run("mkdir /tmp/w && echo first > /tmp/w/f && echo second >> /tmp/w/f") == ""
    assert sh.run("cat /tmp/w/f") == "first\nsecond"
    assert sh.run("cp /tmp/w/f /tmp/w/g && mv /tmp/w/g /tmp/w/h && cat /tmp/w/h") == \
        "first\nsecond"
    assert "not empty" in sh.run("rmdir /tmp/w").lower()
    assert sh.status() != 0
    assert sh.run("seq 1 20000 > /tmp/w/big; wc -l < /tmp/w/big").strip() == "20000"
    assert sh.run("tail -n 1 /tmp/w/big") == "20000"
    assert sh.run("rm /tmp/w/f /tmp/w/h /tmp/w/big && rmdir /tmp/w && ls /tmp") == ""
