/*
 * The line discipline: what a terminal does between the keyboard and the
 * program, as Linux's N_TTY does it.  Input bytes go through the termios
 * input flags (CR to NL, signals, flow control), are echoed, and in
 * canonical mode are collected into lines that can be edited (erase, kill,
 * word erase) before a reader sees them.  Output goes through the output
 * flags (NL to CR NL).
 *
 * It is pure state: no hardware and no processes.  Whoever owns it (fs/tty.c)
 * feeds it bytes, sends the signals it asks for, wakes readers, and gives
 * it an `emit` function through which echoes and written bytes leave.  So
 * it compiles and is tested on the host (tests/unit/test_ldisc.c).
 *
 * The buffer is a ring of LDISC_BUF_SIZE bytes with three free-running
 * counters:   head <= committed <= tail.
 *     [head, committed)   complete input that readers may take
 *     [committed, tail)   the line being edited (canonical mode only)
 * Each slot also carries a mark: the byte ends a line (a reader of
 * canonical input stops after it), or the slot is an end-of-file (^D on an
 * empty line), which gives a reader nothing and ends its read.
 */
#ifndef FS_LDISC_H
#define FS_LDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/termios.h"

#define LDISC_BUF_SIZE 4096         /* a power of two: counters wrap */

/* Where output (echoes and written bytes) goes, one byte at a time. */
typedef void (*ldisc_emit_fn)(void *ctx, char c);

enum ldisc_mark {
    MARK_NONE,
    MARK_EOL,                       /* this byte ends a line */
    MARK_EOF,                       /* an end-of-file: no byte for readers */
};

struct ldisc {
    struct termios termios;
    uint8_t buf[LDISC_BUF_SIZE];
    uint8_t mark[LDISC_BUF_SIZE];   /* enum ldisc_mark of each slot */
    uint32_t head, committed, tail;
    bool literal_next;              /* VLNEXT seen: the next byte is plain */
    bool stopped;                   /* output suspended (VSTOP, TCOOFF) */
    uint32_t column;                /* output column, to erase tabs */
    uint32_t line_column;           /* column where the edited line began */
    ldisc_emit_fn emit;
    void *emit_ctx;
};

/* Linux's console defaults: canonical, echo, signals, CR->NL, NL->CR NL. */
void ldisc_default_termios(struct termios *t);

/* Empty buffer, default termios, output through emit(ctx, c). */
void ldisc_init(struct ldisc *l, ldisc_emit_fn emit, void *ctx);

/* Change the settings.  Leaving canonical mode makes the line being
 * edited readable; entering it makes pending raw input one line. */
void ldisc_set_termios(struct ldisc *l, const struct termios *t);

/* One input byte from the terminal.  Returns the signal to send to the
 * foreground process group (SIGINT, SIGQUIT, SIGTSTP) or 0. */
int ldisc_receive(struct ldisc *l, uint8_t c);

/* Slots readers may take now: in canonical mode nonzero exactly when a
 * complete line (or an end-of-file) is waiting. */
size_t ldisc_pending(const struct ldisc *l);

/* Bytes a read would return (FIONREAD): pending minus end-of-file marks. */
size_t ldisc_readable_bytes(const struct ldisc *l);

/* Take up to n bytes of pending input into dst; returns how many.  In
 * canonical mode a read ends after one line, and a read that meets an
 * end-of-file before any byte consumes it and returns 0; either way
 * *line_done (if not NULL) is set, so a caller reading in pieces knows
 * to stop.  Raw-mode reads skip end-of-file marks. */
size_t ldisc_read(struct ldisc *l, uint8_t *dst, size_t n, bool *line_done);

/* Discard all input, complete or being edited (TCFLSH, ISIG). */
void ldisc_flush_input(struct ldisc *l);

/* Output n bytes as written by a program: OPOST processing, then emit. */
void ldisc_write(struct ldisc *l, const uint8_t *s, size_t n);

#endif
