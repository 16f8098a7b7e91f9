/*
 * Time records of the Linux i386 ABI: 32-bit seconds (long on i386), as
 * nanosleep(162), clock_gettime(265), gettimeofday(78) and friends use them.
 */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

struct timespec {
    long tv_sec;
    long tv_nsec;
};

struct timeval {
    long tv_sec;
    long tv_usec;
};

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

/* setitimer(104) / getitimer(105) */
struct itimerval {
    struct timeval it_interval;
    struct timeval it_value;
};

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

/* times(43): CPU time in clock ticks (USER_HZ = 100) */
struct tms {
    long tms_utime;
    long tms_stime;
    long tms_cutime;
    long tms_cstime;
};

#define USER_HZ 100

/* Clocks of clock_gettime / clock_nanosleep */
#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7

#define TIMER_ABSTIME 1

/* utimensat(320): special nanosecond values */
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#if defined(__i386__)
_Static_assert(sizeof(struct timespec) == 8, "timespec: 32-bit fields");
_Static_assert(sizeof(struct timeval) == 8, "timeval: 32-bit fields");
#endif

#endif
