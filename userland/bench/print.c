/*
 * Formatting the benchmark's lines by hand.  A line is assembled in a
 * buffer and written with a single write(), so a line never mixes with
 * output from another process and costs one system call outside the
 * timed loops.
 */
#include "userland/bench/print.h"
#include "userland/bench/sys.h"

#define LINE_CAPACITY 128

struct line {
    char text[LINE_CAPACITY];
    int length;
};

static int errors_printed;

/* Append, silently truncating: no line of ours comes near the capacity,
 * and the newline always keeps its byte. */
static void add_char(struct line *line, char c)
{
    if (line->length < LINE_CAPACITY - 1)
        line->text[line->length++] = c;
}

static void add_text(struct line *line, const char *text)
{
    while (*text)
        add_char(line, *text++);
}

static void add_unsigned(struct line *line, uint64_t value)
{
    char digits[20]; /* 2^64 - 1 has 20 decimal digits */
    int count = 0;

    do {
        digits[count++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count > 0)
        add_char(line, digits[--count]);
}

static void add_signed(struct line *line, long value)
{
    if (value < 0) {
        add_char(line, '-');
        add_unsigned(line, -(uint64_t)(int64_t)value);
    } else {
        add_unsigned(line, (uint64_t)value);
    }
}

static void start(struct line *line, const char *text)
{
    line->length = 0;
    add_text(line, text);
}

static void send(struct line *line)
{
    line->text[line->length++] = '\n';
    syscall3(__NR_write, 1, (long)line->text, line->length);
}

void print_text(const char *text)
{
    struct line line;
    start(&line, text);
    send(&line);
}

/* cycles_per_op is rounded to the nearest whole cycle. */
void print_result(const char *name, uint32_t iterations, uint64_t cycles)
{
    struct line line;
    start(&line, name);
    add_char(&line, ' ');
    add_unsigned(&line, iterations);
    add_char(&line, ' ');
    add_unsigned(&line, cycles);
    add_char(&line, ' ');
    add_unsigned(&line, (cycles + iterations / 2) / iterations);
    send(&line);
}

void print_error(const char *name, const char *call, long value)
{
    struct line line;
    start(&line, "ERROR ");
    add_text(&line, name);
    add_char(&line, ' ');
    add_text(&line, call);
    add_char(&line, ' ');
    add_signed(&line, value);
    send(&line);
    errors_printed++;
}

int print_error_count(void)
{
    return errors_printed;
}
