"""A quick run of the benchmark program on Cowix: every operation prints
its line (the real measurement is `make bench`, not part of the tests)."""
import os
import re
import sys

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools", "bench"))
from operations import NAMES  # noqa: E402


def test_bench_quick_prints_every_operation(boot):
    b = boot("init=/bin/bench -- quick", timeout=180)
    assert "BENCH-END" in b.output, b
    assert "ERROR" not in b.output, b
    for name in NAMES:
        m = re.search(r"^%s (\d+) (\d+) (\d+)\r?$" % name, b.output, re.M)
        assert m, name
        iterations, total, per_op = map(int, m.groups())
        assert iterations > 0 and per_op > 0 and total >= per_op
