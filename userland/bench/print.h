/*
 * The benchmark's output, without libc: text lines, result lines
 * "NAME iterations total_cycles cycles_per_op" and error lines
 * "ERROR NAME call value".  Each line leaves in one write() to fd 1.
 */
#ifndef USERLAND_BENCH_PRINT_H
#define USERLAND_BENCH_PRINT_H

#include <stdint.h>

void print_text(const char *text);
void print_result(const char *name, uint32_t iterations, uint64_t cycles);
void print_error(const char *name, const char *call, long value);

/* How many error lines have been printed so far. */
int print_error_count(void);

#endif
