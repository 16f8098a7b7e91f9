#!/usr/bin/python3
"""sweep.py [APPLET...]: run BusyBox applets on Cowix, each in a fresh boot,
and list the system calls they found missing.

Every applet gets the command line of tools/busybox/applets.tsv, run by
/bin/sh as init with strace=1, so the kernel logs each unimplemented call
number the first time it is made.  One boot per applet keeps those logs
apart (a number is logged once per boot).  Prints one line per applet (exit
status, missing calls, first line of output), then which applets hit each
missing call; full transcripts go to build/busybox/sweep/APPLET.log.
Needs build/kernel.elf and the tree tools/busybox.sh staged (make
busybox-image).  docs/compat.md says what the results mean.
"""
import concurrent.futures
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, "build")
WORK = os.path.join(BUILD, "busybox", "sweep")
IMAGE = os.path.join(BUILD, "busybox-sweep.img")
KERNEL = os.environ.get("KERNEL", os.path.join(BUILD, "kernel.elf"))
BEGIN, END = "=== begin", "=== end status "
TIMEOUT = 60


def applets():
    with open(os.path.join(ROOT, "tools", "busybox", "applets.tsv")) as f:
        rows = [line.rstrip("\n").split("\t", 1) for line in f if not line.startswith("#")]
    return dict(rows)


def syscall_names():
    names = {}
    with open(os.path.join(ROOT, "kernel", "uapi", "syscall.h")) as f:
        for m in re.finditer(r"#define __NR_(\w+)\s+(\d+)", f.read()):
            names[int(m.group(2))] = m.group(1)
    return names


def make_image(commands):
    """The BusyBox tree plus /sweep/APPLET, one script per applet."""
    scripts = os.path.join(WORK, "tree", "sweep")
    os.makedirs(scripts, exist_ok=True)
    for name, command in commands.items():
        with open(os.path.join(scripts, name), "w") as f:
            f.write("exec 2>&1\ncd /tmp\necho '%s'\n%s\necho \"%s$?\"\n"
                    % (BEGIN, command, END))
    r = subprocess.run([os.path.join(ROOT, "tools", "mkinitrd.sh"), IMAGE,
                        os.path.join(BUILD, "busybox", "root"), os.path.join(WORK, "tree")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode:
        sys.exit(r.stdout.decode("utf-8", "replace") + "sweep: cannot make " + IMAGE)


def boot(name):
    cmd = ["qemu-system-i386", "-m", "128", "-no-reboot", "-display", "none",
           "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-kernel", KERNEL, "-initrd", IMAGE,
           "-append", "init=/bin/sh strace=1 -- /sweep/" + name]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=TIMEOUT)
        out = p.stdout
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"") + b"\n[timed out]\n"
    out = out.decode("utf-8", "replace").replace("\r", "")
    with open(os.path.join(WORK, name + ".log"), "w") as f:
        f.write(out)
    return out


def outcome(out):
    """(status, missing call numbers, output lines) of one applet's run."""
    before, _, after = out.partition(BEGIN + "\n")
    missing = [int(n) for n in re.findall(r"unimplemented system call (\d+)", after)]
    lines = [line for line in after.split("\n")
             if line and not line.startswith(("strace:", END, "init exited"))]
    m = re.search(re.escape(END) + r"(\d+)", after)
    if "Kernel panic" in out:
        status = "PANIC"
    elif m:
        status = m.group(1)
    else:
        status = "timeout" if "[timed out]" in out else "?"
    return status, missing, lines


def main(wanted):
    commands = applets()
    if wanted:
        commands = {name: commands[name] for name in wanted}
    names = syscall_names()
    make_image(commands)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 4) as pool:
        runs = dict(zip(commands, pool.map(boot, commands)))
    hits = {}
    first = runs[next(iter(commands))].partition(BEGIN)[0]
    start = [int(n) for n in re.findall(r"unimplemented system call (\d+)", first)]
    for name in commands:
        status, missing, lines = outcome(runs[name])
        for nr in missing:
            hits.setdefault(nr, []).append(name)
        calls = ",".join("%d:%s" % (nr, names.get(nr, "?")) for nr in missing)
        print("%-18s %-7s %-40s %s" % (name, status, calls or "-", (lines or [""])[0][:60]))
    print("\nmissing at the start of every program: " +
          ", ".join("%d:%s" % (nr, names.get(nr, "?")) for nr in start))
    print("missing system calls (number, name: applets)")
    for nr in sorted(hits):
        print("%4d %-20s %s" % (nr, names.get(nr, "?"), " ".join(hits[nr])))


if __name__ == "__main__":
    main(sys.argv[1:])
