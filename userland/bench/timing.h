/*
 * The outcome of one timed loop: how many operations ran and how many
 * TSC cycles they took, or which system call failed and with what result.
 * A measurement either prints its figures or says exactly what broke,
 * which is what a kernel under construction needs to hear.
 */
#ifndef USERLAND_BENCH_TIMING_H
#define USERLAND_BENCH_TIMING_H

#include <stdint.h>

struct timing {
    uint32_t iterations;
    uint64_t cycles;
    const char *failed_call; /* 0 while everything succeeded */
    long failure;            /* that call's result (-errno, or a status) */
};

/* Record a failed call; returns nonzero so loops can `return fail(...)`. */
static inline int fail(struct timing *timing, const char *call, long value)
{
    timing->failed_call = call;
    timing->failure = value;
    return 1;
}

/* Print the result line, or the ERROR line if a call failed. */
void timing_report(const char *name, const struct timing *timing);

#endif
