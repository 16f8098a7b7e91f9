"""Shell scripts on Cowix: script files given to sh (functions, loops,
case, arithmetic), loops with pipes and redirections, command
substitution, traps and `.`, and the same constructs typed at the prompt
(the "> " continuation prompt, Ctrl-C stopping a loop the shell runs
itself).

The scripts are merged into the initrd under /scripts.  Their expected
output is written out below; test_expectations_match_dash first checks
on the host that Debian's dash (and our sh built for the host) print
exactly that, so the expectations are POSIX's.

Every test on Cowix ends by checking the kernel's counters (/proc/kstat)
against those taken when it started, like test_shell.py: processes, open
files, inodes and kernel heap bytes exactly, free frames within 16 pages."""
import os
import subprocess
import time

import pexpect
import pytest

from conftest import BUILD, Machine, make_initrd, qemu_command

CTRL_C = "\x03"
FRAME_SLACK = 16
HOST_BIN = os.path.join(BUILD, "user", "root", "bin")
DASH = "/bin/dash"

SCRIPTS = {
    "report.sh": r'''# Describe each argument; add up the numbers; exit with the sum mod 7.
classify() {
    case $1 in
        [0-9] | [0-9][0-9]) echo number ;;
        -*)                 echo option ;;
        *.sh)               echo script ;;
        *)                  echo word ;;
    esac
}

total=0
for arg in "$@"; do
    kind=$(classify "$arg")
    echo "$arg: $kind"
    if [ "$kind" = number ]; then
        total=$((total + arg))
    fi
done
echo "total $total of $# arguments"
exit $((total % 7))
''',
    "files.sh": r'''# Loops with pipes and redirections, on files in /tmp.
dir=/tmp/scripts-test
mkdir -p $dir
for i in 1 2 3 4 5; do
    echo "line $i"
done > $dir/lines
wc -l < $dir/lines
sum=0
while read word num; do
    sum=$((sum + num))
done < $dir/lines
echo "sum $sum"
seq 1 10 | while read x; do
    if [ $((x % 3)) -eq 0 ]; then echo "multiple $x"; fi
done | tail -n 2
{ read first; read second; } < $dir/lines
echo "$second, then $first"
{ echo out; echo err >&2; } > $dir/out 2> $dir/err
cat $dir/out $dir/err
rm $dir/lines $dir/out $dir/err
rmdir $dir
''',
    "subst.sh": r'''# Functions and command substitution, nested and recursive.
fib() {
    if [ $1 -lt 2 ]; then
        echo $1
        return
    fi
    echo $(( $(fib $(($1 - 1))) + $(fib $(($1 - 2))) ))
}
for n in 1 5 8; do
    echo "fib $n = $(fib $n)"
done
words=`echo "a b c" | wc -w`
echo "words:$words"
greet() { echo "hello, ${1:-nobody}"; }
greet
greet world
x="$(greet "in $(echo substitution)")"
echo "[$x] ${#x}"
set -- one "two three"
echo "$# $(for a in "$@"; do echo "<$a>"; done)"
''',
    "cleanup.sh": r'''# A trap on exit, a library read with `.`, exit from inside a function.
trap 'echo "cleanup, status $?"' EXIT
. "${0%/*}/lib.sh"
libfunc one
fail() { echo "failing with $1"; exit $1; }
while true; do
    fail 3
done
echo not reached
''',
    "lib.sh": r'''libfunc() { echo "lib says $1"; }
''',
}

# script and arguments -> (output, exit status)
EXPECTED = {
    ("report.sh", "12", "-v", "x.sh", "two words", "31"): (
        "12: number\n-v: option\nx.sh: script\ntwo words: word\n31: number\n"
        "total 43 of 5 arguments\n", 1),
    ("files.sh",): (
        "      5\nsum 15\nmultiple 6\nmultiple 9\nline 2, then line 1\nout\nerr\n", 0),
    ("subst.sh",): (
        "fib 1 = 1\nfib 5 = 5\nfib 8 = 21\nwords:      3\nhello, nobody\n"
        "hello, world\n[hello, in substitution] 22\n2 <one>\n<two three>\n", 0),
    ("cleanup.sh",): (
        "lib says one\nfailing with 3\ncleanup, status 3\n", 3),
}


def write_scripts(directory):
    os.makedirs(directory, exist_ok=True)
    for name, text in SCRIPTS.items():
        with open(os.path.join(directory, name), "w") as f:
            f.write(text)


def shell_words(args):
    """The command line that passes args to sh (quoted for the shell)."""
    return " ".join("'%s'" % a if " " in a else a for a in args)


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    extra = tmp_path_factory.mktemp("extra")
    write_scripts(str(extra / "scripts"))
    initrd = make_initrd(str(extra), str(tmp_path_factory.mktemp("img") / "initrd.img"))
    m = Machine(qemu_command("", initrd=initrd, interactive=True), timeout=60)
    m.wait_prompt()
    assert m.run("echo ready") == "ready"
    yield m
    m.close()


def kstat(m):
    out = m.run("cat /proc/kstat")
    return {k: int(v) for k, v in (line.split() for line in out.splitlines())}


