#!/usr/bin/python3
"""
Tests of the interactive shell on a pseudo-terminal (driven with
pexpect): line editing, history, job control with Ctrl-C / Ctrl-Z, fg,
bg, jobs, background job notices, Ctrl-D.

    test_sh_tty.py OUT_DIR [only-tests-containing-this]
"""
import os
import re

import pexpect

from harness import Suite, ENV, SH, check, check_eq, check_in

suite = Suite()
test = suite.test

PROMPT_END = "# " if os.geteuid() == 0 else "$ "
LEFT, RIGHT, UP, DOWN = "\x1b[D", "\x1b[C", "\x1b[A", "\x1b[B"


class Shell:
    """An interactive sh on a pty, in directory cwd."""

    def __init__(self, cwd):
        self.cwd = os.path.realpath(cwd)
        self.prompt = self.cwd + PROMPT_END
        self.p = pexpect.spawn(SH, cwd=cwd, env=dict(ENV, TERM="dumb"),
                               encoding="utf-8", timeout=10,
                               dimensions=(24, 200))
        self.p.expect_exact(self.prompt)

    def send(self, keys):
        self.p.send(keys)

    def run(self, line):
        """Type a line; return what was printed before the next prompt.
        While a line is edited it is redrawn (prompt included) without
        newlines, so the first newline is the one that ends it."""
        self.p.send(line + "\r")
        self.p.expect_exact("\n")
        self.p.expect_exact(self.prompt)
        return self.p.before.replace("\r\n", "\n")

    def expect(self, pattern):
        self.p.expect(pattern)
        return self.p.before

    def close(self):
        if self.p.isalive():
            self.p.terminate(force=True)


def with_shell(fn):
    def wrapper(t):
        s = Shell(t)
        try:
            fn(s)
        finally:
            s.close()
    wrapper.__name__ = fn.__name__
    return test(wrapper)


@with_shell
def prompt_and_commands(s):
    check_eq(s.run("echo hello"), "hello\n")
    check_eq(s.run("echo a | cat"), "a\n")
    check_eq(s.run("false; echo $?"), "1\n")


@with_shell
def line_editing_keys(s):
    check_eq(s.run("echo ac" + LEFT + "b"), "abc\n")
    check_eq(s.run("cho start" + "\x01" + "e"), "start\n")            # Ctrl-A
    check_eq(s.run("echo xy" + "\x01" + RIGHT * 5 + "\x05" + "z"), "xyz\n")
    check_eq(s.run("echo abcX\x7f"), "abc\n")                         # Backspace
    check_eq(s.run("garbage\x15echo killed"), "killed\n")             # Ctrl-U
    check_eq(s.run("echo one two\x17three"), "one three\n")           # Ctrl-W
    check_eq(s.run("echo 12345" + LEFT * 3 + "\x0b"), "12\n")         # Ctrl-K
    check_eq(s.run("echo aXb" + LEFT * 2 + "\x1b[3~"), "ab\n")        # Delete
    check_eq(s.run("echo abc\x08"), "ab\n")                            # Ctrl-H


@with_shell
def history_up_and_down(s):
    s.run("echo first")
    s.run("echo second")
    check_eq(s.run(UP), "second\n")
    check_eq(s.run(UP + UP + UP), "first\n")
    check_eq(s.run(UP + DOWN + DOWN + "echo new"), "new\n")


@with_shell
def ctrl_c_at_prompt_and_on_a_job(s):
    s.send("some half-typed line\x03")
    s.p.expect_exact(s.prompt)
    check_eq(s.run("echo alive"), "alive\n")
    s.send("sleep 30\r")
    s.p.expect_exact("sleep 30")
    s.send("\x03")
    s.p.expect_exact(s.prompt, timeout=5)           # no 30 s wait
    check_eq(s.run("echo $?"), "130\n")
    check_eq(s.run("echo still alive"), "still alive\n")


@with_shell
def ctrl_z_fg_bg_jobs(s):
    s.send("sleep 30\r")
    s.p.expect_exact("sleep 30")
    s.send("\x1a")                                  # Ctrl-Z
    s.expect(r"\[1\]\+\s+Stopped\s+sleep 30")
    s.p.expect_exact(s.prompt)
    check_eq(s.run("echo $?"), "148\n")
    check(re.search(r"\[1\]\+\s+Stopped\s+sleep 30", s.run("jobs")), "jobs")
    s.send("bg\r")
    s.expect(r"\[1\]\+ sleep 30 &")
    s.p.expect_exact(s.prompt)
    check(re.search(r"\[1\]\+\s+Running\s+sleep 30", s.run("jobs")), "jobs 2")
    s.send("fg\r")
    s.p.expect_exact("sleep 30\r\n")
    s.send("\x03")
    s.p.expect_exact(s.prompt, timeout=5)
    check_eq(s.run("jobs"), "")


@with_shell
def background_job_done_notice(s):
    s.send("sleep 0.2 &\r")
    s.expect(r"\[1\] \d+")
    s.p.expect_exact(s.prompt)
    # The notice comes at the first prompt after the job ends; on a busy
    # machine (or under qemu-i386) that may take more than one try.
    import time
    out = ""
    for _ in range(20):
        time.sleep(0.25)
        out += s.run("")
        if "Done" in out:
            break
    check(re.search(r"\[1\]\+?\s+Done\s+sleep 0.2", out), "notice: %r" % out)


@with_shell
def signal_death_message(s):
    out = s.run("sh -c 'kill -SEGV $$'")
    check_in("Segmentation fault", out)
    check_eq(s.run("echo $?"), "139\n")


@with_shell
def full_screen_keys_reach_programs(s):
    # the shell gives the terminal (cooked mode) back to the command
    s.send("head -n 1\r")
    s.p.expect_exact("head -n 1\r\n")
    s.send("typed line\r")
    s.expect("typed line\r\ntyped line\r\n")
    s.p.expect_exact(s.prompt)


@with_shell
def ctrl_d_exits(s):
    s.run("false")
    s.send("\x04")
    s.p.expect_exact("exit")
    s.p.expect(pexpect.EOF)
    s.p.close()
    check_eq(s.p.exitstatus, 1)


if __name__ == "__main__":
    suite.main()
