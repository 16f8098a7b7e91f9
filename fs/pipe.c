/*
 * Pipes.  PIPE_SIZE bytes of ring buffer, a count of readers and writers.
 * A reader sleeps while the pipe is empty and a writer remains; it gets
 * end of file once every writer has closed.  A writer sleeps while there
 * is no room, and writes of up to PIPE_BUF bytes go in whole, never
 * interleaved with another writer's.  With no reader left, a write raises
 * SIGPIPE and fails with -EPIPE.  Bytes are copied straight between user
 * memory and the ring; a chunk whose copy faults is not committed, so a
 * bad buffer never puts garbage into the pipe.
 */
#include "fs/pipe.h"

#include <stdbool.h>


#include "kernel/limits.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/termios.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "proc/signal.h"
#include "proc/waitq.h"

struct pipe {
    uint8_t *buf;
    uint32_t head;                  /* next byte to read */
    uint32_t count;                 /* bytes in the ring */
    uint32_t readers, writers;
    struct waitq read_wait, write_wait;
    struct inode *fifo;             /* the FIFO's inode, for a named pipe */
};

static uint32_t pipe_ino;
static const struct file_ops pipe_read_fops, pipe_write_fops, pipe_rdwr_fops;
static const struct inode_ops pipe_iops;

static void wake_all(struct pipe *p)
{
    waitq_wake_all(&p->read_wait);
    waitq_wake_all(&p->write_wait);
    vfs_poll_wake();
}

/* Move up to n bytes out of the ring, in at most two contiguous pieces. */
static long take(struct pipe *p, uint8_t *ubuf, size_t n)
{
    size_t done = 0;
    while (done < n && p->count) {
        uint32_t len = PIPE_SIZE - p->head;
        if (len > p->count)
            len = p->count;
        if (len > n - done)
            len = (uint32_t)(n - done);
        if (copy_to_user(ubuf + done, p->buf + p->head, len) < 0)
            return done ? (long)done : -EFAULT;
        p->head = (p->head + len) % PIPE_SIZE;
        p->count -= len;
        done += len;
    }
    return (long)done;
}

static long pipe_read(struct file *f, void *ubuf, size_t n)
{
    struct pipe *p = f->priv;
    if (n == 0)
        return 0;
    if (!p->count && p->writers && (f->flags & O_NONBLOCK))
        return -EAGAIN;
    int err = WAIT_EVENT(&p->read_wait, p->count || !p->writers);
    if (err)
        return err;
    long r = take(p, ubuf, n);
    if (r > 0)
        wake_all(p);
    return r;
}

/* Copy up to n bytes into the ring's free space; each piece is committed
 * only if its copy succeeds.  *fault tells a bad buffer from a full ring. */
static size_t put(struct pipe *p, const uint8_t *ubuf, size_t n, bool *fault)
{
    size_t done = 0;
    *fault = false;
    while (done < n && p->count < PIPE_SIZE) {
        uint32_t tail = (p->head + p->count) % PIPE_SIZE;
        uint32_t len = tail >= p->head ? PIPE_SIZE - tail : p->head - tail;
        if (len > PIPE_SIZE - p->count)
            len = PIPE_SIZE - p->count;
        if (len > n - done)
            len = (uint32_t)(n - done);
        if (copy_from_user(p->buf + tail, ubuf + done, len) < 0) {
            *fault = true;
            break;
        }
        p->count += len;
        done += len;
    }
    return done;
}

static long broken_pipe(void)
{
    signal_send(current, SIGPIPE);
    return -EPIPE;
}

static long pipe_write(struct file *f, const void *ubuf, size_t n)
{
    struct pipe *p = f->priv;
    size_t done = 0;
    /* Small writes wait for room for all of it, so they stay whole. */
    size_t need = n <= PIPE_BUF ? n : 1;
    while (done < n) {
        if (!p->readers)
            return done ? (long)done : broken_pipe();
        size_t want = need < n - done ? need : n - done;
        if (PIPE_SIZE - p->count < want && (f->flags & O_NONBLOCK))
            return done ? (long)done : -EAGAIN;
        int err = WAIT_EVENT(&p->write_wait, PIPE_SIZE - p->count >= want || !p->readers);
        if (err)
            return done ? (long)done : err;
        if (!p->readers)
            continue;
        bool fault;
        size_t r = put(p, (const uint8_t *)ubuf + done, n - done, &fault);
        done += r;
        if (r)
            wake_all(p);
        if (fault)
            return done ? (long)done : -EFAULT;
    }
    return (long)done;
}

static int pipe_poll(struct file *f)
{
    struct pipe *p = f->priv;
    int ev = 0;
    if (f->ops != &pipe_write_fops) {
        if (p->count)
            ev |= POLLIN | POLLRDNORM;
        if (!p->writers)
            ev |= POLLHUP;
    }
    if (f->ops != &pipe_read_fops) {
        if (PIPE_SIZE - p->count >= PIPE_BUF)
            ev |= POLLOUT | POLLWRNORM;
        if (!p->readers)
            ev |= POLLERR;
    }
    return ev;
}

