/*
 * Resource limits and usage: getrlimit(76)/ugetrlimit(191)/setrlimit(75)
 * take struct rlimit (32-bit), prlimit64(340) struct rlimit64, getrusage(77)
 * and wait4(114) fill struct rusage.
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#include <stdint.h>
#include "kernel/uapi/time.h"

#define RLIMIT_CPU         0    /* CPU seconds */
#define RLIMIT_FSIZE       1    /* largest file */
#define RLIMIT_DATA        2    /* data + heap */
#define RLIMIT_STACK       3
#define RLIMIT_CORE        4
#define RLIMIT_RSS         5
#define RLIMIT_NPROC       6
#define RLIMIT_NOFILE      7    /* open files */
#define RLIMIT_MEMLOCK     8
#define RLIMIT_AS          9    /* address space */
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

#define RLIM_INFINITY   (~0ul)
#define RLIM64_INFINITY (~0ull)

struct rlimit {
    unsigned long rlim_cur;     /* soft limit */
    unsigned long rlim_max;     /* hard limit */
};

struct rlimit64 {
    uint64_t rlim_cur;
    uint64_t rlim_max;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

struct rusage {
    struct timeval ru_utime;    /* user CPU time */
    struct timeval ru_stime;    /* system CPU time */
    long ru_maxrss;             /* largest resident set, KiB */
    long ru_ixrss;
    long ru_idrss;
    long ru_isrss;
    long ru_minflt;             /* page faults served without I/O */
    long ru_majflt;
    long ru_nswap;
    long ru_inblock;
    long ru_oublock;
    long ru_msgsnd;
    long ru_msgrcv;
    long ru_nsignals;
    long ru_nvcsw;              /* voluntary context switches */
    long ru_nivcsw;             /* involuntary ones */
};

/* getpriority(96) / setpriority(97) */
#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

#if defined(__i386__)
_Static_assert(sizeof(struct rlimit) == 8, "rlimit: 32-bit fields on i386");
_Static_assert(sizeof(struct rusage) == 72, "rusage is 72 bytes on i386");
#endif
_Static_assert(sizeof(struct rlimit64) == 16, "rlimit64");

#endif
