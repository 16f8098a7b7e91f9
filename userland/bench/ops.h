/*
 * The measurements.  Each op_* function sets up what it needs, times its
 * loop with the TSC, cleans up, and prints one result line per operation
 * (docs/performance.md defines each one exactly).  `quick` asks for a few
 * iterations only: a smoke test that every line appears, not figures.
 */
#ifndef USERLAND_BENCH_OPS_H
#define USERLAND_BENCH_OPS_H

#include <stdint.h>

/* The loop count for the mode: a few when quick, enough to be stable else. */
static inline uint32_t iterations_for(int quick, uint32_t few, uint32_t many)
{
    return quick ? few : many;
}

/* op_syscall.c */
void op_boot_to_user(void);              /* boot_to_user */
void op_null_syscall(int quick);         /* null_syscall */

/* op_fork.c */
void op_fork_exit_wait(int quick);       /* fork_exit_wait_{0,1,4,16,64}MiB */
void op_fork_exec_wait(int quick, const char *tiny_path); /* fork_exec_wait */

/* op_cow.c */
void op_cow_fault(int quick);            /* cow_fault_page */

/* op_switch.c */
void op_pipe_round_trip(int quick);      /* pipe_round_trip */
void op_yield_pair(int quick);           /* yield_pair */

#endif
