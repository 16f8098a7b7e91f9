/*
 * The line editor.  The whole line is redrawn after each change that is
 * not a simple append at the end:
 *     "\r" prompt text ESC[K, then one "\b" per character after the cursor
 * which needs only carriage return, backspace and "erase to end of line"
 * from the terminal (a line longer than the screen width is not handled).
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <termios.h>
#include "userland/sh/lineedit.h"

#define HISTORY_MAX 100

#define CTRL(c) ((c) & 0x1f)
#define KEY_DEL 127
#define ESC 27

static char *history[HISTORY_MAX];
static int history_len;

struct editor {
    int in, out;
    const char *prompt;
    char *buf;
    size_t len, cap, cursor;
    int hist_pos;               /* history index shown; history_len: new line */
    char *draft;                /* the new line, while browsing history */
};

void lineedit_history_add(const char *line)
{
    size_t len = strcspn(line, "\n");
    if (len == 0 || (history_len > 0 &&
                     strncmp(history[history_len - 1], line, len) == 0 &&
                     history[history_len - 1][len] == '\0'))
        return;
    if (history_len == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof *history);
        history_len--;
    }
    history[history_len] = strndup(line, len);
    if (history[history_len])
        history_len++;
}

/* ---- output ---- */

static void out(struct editor *e, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(e->out, s, n);
        if (w <= 0 && errno != EINTR)
            return;
        if (w > 0) {
            s += w;
            n -= (size_t)w;
        }
    }
}

static void outs(struct editor *e, const char *s)
{
    out(e, s, strlen(s));
}

static void refresh(struct editor *e)
{
    size_t back = e->len - e->cursor;
    size_t size = strlen(e->prompt) + e->len + back + 8;
    char *s = malloc(size), *p = s;
    if (s == NULL)
        return;
    *p++ = '\r';
    p = stpcpy(p, e->prompt);
    memcpy(p, e->buf, e->len);
    p += e->len;
    p = stpcpy(p, "\x1b[K");
    memset(p, '\b', back);
    p += back;
    out(e, s, (size_t)(p - s));
    free(s);
}

/* ---- editing ---- */

static int reserve(struct editor *e, size_t more)
{
    if (e->len + more + 2 <= e->cap)
        return 0;
    size_t cap = (e->cap + more + 2) * 2;
    char *b = realloc(e->buf, cap);
    if (b == NULL)
        return -1;
    e->buf = b;
    e->cap = cap;
    return 0;
}

static void insert(struct editor *e, char c)
{
    if (reserve(e, 1) < 0)
        return;
    memmove(e->buf + e->cursor + 1, e->buf + e->cursor, e->len - e->cursor);
    e->buf[e->cursor++] = c;
    e->len++;
    if (e->cursor == e->len)
        out(e, &c, 1);                  /* appending: no redraw needed */
    else
        refresh(e);
}

/* Remove the characters [from, to) of the line. */
static void erase(struct editor *e, size_t from, size_t to)
{
    if (from >= to)
        return;
    memmove(e->buf + from, e->buf + to, e->len - to);
    e->len -= to - from;
    int at_end = e->cursor == to && to == e->len + (to - from);
    e->cursor = from;
    if (at_end && to - from == 1)
        outs(e, "\b \b");               /* backspace at the end */
    else
        refresh(e);
}

static void move_to(struct editor *e, size_t pos)
{
    if (pos > e->len)
        pos = e->len;
    if (pos != e->cursor) {
        e->cursor = pos;
        refresh(e);
    }
}

/* Start of the word before the cursor (for Ctrl-W). */
static size_t word_start(struct editor *e)
{
    size_t p = e->cursor;
    while (p > 0 && e->buf[p - 1] == ' ')
        p--;
    while (p > 0 && e->buf[p - 1] != ' ')
        p--;
    return p;
}

static void set_line(struct editor *e, const char *s)
{
    size_t n = strlen(s);
    if (reserve(e, n) < 0)
        return;
    memcpy(e->buf, s, n);
    e->len = e->cursor = n;
    refresh(e);
}

/* Up (dir -1) or Down (+1) through the history. */
static void browse(struct editor *e, int dir)
{
    int pos = e->hist_pos + dir;
    if (pos < 0 || pos > history_len)
        return;
    if (e->hist_pos == history_len) {   /* leaving the new line: keep it */
        free(e->draft);
        e->draft = strndup(e->buf, e->len);
    }
    e->hist_pos = pos;
    set_line(e, pos == history_len ? (e->draft ? e->draft : "") : history[pos]);
}

