/*
 * The console terminal device (see fs/tty.h): the line discipline in
 * fs/ldisc.c does the character work; this file connects it to the
 * hardware (interrupts in, serial and VGA out), to processes (sleeping
 * readers, signals, job control) and to user memory (read, write, ioctl).
 *
 * The line discipline is shared between the interrupt handlers and system
 * calls, so calls touch it with interrupts off, briefly: user copies go
 * through a small bounce buffer outside those sections.
 */
#include "fs/tty.h"

#include "fs/dev.h"
#include "fs/ldisc.h"
#include "kernel/cpu.h"
#include "kernel/keyboard.h"
#include "kernel/pic.h"
#include "kernel/pit.h"
#include "kernel/serial.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/termios.h"
#include "kernel/vga.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/waitq.h"

#define IRQ_KEYBOARD 1
#define IRQ_SERIAL   4
#define CHUNK        128            /* bytes moved per interrupts-off section */

struct tty {
    struct ldisc ld;
    struct waitq read_wait;         /* readers waiting for input */
    struct waitq write_wait;        /* writers waiting for VSTART */
    int session;                    /* the session it controls, or 0 */
    int fg_pgrp;                    /* that session's foreground group */
    struct winsize winsize;
};

static struct tty console;

/* ---- output and input ---- */

/* Bytes leave as the line discipline made them: straight to the devices,
 * not through console_putc, which adds a CR of its own for kprintf. */
static void emit(void *ctx, char c)
{
    (void)ctx;
    serial_putc(c);
    vga_putc(c);
}

/* Anything that may unblock a reader, a writer or a poll. */
static void wake(struct tty *t)
{
    waitq_wake_all(&t->read_wait);
    waitq_wake_all(&t->write_wait);
    vfs_poll_wake();
}

/* With interrupts off. */
static void receive_byte(struct tty *t, uint8_t c)
{
    int sig = ldisc_receive(&t->ld, c);
    if (sig && t->fg_pgrp > 0)
        signal_send_group(t->fg_pgrp, sig);
}

void tty_receive(const char *bytes, size_t n)
{
    uint32_t flags = irq_save();
    for (size_t i = 0; i < n; i++)
        receive_byte(&console, (uint8_t)bytes[i]);
    irq_restore(flags);
    if (n)
        wake(&console);
}

static void keyboard_interrupt(struct trapframe *tf)
{
    (void)tf;
    char bytes[KEYBOARD_MAX_BYTES];
    tty_receive(bytes, keyboard_read(bytes));
}

/* The UART holds up to 16 bytes: take them all. */
static void serial_interrupt(struct trapframe *tf)
{
    (void)tf;
    int c, got = 0;
    while ((c = serial_getc()) >= 0) {
        receive_byte(&console, (uint8_t)c);
        got++;
    }
    if (got)
        wake(&console);
}

void tty_init(void)
{
    ldisc_init(&console.ld, emit, NULL);
    console.winsize = (struct winsize){.ws_row = 24, .ws_col = 80};
    keyboard_init();
    irq_install(IRQ_KEYBOARD, keyboard_interrupt);
    irq_install(IRQ_SERIAL, serial_interrupt);
    serial_enable_irq();
    pic_unmask(IRQ_KEYBOARD);
    pic_unmask(IRQ_SERIAL);
}

/* ---- sessions and job control ---- */

/* The session the terminal controls, or 0.  A session whose leader is
 * gone loses it (tty_end_session does this at once when proc_exit calls
 * it; this check covers an exit that did not). */
static int owner_session(struct tty *t)
{
    if (t->session) {
        struct proc *leader = proc_find(t->session);
        if (!leader || leader->state == P_ZOMBIE || leader->sid != t->session)
            t->session = t->fg_pgrp = 0;
    }
    return t->session;
}

static bool is_ctty_of(struct tty *t, struct proc *p)
{
    int sid = owner_session(t);
    return sid != 0 && p->sid == sid;
}

