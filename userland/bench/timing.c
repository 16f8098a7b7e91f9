/*
 * Turning a timed loop's outcome into its output line.
 */
#include "userland/bench/timing.h"
#include "userland/bench/print.h"

void timing_report(const char *name, const struct timing *timing)
{
    if (timing->failed_call)
        print_error(name, timing->failed_call, timing->failure);
    else
        print_result(name, timing->iterations, timing->cycles);
}
