/*
 * The CMOS real-time clock, read once at boot for the wall-clock time
 * (CLOCK_REALTIME = boot time + uptime).
 */
#ifndef KERNEL_RTC_H
#define KERNEL_RTC_H

#include <stdint.h>

/* Seconds since 1970-01-01 00:00 UTC, read from the CMOS clock. */
uint32_t rtc_read_epoch(void);

/* Days since 1970-01-01 for a civil date (pure; unit-tested). */
int32_t rtc_days_from_civil(int32_t y, uint32_t m, uint32_t d);

#endif
