/*
 * Process system calls that are not about creating, ending or signalling:
 * identity (pids, process groups, sessions, the always-root ids), sleeping
 * and yielding, thread-local storage, resource limits and times.
 */
#include "proc/sys_proc.h"

#include "kernel/clock.h"
#include "kernel/gdt.h"
#include "kernel/limits.h"
#include "kernel/pit.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ldt.h"
#include "kernel/uapi/resource.h"
#include "kernel/uapi/time.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/waitq.h"

long sys_getpid(void) { return current->pid; }
long sys_gettid(void) { return current->pid; }
long sys_getppid(void) { return current->parent ? current->parent->pid : 0; }
/* Everyone is root: one user, as on a single-user teaching machine. */
long sys_getuid(void) { return 0; }
long sys_setuid(uint32_t uid) { return uid == 0 ? 0 : -EPERM; }

long sys_sched_yield(void)
{
    schedule();
    return 0;
}

/* ---- process groups and sessions ---- */

long sys_getpgid(int pid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    return p ? p->pgid : -ESRCH;
}

long sys_getpgrp(void)
{
    return current->pgid;
}

long sys_getsid(int pid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    return p ? p->sid : -ESRCH;
}

struct group_probe {
    int pgid, sid;
    bool found;
};

/* sid -1: a group with that id in any session. */
static void probe_group(struct proc *p, void *ctx)
{
    struct group_probe *g = ctx;
    if (p->pgid == g->pgid && (g->sid == -1 || p->sid == g->sid) && p->state != P_ZOMBIE)
        g->found = true;
}

long sys_setpgid(int pid, int pgid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    if (pgid < 0)
        return -EINVAL;
    if (!p || (p != current && p->parent != current))
        return -ESRCH;
    if (p->sid != current->sid)
        return -EPERM;
    if (p->pid == p->sid)
        return -EPERM;              /* a session leader stays where it is */
    if (pgid == 0)
        pgid = p->pid;
    if (pgid != p->pid) {           /* joining: the group must exist here */
        struct group_probe g = {pgid, current->sid, false};
        proc_for_each(probe_group, &g);
        if (!g.found)
            return -EPERM;
    }
    p->pgid = pgid;
    return 0;
}

long sys_setsid(void)
{
    /* Not if our pid already names a process group (ours or another's). */
    struct group_probe g = {current->pid, -1, false};
    proc_for_each(probe_group, &g);
    if (g.found)
        return -EPERM;
    current->sid = current->pgid = current->pid;
    return current->sid;
}

/* ---- thread-local storage: GDT entries 6-8 ---- */

static struct gdt_desc tls_descriptor(const struct user_desc *u)
{
    bool empty = u->base_addr == 0 && u->limit == 0 && u->read_exec_only &&
                 u->seg_not_present;
    if (empty)
        return (struct gdt_desc){0};
    uint8_t access = 0x90 | 0x60;                   /* present, DPL 3, code/data */
    if (u->contents & 2)
        access |= 0x08 | (u->read_exec_only ? 0 : 0x02);   /* code, readable */
    else
        access |= (u->contents & 1 ? 0x04 : 0) | (u->read_exec_only ? 0 : 0x02);
    if (u->seg_not_present)
        access &= ~0x80;
    uint8_t flags = (u->seg_32bit ? 0x4 : 0) | (u->limit_in_pages ? 0x8 : 0) |
                    (u->useable ? 0x1 : 0);
    return gdt_make_desc(u->base_addr, u->limit, access, flags);
}

long sys_set_thread_area(struct user_desc *uinfo)
{
    struct user_desc u;
    if (copy_from_user(&u, uinfo, sizeof u) < 0)
        return -EFAULT;
    int idx = (int)u.entry_number;
    if (idx == -1) {
        for (idx = 0; idx < GDT_TLS_COUNT; idx++) {
            struct gdt_desc z = {0};
            if (!memcmp(&current->tls[idx], &z, sizeof z))
                break;
        }
        if (idx == GDT_TLS_COUNT)
            return -ESRCH;
        idx += GDT_TLS_FIRST;
        /* entry_number is the first field; the user's pointer may be
         * misaligned, so no member access through it. */
        if (put_user_u32(uinfo, (uint32_t)idx) < 0)
            return -EFAULT;
    }
    if (idx < GDT_TLS_FIRST || idx >= GDT_TLS_FIRST + GDT_TLS_COUNT)
        return -EINVAL;
    current->tls[idx - GDT_TLS_FIRST] = tls_descriptor(&u);
    gdt_load_tls(current->tls);
    return 0;
}