/* The session lets go of the terminal; its foreground group is told. */
static void hang_up(struct tty *t)
{
    if (t->fg_pgrp > 0) {
        signal_send_group(t->fg_pgrp, SIGHUP);
        signal_send_group(t->fg_pgrp, SIGCONT);
    }
    t->session = t->fg_pgrp = 0;
}

void tty_end_session(int sid)
{
    if (sid != 0 && console.session == sid)
        hang_up(&console);
}

struct group_probe {
    int pgid, sid;
    bool exists, in_session, has_outside_parent;
};

/* Zombies count as members: a group lasts until its last one is reaped. */
static void probe_group(struct proc *p, void *ctx)
{
    struct group_probe *g = ctx;
    if (p->pid == 0 || p->pgid != g->pgid)
        return;
    g->exists = true;
    g->in_session |= p->sid == g->sid;
    struct proc *parent = p->parent;
    if (p->state != P_ZOMBIE && parent && parent->pid != 1 &&
        parent->pgid != g->pgid && parent->sid == p->sid)
        g->has_outside_parent = true;
}

static struct group_probe probe(int pgid, int sid)
{
    struct group_probe g = {.pgid = pgid, .sid = sid};
    proc_for_each(probe_group, &g);
    return g;
}

/* An orphaned group has no member whose parent, in another group of the
 * same session, could continue it: stopping it would be for ever. */
static bool group_is_orphaned(int pgid)
{
    return !probe(pgid, 0).has_outside_parent;
}

static bool ignores_or_blocks(struct proc *p, int sig)
{
    return signal_is_ignored(p, sig) || (p->sig_blocked & SIG_BIT(sig));
}

/* A process of the terminal's session outside the foreground group may
 * not read (SIGTTIN) or change the terminal's settings (SIGTTOU): its
 * group gets the signal (a stop, by default) and the call restarts when
 * it runs again.  Ignoring or blocking SIGTTIN makes the read fail with
 * -EIO; ignoring or blocking SIGTTOU lets the change happen.  Processes
 * of other sessions are not concerned. */
static int job_control(struct tty *t, int sig)
{
    struct proc *p = current;
    if (!is_ctty_of(t, p) || t->fg_pgrp == 0 || p->pgid == t->fg_pgrp)
        return 0;
    if (ignores_or_blocks(p, sig))
        return sig == SIGTTIN ? -EIO : 0;
    if (group_is_orphaned(p->pgid))
        return -EIO;
    signal_send_group(p->pgid, sig);
    return -ERESTARTSYS;
}

/* How a name of the terminal treats controlling terminals (fs/tty.h). */
static bool names_current_ctty(uint32_t rdev)
{
    return rdev == dev_encode(5, 0);
}

static bool is_terminal_line(uint32_t rdev)
{
    return rdev == dev_encode(4, 1) || rdev == dev_encode(4, 64);
}

int tty_open(struct file *f)
{
    struct tty *t = &console;
    uint32_t rdev = f->inode ? f->inode->rdev : dev_encode(5, 1);
    if (names_current_ctty(rdev) && !is_ctty_of(t, current))
        return -ENXIO;
    struct proc *p = current;
    if (is_terminal_line(rdev) && !(f->flags & O_NOCTTY) && p->pid == p->sid &&
        owner_session(t) == 0) {
        t->session = p->sid;
        t->fg_pgrp = p->pgid;
    }
    f->ops = &tty_fops;
    f->priv = t;
    return 0;
}

/* ---- reading ---- */

static bool canonical(struct tty *t)
{
    return t->ld.termios.c_lflag & ICANON;
}

static bool input_ready(struct tty *t)
{
    return ldisc_pending(&t->ld) > 0;
}

/* Sleep until input is ready (canonical: a complete line; raw: a byte),
 * until tick `deadline` if not 0 (then -ETIMEDOUT, which only the raw
 * read sees), or until a signal. */
