/*
 * The PIT divisor function and the calendar arithmetic of the RTC driver,
 * checked against the definitions (1193182 Hz input; the C library's timegm).
 */
#define _GNU_SOURCE
#include "unit.h"

#include <time.h>

#include "kernel/cpu.h"
static inline void pic_unmask(int irq) { (void)irq; }
#define KERNEL_PIC_H
#include "kernel/pit.c"
#include "kernel/rtc.c"

void irq_install(int irq, irq_handler fn) { (void)irq; (void)fn; }

TEST(pit_divisor_range)
{
    CHECK_EQ(pit_divisor_for_ms(0), 0);
    CHECK_EQ(pit_divisor_for_ms(55), 0);
    CHECK_EQ(pit_divisor_for_ms(1), 1193);
    CHECK_EQ(pit_divisor_for_ms(10), 11932);
    CHECK(pit_divisor_for_ms(54) <= 0xffff);
    for (uint32_t ms = 1; ms <= 54; ms++) {
        uint32_t d = pit_divisor_for_ms(ms);
        /* The period the divisor gives is within half an input cycle. */
        double got = d * 1000.0 / PIT_HZ, want = ms;
        CHECK(got > want - 0.001 && got < want + 0.001);
    }
}

TEST(rtc_days_match_timegm)
{
    int dates[][3] = {{1970, 1, 1}, {2000, 2, 29}, {2024, 1, 1}, {2024, 12, 31},
                      {2038, 1, 19}, {2100, 3, 1}, {1999, 12, 31}};
    for (unsigned i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        struct tm tm = {0};
        tm.tm_year = dates[i][0] - 1900;
        tm.tm_mon = dates[i][1] - 1;
        tm.tm_mday = dates[i][2];
        CHECK_EQ(rtc_days_from_civil(dates[i][0], dates[i][1], dates[i][2]),
                 timegm(&tm) / 86400);
    }
}
