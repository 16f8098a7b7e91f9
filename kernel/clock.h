/*
 * Time for user space: CLOCK_REALTIME (the RTC at boot plus uptime) and
 * CLOCK_MONOTONIC (uptime from the PIT ticks).
 */
#ifndef KERNEL_CLOCK_H
#define KERNEL_CLOCK_H

#include <stdint.h>


void clock_init(void);
uint64_t clock_realtime_ns(void);
uint64_t clock_monotonic_ns(void);
/* Set the wall clock (clock_settime, date -s). */
void clock_set_realtime(uint64_t ns);

#endif