@pytest.fixture
def sh(machine, request):
    """The machine, with the kernel's counters checked after the test."""
    before = kstat(machine)
    failures = request.session.testsfailed
    yield machine
    if request.session.testsfailed != failures:
        try:                                # get a prompt back, if we can
            machine.send(CTRL_C)
            machine.wait_prompt(timeout=5)
        except pexpect.TIMEOUT:
            pass
        return
    after = kstat(machine)
    for key in ("processes", "files", "inodes", "heap_bytes"):
        assert after[key] == before[key], (key, before, after)
    assert before["frames_free"] - after["frames_free"] <= FRAME_SLACK, (before, after)


def test_expectations_match_dash(tmp_path):
    """On the host: dash and our sh both print what EXPECTED says."""
    write_scripts(str(tmp_path))
    shells = [os.path.join(HOST_BIN, "sh")] + ([DASH] if os.path.exists(DASH) else [])
    env = {"PATH": HOST_BIN, "HOME": "/tmp"}
    for args, (output, status) in EXPECTED.items():
        for shell in shells:
            p = subprocess.run([shell, str(tmp_path / args[0])] + list(args[1:]),
                               capture_output=True, text=True, env=env, timeout=60)
            assert (p.stdout, p.returncode) == (output, status), (shell, args, p.stderr)


@pytest.mark.parametrize("args", list(EXPECTED), ids=lambda a: a[0])
def test_script_file(sh, args):
    output, status = EXPECTED[args]
    command = "sh /scripts/" + shell_words(args)
    assert sh.run(command, timeout=120) == output.rstrip("\n")
    assert sh.status() == status


def test_script_on_standard_input(sh):
    """The script read from a pipe: commands share the shell's input."""
    assert sh.run("cat /scripts/subst.sh | sh | head -n 3") == \
        "fib 1 = 1\nfib 5 = 5\nfib 8 = 21"
    assert sh.run("sh < /scripts/report.sh; echo $?") == "total 0 of 0 arguments\n0"


def test_loops_pipes_and_redirections_at_the_prompt(sh):
    assert sh.run("for i in 3 1 2; do echo $i; done | wc -l").strip() == "3"
    assert sh.run("for i in a b c; do echo $i; done > /tmp/l; cat /tmp/l") == "a\nb\nc"
    assert sh.run("n=0; while read x; do n=$((n + 1)); done < /tmp/l; echo $n") == "3"
    assert sh.run("while read x; do echo \"<$x>\"; done < /tmp/l | tail -n 1") == "<c>"
    assert sh.run("if [ -f /tmp/l ]; then echo file; else echo none; fi") == "file"
    assert sh.run("case $(wc -l < /tmp/l) in *3) echo three;; *) echo other;; esac") \
        == "three"
    assert sh.run("rm /tmp/l; ls /tmp") == ""


def test_functions_and_substitutions_at_the_prompt(sh):
    assert sh.run("sq() { echo $(( $1 * $1 )); }; sq 12; echo $(sq $(sq 3))") == "144\n81"
    assert sh.run("f() { return $(( $1 + 1 )); }; f 4; echo $?") == "5"
    assert sh.run("x=\"$(echo 'a  b')\"; echo \"[$x]\" ${#x} ${x%% *}") == "[a  b] 4 a"
    assert sh.run("echo `echo back` $(echo $(echo nested))") == "back nested"
    assert sh.run("set -- p 'q r'; for a in \"$@\"; do echo \"[$a]\"; done") == "[p]\n[q r]"
    assert sh.run("[ 2 -gt 1 ] && /bin/[ -d / ] && /bin/test -x /bin/sh && echo tests") \
        == "tests"


def test_continuation_prompt(sh):
    """A compound command typed over several lines: "> " until it is closed."""
    for line in ("i=0", "while [ $i -lt 3 ]", "do", "  i=$((i + 1))"):
        sh.send(line + "\r")
        sh.expect(r"\n> $" if line != "i=0" else Machine.PROMPT)
    sh.send("done\r")
    sh.wait_prompt()
    assert sh.run("echo $i") == "3"
    sh.send("if true\r")
    sh.expect(r"\n> $")
    assert sh.run("then echo closed; fi") == "closed"


def test_ctrl_c_stops_a_loop_in_the_shell(sh):
    """The loop runs in the shell itself (only builtins): Ctrl-C must reach
    the shell and stop it, and the shell must go on."""
    shell = sh.run("echo $$")
    sh.send("while true; do :; done\r")
    sh.p.expect_exact("done")
    time.sleep(0.5)
    sh.send(CTRL_C)
    sh.wait_prompt(timeout=10)
    assert sh.status() == 130
    assert sh.run("echo $$") == shell
    # and a loop of programs: Ctrl-C kills one, and the loop stops
    sh.send("while true; do sleep 1; done\r")
    sh.p.expect_exact("done")
    for _ in range(20):
        sh.send(CTRL_C)
        try:
            sh.wait_prompt(timeout=0.5)
            break
        except pexpect.TIMEOUT:
            pass
    assert sh.status() == 130
    assert "sleep" not in sh.run("ps")
