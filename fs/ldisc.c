/*
 * The line discipline (see fs/ldisc.h): termios input processing, echo,
 * canonical line editing and output processing, in the order and with the
 * details of Linux's N_TTY, so that programs written for Linux see the
 * terminal they expect.  Pure C: fs/tty.c supplies the hardware and the
 * processes.
 */
#include "fs/ldisc.h"

#include "kernel/uapi/signal.h"

#define MASK (LDISC_BUF_SIZE - 1)
#define CTRL(c) ((c) & 0x1f)
#define DEL 0x7f

/* ---- settings ---- */

static bool iflag(const struct ldisc *l, tcflag_t f) { return l->termios.c_iflag & f; }
static bool oflag(const struct ldisc *l, tcflag_t f) { return l->termios.c_oflag & f; }
static bool lflag(const struct ldisc *l, tcflag_t f) { return l->termios.c_lflag & f; }

/* Whether c is the special character c_cc[index]; 0 there disables it
 * (_POSIX_VDISABLE), so a NUL byte never matches. */
static bool is_cc(const struct ldisc *l, uint8_t c, int index)
{
    cc_t special = l->termios.c_cc[index];
    return special != 0 && c == special;
}

void ldisc_default_termios(struct termios *t)
{
    static const cc_t cc[NCCS] = {
        [VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = DEL,
        [VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VTIME] = 0, [VMIN] = 1,
        [VSTART] = CTRL('Q'), [VSTOP] = CTRL('S'), [VSUSP] = CTRL('Z'),
        [VREPRINT] = CTRL('R'), [VDISCARD] = CTRL('O'), [VWERASE] = CTRL('W'),
        [VLNEXT] = CTRL('V'),
    };
    t->c_iflag = ICRNL | IXON;
    t->c_oflag = OPOST | ONLCR;
    t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
    t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    t->c_line = 0;
    for (int i = 0; i < NCCS; i++)
        t->c_cc[i] = cc[i];
}

void ldisc_init(struct ldisc *l, ldisc_emit_fn emit, void *ctx)
{
    ldisc_default_termios(&l->termios);
    l->head = l->committed = l->tail = 0;
    l->literal_next = false;
    l->stopped = false;
    l->column = l->line_column = 0;
    l->emit = emit;
    l->emit_ctx = ctx;
}

/* ---- characters ---- */

static bool is_control(uint8_t c)
{
    return c < ' ' || c == DEL;
}

/* A UTF-8 continuation byte (with IUTF8): part of the character before. */
static bool is_continuation(const struct ldisc *l, uint8_t c)
{
    return iflag(l, IUTF8) && (c & 0xc0) == 0x80;
}

/* What ^W erases: letters, digits and '_' (a word), and what precedes. */
static bool is_word_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* ---- output ---- */

/* Where the cursor is after showing c at column col. */
static uint32_t column_after(const struct ldisc *l, uint32_t col, uint8_t c)
{
    switch (c) {
    case '\r': return 0;
    case '\t': return (col | 7) + 1;
    case '\b': return col ? col - 1 : 0;
    }
    if (is_control(c) || is_continuation(l, c))
        return col;
    return col + 1;
}

/* Emit one byte as it is. */
static void put(struct ldisc *l, uint8_t c)
{
    l->column = column_after(l, l->column, c);
    l->emit(l->emit_ctx, (char)c);
}

/* Emit one byte through the output flags (OPOST and what it enables). */
static void output(struct ldisc *l, uint8_t c)
{
    if (!oflag(l, OPOST)) {
        put(l, c);
        return;
    }
    switch (c) {
    case '\n':
        if (oflag(l, ONLCR))
            put(l, '\r');
        else if (oflag(l, ONLRET))
            l->column = 0;
        break;
    case '\r':
        if (oflag(l, ONOCR) && l->column == 0)
            return;
        if (oflag(l, OCRNL)) {
            c = '\n';
            if (oflag(l, ONLRET))
                l->column = 0;
        }
        break;
    default:
        if (oflag(l, OLCUC) && c >= 'a' && c <= 'z')
            c = (uint8_t)(c - 'a' + 'A');
    }
    put(l, c);
}

void ldisc_write(struct ldisc *l, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        output(l, s[i]);
}

/* ---- echo ---- */

/* Show an input character: with ECHOCTL a control character appears as
 * ^X (^? for DEL), except tab and newline, which do their job. */
static void echo_char(struct ldisc *l, uint8_t c)
{
    if (lflag(l, ECHOCTL) && is_control(c) && c != '\t' && c != '\n') {
        output(l, '^');
        output(l, c ^ 0x40);
    } else {
        output(l, c);
    }
}

/* Columns the echo of c took (tabs are worked out from the line). */
static uint32_t echo_width(const struct ldisc *l, uint8_t c)
{
    if (is_control(c))
        return lflag(l, ECHOCTL) ? 2 : 0;
    return is_continuation(l, c) ? 0 : 1;
}

/* The column at the end of the echo of the edited line. */
static uint32_t line_end_column(const struct ldisc *l)
{
    uint32_t col = l->line_column;
    for (uint32_t i = l->committed; i != l->tail; i++) {
        uint8_t c = l->buf[i & MASK];
        col = c == '\t' ? (col | 7) + 1 : col + echo_width(l, c);
    }
    return col;
}

/* Undo on the screen the echo of c, just removed from the line: blank
 * each of its columns with "\b \b"; a tab is only backed over, as far as
 * the rest of the line says it reached. */
static void rub_out(struct ldisc *l, uint8_t c)
{
    if (c == '\t') {
        uint32_t start = line_end_column(l);
        while (l->column > start)
            output(l, '\b');
        return;
    }
    for (uint32_t n = echo_width(l, c); n > 0; n--) {
        output(l, '\b');
        output(l, ' ');
        output(l, '\b');
    }
}

/* ---- the input buffer ---- */

static uint32_t used(const struct ldisc *l)
{
    return l->tail - l->head;
}

static bool line_is_empty(const struct ldisc *l)
{
    return l->tail == l->committed;
}

static uint8_t last_byte(const struct ldisc *l)
{
    return l->buf[(l->tail - 1) & MASK];
}

static void store(struct ldisc *l, uint8_t c, enum ldisc_mark mark)
{
    l->buf[l->tail & MASK] = c;
    l->mark[l->tail & MASK] = (uint8_t)mark;
    l->tail++;
}

/* Make everything typed so far readable. */
static void commit(struct ldisc *l)
{
    l->committed = l->tail;
}

/* Take the last character off the edited line (a whole UTF-8 sequence
 * with IUTF8); returns its first byte, or -1 if the line is empty. */
static int remove_last(struct ldisc *l)
{
    if (line_is_empty(l))
        return -1;
    uint8_t c;
    do {
        c = l->buf[--l->tail & MASK];
    } while (is_continuation(l, c) && !line_is_empty(l));
    return c;
}

void ldisc_flush_input(struct ldisc *l)
{
    l->head = l->committed = l->tail;
    l->literal_next = false;
}

/* An ordinary character: into the buffer, echoed.  Canonical mode keeps
 * the last slot for the newline that ends the line. */
static void add_char(struct ldisc *l, uint8_t c)
{
    bool canonical = lflag(l, ICANON);
    uint32_t room = canonical ? LDISC_BUF_SIZE - 1 : LDISC_BUF_SIZE;
    if (used(l) >= room) {
        if (iflag(l, IMAXBEL))
            put(l, '\a');
        return;
    }
    if (canonical && line_is_empty(l))
        l->line_column = l->column;
    if (lflag(l, ECHO))
        echo_char(l, c);
    store(l, c, MARK_NONE);
    if (!canonical)
        commit(l);
}

/* ---- canonical editing ---- */

/* VERASE (or backspace): the last character. */
static void erase_char(struct ldisc *l, uint8_t typed)
{
    int c = remove_last(l);
    if (c < 0 || !lflag(l, ECHO))
        return;
    if (lflag(l, ECHOE))
        rub_out(l, (uint8_t)c);
    else
        echo_char(l, typed);        /* the terminal shows the erase key */
}

/* VWERASE: the last word and the blanks or punctuation after it. */
static void erase_word(struct ldisc *l)
{
    bool in_word = false;
    while (!line_is_empty(l)) {
        bool word = is_word_char(last_byte(l));
        if (in_word && !word)
            break;
        in_word |= word;
        int c = remove_last(l);
        if (lflag(l, ECHO))
            rub_out(l, (uint8_t)c);
    }
}

/* VKILL: the whole line.  With ECHOKE (and ECHOK, ECHOE) it is rubbed
 * out on the screen; otherwise the kill character is shown, then a
 * newline with ECHOK. */
static void kill_line(struct ldisc *l, uint8_t typed)
{
    if (line_is_empty(l))
        return;
    if (!lflag(l, ECHO)) {
        l->tail = l->committed;
        return;
    }
    if (!lflag(l, ECHOK) || !lflag(l, ECHOKE) || !lflag(l, ECHOE)) {
        l->tail = l->committed;
        echo_char(l, typed);
        if (lflag(l, ECHOK))
            output(l, '\n');
        return;
    }
    int c;
    while ((c = remove_last(l)) >= 0)
        rub_out(l, (uint8_t)c);
}

/* VREPRINT: show the line again, on a new line. */
static void reprint(struct ldisc *l, uint8_t typed)
{
    echo_char(l, typed);
    output(l, '\n');
    l->line_column = l->column;
    for (uint32_t i = l->committed; i != l->tail; i++)
        echo_char(l, l->buf[i & MASK]);
}

/* VLNEXT: take the next byte literally.  The echo "^\b" leaves the cursor
 * on a caret that the next character's echo overwrites. */
static void literal_next(struct ldisc *l)
{
    l->literal_next = true;
    if (lflag(l, ECHO) && lflag(l, ECHOCTL)) {
        output(l, '^');
        output(l, '\b');
    }
}

/* VEOF: ends the line without adding a byte to it; on an empty line it is
 * an end-of-file, which needs a slot of its own.  Never echoed. */
static void end_of_file(struct ldisc *l)
{
    if (!line_is_empty(l)) {
        l->mark[(l->tail - 1) & MASK] = MARK_EOL;
        commit(l);
    } else if (used(l) < LDISC_BUF_SIZE) {
        store(l, 0, MARK_EOF);
        commit(l);
    }
}

/* Newline, VEOL or VEOL2: the line is complete, terminator included. */
static void end_line(struct ldisc *l, uint8_t c)
{
    if (used(l) >= LDISC_BUF_SIZE)
        return;
    if (c == '\n') {
        if (lflag(l, ECHO) || lflag(l, ECHONL))
            output(l, '\n');
    } else if (lflag(l, ECHO)) {
        echo_char(l, c);
    }
    store(l, c, MARK_EOL);
    commit(l);
}

/* The characters that edit a line in canonical mode; false if c is not
 * one of them.  ^H erases too: serial terminals send it for Backspace. */
static bool edit(struct ldisc *l, uint8_t c)
{
    bool ext = lflag(l, IEXTEN);
    if (is_cc(l, c, VERASE) || c == '\b')
        erase_char(l, c);
    else if (is_cc(l, c, VKILL))
        kill_line(l, c);
    else if (ext && is_cc(l, c, VWERASE))
        erase_word(l);
    else if (ext && is_cc(l, c, VLNEXT))
        literal_next(l);
    else if (ext && lflag(l, ECHO) && is_cc(l, c, VREPRINT))
        reprint(l, c);
    else if (is_cc(l, c, VEOF))
        end_of_file(l);
    else if (c == '\n' || is_cc(l, c, VEOL) || (ext && is_cc(l, c, VEOL2)))
        end_line(l, c);
    else
        return false;
    return true;
}

/* ---- receiving ---- */

/* IXON: VSTOP suspends output and VSTART resumes it (the same character
 * for both toggles); neither becomes input. */
static bool flow_control(struct ldisc *l, uint8_t c)
{
    bool start = is_cc(l, c, VSTART), stop = is_cc(l, c, VSTOP);
    if (start && stop)
        l->stopped = !l->stopped;
    else if (stop)
        l->stopped = true;
    else if (start)
        l->stopped = false;
    return start || stop;
}

static int signal_for(const struct ldisc *l, uint8_t c)
{
    if (is_cc(l, c, VINTR))
        return SIGINT;
    if (is_cc(l, c, VQUIT))
        return SIGQUIT;
    if (is_cc(l, c, VSUSP))
        return SIGTSTP;
    return 0;
}

/* A signal character: pending input goes (unless NOFLSH), output resumes,
 * and the character is echoed ("^C"). */
static void interrupt(struct ldisc *l, uint8_t c)
{
    if (!lflag(l, NOFLSH))
        ldisc_flush_input(l);
    if (iflag(l, IXON))
        l->stopped = false;
    if (lflag(l, ECHO))
        echo_char(l, c);
}

int ldisc_receive(struct ldisc *l, uint8_t c)
{
    if (!(l->termios.c_cflag & CREAD))
        return 0;                   /* the receiver is off */
    if (iflag(l, ISTRIP))
        c &= 0x7f;
    if (iflag(l, IUCLC) && lflag(l, IEXTEN) && c >= 'A' && c <= 'Z')
        c = (uint8_t)(c - 'A' + 'a');
    if (l->literal_next) {
        l->literal_next = false;
        add_char(l, c);
        return 0;
    }
    if (iflag(l, IXON) && flow_control(l, c))
        return 0;
    if (lflag(l, ISIG)) {
        int sig = signal_for(l, c);
        if (sig) {
            interrupt(l, c);
            return sig;
        }
    }
    if (l->stopped && iflag(l, IXON) && iflag(l, IXANY))
        l->stopped = false;
    if (c == '\r') {
        if (iflag(l, IGNCR))
            return 0;
        if (iflag(l, ICRNL))
            c = '\n';
    } else if (c == '\n' && iflag(l, INLCR)) {
        c = '\r';
    }
    if (lflag(l, ICANON) && edit(l, c))
        return 0;
    add_char(l, c);
    return 0;
}

/* ---- reading ---- */

size_t ldisc_pending(const struct ldisc *l)
{
    return l->committed - l->head;
}

size_t ldisc_readable_bytes(const struct ldisc *l)
{
    size_t n = 0;
    for (uint32_t i = l->head; i != l->committed; i++)
        n += l->mark[i & MASK] != MARK_EOF;
    return n;
}

size_t ldisc_read(struct ldisc *l, uint8_t *dst, size_t n, bool *line_done)
{
    bool canonical = lflag(l, ICANON), done = false;
    size_t got = 0;
    while (got < n && l->head != l->committed && !done) {
        uint32_t i = l->head & MASK;
        if (l->mark[i] == MARK_EOF) {
            if (canonical && got > 0) {
                done = true;        /* the end-of-file is the next read's */
                break;
            }
            l->head++;
            done = canonical;       /* raw readers do not see it */
            continue;
        }
        dst[got++] = l->buf[i];
        l->head++;
        done = canonical && l->mark[i] == MARK_EOL;
    }
    if (line_done)
        *line_done = done;
    return got;
}

/* ---- settings changes ---- */

void ldisc_set_termios(struct ldisc *l, const struct termios *t)
{
    bool was_canonical = lflag(l, ICANON);
    l->termios = *t;
    bool canonical = lflag(l, ICANON);
    if (was_canonical && !canonical) {
        commit(l);                  /* the half-typed line is input now */
    } else if (!was_canonical && canonical && ldisc_pending(l) > 0 &&
               l->mark[(l->tail - 1) & MASK] == MARK_NONE) {
        l->mark[(l->tail - 1) & MASK] = MARK_EOL;   /* raw input: one line */
    }
    if (!iflag(l, IXON))
        l->stopped = false;
}
