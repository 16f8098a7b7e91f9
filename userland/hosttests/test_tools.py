#!/usr/bin/python3
"""
Tests of the programs in /bin, run on the host on files in a temporary
directory.  Expected outputs are written out by hand from what each tool
must do (or computed independently in Python, e.g. from os.stat).

    test_tools.py OUT_DIR [only-tests-containing-this]
"""
import os
import signal
import stat as st
import subprocess
import time

from harness import (Suite, ENV, EMULATED, run, sh, tool, check, check_eq, check_in)

suite = Suite()
test = suite.test


def write(path, data, mode=None):
    with open(path, "w" if isinstance(data, str) else "wb") as f:
        f.write(data)
    if mode is not None:
        os.chmod(path, mode)


def read(path):
    with open(path) as f:
        return f.read()


def usage_error(argv):
    r = run(argv)
    check(r.returncode != 0, "%s: should fail" % argv)
    check_in("usage:", r.stderr, "%s stderr" % argv)


# ---- cat, echo, true, false ----

@test
def cat_concatenates_files_and_stdin(t):
    write(t + "/a", "first\n")
    write(t + "/b", "second")
    r = run(["cat", t + "/a", "-", t + "/b"], input="middle\n")
    check_eq(r.stdout, "first\nmiddle\nsecond")
    check_eq(r.returncode, 0)


@test
def cat_reports_missing_file(t):
    write(t + "/a", "x")
    r = run(["cat", t + "/missing", t + "/a"])
    check_eq(r.stdout, "x")
    check_eq(r.stderr, "cat: %s/missing: No such file or directory\n" % t)
    check_eq(r.returncode, 1)
    usage_error(["cat", "-z"])


@test
def echo_options(t):
    check_eq(run(["echo", "a", "b  c"]).stdout, "a b  c\n")
    check_eq(run(["echo"]).stdout, "\n")
    check_eq(run(["echo", "-n", "x"]).stdout, "x")
    check_eq(run(["echo", "-e", "1\\t2\\n3"]).stdout, "1\t2\n3\n")
    check_eq(run(["echo", "a\\tb"]).stdout, "a\\tb\n")
    check_eq(run(["echo", "-x"]).stdout, "-x\n")


@test
def true_false(t):
    check_eq(run("true").returncode, 0)
    check_eq(run("false").returncode, 1)


# ---- wc, grep, head, tail, seq ----

@test
def wc_counts(t):
    write(t + "/f", "one two\n  three \n\nfour")
    r = run(["wc", t + "/f"])
    check_eq(r.stdout.split(), ["3", "4", "22", t + "/f"])
    check_eq(run(["wc", "-l"], input="a\nb\n").stdout.strip(), "2")
    check_eq(run(["wc", "-w"], input="a b\tc\n").stdout.strip(), "3")
    check_eq(run(["wc", "-c"], input="hello").stdout.strip(), "5")
    write(t + "/g", "x\n")
    lines = run(["wc", "-l", t + "/f", t + "/g"]).stdout.splitlines()
    check_eq([l.split() for l in lines],
             [["3", t + "/f"], ["1", t + "/g"], ["4", "total"]])
    usage_error(["wc", "-q"])


GREP_TEXT = "apple pie\nBanana split\ncherry\napple\ngrape\n"


@test
def grep_patterns(t):
    def grep(*args):
        return run(["grep"] + list(args), input=GREP_TEXT)
    check_eq(grep("apple").stdout, "apple pie\napple\n")
    check_eq(grep("^apple$").stdout, "apple\n")
    check_eq(grep("e$").stdout, "apple pie\napple\ngrape\n")
    check_eq(grep("ch.rry").stdout, "cherry\n")
    check_eq(grep("gr[a-c]pe").stdout, "grape\n")
    check_eq(grep("[^a-z ]").stdout, "Banana split\n")
    check_eq(grep("ap*le").stdout, "apple pie\napple\n")
    check_eq(grep("^c.*y$").stdout, "cherry\n")
    check_eq(grep("a\\.").returncode, 1)