/* ---- keys ---- */

static int read_byte(int fd)
{
    unsigned char c;
    for (;;) {
        ssize_t n = read(fd, &c, 1);
        if (n == 1)
            return c;
        if (n == 0 || errno != EINTR)
            return -1;
    }
}

/* After ESC: arrows "[A".."[D", Home/End "[H" "[F" "OH" "OF", "[1~".."[8~". */
static void escape_sequence(struct editor *e)
{
    int c = read_byte(e->in);
    if (c != '[' && c != 'O')
        return;
    int key = read_byte(e->in);
    if (key >= '0' && key <= '9') {
        if (read_byte(e->in) != '~')
            return;
        key = key == '1' || key == '7' ? 'H' : key == '4' || key == '8' ? 'F'
            : key == '3' ? 'X' : 0;
    }
    switch (key) {
    case 'A': browse(e, -1); break;
    case 'B': browse(e, +1); break;
    case 'C': move_to(e, e->cursor + 1); break;
    case 'D': if (e->cursor > 0) move_to(e, e->cursor - 1); break;
    case 'H': move_to(e, 0); break;
    case 'F': move_to(e, e->len); break;
    case 'X': erase(e, e->cursor, e->cursor < e->len ? e->cursor + 1 : e->cursor); break;
    }
}

enum outcome { GO_ON, ACCEPT, CANCEL, END };

static enum outcome handle_key(struct editor *e, int c)
{
    switch (c) {
    case '\r': case '\n': return ACCEPT;
    case CTRL('C'): return CANCEL;
    case CTRL('D'):
        if (e->len == 0)
            return END;
        erase(e, e->cursor, e->cursor < e->len ? e->cursor + 1 : e->cursor);
        break;
    case KEY_DEL: case CTRL('H'):
        if (e->cursor > 0)
            erase(e, e->cursor - 1, e->cursor);
        break;
    case CTRL('A'): move_to(e, 0); break;
    case CTRL('E'): move_to(e, e->len); break;
    case CTRL('B'): if (e->cursor > 0) move_to(e, e->cursor - 1); break;
    case CTRL('F'): move_to(e, e->cursor + 1); break;
    case CTRL('U'): erase(e, 0, e->cursor); break;
    case CTRL('K'): erase(e, e->cursor, e->len); break;
    case CTRL('W'): erase(e, word_start(e), e->cursor); break;
    case CTRL('P'): browse(e, -1); break;
    case CTRL('N'): browse(e, +1); break;
    case CTRL('L'): outs(e, "\x1b[H\x1b[2J"); refresh(e); break;
    case ESC: escape_sequence(e); break;
    default:
        if (c >= ' ')
            insert(e, (char)c);
    }
    return GO_ON;
}

static enum outcome edit(struct editor *e)
{
    outs(e, e->prompt);
    for (;;) {
        int c = read_byte(e->in);
        if (c < 0)
            return END;
        enum outcome o = handle_key(e, c);
        if (o != GO_ON)
            return o;
    }
}

char *lineedit_read(int in, int out_fd, const char *prompt, int *not_tty)
{
    struct termios saved, raw;

    *not_tty = 0;
    if (tcgetattr(in, &saved) < 0) {
        *not_tty = 1;
        return NULL;
    }
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(in, TCSADRAIN, &raw) < 0) {
        *not_tty = 1;
        return NULL;
    }

    struct editor e = {.in = in, .out = out_fd, .prompt = prompt,
                       .hist_pos = history_len};
    enum outcome o = reserve(&e, 80) < 0 ? END : edit(&e);
    tcsetattr(in, TCSADRAIN, &saved);
    free(e.draft);

    /* The terminal's output processing turns "\n" into "\r\n" (ONLCR). */
    switch (o) {
    case ACCEPT:
        outs(&e, "\n");
        e.buf[e.len++] = '\n';
        e.buf[e.len] = '\0';
        return e.buf;
    case CANCEL:
        outs(&e, "^C\n");
        e.buf[0] = '\n';
        e.buf[1] = '\0';
        return e.buf;
    default:
        outs(&e, "\n");
        free(e.buf);
        return NULL;
    }
}
