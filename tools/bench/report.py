#!/usr/bin/python3
"""Compare Cowix with Linux: the table, the machine-readable results and
the plot of fork cost against touched memory.

Reads build/bench/cowix.txt and build/bench/linux.txt (either may be
missing: its column is then '-') and writes build/bench/results.txt
(tab-separated: operation, cowix, linux, linux_over_cowix, target, met)
and build/bench/fork-vs-size.png (needs Debian's python3-matplotlib).

Usage: report.py [BENCH_DIR]     (default: build/bench of this checkout)
"""

import os
import sys

from operations import FORK_SERIES, OPERATIONS, meets, read_results

MISSING = "-"


def load(path):
    """{name: cycles_per_op} of a results file, or {} if there is none."""
    return read_results(path) if os.path.exists(path) else {}


def compare(cowix, linux):
    """One row of raw values per operation:
    (operation, cowix, linux, linux/cowix, target, met), None where unknown."""
    rows = []
    for op in OPERATIONS:
        mine, theirs = cowix.get(op.name), linux.get(op.name)
        ratio = theirs / mine if mine and theirs else None
        met = meets(op, cowix)
        rows.append((op, mine, theirs, ratio, op.target, met))
    return rows


def shown(value, form="{:,}"):
    """A value as text in the given format, or '-' if it is unknown."""
    return MISSING if value is None else form.format(value)


def yes_no(met, yes="yes", no="no"):
    return MISSING if met is None else (yes if met else no)


TABLE_HEADER = ("operation", "Cowix", "Linux", "Linux/Cowix", "Cowix target", "met")
TABLE_WIDTHS = (36, 15, 15, 11, 14, 4)


def table_line(cells):
    """The first column left-aligned, the figures right-aligned."""
    return "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                     for i, (cell, width) in enumerate(zip(cells, TABLE_WIDTHS)))


def print_table(rows, title):
    print(title)
    print(table_line(TABLE_HEADER))
    for op, mine, theirs, ratio, target, met in rows:
        print(table_line((op.label, shown(mine), shown(theirs),
                          shown(ratio, "{:.1f}x"), shown(target, "<= {:,}"),
                          yes_no(met, no="NO"))))


def write_results(rows, path):
    with open(path, "w") as f:
        f.write("# operation\tcowix\tlinux\tlinux_over_cowix\ttarget\tmet\n")
        for op, mine, theirs, ratio, target, met in rows:
            fields = (op.name, shown(mine, "{}"), shown(theirs, "{}"),
                      shown(ratio, "{:.3f}"), shown(target, "{}"), yes_no(met))
            f.write("\t".join(fields) + "\n")


def plot_fork_series(series, path):
    """series: {kernel label: {name: cycles}}; plots the ones with data."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report: no plot: install Debian's python3-matplotlib", file=sys.stderr)
        return
    figure, axes = plt.subplots(figsize=(7, 4.5))
    for label, results in series.items():
        points = [(mib, results[name]) for mib, name in FORK_SERIES if name in results]
        if points:
            axes.plot([p[0] for p in points], [p[1] / 1e6 for p in points],
                      marker="o", label=label)
    axes.set_xlabel("MiB of anonymous memory touched by the parent")
    axes.set_ylabel("million instructions per fork + exit + wait")
    axes.set_title("Cost of fork against the size of the address space")
    axes.set_xticks(range(0, 65, 8))
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    print("report: plot in %s" % path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "build", "bench")
    bench_dir = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)
    cowix = load(os.path.join(bench_dir, "cowix.txt"))
    linux = load(os.path.join(bench_dir, "linux.txt"))
    if not cowix and not linux:
        sys.exit("report: no results in %s (run linux.sh / cowix.sh)" % bench_dir)
    if not cowix:
        print("report: no Cowix results yet: Linux only\n")

    rows = compare(cowix, linux)
    print_table(rows, "Instructions per operation (QEMU -icount: TSC cycles = guest instructions)")
    print()
    write_results(rows, os.path.join(bench_dir, "results.txt"))
    print("report: results in %s" % os.path.join(bench_dir, "results.txt"))
    plot_fork_series({"Cowix": cowix, "Linux 6.1 (Debian i386)": linux},
                     os.path.join(bench_dir, "fork-vs-size.png"))


if __name__ == "__main__":
    main()
