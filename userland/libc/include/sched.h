/*
 * Scheduling: give up the processor.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <kernel/uapi/sched.h>

int sched_yield(void);

#endif
