/*
 * Clocks and sleeping.  Everything reads the time through clock_gettime
 * (265), so the kernel needs only that one call for all of them.
 */
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include "userland/libc/syscall/syscall.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
    return (int)SC2(__NR_clock_gettime, clock, ts);
}

int clock_getres(clockid_t clock, struct timespec *ts)
{
    return (int)SC2(__NR_clock_getres, clock, ts);
}

time_t time(time_t *t)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    if (t)
        *t = ts.tv_sec;
    return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec ts;

    (void)tz;                   /* no time zones */
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
    return (int)SC2(__NR_settimeofday, tv, tz);
}

int getitimer(int which, struct itimerval *value)
{
    return (int)SC2(__NR_getitimer, which, value);
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
    return (int)SC3(__NR_setitimer, which, value, old);
}

clock_t times(struct tms *buf)
{
    return (clock_t)SC1(__NR_times, buf);
}

/* CPU time used by this process, in microseconds (CLOCKS_PER_SEC). */
clock_t clock(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
        return -1;
    return ts.tv_sec * 1000000l + ts.tv_nsec / 1000;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)SC2(__NR_nanosleep, req, rem);
}

/* Returns the seconds left (rounded) if a signal cut the sleep short. */
unsigned sleep(unsigned seconds)
{
    struct timespec ts = {(long)seconds, 0};

    if (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        return (unsigned)ts.tv_sec + (ts.tv_nsec >= 500000000);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec ts = {(long)(usec / 1000000), (long)(usec % 1000000) * 1000};
    return nanosleep(&ts, NULL);
}