@test
def grep_options(t):
    def grep(*args):
        return run(["grep"] + list(args), input=GREP_TEXT)
    check_eq(grep("-i", "banana").stdout, "Banana split\n")
    check_eq(grep("-v", "a").stdout, "cherry\n")
    check_eq(grep("-c", "apple").stdout, "2\n")
    check_eq(grep("-n", "e$").stdout, "1:apple pie\n4:apple\n5:grape\n")
    check_eq(grep("-vc", "p").stdout, "1\n")
    r = grep("zebra")
    check_eq((r.stdout, r.returncode), ("", 1))
    check_eq(grep("-q", "cherry").returncode, 0)
    write(t + "/a", "x1\ny\n")
    write(t + "/b", "x2\n")
    r = run(["grep", "x", t + "/a", t + "/b"])
    check_eq(r.stdout, "%s/a:x1\n%s/b:x2\n" % (t, t))
    r = run(["grep", "x", t + "/nope"])
    check_eq(r.returncode, 2)
    check_in("No such file or directory", r.stderr)
    usage_error(["grep"])


@test
def head_and_tail(t):
    text = "".join("line %d\n" % i for i in range(1, 16))
    write(t + "/f", text)
    lines = text.splitlines(True)
    check_eq(run(["head", t + "/f"]).stdout, "".join(lines[:10]))
    check_eq(run(["head", "-n", "3", t + "/f"]).stdout, "".join(lines[:3]))
    check_eq(run(["head", "-2"], input=text).stdout, "".join(lines[:2]))
    check_eq(run(["tail", t + "/f"]).stdout, "".join(lines[5:]))
    check_eq(run(["tail", "-n", "2", t + "/f"]).stdout, "".join(lines[13:]))
    check_eq(run(["tail", "-1"], input="a\nb\nno newline").stdout, "no newline")
    check_eq(run(["tail", "-n", "5"], input="short\n").stdout, "short\n")
    check_eq(run(["tail", "-n", "0"], input="a\n").stdout, "")
    check_eq(run(["head", "-n", "0"], input="a\n").stdout, "")
    write(t + "/g", "g1\ng2\n")
    check_eq(run(["head", "-1", t + "/f", t + "/g"]).stdout,
             "==> %s/f <==\nline 1\n\n==> %s/g <==\ng1\n" % (t, t))
    usage_error(["head", "-n", "x"])
    usage_error(["tail", "-n"])


@test
def seq_ranges(t):
    check_eq(run(["seq", "3"]).stdout, "1\n2\n3\n")
    check_eq(run(["seq", "-1", "1"]).stdout, "-1\n0\n1\n")
    check_eq(run(["seq", "10", "-3", "1"]).stdout, "10\n7\n4\n1\n")
    check_eq(run(["seq", "5", "1"]).stdout, "")
    usage_error(["seq"])
    usage_error(["seq", "1", "0", "5"])
    usage_error(["seq", "x"])


# ---- sleep, yes, kill ----

@test
def sleep_waits(t):
    start = time.monotonic()
    check_eq(run(["sleep", "0.3"]).returncode, 0)
    elapsed = time.monotonic() - start
    check(0.29 <= elapsed < 2, "slept %.3f s" % elapsed)
    usage_error(["sleep", "abc"])
    usage_error(["sleep"])


@test
def yes_until_the_reader_leaves(t):
    r = sh("yes | head -n 3; yes hello | head -n 2")
    check_eq(r.stdout, "y\ny\ny\nhello\nhello\n")


@test
def kill_sends_signals(t):
    for args, sig in ((["-9"], signal.SIGKILL), (["-s", "USR1"], signal.SIGUSR1),
                      (["-HUP"], signal.SIGHUP), ([], signal.SIGTERM)):
        p = subprocess.Popen([tool("sleep"), "10"])
        r = run(["kill"] + args + [str(p.pid)])
        check_eq(r.returncode, 0)
        check_eq(p.wait(timeout=5), -sig, "status after kill %s" % args)
    r = run(["kill", "-l"])
    check_in(" 9) SIGKILL\n", r.stdout)
    check_in("15) SIGTERM\n", r.stdout)
    r = run(["kill", "-9", "999999999"])
    check_eq(r.returncode, 1)
    check_in("No such process", r.stderr)
    usage_error(["kill", "-NOSUCHSIG", "1"])
    usage_error(["kill"])


