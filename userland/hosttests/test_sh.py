#!/usr/bin/python3
"""
Tests of the shell run without a terminal: `sh -c`, scripts, and commands
piped into its standard input.  All commands it runs are ours (PATH is
OUT/root/bin only).

    test_sh.py OUT_DIR [only-tests-containing-this]
"""
import os
import signal
import subprocess
import time

from harness import Suite, ENV, SH, run, sh, check, check_eq, check_in

suite = Suite()
test = suite.test


def out(script, **kw):
    r = sh(script, **kw)
    return r.stdout


@test
def simple_commands_and_lists(t):
    check_eq(out("echo hello"), "hello\n")
    check_eq(out("echo a; echo b;echo c"), "a\nb\nc\n")
    check_eq(out("echo one\necho two\n"), "one\ntwo\n")
    check_eq(out("echo a # a comment\n# only a comment\necho b"), "a\nb\n")
    check_eq(out(""), "")


@test
def pipelines(t):
    check_eq(out("echo hello | cat"), "hello\n")
    check_eq(out("seq 1 100 | grep 5 | wc -l").strip(), "19")
    check_eq(out("seq 5 | tail -n 2 | head -n 1"), "4\n")
    check_eq(out("echo x |\n cat"), "x\n")          # continued after |
    long = " | ".join(["cat"] * 20)
    check_eq(out("echo deep | " + long), "deep\n")
    # The writer's death does not hang the pipeline
    check_eq(out("yes | head -n 2"), "y\ny\n")


@test
def quoting(t):
    check_eq(out("echo 'a  b' \"c  d\" e\\ f"), "a  b c  d e f\n")
    check_eq(out("echo 'it''s' \"say \\\"hi\\\"\""), "its say \"hi\"\n")
    check_eq(out("echo '$HOME' \"\\$HOME\" \\$HOME"), "$HOME $HOME $HOME\n")
    check_eq(out("echo '|;&<>'"), "|;&<>\n")
    check_eq(out("echo \"a'b\" 'c\"d'"), "a'b c\"d\n")
    check_eq(out("echo a\"b\"'c'd"), "abcd\n")
    check_eq(out("echo ''"), "\n")                  # an empty argument
    check_eq(out("echo 'multi\nline'"), "multi\nline\n")


@test
def variables(t):
    check_eq(out("X=1; echo $X ${X}y '$X' \"$X\""), "1 1y $X 1\n")
    check_eq(out("echo [$UNSET] [\"$UNSET\"]"), "[] []\n")
    check_eq(out("X='a   b'; echo $X; echo \"$X\""), "a b\na   b\n")
    check_eq(out("A=1 B=2; echo $A$B"), "12\n")
    check_eq(out("echo $"), "$\n")
    check_eq(out("echo ~"), ENV["HOME"] + "\n")
    check_eq(out("X=5; unset X; echo [$X]"), "[]\n")


@test
def special_parameters(t):
    check_eq(out("false; echo $?; true; echo $?"), "1\n0\n")
    p = subprocess.run([SH, "-c", "echo $$"], capture_output=True, text=True,
                       env=ENV)
    check(p.stdout.strip().isdigit(), "$$: %r" % p.stdout)
    check_eq(out("sleep 0 & echo $!; wait").strip().isdigit(), True)
    check_eq(out("echo $0 $1 $2 $#"), SH + " 0\n")   # empty $1 $2: no words
    r = run([SH, "-c", "echo $0 $1 $2 $# $@", "name", "x", "y"])
    check_eq(r.stdout, "name x y 2 x y\n")


@test
def export_and_environment(t):
    check_eq(out("X=1; sh -c 'echo [$X]'"), "[]\n")            # not exported
    check_eq(out("X=1; export X; sh -c 'echo [$X]'"), "[1]\n")
    check_eq(out("export Y=2; sh -c 'echo [$Y]'"), "[2]\n")
    check_eq(out("Z=3 sh -c 'echo [$Z]'; echo [$Z]"), "[3]\n[]\n")
    check_in("W=4\n", out("W=4 env"))
    check_in("export PATH=", out("export"))