static long pipe_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
    struct pipe *p = f->priv;
    if (cmd != FIONREAD)
        return -ENOTTY;
    return put_user_u32((void *)arg, p->count);
}

static void free_pipe(struct pipe *p)
{
    if (p->fifo)
        p->fifo->fifo = NULL;
    kfree(p->buf);
    kfree(p);
}

static void pipe_release(struct file *f)
{
    struct pipe *p = f->priv;
    if (f->ops != &pipe_write_fops)
        p->readers--;
    if (f->ops != &pipe_read_fops)
        p->writers--;
    wake_all(p);
    if (!p->readers && !p->writers)
        free_pipe(p);
}

static const struct file_ops pipe_read_fops = {
    .read = pipe_read, .ioctl = pipe_ioctl, .poll = pipe_poll, .release = pipe_release,
};

static const struct file_ops pipe_write_fops = {
    .write = pipe_write, .ioctl = pipe_ioctl, .poll = pipe_poll, .release = pipe_release,
};

static const struct file_ops pipe_rdwr_fops = {
    .read = pipe_read, .write = pipe_write, .ioctl = pipe_ioctl, .poll = pipe_poll,
    .release = pipe_release,
};

static int pipe_stat(struct inode *ino, struct stat64 *st)
{
    vfs_stat_common(ino, st);
    st->st_blksize = PIPE_BUF;
    return 0;
}

int fifo_open(struct inode *ino, struct file *f);

/* Opening a pipe's inode again (through /proc/PID/fd/N) joins the pipe as
 * one more reader or writer, as a FIFO's open does. */
static const struct inode_ops pipe_iops = {.stat = pipe_stat, .open = fifo_open};

int pipe_create(struct file **rd, struct file **wr)
{
    struct pipe *p = kzalloc(sizeof *p);
    struct inode *ino = inode_new(&pipe_iops, ++pipe_ino, S_IFIFO | 0600);
    if (p)
        p->buf = kmalloc(PIPE_SIZE);
    *rd = ino && p && p->buf ? file_new(ino, O_RDONLY) : NULL;
    *wr = *rd ? file_new(ino, O_WRONLY) : NULL;
    if (*wr)
        inode_get(ino);             /* one reference per end */
    if (!*wr) {
        if (*rd)
            file_put(*rd);          /* drops the inode too */
        else
            inode_put(ino);
        if (p)
            kfree(p->buf);
        kfree(p);
        return -ENOMEM;
    }
    ino->dev = 0x0c;                /* pipefs */
    ino->fifo = p;                  /* so /proc/PID/fd/N can reopen it */
    p->fifo = ino;
    p->readers = p->writers = 1;
    (*rd)->ops = &pipe_read_fops;
    (*wr)->ops = &pipe_write_fops;
    (*rd)->priv = (*wr)->priv = p;
    return 0;
}

/* ---- FIFOs: named pipes on the file system ----
 * The pipe lives while some file has the FIFO open.  Opening for reading
 * waits for a writer and opening for writing waits for a reader, unless
 * O_NONBLOCK (then a writer without a reader gets -ENXIO), as POSIX says. */

static struct pipe *fifo_pipe(struct inode *ino)
{
    if (!ino->fifo) {
        struct pipe *p = kzalloc(sizeof *p);
        if (p && !(p->buf = kmalloc(PIPE_SIZE))) {
            kfree(p);
            p = NULL;
        }
        if (p)
            p->fifo = ino;
        ino->fifo = p;
    }
    return ino->fifo;
}

int fifo_open(struct inode *ino, struct file *f)
{
    struct pipe *p = fifo_pipe(ino);
    if (!p)
        return -ENOMEM;
    uint32_t mode = f->flags & O_ACCMODE;
    bool nonblock = f->flags & O_NONBLOCK;
    if (mode == O_WRONLY && nonblock && !p->readers) {
        if (!p->writers)
            free_pipe(p);
        return -ENXIO;
    }
    f->priv = p;
    f->ops = mode == O_RDONLY ? &pipe_read_fops : mode == O_WRONLY ? &pipe_write_fops
                                                                   : &pipe_rdwr_fops;
    if (mode != O_WRONLY)
        p->readers++;
    if (mode != O_RDONLY)
        p->writers++;
    wake_all(p);                    /* someone may wait for the other end */
    int err = 0;
    if (mode == O_RDONLY && !nonblock)
        err = WAIT_EVENT(&p->read_wait, p->writers > 0);
    else if (mode == O_WRONLY)
        err = WAIT_EVENT(&p->write_wait, p->readers > 0);
    if (err)
        pipe_release(f);            /* interrupted: undo this end */
    return err;
}
