/*
 * Reading the CMOS clock.  Registers may be BCD or binary and 12- or
 * 24-hour (status register B says which), and an update may be in progress:
 * read until two consecutive reads agree.
 */
#include "kernel/rtc.h"

#include "kernel/cpu.h"

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71

struct rtc_time {
    uint32_t sec, min, hour, day, mon, year;
};

static uint8_t cmos(uint8_t reg)
{
    outb(CMOS_ADDR, reg);
    return inb(CMOS_DATA);
}

static void read_raw(struct rtc_time *t)
{
    while (cmos(0x0a) & 0x80)       /* update in progress */
        ;
    t->sec = cmos(0x00);
    t->min = cmos(0x02);
    t->hour = cmos(0x04);
    t->day = cmos(0x07);
    t->mon = cmos(0x08);
    t->year = cmos(0x09);
}

static uint32_t bcd(uint32_t v)
{
    return (v & 0x0f) + (v >> 4) * 10;
}

/* Days since the epoch, by the well-known era-based civil calendar. */
int32_t rtc_days_from_civil(int32_t y, uint32_t m, uint32_t d)
{
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    uint32_t yoe = (uint32_t)(y - era * 400);
    uint32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

uint32_t rtc_read_epoch(void)
{
    struct rtc_time a, b;
    read_raw(&b);
    do {
        a = b;
        read_raw(&b);
    } while (a.sec != b.sec || a.min != b.min || a.hour != b.hour || a.day != b.day);
    uint8_t status_b = cmos(0x0b);
    int pm = a.hour & 0x80;
    a.hour &= 0x7f;
    if (!(status_b & 0x04)) {       /* BCD */
        a.sec = bcd(a.sec); a.min = bcd(a.min); a.hour = bcd(a.hour);
        a.day = bcd(a.day); a.mon = bcd(a.mon); a.year = bcd(a.year);
    }
    if (!(status_b & 0x02) && pm)   /* 12-hour clock */
        a.hour = (a.hour % 12) + 12;
    int32_t days = rtc_days_from_civil(2000 + (int32_t)a.year, a.mon, a.day);
    return (uint32_t)days * 86400u + a.hour * 3600 + a.min * 60 + a.sec;
}
