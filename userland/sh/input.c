/*
 * Reading command lines.
 *
 * A script the shell opened itself (close-on-exec, so no command shares
 * it) is read in blocks.  Any other descriptor, typically standard input,
 * is read one byte at a time: the commands the shell runs read from the
 * same descriptor, and they must find the input right after the line the
 * shell took (`sh < script` where the script runs `cat`).
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "userland/sh/input.h"
#include "userland/sh/lineedit.h"

static int next_byte(struct input *in)
{
    if (in->pos == in->len) {
        size_t want = in->own_fd ? sizeof in->buf : 1;
        ssize_t n;
        do {
            n = read(in->fd, in->buf, want);
        } while (n < 0 && errno == EINTR);
        if (n <= 0)
            return -1;
        in->pos = 0;
        in->len = (size_t)n;
    }
    return (unsigned char)in->buf[in->pos++];
}

static char *plain_line(struct input *in)
{
    size_t len = 0, cap = 128;
    char *line = malloc(cap);
    int c = 0;

    while (line && (c = next_byte(in)) >= 0) {
        if (len + 2 > cap) {
            char *bigger = realloc(line, cap *= 2);
            if (!bigger)
                break;
            line = bigger;
        }
        line[len++] = (char)c;
        if (c == '\n')
            break;
    }
    if (line == NULL || len == 0) {
        free(line);
        return NULL;
    }
    line[len] = '\0';
    return line;
}

char *input_line(struct input *in, const char *prompt)
{
    if (in->terminal) {
        int not_tty;
        char *line = lineedit_read(in->fd, STDERR_FILENO, prompt, &not_tty);
        if (!not_tty) {
            if (line)
                lineedit_history_add(line);
            return line;
        }
        in->terminal = 0;       /* raw mode refused: plain reading */
    }
    if (isatty(in->fd))
        write(STDERR_FILENO, prompt, strlen(prompt));
    return plain_line(in);
}
