"""A quick run of the benchmark program on Cowix: every operation prints
its line (the real measurement is `make bench`, not part of the tests).
Under -icount the figures are instruction counts, the same on every run,
so the one design property of the memory layer that is a figure -- fork's
cost does not grow with the memory touched -- is checked here too."""
import os
import re
import sys

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools", "bench"))
from operations import NAMES, OPERATIONS, meets  # noqa: E402


def test_bench_quick_prints_every_operation(boot):
    b = boot("init=/bin/bench -- quick", timeout=180, deterministic=True)
    assert "BENCH-END" in b.output, b
    assert "ERROR" not in b.output, b
    results = {}
    for name in NAMES:
        m = re.search(r"^%s (\d+) (\d+) (\d+)\r?$" % name, b.output, re.M)
        assert m, name
        iterations, total, per_op = map(int, m.groups())
        assert iterations > 0 and per_op > 0 and total >= per_op
        results[name] = per_op
    # fork with 16 MiB touched: at most 3x the empty fork (and <= 150,000)
    big = next(op for op in OPERATIONS if op.name == "fork_exit_wait_16MiB")
    assert meets(big, results), results
