/*
 * Resource limits and usage (see kernel/uapi/resource.h).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <kernel/uapi/resource.h>

typedef unsigned long rlim_t;

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
int prlimit(pid_t pid, int resource, const struct rlimit64 *new_,
            struct rlimit64 *old);
int getrusage(int who, struct rusage *ru);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif
