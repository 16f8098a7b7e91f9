"""
A small test harness for the Python host tests of the user land.

    from harness import Suite
    suite = Suite()

    @suite.test
    def some_behaviour(t):          # t: a fresh temporary directory
        check_eq(run(...).stdout, "expected")

    suite.main()                    # prints "ok"/"not ok" lines and
                                    # "N passed, N failed"

The programs under test are the ones in OUT/root (OUT = sys.argv[1]);
they run directly on the Linux host (static i386 binaries), natively or,
where the host kernel lacks IA32 emulation, through qemu-i386 registered
with binfmt_misc (tools/host-i386.sh); EMULATED says which.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.environ["COWIX_USERLAND"]
ROOT = os.path.join(OUT, "root")
BIN = os.path.join(ROOT, "bin")
SH = os.path.join(BIN, "sh")
EMULATED = os.path.exists("/proc/sys/fs/binfmt_misc/cowix-i386")
# Commands found by PATH search must be ours, never the host's.
ENV = {"PATH": BIN, "HOME": "/tmp", "LC_ALL": "C"}


def tool(name):
    return os.path.join(BIN, name)


def run(argv, input=None, cwd=None, env=None, timeout=20):
    """Run a program; returns the CompletedProcess (text mode)."""
    if isinstance(argv, str):
        argv = [argv]
    if not os.path.isabs(argv[0]):
        argv = [tool(argv[0])] + list(argv[1:])
    return subprocess.run(argv, input=input, cwd=cwd, env=env or ENV,
                          capture_output=True, text=True, timeout=timeout)


def sh(script, cwd=None, input=None, timeout=20):
    """Run `sh -c script`."""
    return run([SH, "-c", script], input=input, cwd=cwd, timeout=timeout)


class Failure(Exception):
    pass


def check(cond, msg="check failed"):
    if not cond:
        raise Failure(msg)


def check_eq(actual, expected, what="value"):
    if actual != expected:
        raise Failure("%s: expected %r, got %r" % (what, expected, actual))


def check_in(part, whole, what="output"):
    if part not in whole:
        raise Failure("%s: %r not found in %r" % (what, part, whole))


class Suite:
    def __init__(self):
        self.tests = []

    def test(self, fn):
        self.tests.append(fn)
        return fn

    def main(self):
        passed = failed = 0
        only = sys.argv[2] if len(sys.argv) > 2 else None
        for fn in self.tests:
            if only and only not in fn.__name__:
                continue
            tmp = tempfile.mkdtemp(prefix="cowix-")
            try:
                fn(tmp)
                print("ok %s" % fn.__name__)
                passed += 1
            except Failure as e:
                print("not ok %s: %s" % (fn.__name__, e))
                failed += 1
            except Exception:
                print("not ok %s: exception" % fn.__name__)
                traceback.print_exc(file=sys.stdout)
                failed += 1
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            sys.stdout.flush()
        print("%d passed, %d failed" % (passed, failed))
        sys.exit(1 if failed else 0)
