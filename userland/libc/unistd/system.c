/*
 * System-wide information and control: uname, sysinfo, reboot, resource
 * limits and usage, priorities, host name, sysconf, poll, getrandom.
 */
#include <unistd.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/random.h>
#include "userland/libc/syscall/syscall.h"

_Static_assert(sizeof(struct utsname) == sizeof(struct new_utsname),
               "struct utsname is the kernel's new_utsname");

int uname(struct utsname *u)
{
    return (int)SC1(__NR_uname, u);
}

int sysinfo(struct sysinfo *info)
{
    return (int)SC1(__NR_sysinfo, info);
}

int reboot(int cmd)
{
    return (int)SC4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
                    cmd, 0);
}

int getrlimit(int resource, struct rlimit *rl)
{
    return (int)SC2(__NR_ugetrlimit, resource, rl);
}

int setrlimit(int resource, const struct rlimit *rl)
{
    return (int)SC2(__NR_setrlimit, resource, rl);
}

int prlimit(pid_t pid, int resource, const struct rlimit64 *new_,
            struct rlimit64 *old)
{
    return (int)SC4(__NR_prlimit64, pid, resource, new_, old);
}

int getrusage(int who, struct rusage *ru)
{
    return (int)SC2(__NR_getrusage, who, ru);
}

/* The kernel returns 20 - nice (1..40) so that it is never negative. */
int getpriority(int which, id_t who)
{
    long r = SC2(__NR_getpriority, which, who);
    return r < 0 ? -1 : 20 - (int)r;
}

int setpriority(int which, id_t who, int prio)
{
    return (int)SC3(__NR_setpriority, which, who, prio);
}

int sched_yield(void)
{
    return (int)SC0(__NR_sched_yield);
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
    return (int)SC3(__NR_poll, fds, n, timeout_ms);
}

ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
    return SC3(__NR_getrandom, buf, len, flags);
}

int gethostname(char *name, size_t len)
{
    struct utsname u;

    if (uname(&u) < 0)
        return -1;
    if (strlen(u.nodename) >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(name, u.nodename);
    return 0;
}

int sethostname(const char *name, size_t len)
{
    return (int)SC2(__NR_sethostname, name, len);
}

int getpagesize(void)
{
    return 4096;
}

long sysconf(int name)
{
    struct sysinfo si;

    switch (name) {
    case _SC_CLK_TCK:
        return USER_HZ;
    case _SC_PAGESIZE:
        return 4096;
    case _SC_OPEN_MAX: {
        struct rlimit rl;
        return getrlimit(RLIMIT_NOFILE, &rl) < 0 ? 256 : (long)rl.rlim_cur;
    }
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
        return 1;
    case _SC_PHYS_PAGES:
        if (sysinfo(&si) < 0)
            return -1;
        return (long)((unsigned long long)si.totalram * si.mem_unit / 4096);
    }
    errno = EINVAL;
    return -1;
}
