/*
 * Small system calls C libraries and BusyBox expect, with the answers a
 * single-user, single-threaded Linux would give: supplementary groups
 * (none), saved ids (root), priorities (nice 0), CPU affinity (one CPU),
 * the robust-futex list (nothing to record), futexes (no other thread can
 * wake a waiter, so a wait only times out or is interrupted), and prctl
 * for the process name.
 */
#include "proc/sys_compat.h"

#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/sys_time.h"
#include "proc/waitq.h"

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_NO_NEW_PRIVS 38
#define PR_GET_NO_NEW_PRIVS 39

long sys_getgroups(int size, uint32_t *ulist)
{
    (void)ulist;
    return size < 0 ? -EINVAL : 0;     /* root belongs to no other group */
}

/* Root may set any list; Cowix keeps none, but the list must be readable.
 * setgroups(81) takes 16-bit ids, setgroups32(206) 32-bit ones. */
static long set_groups(int size, const char *ulist, uint32_t id_size)
{
    char chunk[256];
    if (size < 0 || size > 65536)
        return -EINVAL;
    uint32_t left = (uint32_t)size * id_size;
    for (uint32_t done = 0; done < left; done += sizeof chunk) {
        uint32_t n = left - done < sizeof chunk ? left - done : sizeof chunk;
        if (copy_from_user(chunk, ulist + done, n) < 0)
            return -EFAULT;
    }
    return 0;
}

long sys_setgroups16(int size, const uint16_t *ulist)
{
    return set_groups(size, (const char *)ulist, 2);
}

long sys_setgroups(int size, const uint32_t *ulist)
{
    return set_groups(size, (const char *)ulist, 4);
}

long sys_getresuid(uint32_t *r, uint32_t *e, uint32_t *s)
{
    if (put_user_u32(r, 0) < 0 || put_user_u32(e, 0) < 0 || put_user_u32(s, 0) < 0)
        return -EFAULT;
    return 0;
}

long sys_getpriority(int which, int who)
{
    if (which < 0 || which > 2)
        return -EINVAL;
    if (which == 0 && who && !proc_find(who))
        return -ESRCH;
    return 20;                          /* 20 - nice, nice being 0 */
}

long sys_setpriority(int which, int who, int prio)
{
    (void)prio;
    if (which < 0 || which > 2)
        return -EINVAL;
    if (which == 0 && who && !proc_find(who))
        return -ESRCH;
    return 0;                           /* accepted; all run at one priority */
}

long sys_sched_getaffinity(int pid, uint32_t size, uint32_t *umask)
{
    if (pid && !proc_find(pid))
        return -ESRCH;
    if (size < 4 || (size & 3))
        return -EINVAL;
    if (put_user_u32(umask, 1) < 0)    /* CPU 0 only */
        return -EFAULT;
    return 4;
}

long sys_set_robust_list(void *head, uint32_t len)
{
    (void)head;
    return len == 12 ? 0 : -EINVAL;     /* sizeof(struct robust_list_head) */
}

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_CMD_MASK 0x7f

long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *utimeout)
{
    uint32_t now;
    switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAKE:
        return get_user_u32(&now, uaddr) < 0 ? -EFAULT : 0;    /* nobody waits */
    case FUTEX_WAIT:
        if (get_user_u32(&now, uaddr) < 0)
            return -EFAULT;
        if (now != val)
            return -EAGAIN;
        if (utimeout) {
            struct timespec ts;
            if (copy_from_user(&ts, utimeout, sizeof ts) < 0)
                return -EFAULT;
            return sys_nanosleep(utimeout, NULL) == 0 ? -ETIMEDOUT : -EINTR;
        }
        WAIT_EVENT(NULL, 0);            /* only a signal can end it */
        return -EINTR;
    default:
        return -ENOSYS;
    }
}

long sys_prctl(int option, uint32_t arg2, uint32_t arg3, uint32_t arg4, uint32_t arg5)
{
    (void)arg3, (void)arg4, (void)arg5;
    char name[PROC_NAME_MAX];
    switch (option) {
    case PR_SET_NAME: {
        long n = strncpy_from_user(name, (const char *)arg2, sizeof name);
        if (n < 0 && n != -ENAMETOOLONG)
            return n;
        name[sizeof name - 1] = 0;      /* longer names are cut, as on Linux */
        proc_set_name(current, name);
        return 0;
    }
    case PR_GET_NAME:
        return copy_to_user((void *)arg2, current->name, sizeof current->name);
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_PDEATHSIG:
        return option == PR_GET_PDEATHSIG ? put_user_u32((void *)arg2, 0) : 0;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_PDEATHSIG:
        return 0;
    default:
        return -EINVAL;
    }
}