# ---- files and directories ----

@test
def mkdir_rmdir(t):
    check_eq(run(["mkdir", t + "/a"]).returncode, 0)
    check(os.path.isdir(t + "/a"))
    r = run(["mkdir", t + "/a"])
    check_eq(r.returncode, 1)
    check_in("File exists", r.stderr)
    check_eq(run(["mkdir", "-p", t + "/a/b/c", t + "/x/y"]).returncode, 0)
    check(os.path.isdir(t + "/a/b/c") and os.path.isdir(t + "/x/y"))
    check_eq(run(["mkdir", "-p", t + "/a/b"]).returncode, 0)   # exists: fine
    r = run(["rmdir", t + "/a"])
    check_eq(r.returncode, 1)
    check_in("Directory not empty", r.stderr)
    check_eq(run(["rmdir", t + "/a/b/c", t + "/a/b"]).returncode, 0)
    check(not os.path.exists(t + "/a/b"))
    usage_error(["mkdir"])
    usage_error(["rmdir"])


@test
def rm_files_and_trees(t):
    os.makedirs(t + "/d/e/f")
    write(t + "/d/e/f/file", "x")
    write(t + "/d/top", "y")
    write(t + "/plain", "z")
    check_eq(run(["rm", t + "/plain"]).returncode, 0)
    check(not os.path.exists(t + "/plain"))
    r = run(["rm", t + "/d"])
    check_eq(r.returncode, 1)
    check_in("Is a directory", r.stderr)
    check_eq(run(["rm", "-r", t + "/d"]).returncode, 0)
    check(not os.path.exists(t + "/d"))
    r = run(["rm", t + "/missing"])
    check_eq(r.returncode, 1)
    check_in("No such file or directory", r.stderr)
    r = run(["rm", "-f", t + "/missing"])
    check_eq((r.returncode, r.stderr), (0, ""))
    usage_error(["rm"])


@test
def cp_files_and_trees(t):
    write(t + "/src", "content\n", 0o751)
    check_eq(run(["cp", t + "/src", t + "/dst"]).returncode, 0)
    check_eq(read(t + "/dst"), "content\n")
    check_eq(st.S_IMODE(os.stat(t + "/dst").st_mode), 0o751)
    os.mkdir(t + "/dir")
    write(t + "/other", "2")
    check_eq(run(["cp", t + "/src", t + "/other", t + "/dir"]).returncode, 0)
    check_eq(sorted(os.listdir(t + "/dir")), ["other", "src"])
    big = bytes(range(256)) * 1000
    write(t + "/big", big)
    run(["cp", t + "/big", t + "/big2"])
    with open(t + "/big2", "rb") as f:
        check(f.read() == big, "large copy differs")
    r = run(["cp", t + "/dir", t + "/dir2"])
    check_eq(r.returncode, 1)
    check_in("omitting directory", r.stderr)
    check_eq(run(["cp", "-r", t + "/dir", t + "/dir2"]).returncode, 0)
    check_eq(read(t + "/dir2/other"), "2")
    r = run(["cp", t + "/missing", t + "/x"])
    check_eq(r.returncode, 1)
    check_in("No such file or directory", r.stderr)
    usage_error(["cp", t + "/src"])


@test
def mv_renames(t):
    write(t + "/a", "A")
    check_eq(run(["mv", t + "/a", t + "/b"]).returncode, 0)
    check(not os.path.exists(t + "/a"))
    check_eq(read(t + "/b"), "A")
    os.mkdir(t + "/d")
    write(t + "/c", "C")
    check_eq(run(["mv", t + "/b", t + "/c", t + "/d"]).returncode, 0)
    check_eq(sorted(os.listdir(t + "/d")), ["b", "c"])
    r = run(["mv", t + "/nope", t + "/x"])
    check_eq(r.returncode, 1)
    check_in("No such file or directory", r.stderr)
    usage_error(["mv", t + "/d"])


