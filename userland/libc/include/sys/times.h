/*
 * times(): CPU time of the process and its waited-for children, in ticks
 * of sysconf(_SC_CLK_TCK) per second.
 */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <kernel/uapi/time.h>

clock_t times(struct tms *buf);

#endif
