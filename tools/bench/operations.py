"""The benchmark's operations, as the harness knows them.

One entry per result line that userland/bench prints, in its order, with
a label for tables and the target Cowix aims for (design notes, section 9;
None where there is none).  A results file is the bench program's own
result lines: "NAME iterations total_cycles cycles_per_op".
"""

from collections import namedtuple

# within: (another operation, factor): this one must also cost at most
# factor times that one (the 16 MiB fork against the empty one).
Operation = namedtuple("Operation", "name label target within", defaults=(None,))

OPERATIONS = [
    Operation("boot_to_user", "boot to first user instruction", 50_000_000),
    Operation("null_syscall", "null syscall (getppid)", 100),
    Operation("fork_exit_wait_0MiB", "fork + exit + wait", 25_000),
    Operation("fork_exit_wait_1MiB", "fork + exit + wait, 1 MiB touched", None),
    Operation("fork_exit_wait_4MiB", "fork + exit + wait, 4 MiB touched", None),
    Operation("fork_exit_wait_16MiB", "fork + exit + wait, 16 MiB touched", 150_000,
              ("fork_exit_wait_0MiB", 3)),
    Operation("fork_exit_wait_64MiB", "fork + exit + wait, 64 MiB touched", None),
    Operation("cow_fault_page", "CoW fault, per page", 2_000),
    Operation("fork_exec_wait", "fork + exec + wait", 100_000),
    Operation("pipe_round_trip", "pipe round trip (2 switches)", 5_000),
    Operation("yield_pair", "sched_yield ping-pong (2 yields)", 1_500),
]

NAMES = [op.name for op in OPERATIONS]

# The fork series for the plot: (MiB touched in the parent, operation name).
FORK_SERIES = [(mib, "fork_exit_wait_%dMiB" % mib) for mib in (0, 1, 4, 16, 64)]


def meets(op, results):
    """Whether results (name -> cycles per op) meet op's target and its
    `within` bound; None if op has no target or a figure is missing."""
    mine = results.get(op.name)
    if mine is None or op.target is None:
        return None
    if op.within:
        other, factor = op.within
        if results.get(other) is None:
            return None
        if mine > factor * results[other]:
            return False
    return mine <= op.target


def per_op(iterations, total):
    """What bench prints as cycles_per_op: the quotient rounded half up."""
    return (total + iterations // 2) // iterations


def parse_result_line(line):
    """(name, iterations, total, cycles_per_op) from a result line, or
    raise ValueError saying what is wrong with it."""
    fields = line.split()
    if len(fields) != 4:
        raise ValueError("expected 4 fields")
    name = fields[0]
    if name not in NAMES:
        raise ValueError("unknown operation %r" % name)
    try:
        iterations, total, cycles = (int(f) for f in fields[1:])
    except ValueError:
        raise ValueError("fields 2-4 must be whole numbers") from None
    if iterations <= 0:
        raise ValueError("iterations must be positive")
    if cycles != per_op(iterations, total):
        raise ValueError("cycles_per_op is not total/iterations")
    return name, iterations, total, cycles


def read_results(path):
    """{name: cycles_per_op} from a results file; '#' lines are notes."""
    results = {}
    with open(path) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, _, _, cycles = parse_result_line(line)
                results[name] = cycles
    return results