static int wait_for_input(struct tty *t, struct file *f, uint64_t deadline)
{
    if (input_ready(t))
        return 0;
    if (f->flags & O_NONBLOCK)
        return -EAGAIN;
    if (!deadline)
        return WAIT_EVENT(&t->read_wait, input_ready(t));
    /* Wait queues have no timeout: a timed wait sleeps a tick at a time. */
    while (!input_ready(t)) {
        if (waitq_interrupted())
            return -ERESTARTSYS;
        uint64_t now = sched_ticks();
        if (now >= deadline)
            return -ETIMEDOUT;
        sched_sleep_until(now + 1);
    }
    return 0;
}

/* Move pending input to the user; in canonical mode up to the end of one
 * line (then *ended).  Returns the bytes moved, or -EFAULT. */
static long take_input(struct tty *t, uint8_t *ubuf, size_t n, bool *ended)
{
    uint8_t chunk[CHUNK];
    size_t done = 0;
    *ended = false;
    while (done < n && !*ended) {
        size_t want = n - done < CHUNK ? n - done : CHUNK;
        uint32_t flags = irq_save();
        size_t got = ldisc_read(&t->ld, chunk, want, ended);
        irq_restore(flags);
        if (got == 0)
            break;
        if (copy_to_user(ubuf + done, chunk, got) < 0)
            return done ? (long)done : -EFAULT;
        done += got;
    }
    return (long)done;
}

/* One line, or 0 at an end-of-file. */
static long read_canonical(struct tty *t, struct file *f, uint8_t *ubuf, size_t n)
{
    for (;;) {
        int err = wait_for_input(t, f, 0);
        if (err)
            return err;
        bool ended;
        long got = take_input(t, ubuf, n, &ended);
        if (got != 0 || ended)
            return got;
        /* A signal character flushed the line between the two: wait on. */
    }
}

/* VTIME is in tenths of a second. */
static uint64_t vtime_ticks(cc_t vtime)
{
    uint32_t ms = pit_tick_ms() ? pit_tick_ms() : 10;
    return ((uint64_t)vtime * 100 + ms - 1) / ms;
}

/* Non-canonical: done once min(VMIN, n) bytes are in.  VMIN 0 returns at
 * once, or with VTIME after at most VTIME (0 bytes on time-out); VMIN>0
 * with VTIME also returns when VTIME passes between two bytes. */
static long read_raw(struct tty *t, struct file *f, uint8_t *ubuf, size_t n)
{
    cc_t vmin = t->ld.termios.c_cc[VMIN], vtime = t->ld.termios.c_cc[VTIME];
    size_t want = vmin < n ? vmin : n;
    uint64_t deadline = 0;
    size_t done = 0;
    bool ended;
    for (;;) {
        long got = take_input(t, ubuf + done, n - done, &ended);
        if (got < 0)
            return done ? (long)done : got;
        done += (size_t)got;
        if (done >= want && (done > 0 || vtime == 0))
            return (long)done;
        if (vtime && (vmin == 0 ? deadline == 0 : got > 0))
            deadline = sched_ticks() + vtime_ticks(vtime);
        int err = wait_for_input(t, f, deadline);
        if (err == -ETIMEDOUT)
            return (long)done;
        if (err)
            return done ? (long)done : err;
    }
}

static long tty_read(struct file *f, void *ubuf, size_t n)
{
    struct tty *t = f->priv;
    int err = job_control(t, SIGTTIN);
    if (err || n == 0)
        return err;
    return canonical(t) ? read_canonical(t, f, ubuf, n) : read_raw(t, f, ubuf, n);
}

/* ---- writing ---- */

/* Wait while output is stopped (VSTOP typed, or TCOOFF). */
static int wait_output_allowed(struct tty *t, struct file *f)
{
    if (!t->ld.stopped)
        return 0;
    if (f->flags & O_NONBLOCK)
        return -EAGAIN;
    return WAIT_EVENT(&t->write_wait, !t->ld.stopped);
}

/* A write ends early, with what it wrote, when a signal arrives between
 * chunks; a long one lets others run between chunks. */
