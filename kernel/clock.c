/*
 * Clocks.  The wall clock is read from the CMOS RTC once at boot; after
 * that, time advances with the PIT ticks, so both clocks agree exactly
 * (and under QEMU's -icount they are deterministic).
 */
#include "kernel/clock.h"

#include "kernel/pit.h"
#include "kernel/rtc.h"

static uint64_t boot_epoch_ns;

void clock_init(void)
{
    boot_epoch_ns = (uint64_t)rtc_read_epoch() * 1000000000ull;
}

uint64_t clock_monotonic_ns(void)
{
    return pit_uptime_ns();
}

uint64_t clock_realtime_ns(void)
{
    return boot_epoch_ns + pit_uptime_ns();
}

void clock_set_realtime(uint64_t ns)
{
    boot_epoch_ns = ns - pit_uptime_ns();
}
