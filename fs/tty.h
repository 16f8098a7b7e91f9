/*
 * The console terminal: the one tty behind /dev/console, /dev/tty,
 * /dev/tty0, /dev/tty1 and /dev/ttyS0.  Input comes from the serial port
 * (IRQ 4) and the PS/2 keyboard (IRQ 1) through the line discipline
 * (fs/ldisc.h); output goes to the serial port and the VGA screen.  The
 * tty also holds the job-control state: the session it is the
 * controlling terminal of, and that session's foreground process group.
 *
 * Wiring:
 *  - kmain calls tty_init() once interrupts can be handled.
 *  - Opening any of the device numbers above calls tty_open(f) (fs/dev.c);
 *    it reads f->inode->rdev (no inode: the console) and f->flags.
 *  - A process has the terminal as its controlling terminal when it is in
 *    the session the terminal belongs to (struct proc's sid); nothing is
 *    kept in struct proc.
 *  - proc_exit of a session leader (p->pid == p->sid) should call
 *    tty_end_session(p->sid) so that the terminal is hung up at once
 *    (SIGHUP to its foreground group).  Without the call the terminal is
 *    still freed, lazily, when it notices the leader is gone.
 */
#ifndef FS_TTY_H
#define FS_TTY_H

#include <stddef.h>

#include "fs/vfs.h"

/* read, write, ioctl (termios, window size, job control), poll. */
extern const struct file_ops tty_fops;

/* Set up the terminal and its two input interrupts. */
void tty_init(void);

/* Open the terminal into f (sets f->ops and f->priv).  As Linux does:
 *   /dev/tty (5:0)          -ENXIO unless the caller has the terminal as
 *                           its controlling terminal;
 *   /dev/console (5:1),     never become a controlling terminal (so the
 *   /dev/tty0 (4:0)         fds the kernel opens for init do not tie the
 *                           terminal to init's session);
 *   /dev/tty1, /dev/ttyS0   become the controlling terminal of a session
 *                           leader that has none, unless O_NOCTTY, if no
 *                           other session has it. */
int tty_open(struct file *f);

/* The leader of session sid is exiting: if the terminal is that session's,
 * its foreground group gets SIGHUP and SIGCONT and the terminal is free. */
void tty_end_session(int sid);

/* Input as if typed on the terminal (the interrupt handlers use it; so can
 * in-kernel tests). */
void tty_receive(const char *bytes, size_t n);

#endif
