/*
 * Starting the process layer and its first process.
 */
#ifndef PROC_START_H
#define PROC_START_H

#include <stdint.h>

#include "proc/proc.h"

/* The scheduler, the trap hooks; the boot context becomes pid 0. */
void proc_start(uint32_t quantum_ticks);
/* pid 1, with an empty address space, whose first act is fn(arg) on its
 * own kernel stack (main.c's fn execs init: exec before any fork). */
struct proc *proc_spawn_first(void (*fn)(void *), void *arg);

#endif
