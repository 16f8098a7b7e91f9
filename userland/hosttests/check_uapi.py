#!/usr/bin/python3
"""
Check kernel/uapi/*.h against the Linux and glibc i386 headers that come
with the cross compiler.

For each of our headers, two small C programs are generated: one includes
only our header, the other the matching Linux/glibc headers.  Both print
the value of every object-like macro our header defines (when the other
side defines it too) and a list of struct sizes and field offsets.  The
two outputs must be identical.  Prints "N passed, N failed" (one check per
header) and exits non-zero on a mismatch.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CC = "i686-linux-gnu-gcc"


def off(struct, field):
    return "offsetof(%s, %s)" % (struct, field)


# header -> (Linux includes, [(our expression, their expression)])
# An expression given as a single string is the same on both sides.
HEADERS = {
    "errno.h": (["<linux/errno.h>"], []),
    "syscall.h": (["<asm/unistd_32.h>"], []),
    "signal.h": (["<signal.h>"], [
        "sizeof(siginfo_t)", off("siginfo_t", "si_signo"),
        off("siginfo_t", "si_code"), off("siginfo_t", "si_pid"),
        off("siginfo_t", "si_uid"), off("siginfo_t", "si_status"),
        off("siginfo_t", "si_utime"), off("siginfo_t", "si_addr"),
        "sizeof(stack_t)", off("stack_t", "ss_flags"),
        off("stack_t", "ss_size"),
    ]),
    "stat.h": (["<sys/stat.h>", "<fcntl.h>"], [
        "sizeof(struct stat64)",
        off("struct stat64", "st_dev"), off("struct stat64", "__st_ino"),
        off("struct stat64", "st_mode"), off("struct stat64", "st_nlink"),
        off("struct stat64", "st_uid"), off("struct stat64", "st_gid"),
        off("struct stat64", "st_rdev"), off("struct stat64", "st_size"),
        off("struct stat64", "st_blksize"), off("struct stat64", "st_blocks"),
        (off("struct stat64", "st_atime"), off("struct stat64", "st_atim")),
        (off("struct stat64", "st_mtime_nsec"),
         off("struct stat64", "st_mtim.tv_nsec")),
        (off("struct stat64", "st_ctime"), off("struct stat64", "st_ctim")),
        off("struct stat64", "st_ino"),
        "sizeof(struct statx)", off("struct statx", "stx_mode"),
        off("struct statx", "stx_ino"), off("struct statx", "stx_size"),
        off("struct statx", "stx_mtime"), off("struct statx", "stx_rdev_major"),
        off("struct statx", "stx_dev_minor"),
    ]),
    "statfs.h": (["<sys/statfs.h>", "<linux/magic.h>"], [
        "sizeof(struct statfs64)", off("struct statfs64", "f_blocks"),
        off("struct statfs64", "f_ffree"), off("struct statfs64", "f_fsid"),
        off("struct statfs64", "f_namelen"), off("struct statfs64", "f_flags"),
    ]),
    "fcntl.h": (["<linux/fcntl.h>", "<linux/fs.h>"], []),
    "dirent.h": (["<dirent.h>"], [
        ("sizeof(struct linux_dirent64)", "offsetof(struct dirent64, d_name) + 1"),
        (off("struct linux_dirent64", "d_off"), off("struct dirent64", "d_off")),
        (off("struct linux_dirent64", "d_reclen"), off("struct dirent64", "d_reclen")),
        (off("struct linux_dirent64", "d_type"), off("struct dirent64", "d_type")),
        (off("struct linux_dirent64", "d_name"), off("struct dirent64", "d_name")),
    ]),
    "termios.h": (["<asm/termios.h>", "<asm/ioctls.h>", "<linux/vt.h>",
                   "<linux/kd.h>"], [
        "sizeof(struct termios)", off("struct termios", "c_lflag"),
        off("struct termios", "c_line"), off("struct termios", "c_cc"),
        "sizeof(struct winsize)", off("struct winsize", "ws_col"),
        "sizeof(struct vt_stat)", off("struct vt_stat", "v_state"),
    ]),
    "time.h": (["<linux/time.h>", "<linux/times.h>"], [
        "sizeof(struct timespec)", "sizeof(struct timeval)",
        off("struct timeval", "tv_usec"), "sizeof(struct itimerval)",
        off("struct itimerval", "it_value"), "sizeof(struct tms)",
        "sizeof(struct timezone)",
    ]),
    "wait.h": (["<sys/wait.h>"], [
        "WEXITSTATUS(0x2a00)", "WIFEXITED(0x2a00)", "WIFSIGNALED(0x2a00)",
        "WIFSIGNALED(9)", "WTERMSIG(0x89)", "WCOREDUMP(0x89)",
        "WIFSTOPPED(0x137f)", "WSTOPSIG(0x137f)", "WIFSIGNALED(0x137f)",
        "WIFCONTINUED(0xffff)", "WIFSIGNALED(0xffff)", "WIFEXITED(0xffff)",
        "W_EXITCODE(3, 0)", "W_EXITCODE(0, 11)", "W_STOPCODE(20)",
    ]),
    "mman.h": (["<linux/mman.h>"], []),
    "sysinfo.h": (["<linux/sysinfo.h>"], [
        "sizeof(struct sysinfo)", off("struct sysinfo", "sharedram"),
        off("struct sysinfo", "procs"), off("struct sysinfo", "totalhigh"),
        off("struct sysinfo", "mem_unit"),
    ]),
    "utsname.h": (["<linux/utsname.h>"], [
        "sizeof(struct new_utsname)", off("struct new_utsname", "machine"),
    ]),
    "auxv.h": (["<linux/auxvec.h>"], []),
    "reboot.h": (["<linux/reboot.h>"], []),
    "resource.h": (["<linux/resource.h>"], [
        "sizeof(struct rlimit)", "sizeof(struct rlimit64)",
        "sizeof(struct rusage)", off("struct rusage", "ru_maxrss"),
        off("struct rusage", "ru_nivcsw"),
    ]),
    "poll.h": (["<linux/poll.h>"], [
        "sizeof(struct pollfd)", off("struct pollfd", "revents"),
    ]),
    "uio.h": (["<linux/uio.h>"], ["sizeof(struct iovec)"]),
    "ldt.h": (["<asm/ldt.h>"], [
        "sizeof(struct user_desc)", off("struct user_desc", "limit"),
        "({ struct user_desc d = {0}; d.seg_32bit = 1; d.contents = 2; "
        "d.limit_in_pages = 1; d.useable = 1; ((unsigned *)&d)[3]; })",
    ]),
    "sched.h": (["<linux/sched.h>"], []),
    "random.h": (["<linux/random.h>"], []),
}

# Names whose Linux value differs on purpose.
EXPECTED_DIFFERENT = {
    "NSIG",       # asm/signal.h's NSIG is the old 32; the libc's is 65
    "SIGRTMIN",   # glibc reserves two real-time signals for itself
    "SIGRTMAX",
    "SIG_DFL", "SIG_IGN", "SIG_ERR",   # pointers, not comparable numbers
    "MAP_FAILED",
    "MINSIGSTKSZ", "SIGSTKSZ",   # glibc computes these at run time
}

DEFINE = re.compile(r"^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+\S")


def macro_names(path):
    names = []
    for line in open(path):
        m = DEFINE.match(line)
        if m and not m.group(1).startswith("UAPI_"):
            if m.group(1) not in EXPECTED_DIFFERENT:
                names.append(m.group(1))
    return names


def program(includes, names, exprs):
    lines = ["#define _GNU_SOURCE", "#define _LARGEFILE64_SOURCE",
             "#include <stddef.h>"]
    lines += ["#include %s" % inc for inc in includes]
    lines += ["int printf(const char *, ...);", "int main(void) {"]
    for n in names:
        lines.append('#ifdef %s\n printf("%s %%lld\\n", (long long)(%s));\n'
                     '#else\n printf("%s undefined\\n");\n#endif' % (n, n, n, n))
    for i, e in enumerate(exprs):
        lines.append(' printf("expr%d %%lld\\n", (long long)(%s));' % (i, e))
    lines.append(" return 0; }")
    return "\n".join(lines) + "\n"


def run(src, tmp, name, extra):
    c = os.path.join(tmp, name + ".c")
    exe = os.path.join(tmp, name)
    with open(c, "w") as f:
        f.write(src)
    subprocess.run([CC, "-m32", "-static", "-w"] + extra + [c, "-o", exe],
                   check=True)
    return subprocess.run([exe], capture_output=True, text=True,
                          check=True).stdout.splitlines()


def check(header, includes, exprs, tmp):
    names = macro_names(os.path.join(ROOT, "kernel/uapi", header))
    ours = [e if isinstance(e, str) else e[0] for e in exprs]
    theirs = [e if isinstance(e, str) else e[1] for e in exprs]
    mine = run(program(['"kernel/uapi/%s"' % header], names, ours), tmp,
               "ours", ["-I", ROOT])
    linux = run(program(includes, names, theirs), tmp, "linux", [])
    bad = []
    compared = 0
    for a, b in zip(mine, linux):
        if b.endswith("undefined"):
            continue
        compared += 1
        if a != b:
            bad.append("%s: ours %s, Linux %s" % (
                a.split()[0], a.split()[1], b.split()[1]))
    if exprs:
        for i, e in enumerate(ours):
            a, b = mine[len(names) + i], linux[len(names) + i]
            if a != b:
                bad.append("%s: ours %s, Linux %s" % (e, a.split()[1], b.split()[1]))
    return compared, bad


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for header, (includes, exprs) in sorted(HEADERS.items()):
            compared, bad = check(header, includes, exprs, tmp)
            if bad:
                failed += 1
                print("not ok uapi/%s:" % header)
                for b in bad:
                    print("    " + b)
            else:
                passed += 1
                print("ok uapi/%s (%d values, %d layouts)" % (
                    header, compared, len(exprs)))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