@test
def exit_status_and_errors(t):
    r = sh("nosuchcommand arg")
    check_eq(r.returncode, 127)
    check_eq(r.stderr, "sh: nosuchcommand: command not found\n")
    r = sh("/no/such/file")
    check_eq(r.returncode, 127)
    check_in("No such file or directory", r.stderr)
    os.chmod(t, 0o755)
    with open(t + "/noexec", "w") as f:
        f.write("x")
    r = sh(t + "/noexec")
    check_eq(r.returncode, 126)
    check_in("Permission denied", r.stderr)
    check_eq(sh("exit 7").returncode, 7)
    check_eq(sh("false").returncode, 1)
    check_eq(sh("true; false; true").returncode, 0)
    check_eq(out("nosuch 2>/dev/null; echo $?"), "127\n")


@test
def and_or_lists(t):
    check_eq(out("true && echo yes || echo no"), "yes\n")
    check_eq(out("false && echo yes || echo no"), "no\n")
    check_eq(out("false || false || echo third"), "third\n")
    check_eq(out("true || echo skipped; echo after"), "after\n")
    check_eq(out("false && echo a && echo b; echo $?"), "1\n")
    check_eq(out("true &&\n echo continued"), "continued\n")
    check_eq(out("! false && echo negated"), "negated\n")
    check_eq(out("! true; echo $?"), "1\n")


@test
def redirections(t):
    check_eq(out("echo hi > f; cat < f; echo more >> f; cat f", cwd=t),
             "hi\nhi\nmore\n")
    check_eq(out("ls /nonexistent 2> err; cat err", cwd=t),
             "ls: cannot access '/nonexistent': No such file or directory\n")
    check_eq(out("ls /nonexistent > both 2>&1; echo ok >> both; cat both",
                  cwd=t),
             "ls: cannot access '/nonexistent': No such file or directory\nok\n")
    check_eq(out("echo to-stderr 1>&2 2>/dev/null", cwd=t), "")
    r = sh("echo x >&2")
    check_eq((r.stdout, r.stderr), ("", "x\n"))
    check_eq(out(">empty; wc -c < empty", cwd=t).strip(), "0")
    r = sh("cat < missing; echo $?", cwd=t)
    check_eq(r.stdout, "1\n")
    check_in("missing: No such file or directory", r.stderr)
    # redirections of a builtin are undone afterwards
    check_eq(out("pwd > p; echo after; cat p", cwd=t),
             "after\n" + os.path.realpath(t) + "\n")
    check_eq(out("cd / > /dev/null; pwd", cwd=t), "/\n")


@test
def builtins(t):
    check_eq(out("cd %s && pwd" % t), os.path.realpath(t) + "\n")
    check_eq(out("cd %s; cd /; cd - > /dev/null; pwd" % t),
             os.path.realpath(t) + "\n")
    check_eq(out("cd; pwd"), ENV["HOME"] + "\n")
    r = sh("cd /nonexistent")
    check_eq(r.returncode, 1)
    check_eq(r.stderr, "sh: cd: /nonexistent: No such file or directory\n")
    check_eq(out("exec echo replaced; echo never"), "replaced\n")
    check_eq(out("exec > %s/log; echo logged; cat %s/log >&2" % (t, t)), "")
    with open(t + "/log") as f:
        check_eq(f.read(), "logged\n")
    check_in("cd", out("help"))


@test
def background_and_wait(t):
    start = time.monotonic()
    check_eq(out("sleep 0.5 & echo started; wait; echo done"),
             "started\ndone\n")
    check(time.monotonic() - start >= 0.5, "wait did not wait")
    check_eq(out("sh -c 'exit 3' & wait $!; echo $?"), "3\n")
    # stopped and continued behind the shell's back: still waited for
    # (sleep must not hold our pipe: its end would then be what we wait for)
    start = time.monotonic()
    r = out("sleep 0.5 >/dev/null 2>&1 & kill -STOP $!; sleep 0.1; jobs; kill -CONT $!; "
            "wait; echo done")
    check("Stopped" in r and r.endswith("done\n"), r)
    check(time.monotonic() - start >= 0.5, "wait did not wait for a continued job")
    check_eq(out("true & false & wait; echo $?"), "0\n")
    check_eq(out("true && sleep 0.1 && echo bg & wait; echo fg"), "bg\nfg\n")
    r = sh("wait 99999")
    check_eq(r.returncode, 127)
    # background jobs do not read the shell's input
    check_eq(out("cat & wait", input="stolen?\n"), "")