long sys_get_thread_area(struct user_desc *uinfo)
{
    uint32_t idx;
    if (get_user_u32(&idx, uinfo) < 0)      /* entry_number comes first */
        return -EFAULT;
    if (idx < GDT_TLS_FIRST || idx >= GDT_TLS_FIRST + GDT_TLS_COUNT)
        return -EINVAL;
    const struct gdt_desc *d = &current->tls[idx - GDT_TLS_FIRST];
    struct user_desc u = {0};
    u.entry_number = idx;
    u.base_addr = d->base_lo | (uint32_t)d->base_mid << 16 | (uint32_t)d->base_hi << 24;
    u.limit = d->limit_lo | (uint32_t)(d->flags_limit_hi & 0xf) << 16;
    u.seg_32bit = (d->flags_limit_hi >> 6) & 1;
    u.limit_in_pages = (d->flags_limit_hi >> 7) & 1;
    u.useable = (d->flags_limit_hi >> 4) & 1;
    u.read_exec_only = !(d->access & 0x02);
    u.contents = (d->access >> 2) & 3;
    u.seg_not_present = !(d->access & 0x80);
    return copy_to_user(uinfo, &u, sizeof u);
}

long sys_set_tid_address(int *tidptr)
{
    current->clear_child_tid = (uint32_t)tidptr;
    return current->pid;
}

/* ---- resource limits ---- */

static struct rlimit64 limit_of(int resource)
{
    uint64_t inf = RLIM64_INFINITY;
    switch (resource) {
    case RLIMIT_STACK: return (struct rlimit64){8u << 20, inf};
    case RLIMIT_NOFILE: return (struct rlimit64){FD_MAX, FD_MAX};
    case RLIMIT_NPROC: return (struct rlimit64){proc_limit(), proc_limit()};
    case RLIMIT_CORE: return (struct rlimit64){0, inf};
    default: return (struct rlimit64){inf, inf};
    }
}

long sys_prlimit64(int pid, int resource, const struct rlimit64 *unew,
                   struct rlimit64 *uold)
{
    if (pid && pid != current->pid && !proc_find(pid))
        return -ESRCH;
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    struct rlimit64 lim = limit_of(resource), want;
    if (unew) {
        if (copy_from_user(&want, unew, sizeof want) < 0)
            return -EFAULT;
        if (want.rlim_cur > want.rlim_max || want.rlim_max > lim.rlim_max)
            return -EPERM;          /* limits are fixed; lowering is accepted */
    }
    if (uold && copy_to_user(uold, &lim, sizeof lim) < 0)
        return -EFAULT;
    return 0;
}

long sys_getrlimit(int resource, struct rlimit *uold)
{
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    struct rlimit64 l = limit_of(resource);
    struct rlimit r = {l.rlim_cur > 0xffffffffull ? RLIM_INFINITY : (unsigned long)l.rlim_cur,
                       l.rlim_max > 0xffffffffull ? RLIM_INFINITY : (unsigned long)l.rlim_max};
    return copy_to_user(uold, &r, sizeof r);
}

long sys_setrlimit(int resource, const struct rlimit *unew)
{
    struct rlimit r;
    if (copy_from_user(&r, unew, sizeof r) < 0)
        return -EFAULT;
    struct rlimit64 w = {r.rlim_cur == RLIM_INFINITY ? RLIM64_INFINITY : r.rlim_cur,
                         r.rlim_max == RLIM_INFINITY ? RLIM64_INFINITY : r.rlim_max};
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    struct rlimit64 lim = limit_of(resource);
    return w.rlim_cur > w.rlim_max || w.rlim_max > lim.rlim_max ? -EPERM : 0;
}

/* ---- times ---- */

static long ticks_to_clock(uint32_t ticks)
{
    return (long)((uint64_t)ticks * pit_tick_ms() / 10);    /* USER_HZ = 100 */
}

long sys_times(struct tms *ubuf)
{
    if (ubuf) {
        struct tms t = {ticks_to_clock(current->utime), ticks_to_clock(current->stime),
                        ticks_to_clock(current->cutime), ticks_to_clock(current->cstime)};
        if (copy_to_user(ubuf, &t, sizeof t) < 0)
            return -EFAULT;
    }
    return ticks_to_clock((uint32_t)sched_ticks());
}

long sys_getrusage(int who, struct rusage *ubuf)
{
    uint32_t u, s;
    if (who == 0) {                 /* RUSAGE_SELF */
        u = current->utime;
        s = current->stime;
    } else if (who == -1) {         /* RUSAGE_CHILDREN */
        u = current->cutime;
        s = current->cstime;
    } else {
        return -EINVAL;
    }
    struct rusage ru = {0};
    uint32_t ums = u * pit_tick_ms(), sms = s * pit_tick_ms();
    ru.ru_utime.tv_sec = (long)(ums / 1000);
    ru.ru_utime.tv_usec = (long)(ums % 1000 * 1000);
    ru.ru_stime.tv_sec = (long)(sms / 1000);
    ru.ru_stime.tv_usec = (long)(sms % 1000 * 1000);
    return copy_to_user(ubuf, &ru, sizeof ru);
}
