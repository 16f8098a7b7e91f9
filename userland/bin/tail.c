/*
 * tail [-n N | -N] [FILE...]: the last N lines (default 10).  The input
 * is read whole into memory, then the start of the last N lines is found
 * by counting newlines backwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <err.h>
#include "userland/bin/lib/lines.h"

/* Read all of fd into a malloc'd buffer; -1 on error. */
static ssize_t slurp(int fd, char **out)
{
    size_t len = 0, cap = 65536;
    char *buf = malloc(cap);
    ssize_t n;

    while (buf && (n = read(fd, buf + len, cap - len)) > 0) {
        len += (size_t)n;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                break;
            buf = bigger;
        }
    }
    *out = buf;
    return buf ? (ssize_t)len : -1;
}

/* Where the last n lines of buf start. */
static size_t last_lines(const char *buf, size_t len, long n)
{
    size_t i = len;

    if (n == 0)
        return len;
    if (i > 0 && buf[i - 1] == '\n')
        i--;                            /* the final newline ends the last line */
    for (; i > 0; i--)
        if (buf[i - 1] == '\n' && --n == 0)
            return i;
    return 0;
}

static int tail(int fd, long n)
{
    char *buf;
    ssize_t len = slurp(fd, &buf);
    if (len < 0)
        return -1;
    size_t start = last_lines(buf, (size_t)len, n);
    fwrite(buf + start, 1, (size_t)len - start, stdout);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    long n = 10;
    int first = parse_line_count(argc, argv, &n, "tail [-n lines] [file...]");
    int status = 0;

    if (first < 0)
        return 2;
    if (first == argc)
        return tail(0, n) < 0 ? 1 : 0;
    for (int i = first; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        fflush(stdout);
        if (fd < 0 || tail(fd, n) < 0) {
            warn("%s", argv[i]);
            status = 1;
        }
        if (fd > 0)
            close(fd);
    }
    return status;
}
