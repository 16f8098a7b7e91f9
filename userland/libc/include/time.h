/*
 * Time: the clock system calls and calendar conversion (UTC only: there
 * are no time zones here, localtime is gmtime).
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <kernel/uapi/time.h>

#define CLOCKS_PER_SEC 1000000l

struct tm {
    int tm_sec;
    int tm_min;
    int tm_hour;
    int tm_mday;
    int tm_mon;         /* 0-11 */
    int tm_year;        /* years since 1900 */
    int tm_wday;        /* 0 = Sunday */
    int tm_yday;        /* 0-365 */
    int tm_isdst;
};

time_t time(time_t *t);
clock_t clock(void);
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
time_t timegm(struct tm *tm);
time_t mktime(struct tm *tm);
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#endif