static long tty_write(struct file *f, const void *ubuf, size_t n)
{
    struct tty *t = f->priv;
    if (t->ld.termios.c_lflag & TOSTOP) {
        int err = job_control(t, SIGTTOU);
        if (err)
            return err;
    }
    uint8_t chunk[CHUNK];
    size_t done = 0;
    while (done < n) {
        int err = wait_output_allowed(t, f);
        if (err)
            return done ? (long)done : err;
        size_t len = n - done < CHUNK ? n - done : CHUNK;
        if (copy_from_user(chunk, (const uint8_t *)ubuf + done, len) < 0)
            return done ? (long)done : -EFAULT;
        uint32_t flags = irq_save();    /* echoes must not cut into a chunk */
        ldisc_write(&t->ld, chunk, len);
        irq_restore(flags);
        done += len;
        if (done < n && waitq_interrupted())
            break;
        if (need_resched)
            schedule();
    }
    return (long)done;
}

/* ---- poll ---- */

/* Readable as a read would see it: a line, or VMIN bytes when VTIME is 0. */
static int tty_poll(struct file *f)
{
    struct tty *t = f->priv;
    size_t need = 1;
    cc_t vmin = t->ld.termios.c_cc[VMIN];
    if (!canonical(t) && t->ld.termios.c_cc[VTIME] == 0 && vmin > 0)
        need = vmin;
    int events = POLLOUT | POLLWRNORM;
    if (ldisc_pending(&t->ld) >= need)
        events |= POLLIN | POLLRDNORM;
    return events;
}

/* ---- ioctl: settings ---- */

static long set_termios(struct tty *t, const void *uarg, bool flush)
{
    struct termios tio;
    int err = job_control(t, SIGTTOU);
    if (err)
        return err;
    if (copy_from_user(&tio, uarg, sizeof tio) < 0)
        return -EFAULT;
    uint32_t flags = irq_save();
    if (flush)
        ldisc_flush_input(&t->ld);
    ldisc_set_termios(&t->ld, &tio);
    irq_restore(flags);
    wake(t);                /* a new mode can complete a read or free output */
    return 0;
}

static long flush(struct tty *t, uint32_t queue)
{
    int err = job_control(t, SIGTTOU);
    if (err)
        return err;
    if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
        return -EINVAL;
    if (queue != TCOFLUSH) {        /* output is never queued */
        uint32_t flags = irq_save();
        ldisc_flush_input(&t->ld);
        irq_restore(flags);
    }
    return 0;
}

/* TCXONC: suspend or resume output; or ask the other end to, by sending
 * it the VSTOP or VSTART character. */
static long flow(struct tty *t, uint32_t action)
{
    int err = job_control(t, SIGTTOU);
    if (err)
        return err;
    uint32_t flags = irq_save();
    switch (action) {
    case TCOOFF: t->ld.stopped = true; break;
    case TCOON: t->ld.stopped = false; break;
    case TCIOFF: case TCION: {
        cc_t c = t->ld.termios.c_cc[action == TCIOFF ? VSTOP : VSTART];
        if (c)
            emit(NULL, (char)c);
        break;
    }
    default: err = -EINVAL;
    }
    irq_restore(flags);
    wake(t);
    return err;
}

static long set_winsize(struct tty *t, const void *uarg)
{
    struct winsize ws;
    if (copy_from_user(&ws, uarg, sizeof ws) < 0)
        return -EFAULT;
    bool changed = ws.ws_row != t->winsize.ws_row || ws.ws_col != t->winsize.ws_col ||
                   ws.ws_xpixel != t->winsize.ws_xpixel ||
                   ws.ws_ypixel != t->winsize.ws_ypixel;
    t->winsize = ws;
    if (changed && t->fg_pgrp > 0)
        signal_send_group(t->fg_pgrp, SIGWINCH);
    return 0;
}

/* TIOCGSERIAL's struct serial_struct (Linux i386, 60 bytes): the fields
 * that describe COM1; the rest stays zero.  Answering it tells programs
 * (BusyBox's cttyhack) that the console is the serial line ttyS0. */
