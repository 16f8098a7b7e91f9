#!/usr/bin/python3
"""Find the benchmark's results in a serial transcript and check them.

The bench program prints a block

    BENCH-BEGIN mode=...
    NAME iterations total_cycles cycles_per_op   (or ERROR NAME call value)
    BENCH-END

among the kernel's own messages (skipped, even inside the block: a
result line broken by a message shows up as missing).  This writes the
block's result lines to OUTPUT (after the '#' note lines given with
--note) only if the block is complete and every operation has one
well-formed result; otherwise it says what is wrong, writes nothing and
exits 1.

Usage: extract.py TRANSCRIPT OUTPUT [--note TEXT]...
"""

import argparse
import sys

from operations import NAMES, parse_result_line

BEGIN = "BENCH-BEGIN"
END = "BENCH-END"


def ours(line):
    """Is this a line of bench's, rather than a kernel message that was
    printed while bench ran?"""
    words = line.split()
    return bool(words) and (words[0] in NAMES or words[0] == "ERROR")


def find_block(lines):
    """bench's lines between the last BEGIN marker and the END after it,
    or None if there is no complete block."""
    starts = [i for i, line in enumerate(lines) if line.startswith(BEGIN)]
    if not starts:
        return None
    block = []
    for line in lines[starts[-1] + 1:]:
        if line == END:
            return block
        if ours(line):
            block.append(line)
    return None


def check_block(block):
    """A list of problems (empty if none) with the block's lines."""
    problems = []
    seen = []
    for line in block:
        if line.startswith("ERROR "):
            problems.append("bench reported: " + line)
            continue
        try:
            seen.append(parse_result_line(line)[0])
        except ValueError as why:
            problems.append("bad line %r: %s" % (line, why))
    missing = [name for name in NAMES if name not in seen]
    if missing:
        problems.append("no result for: " + ", ".join(missing))
    if len(set(seen)) != len(seen):
        problems.append("an operation is reported twice")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("transcript")
    parser.add_argument("output")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()

    with open(args.transcript, errors="replace") as f:
        lines = [line.rstrip("\r\n").replace("\r", "") for line in f]
    block = find_block(lines)
    if block is None:
        sys.exit("%s: no complete %s ... %s block" % (args.transcript, BEGIN, END))
    problems = check_block(block)
    if problems:
        sys.exit("%s:\n  %s" % (args.transcript, "\n  ".join(problems)))

    with open(args.output, "w") as f:
        for note in args.note:
            f.write("# %s\n" % note)
        for line in block:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