@test
def signal_deaths_reported(t):
    r = sh("sh -c 'kill -9 $$'; echo $?")
    check_eq(r.stdout, "137\n")
    check_eq(r.stderr, "Killed\n")
    r = sh("sh -c 'kill -SEGV $$'; echo $?")
    check_eq(r.stdout, "139\n")
    check_in("Segmentation fault", r.stderr)
    r = sh("sh -c 'kill -TERM $$'")
    check_eq(r.returncode, 143)


@test
def pathname_expansion(t):
    for name in ("a.c", "b.c", "x.h", ".hidden.c"):
        open(os.path.join(t, name), "w").close()
    os.mkdir(t + "/sub")
    open(t + "/sub/s.c", "w").close()
    check_eq(out("echo *.c", cwd=t), "a.c b.c\n")
    check_eq(out("echo ?.h [ab].c", cwd=t), "x.h a.c b.c\n")
    check_eq(out("echo '*.c' \"*.c\" \\*.c", cwd=t), "*.c *.c *.c\n")
    check_eq(out("echo *.none", cwd=t), "*.none\n")
    check_eq(out("echo */*.c", cwd=t), "sub/s.c\n")
    check_eq(out("echo .*.c", cwd=t), ".hidden.c\n")
    check_eq(out("echo %s/[!a].c" % t), t + "/b.c\n")
    check_eq(out("X='*.h'; echo $X", cwd=t), "x.h\n")


@test
def scripts_and_stdin(t):
    script = t + "/s.sh"
    with open(script, "w") as f:
        f.write("echo script $1 $2 $#\n"
                "X=inside\n"
                "echo a |\n"
                "  cat\n"
                "echo \"multi\n"
                "line\"\n"
                "exit 5\n"
                "echo not reached\n")
    r = run([SH, script, "p1", "p2"])
    check_eq(r.stdout, "script p1 p2 2\na\nmulti\nline\n")
    check_eq(r.returncode, 5)
    r = run(SH, input="echo from stdin\nfalse\n")
    check_eq((r.stdout, r.returncode), ("from stdin\n", 1))
    # the commands share standard input with the shell, byte-exactly
    r = run(SH, input="head -n 1\nfirst line for head\necho after\n")
    check_eq(r.stdout, "first line for head\n")
    r = run([SH, t + "/missing.sh"])
    check_eq(r.returncode, 127)
    check_in("No such file or directory", r.stderr)


@test
def scripts_without_shebang_run_by_sh(t):
    script = t + "/plain"
    with open(script, "w") as f:
        f.write("echo plain script $1\n")
    os.chmod(script, 0o755)
    check_eq(out(script + " arg"), "plain script arg\n")


@test
def syntax_errors(t):
    r = sh("echo a |")
    check_eq(r.returncode, 2)
    check_in("unexpected end of file", r.stderr)
    r = sh("| echo")
    check_eq(r.returncode, 2)
    check_in("syntax error near unexpected token `|'", r.stderr)
    r = sh("echo 'unterminated")
    check_eq(r.returncode, 2)
    r = sh("echo a ; ; echo b")
    check_eq((r.stdout, r.returncode), ("", 2))
    r = sh("echo >")
    check_eq(r.returncode, 2)
    r = run(SH, input="echo ok\n| bad\necho still\n")
    check_eq(r.stdout, "ok\nstill\n")


@test
def usage(t):
    r = run([SH, "-z"])
    check_eq(r.returncode, 2)
    check_in("usage:", r.stderr)


if __name__ == "__main__":
    suite.main()