@test
def touch_creates_and_updates(t):
    check_eq(run(["touch", t + "/new"]).returncode, 0)
    check_eq(os.path.getsize(t + "/new"), 0)
    os.utime(t + "/new", (1000000000, 1000000000))
    run(["touch", t + "/new"])
    check(abs(os.stat(t + "/new").st_mtime - time.time()) < 5, "mtime not now")
    r = run(["touch", t + "/no/such/dir"])
    check_eq(r.returncode, 1)
    usage_error(["touch"])


@test
def ln_hard_and_symbolic(t):
    write(t + "/f", "data")
    check_eq(run(["ln", t + "/f", t + "/hard"]).returncode, 0)
    check_eq(os.stat(t + "/hard").st_ino, os.stat(t + "/f").st_ino)
    check_eq(run(["ln", "-s", "f", t + "/soft"]).returncode, 0)
    check_eq(os.readlink(t + "/soft"), "f")
    r = run(["ln", t + "/f", t + "/hard"])
    check_eq(r.returncode, 1)
    check_in("File exists", r.stderr)
    usage_error(["ln", "-s", t + "/f"])


@test
def ls_names_and_long_format(t):
    for name in ("b", "a", ".hidden"):
        write(t + "/" + name, "12345")
    os.mkdir(t + "/dir")
    os.symlink("a", t + "/link")
    os.chmod(t + "/a", 0o640)
    check_eq(run(["ls", t]).stdout, "a\nb\ndir\nlink\n")
    check_eq(run(["ls", "-a", t]).stdout, ".\n..\n.hidden\na\nb\ndir\nlink\n")
    check_eq(run(["ls", t + "/a", t + "/b"]).stdout, "%s/a\n%s/b\n" % (t, t))
    lines = run(["ls", "-l", t]).stdout.splitlines()
    check(lines[0].startswith("total "), "no total line: %r" % lines[0])
    a = lines[1].split()
    check_eq(a[0], "-rw-r-----")
    check_eq(a[1], "1")
    check_eq(a[4], "5")
    check_eq(a[-1], "a")
    check(lines[3].split()[0].startswith("d"), "dir line: %r" % lines[3])
    check(lines[4].endswith("link -> a"), "link line: %r" % lines[4])
    r = run(["ls", t + "/missing"])
    check_eq(r.returncode, 2)
    check_eq(r.stderr, "ls: cannot access '%s/missing': No such file or directory\n" % t)
    usage_error(["ls", "-Z"])


@test
def stat_shows_metadata(t):
    write(t + "/f", "hello", 0o644)
    r = run(["stat", t + "/f"])
    check_in("File: %s/f\n" % t, r.stdout)
    check_in("Size: 5 ", r.stdout)
    check_in("regular file", r.stdout)
    check_in("(0644/-rw-r--r--)", r.stdout)
    check_in("Inode: %d " % os.stat(t + "/f").st_ino, r.stdout)
    r = run(["stat", t + "/missing"])
    check_eq(r.returncode, 1)
    check_in("No such file or directory", r.stderr)
    usage_error(["stat"])


@test
def hexdump_formats(t):
    data = b"Hello, world!\n" + b"\x00" * 40 + b"\xff"
    write(t + "/f", data)
    check_eq(run(["hexdump", "-C", t + "/f"]).stdout,
             "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 00  |Hello, world!...|\n"
             "00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
             "*\n"
             "00000030  00 00 00 00 00 00 ff                              |.......|\n"
             "00000037\n")
    check_eq(run(["hexdump", t + "/f"]).stdout,
             "0000000 6548 6c6c 2c6f 7720 726f 646c 0a21 0000\n"
             "0000010 0000 0000 0000 0000 0000 0000 0000 0000\n"
             "*\n"
             "0000030 0000 0000 0000 00ff\n"
             "0000037\n")
    out = run(["hexdump", "-C", "-v", t + "/f"]).stdout
    check_eq(out.count("\n"), 5)        # no '*' with -v
    usage_error(["hexdump", "-x"])


