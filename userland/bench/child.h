/*
 * Children of the benchmark: waiting for one and checking that it ended
 * the way the measurement expects.  A benchmark whose children crash or
 * fail to exec measures nothing, so every child is checked.
 */
#ifndef USERLAND_BENCH_CHILD_H
#define USERLAND_BENCH_CHILD_H

#include "userland/bench/timing.h"

/*
 * Wait for child `pid` with wait4 and check it called exit(0).  Returns 0
 * if so; otherwise records the failure in `timing` ("wait4" with -errno,
 * or "child-status" with the raw wait status) and returns nonzero.
 */
int reap(long pid, struct timing *timing);

#endif
