#!/usr/bin/python3
"""
Run all host tests of the user land and print one summary line,
"N passed, N failed" (exit status 1 if anything failed).

    run.py OUT_DIR

OUT_DIR is the userland build directory (the O= of the Makefile): the
libc unit tests are OUT_DIR/hosttests/test_*, the programs OUT_DIR/root.
Each part prints its own results and ends with its own "N passed, N
failed" line, which is added up here.
"""
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$")


def run_part(name, argv, env=None):
    print("== %s" % name, flush=True)
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=600,
                           env=env)
        out, err = p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") + "\ntimed out\n"
        err, p = "", None
    # The summary is the last line of standard output: whatever reaches
    # stderr (an emulator's "uncaught target signal", say) is shown, not parsed.
    lines = out.rstrip("\n").split("\n")
    for line in lines + err.rstrip("\n").split("\n"):
        if line and not line.startswith("ok "):
            print(line)
    m = SUMMARY.match(lines[-1]) if lines else None
    if m is None:
        print("not ok %s: no summary line (crashed?)" % name)
        return 0, 1
    passed, failed = int(m.group(1)), int(m.group(2))
    if p is None or (p.returncode != 0 and failed == 0):
        failed += 1
        print("not ok %s: exit status %s" % (name, p and p.returncode))
    return passed, failed


def main():
    out = os.path.abspath(sys.argv[1])
    env = dict(os.environ, COWIX_USERLAND=out)
    parts = [("uapi headers", [sys.executable, os.path.join(HERE, "check_uapi.py")])]
    for t in sorted(glob.glob(os.path.join(out, "hosttests", "test_*"))):
        parts.append(("libc " + os.path.basename(t), [t]))
    for script in ("test_tools.py", "test_sh.py", "test_sh_tty.py"):
        parts.append((script, [sys.executable, os.path.join(HERE, script), out]))

    total_passed = total_failed = 0
    for name, argv in parts:
        p, f = run_part(name, argv, env)
        total_passed += p
        total_failed += f
    print("%d passed, %d failed" % (total_passed, total_failed))
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