struct serial_info {
    int32_t type, line;
    uint32_t port;
    int32_t irq, flags, xmit_fifo_size, custom_divisor, baud_base;
    uint8_t rest[28];
};
_Static_assert(sizeof(struct serial_info) == 60, "Linux's struct serial_struct");

#define PORT_16550A 4

static long get_serial(void *uarg)
{
    struct serial_info s = {
        .type = PORT_16550A, .line = 0, .port = 0x3f8, .irq = IRQ_SERIAL,
        .xmit_fifo_size = 16, .baud_base = 115200,
    };
    return copy_to_user(uarg, &s, sizeof s);
}

/* ---- ioctl: job control ---- */

/* TIOCSCTTY: a session leader without a terminal takes this one, unless
 * another session has it; arg 1 takes it even then (every Cowix process
 * has the privilege Linux asks for). */
static long set_ctty(struct tty *t, uint32_t steal)
{
    struct proc *p = current;
    int owner = owner_session(t);
    if (p->pid == p->sid && owner == p->sid)
        return 0;
    if (p->pid != p->sid || (owner != 0 && steal != 1))
        return -EPERM;
    t->session = p->sid;
    t->fg_pgrp = p->pgid;
    return 0;
}

/* TIOCNOTTY: a session leader gives the terminal up for its session.
 * (Another member cannot leave alone: the terminal is per session.) */
static long drop_ctty(struct tty *t)
{
    struct proc *p = current;
    if (!is_ctty_of(t, p))
        return -ENOTTY;
    if (p->pid == p->sid)
        hang_up(t);
    return 0;
}

/* TIOCSPGRP: the group must exist in the caller's session. */
static long set_fg_pgrp(struct tty *t, const void *uarg)
{
    int err = job_control(t, SIGTTOU);
    if (err)
        return err;
    if (!is_ctty_of(t, current))
        return -ENOTTY;
    uint32_t pgrp;
    if (get_user_u32(&pgrp, uarg) < 0)
        return -EFAULT;
    if ((int32_t)pgrp < 0)
        return -EINVAL;
    struct group_probe g = probe((int)pgrp, current->sid);
    if (!g.exists)
        return -ESRCH;
    if (!g.in_session)
        return -EPERM;
    t->fg_pgrp = (int)pgrp;
    return 0;
}

/* TIOCGPGRP, TIOCGSID: only for the caller's controlling terminal. */
static long get_id(struct tty *t, void *uarg, int id)
{
    if (!is_ctty_of(t, current))
        return -ENOTTY;
    return put_user_u32(uarg, (uint32_t)id);
}

static long tty_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
    struct tty *t = f->priv;
    void *uarg = (void *)(uintptr_t)arg;
    switch (cmd) {
    case TCGETS: return copy_to_user(uarg, &t->ld.termios, sizeof(struct termios));
    case TCSETS: case TCSETSW: return set_termios(t, uarg, false);
    case TCSETSF: return set_termios(t, uarg, true);
    case TCFLSH: return flush(t, arg);
    case TCXONC: return flow(t, arg);
    case TCSBRK: return job_control(t, SIGTTOU);    /* output is already out */
    case TIOCGWINSZ: return copy_to_user(uarg, &t->winsize, sizeof t->winsize);
    case TIOCSWINSZ: return set_winsize(t, uarg);
    case FIONREAD: return put_user_u32(uarg, (uint32_t)ldisc_readable_bytes(&t->ld));
    case TIOCSCTTY: return set_ctty(t, arg);
    case TIOCNOTTY: return drop_ctty(t);
    case TIOCGPGRP: return get_id(t, uarg, t->fg_pgrp);
    case TIOCSPGRP: return set_fg_pgrp(t, uarg);
    case TIOCGSID: return get_id(t, uarg, t->session);
    case TIOCGSERIAL: return get_serial(uarg);
    default: return -ENOTTY;    /* VT_GETSTATE, KDGKBTYPE too: not a virtual console */
    }
}

const struct file_ops tty_fops = {
    .read = tty_read,
    .write = tty_write,
    .ioctl = tty_ioctl,
    .poll = tty_poll,
    .seekable = false,
};