# ---- system information ----

@test
def uname_fields(t):
    u = os.uname()
    if EMULATED:    # qemu-i386 reports the machine it emulates
        u = (u.sysname, u.nodename, u.release, u.version, "i686")
        u = os.uname_result(u)
    check_eq(run("uname").stdout, u.sysname + "\n")
    check_eq(run(["uname", "-s", "-m"]).stdout, "%s %s\n" % (u.sysname, u.machine))
    check_eq(run(["uname", "-n"]).stdout, u.nodename + "\n")
    check_eq(run(["uname", "-a"]).stdout, "%s %s %s %s %s\n" % u)
    usage_error(["uname", "-q"])


@test
def env_prints_and_runs(t):
    check_eq(run(["env", "-i", "A=1", "B=two words"]).stdout, "A=1\nB=two words\n")
    check_eq(run(["env", "-i", "X=7", tool("sh"), "-c", "echo $X"]).stdout, "7\n")
    out = run(["env", "EXTRA=yes"]).stdout.splitlines()
    check("EXTRA=yes" in out and "PATH=" + ENV["PATH"] in out, repr(out))
    r = run(["env", "no-such-command"])
    check_eq(r.returncode, 127)


@test
def pwd_prints_cwd(t):
    check_eq(run("pwd", cwd=t).stdout, os.path.realpath(t) + "\n")


def meminfo():
    values = {}
    with open("/proc/meminfo") as f:
        for line in f:
            name, rest = line.split(":", 1)
            values[name] = int(rest.split()[0])
    return values


@test
def free_reads_meminfo(t):
    lines = run("free").stdout.splitlines()
    check_eq(lines[0].split(), ["total", "used", "free", "shared"])
    fields = lines[1].split()
    check_eq(fields[0], "Mem:")
    total, used, free, shared = map(int, fields[1:])
    m = meminfo()
    check_eq(total, m["MemTotal"])
    check_eq(used + free, total)
    check(abs(free - m["MemFree"]) < m["MemTotal"] // 20, "free far off")
    check(abs(shared - m["Shmem"]) < m["MemTotal"] // 20, "Shmem far off")
    mb = run(["free", "-m"]).stdout.splitlines()[1].split()
    check_eq(int(mb[1]), m["MemTotal"] // 1024)
    usage_error(["free", "-x"])


@test
def ps_lists_processes(t):
    p = subprocess.Popen([tool("ps")], stdout=subprocess.PIPE, text=True)
    out, _ = p.communicate(timeout=10)
    lines = out.splitlines()
    check_eq(lines[0].split(), ["PID", "PPID", "S", "VSZ", "RSS", "COMMAND"])
    rows = {int(l.split()[0]): l.split() for l in lines[1:]}
    check(p.pid in rows, "ps does not list itself")
    me = rows[p.pid]
    check_eq(int(me[1]), os.getpid())
    check_eq(me[5], "ps")
    # qemu-i386 fakes most of /proc/self/stat (state and sizes read 0):
    # there, check the fields on the row of this (native) test instead.
    if EMULATED:
        me = rows[os.getpid()]
        check_eq(me[2], "S")
    else:
        check_eq(me[2], "R")
    check(int(me[3]) > 0 and int(me[4]) > 0, "memory sizes: %r" % me)
    check(1 in rows, "no pid 1")
    usage_error(["ps", "x"])


@test
def clear_writes_escape_sequence(t):
    r = subprocess.run([tool("clear")], capture_output=True)
    check_eq(r.stdout, b"\x1b[H\x1b[2J")
    usage_error(["clear", "-x"])


if __name__ == "__main__":
    suite.main()
