/*
 * poll and select.  Every file reports its readiness through its poll op;
 * when nothing is ready the caller sleeps on vfs_poll_waitq, which every
 * event that could change readiness wakes (data into a pipe or a tty, a
 * pipe end closing), then checks again.  Readiness is checked with
 * interrupts off right before sleeping, so no wake-up is lost.
 */
#include "fs/poll.h"

#include "fs/fscontext.h"
#include "kernel/cpu.h"
#include "kernel/pit.h"
#include "kernel/uapi/errno.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/waitq.h"

#define ALWAYS (POLLERR | POLLHUP | POLLNVAL)

static int poll_one(struct pollfd *p)
{
    if (p->fd < 0)
        return p->revents = 0;
    struct file *f = fd_file(p->fd);
    int ev = !f ? POLLNVAL : f->ops && f->ops->poll ? f->ops->poll(f) : POLLIN | POLLOUT;
    p->revents = (int16_t)(ev & (p->events | ALWAYS));
    return p->revents != 0;
}

static uint64_t deadline_of(int timeout_ms)
{
    if (timeout_ms < 0)
        return 0;                   /* no deadline */
    uint32_t tick = pit_tick_ms();
    return sched_ticks() + ((uint64_t)timeout_ms + tick - 1) / tick;
}

/* Check, and sleep until something changes, until ready or the deadline. */
static long poll_loop(struct pollfd *fds, uint32_t n, int timeout_ms)
{
    uint64_t deadline = deadline_of(timeout_ms);
    for (;;) {
        uint32_t f = irq_save();
        long ready = 0;
        for (uint32_t i = 0; i < n; i++)
            ready += poll_one(&fds[i]);
        bool expired = timeout_ms == 0 || (deadline && sched_ticks() >= deadline);
        if (ready || expired || waitq_interrupted()) {
            irq_restore(f);
            return ready || expired ? ready : -EINTR;
        }
        if (deadline)
            sched_sleep_on_until(&vfs_poll_waitq, deadline);
        else
            waitq_sleep_locked(&vfs_poll_waitq);
        irq_restore(f);
    }
}

long sys_poll(struct pollfd *ufds, uint32_t nfds, int timeout_ms)
{
    if (nfds > FD_MAX)
        return -EINVAL;
    struct pollfd *fds = kmalloc(nfds * sizeof *fds + 1);
    if (!fds)
        return -ENOMEM;
    long r = copy_from_user(fds, ufds, nfds * sizeof *fds);
    if (r == 0)
        r = poll_loop(fds, nfds, timeout_ms);
    if (r >= 0 && copy_to_user(ufds, fds, nfds * sizeof *fds) < 0)
        r = -EFAULT;
    kfree(fds);
    return r;
}

/* select: fd_sets are bit arrays of 32-bit words; rewritten in place. */
static bool in_set(const uint32_t *set, int fd)
{
    return set && (set[fd / 32] & (1u << (fd % 32)));
}

static int to_pollfds(int nfds, const uint32_t *rd, const uint32_t *wr, const uint32_t *ex,
                      struct pollfd *fds)
{
    int n = 0;
    for (int fd = 0; fd < nfds; fd++) {
        int16_t ev = (int16_t)((in_set(rd, fd) ? POLLIN : 0) | (in_set(wr, fd) ? POLLOUT : 0) |
                               (in_set(ex, fd) ? POLLPRI : 0));
        if (!ev)
            continue;
        if (!fd_file(fd))
            return -EBADF;
        fds[n++] = (struct pollfd){fd, ev, 0};
    }
    return n;
}

static long from_pollfds(const struct pollfd *fds, int n, uint32_t *rd, uint32_t *wr,
                         uint32_t *ex, size_t words)
{
    long count = 0;
    for (size_t w = 0; w < words; w++) {
        if (rd) rd[w] = 0;
        if (wr) wr[w] = 0;
        if (ex) ex[w] = 0;
    }
    for (int i = 0; i < n; i++) {
        int fd = fds[i].fd, r = fds[i].revents;
        uint32_t bit = 1u << (fd % 32);
        if (rd && (fds[i].events & POLLIN) && (r & (POLLIN | POLLHUP | POLLERR))) {
            rd[fd / 32] |= bit;
            count++;
        }
        if (wr && (fds[i].events & POLLOUT) && (r & (POLLOUT | POLLERR))) {
            wr[fd / 32] |= bit;
            count++;
        }
        if (ex && (fds[i].events & POLLPRI) && (r & POLLPRI)) {
            ex[fd / 32] |= bit;
            count++;
        }
    }
    return count;
}

long sys_select(int nfds, uint32_t *urd, uint32_t *uwr, uint32_t *uex, struct timeval *utv)
{
    if (nfds < 0 || nfds > FD_MAX)
        return -EINVAL;
    size_t words = ((size_t)nfds + 31) / 32, bytes = words * 4;
    uint32_t sets[3][FD_MAX / 32];
    uint32_t *user[3] = {urd, uwr, uex}, *k[3];
    for (int i = 0; i < 3; i++) {
        k[i] = user[i] ? sets[i] : NULL;
        if (user[i] && copy_from_user(sets[i], user[i], bytes) < 0)
            return -EFAULT;
    }
    int timeout_ms = -1;
    if (utv) {
        struct timeval tv;
        if (copy_from_user(&tv, utv, sizeof tv) < 0)
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0)
            return -EINVAL;
        timeout_ms = tv.tv_sec > 1000000 ? 1000000000 : (int)(tv.tv_sec * 1000 + tv.tv_usec / 1000);
    }
    struct pollfd *fds = kmalloc(sizeof *fds * FD_MAX);
    if (!fds)
        return -ENOMEM;
    long n = to_pollfds(nfds, k[0], k[1], k[2], fds), r = n;
    if (n >= 0)
        r = poll_loop(fds, (uint32_t)n, timeout_ms);
    if (r >= 0)
        r = from_pollfds(fds, (int)n, k[0], k[1], k[2], words);
    for (int i = 0; i < 3 && r >= 0; i++)
        if (user[i] && copy_to_user(user[i], sets[i], bytes) < 0)
            r = -EFAULT;
    kfree(fds);
    return r;
}
