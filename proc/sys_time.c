/*
 * Time system calls: reading the clocks, and sleeping.  Sleeps are
 * counted in timer ticks, rounded up, so a sleep never ends early.
 */
#include "proc/sys_time.h"

#include "kernel/clock.h"
#include "kernel/pit.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/waitq.h"

static int clock_ns(int clock, uint64_t *ns)
{
    switch (clock) {
    case 0: case 5: case 8:         /* REALTIME, _COARSE, _ALARM */
        *ns = clock_realtime_ns();
        return 0;
    case 1: case 4: case 6: case 7: /* MONOTONIC, _RAW, _COARSE, BOOTTIME */
    case 2: case 3:                 /* process / thread CPU time: near enough */
        *ns = clock_monotonic_ns();
        return 0;
    default:
        return -EINVAL;
    }
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
    uint64_t ns;
    int err = clock_ns(clock, &ns);
    if (err)
        return err;
    struct timespec ts = {(long)(ns / 1000000000), (long)(ns % 1000000000)};
    return copy_to_user(uts, &ts, sizeof ts);
}

/* The 64-bit-time forms newer C libraries try first. */
struct timespec64 {
    int64_t tv_sec;
    int64_t tv_nsec;
};

long sys_clock_gettime64(int clock, struct timespec64 *uts)
{
    uint64_t ns;
    int err = clock_ns(clock, &ns);
    if (err)
        return err;
    struct timespec64 ts = {(int64_t)(ns / 1000000000), (int64_t)(ns % 1000000000)};
    return copy_to_user(uts, &ts, sizeof ts);
}

static long set_clock(int clock, int64_t sec, int64_t nsec)
{
    if (clock != 0)
        return -EINVAL;                 /* only the wall clock can be set */
    if (sec < 0 || nsec < 0 || nsec >= 1000000000)
        return -EINVAL;
    clock_set_realtime((uint64_t)sec * 1000000000 + (uint64_t)nsec);
    return 0;
}

long sys_clock_settime(int clock, const struct timespec *uts)
{
    struct timespec ts;
    if (copy_from_user(&ts, uts, sizeof ts) < 0)
        return -EFAULT;
    return set_clock(clock, ts.tv_sec, ts.tv_nsec);
}

long sys_clock_settime64(int clock, const struct timespec64 *uts)
{
    struct timespec64 ts;
    if (copy_from_user(&ts, uts, sizeof ts) < 0)
        return -EFAULT;
    return set_clock(clock, ts.tv_sec, ts.tv_nsec);
}

long sys_clock_getres(int clock, struct timespec *uts)
{
    uint64_t ns;
    int err = clock_ns(clock, &ns);
    if (err || !uts)
        return err;
    struct timespec ts = {0, (long)pit_tick_ms() * 1000000};
    return copy_to_user(uts, &ts, sizeof ts);
}

long sys_gettimeofday(struct timeval *utv, void *utz)
{
    uint64_t ns = clock_realtime_ns();
    if (utv) {
        struct timeval tv = {(long)(ns / 1000000000), (long)(ns % 1000000000 / 1000)};
        if (copy_to_user(utv, &tv, sizeof tv) < 0)
            return -EFAULT;
    }
    if (utz && clear_user(utz, 8) < 0)
        return -EFAULT;
    return 0;
}

long sys_time(int32_t *ut)
{
    int32_t t = (int32_t)(clock_realtime_ns() / 1000000000);
    if (ut && put_user_u32(ut, (uint32_t)t) < 0)
        return -EFAULT;
    return t;
}

static uint64_t ns_per_tick(void)
{
    return (uint64_t)pit_tick_ms() * 1000000;
}

/* Sleep for a relative time; on a signal, *left gets what remains. */
/* Sleep until tick `until`.  Interrupted, the call is restartable: if
 * no handler runs (a stop and continue, an ignored signal), it resumes
 * through restart_syscall and sleeps only what is left; if one runs, the
 * caller sees -EINTR with *left, the time that remained. */
static long sleep_until_tick(uint64_t until, uint64_t *left)
{
    while (sched_ticks() < until) {
        if (waitq_interrupted()) {
            *left = (until - sched_ticks()) * ns_per_tick();
            current->restart_deadline = until;
            return -ERESTART_RESTARTBLOCK;
        }
        sched_sleep_until(until);
    }
    return 0;
}

/* Part of the current tick has already gone: one more tick makes sure the
 * sleep is never shorter than asked. */
static long sleep_ns(uint64_t ns, uint64_t *left)
{
    uint64_t ticks = (ns + ns_per_tick() - 1) / ns_per_tick();
    return sleep_until_tick(sched_ticks() + ticks + (ticks > 0), left);
}

long sys_restart_syscall(void)
{
    uint64_t left;
    return sleep_until_tick(current->restart_deadline, &left);
}

static int read_timespec(const struct timespec *u, uint64_t *ns)
{
    struct timespec ts;
    if (copy_from_user(&ts, u, sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    *ns = (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
    return 0;
}

static long finish_sleep(long r, uint64_t left, struct timespec *urem)
{
    if (r == -ERESTART_RESTARTBLOCK && urem) {
        struct timespec rem = {(long)(left / 1000000000), (long)(left % 1000000000)};
        if (copy_to_user(urem, &rem, sizeof rem) < 0)
            return -EFAULT;
    }
    return r;
}

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
    uint64_t ns, left = 0;
    int err = read_timespec(ureq, &ns);
    if (err)
        return err;
    long r = sleep_ns(ns, &left);       /* before `left` is read */
    return finish_sleep(r, left, urem);
}

#define TIMER_ABSTIME 1

long sys_clock_nanosleep(int clock, int flags, const struct timespec *ureq,
                         struct timespec *urem)
{
    uint64_t ns, left = 0;
    if (clock < 0 || clock > 7)
        return -EINVAL;
    int err = read_timespec(ureq, &ns);
    if (err)
        return err;
    if (flags & TIMER_ABSTIME) {
        uint64_t now = clock == 0 ? clock_realtime_ns() : pit_uptime_ns();
        ns = ns > now ? ns - now : 0;
        urem = NULL;
    }
    long r = sleep_ns(ns, &left);
    return finish_sleep(r, left, urem);
}
