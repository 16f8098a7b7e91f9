/*
 * read [-r] NAME...: read one line of standard input and split it into
 * fields at $IFS like an unquoted expansion (fields.c); each NAME gets a
 * field, the last NAME the rest of the line (less IFS white space at its
 * ends).  Without -r a backslash quotes the next character (it is not a
 * delimiter) and backslash-newline continues the line.  Status 1 at the
 * end of the input.
 *
 * The commands after `read` must find the input right after the line, so
 * a pipe or terminal is read one byte at a time; a regular file is read
 * a block at a time and the offset put back after the line with lseek.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include "userland/sh/builtins.h"
#include "userland/sh/arena.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

struct reader {
    int fd;
    char buf[256];
    int pos, len;
    int seekable;
};

static int next_byte(struct reader *r)
{
    if (r->pos == r->len) {
        ssize_t n;
        do {
            n = read(r->fd, r->buf, r->seekable ? sizeof r->buf : 1);
        } while (n < 0 && errno == EINTR && !shell.interrupted);
        if (n <= 0)
            return -1;
        r->pos = 0;
        r->len = (int)n;
    }
    return (unsigned char)r->buf[r->pos++];
}

/* The line: its characters, and which of them a backslash quoted. */
struct line {
    char *text, *quoted;
    int len, cap;
};

static void line_add(struct line *l, char c, char quoted)
{
    if (l->len + 1 >= l->cap) {
        int cap = l->cap ? 2 * l->cap : 128;
        char *text = arena_alloc((size_t)cap), *q = arena_alloc((size_t)cap);
        memcpy(text, l->text, (size_t)l->len);
        memcpy(q, l->quoted, (size_t)l->len);
        l->text = text;
        l->quoted = q;
        l->cap = cap;
    }
    l->text[l->len] = c;
    l->quoted[l->len++] = quoted;
    l->text[l->len] = '\0';
}

/* Read up to a newline; 0, or -1 if the input ended first. */
static int read_line(struct reader *r, struct line *l, int raw)
{
    int c;

    line_add(l, '\0', 0);               /* an empty line is "" */
    l->len = 0;
    while ((c = next_byte(r)) >= 0 && c != '\n') {
        if (c == '\\' && !raw) {
            c = next_byte(r);
            if (c < 0)
                break;
            if (c != '\n')
                line_add(l, (char)c, 1);
            continue;
        }
        line_add(l, (char)c, 0);
    }
    if (r->seekable && r->pos < r->len)
        lseek(r->fd, r->pos - r->len, SEEK_CUR);    /* unread the rest */
    return c < 0 ? -1 : 0;
}

/* Is character k of the line an (unquoted) IFS delimiter?  White space? */
static int delim(const struct line *l, int k, const char *ifs)
{
    return !l->quoted[k] && strchr(ifs, l->text[k]) != NULL;
}

static int white(const struct line *l, int k, const char *ifs)
{
    char c = l->text[k];
    return delim(l, k, ifs) && (c == ' ' || c == '\t' || c == '\n');
}

/* Assign the fields of l to names[0..n): see the top of the file. */
static void split_into(const struct line *l, char **names, int n)
{
    const char *ifs = var_get("IFS");
    int i = 0;

    if (ifs == NULL)
        ifs = " \t\n";
    while (i < l->len && white(l, i, ifs))
        i++;
    for (int v = 0; v < n; v++) {
        int start = i, end;
        if (v == n - 1) {               /* the last name: all the rest */
            end = l->len;
            while (end > start && white(l, end - 1, ifs))
                end--;
        } else {
            while (i < l->len && !delim(l, i, ifs))
                i++;
            end = i;
            while (i < l->len && white(l, i, ifs))
                i++;
            if (i < l->len && delim(l, i, ifs))     /* one other delimiter */
                for (i++; i < l->len && white(l, i, ifs); i++)
                    ;
        }
        var_set(names[v], arena_strndup(l->text + start, (size_t)(end - start)));
    }
}

int bi_read(int argc, char **argv)
{
    struct reader r = {.fd = STDIN_FILENO};
    struct line l = {0};
    struct stat st;
    int raw = 0, i = 1;

    if (i < argc && strcmp(argv[i], "-r") == 0) {
        raw = 1;
        i++;
    }
    if (i == argc) {
        fprintf(stderr, "sh: read: arg count\n");
        return 2;
    }
    for (int k = i; k < argc; k++) {
        if (!var_valid_name(argv[k], strlen(argv[k]))) {
            fprintf(stderr, "sh: read: %s: bad variable name\n", argv[k]);
            return 2;
        }
    }
    r.seekable = fstat(r.fd, &st) == 0 && S_ISREG(st.st_mode);
    int status = read_line(&r, &l, raw) < 0 ? 1 : 0;
    split_into(&l, argv + i, argc - i);
    return status;
}
