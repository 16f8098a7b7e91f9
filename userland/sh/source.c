/*
 * Reading, parsing and running commands.
 *
 * From an input, a line is read and parsed.  While the command is
 * unfinished (an open quote, a trailing | && || or backslash, an open
 * if/while/for/case/{/(, a here-document) the parser asks for the next
 * line (prompt "> " on a terminal), so each line is read and parsed once.
 * The complete commands are then run, and the arena is given back to
 * where it was.
 *
 * The `.` and `eval` builtins are here too: they run a file or a string
 * as if it had been typed where they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "userland/sh/source.h"
#include "userland/sh/arena.h"
#include "userland/sh/builtins.h"
#include "userland/sh/exec.h"
#include "userland/sh/jobs.h"
#include "userland/sh/parse.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

static void unexpected_end(void)
{
    fprintf(stderr, "sh: syntax error: unexpected end of file\n");
}

int run_string(const char *text)
{
    struct arena_mark mark = arena_mark();
    struct list list;
    enum parse_result r = parse(text, &list);

    if (r == PARSE_INCOMPLETE)
        unexpected_end();
    if (r == PARSE_OK)
        run_list(&list);
    else
        shell.last_status = 2;
    arena_release(mark);
    return shell.last_status;
}

/* PS1, or the current directory followed by "# " (root) or "$ ". */
static const char *prompt(void)
{
    static char buf[PATH_MAX + 8];
    const char *ps1 = var_get("PS1");
    if (ps1)
        return ps1;
    if (getcwd(buf, PATH_MAX) == NULL)
        strcpy(buf, "?");
    strcat(buf, geteuid() == 0 ? "# " : "$ ");
    return buf;
}

/* The text of the command being read, and where its lines come from. */
struct reading {
    struct input *in;
    char *text;                 /* malloc'd */
    size_t len;
};

/* Append a line to r->text: NULL at the end of the input. */
static const char *read_line(struct reading *r, const char *prompt)
{
    char *line = input_line(r->in, prompt);
    if (line == NULL)
        return NULL;
    size_t n = strlen(line);
    char *t = realloc(r->text, r->len + n + 1);
    if (t != NULL) {
        memcpy(t + r->len, line, n + 1);
        r->text = t;
        r->len += n;
    }
    free(line);
    return t;
}

/* The parser wants more: a continuation line. */
static int more_lines(void *ctx, const char **text)
{
    struct reading *r = ctx;
    return (*text = read_line(r, "> ")) ? 0 : -1;
}

int run_next(struct input *in)
{
    struct arena_mark mark = arena_mark();
    struct reading r = {in, NULL, 0};
    struct list list;

    if (read_line(&r, prompt()) == NULL)
        return -1;
    enum parse_result result = parse_more(r.text, &list, more_lines, &r);
    shell.interrupted = 0;
    jobs_took_sigint();
    if (result == PARSE_OK)
        run_list(&list);
    else
        shell.last_status = 2;
    if (result == PARSE_INCOMPLETE)
        unexpected_end();
    if (jobs_took_sigint()) {
        fputc('\n', stderr);       /* after the ^C the terminal echoed */
        shell.last_status = 130;
    }
    arena_release(mark);
    free(r.text);
    return result == PARSE_INCOMPLETE ? -1 : 0;
}

/* The file for `. name`: a name without / is looked for in $PATH, then here. */
static int open_script(const char *name)
{
    const char *path = var_get("PATH");
    char buf[PATH_MAX];

    while (!strchr(name, '/') && path && *path) {
        size_t len = strcspn(path, ":");
        if (snprintf(buf, sizeof buf, "%.*s/%s", (int)len, len ? path : ".",
                     name) < (int)sizeof buf) {
            int fd = open(buf, O_RDONLY | O_CLOEXEC);
            if (fd >= 0)
                return fd;
        }
        path += len + (path[len] == ':');
    }
    return open(name, O_RDONLY | O_CLOEXEC);
}

/* . FILE: run the commands of FILE in this shell. */
int bi_dot(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "sh: .: filename argument required\n");
        return 2;
    }
    struct input *in = calloc(1, sizeof *in);
    if (in == NULL)
        return 2;
    in->fd = open_script(argv[1]);
    if (in->fd < 0) {
        fprintf(stderr, "sh: .: %s: %s\n", argv[1], strerror(errno));
        free(in);
        if (!shell.interactive)
            exit(2);            /* an error in a special builtin, as dash does */
        return 2;
    }
    in->own_fd = 1;
    shell.last_status = 0;
    while (!shell_stopping() && run_next(in) == 0)
        ;
    if (shell.skip == SKIP_RETURN)
        shell.skip = SKIP_NONE;
    close(in->fd);
    free(in);
    return shell.last_status;
}

/* eval ARGS: run the arguments, joined by spaces, as a command. */
int bi_eval(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *text = arena_alloc(len);
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            strcat(text, " ");
        strcat(text, argv[i]);
    }
    shell.last_status = 0;
    return run_string(text);
}
