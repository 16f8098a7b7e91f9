/*
 * sh: the Cowix shell.
 *
 *   sh                    read commands from standard input (interactive,
 *                         with job control and line editing, on a terminal)
 *   sh FILE [ARGS...]     run a script; $0 is FILE, $1... the ARGS
 *   sh -c CMD [NAME [ARGS...]]   run CMD; $0 is NAME
 *
 * The main loop reads a line (more lines while the command is unfinished:
 * open quotes, a trailing | && || or backslash), parses it, runs it, and
 * repeats.  The exit status is that of the last command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "userland/sh/arena.h"
#include "userland/sh/exec.h"
#include "userland/sh/input.h"
#include "userland/sh/jobs.h"
#include "userland/sh/parse.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

struct shell shell;

static void usage(void)
{
    fprintf(stderr, "usage: sh [-c command [name [args...]]] [file [args...]]\n");
    exit(2);
}

/* Parse and run a complete text (sh -c). */
static int run_text(const char *text)
{
    struct list list;
    enum parse_result r = parse(text, &list);

    if (r == PARSE_INCOMPLETE)
        fprintf(stderr, "sh: syntax error: unexpected end of file\n");
    if (r != PARSE_OK)
        return shell.last_status = 2;
    run_list(&list);
    arena_reset();
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

/* Append src to the malloc'd *text. */
static int append(char **text, const char *src)
{
    size_t old = *text ? strlen(*text) : 0;
    char *t = realloc(*text, old + strlen(src) + 1);
    if (t == NULL)
        return -1;
    strcpy(t + old, src);
    *text = t;
    return 0;
}

/*
 * Read lines until they form a complete command, then run it.
 * Returns 0, or -1 at end of input.
 */
static int run_next(struct input *in)
{
    char *text = NULL;
    struct list list;
    enum parse_result r = PARSE_INCOMPLETE;

    while (r == PARSE_INCOMPLETE) {
        char *line = input_line(in, text ? "> " : prompt());
        if (line == NULL) {
            if (text) {
                fprintf(stderr, "sh: syntax error: unexpected end of file\n");
                shell.last_status = 2;
            }
            free(text);
            return -1;
        }
        int failed = append(&text, line);
        free(line);
        if (failed)
            break;
        arena_reset();
        r = parse(text, &list);
    }
    if (r == PARSE_OK)
        run_list(&list);
    else if (r == PARSE_ERROR)
        shell.last_status = 2;
    arena_reset();
    free(text);
    return 0;
}

static void set_params(char **params, int n)
{
    shell.params = params;
    shell.nparams = n;
}

int main(int argc, char **argv)
{
    static char *default_params[] = {"sh", NULL};
    struct input *in = calloc(1, sizeof *in);

    shell.pid = getpid();
    set_params(argc > 0 ? argv : default_params, 1);
    if (in == NULL)
        return 2;

    if (argc > 1 && strcmp(argv[1], "-c") == 0) {
        if (argc < 3)
            usage();
        if (argc > 3)
            set_params(argv + 3, argc - 3);
        return run_text(argv[2]);
    }
    if (argc > 1 && argv[1][0] == '-')
        usage();
    if (argc > 1) {
        in->fd = open(argv[1], O_RDONLY | O_CLOEXEC);
        if (in->fd < 0) {
            fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
            return 127;
        }
        in->own_fd = 1;
        set_params(argv + 1, argc - 1);
    } else {
        in->fd = STDIN_FILENO;
        shell.interactive = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
        in->terminal = shell.interactive;
    }
    if (shell.interactive)
        jobs_init();

    for (;;) {
        jobs_reap();
        if (shell.interactive)
            jobs_notify(1);
        if (run_next(in) < 0)
            break;
    }
    if (shell.interactive) {
        fprintf(stderr, "exit\n");
        jobs_hangup_stopped();
    }
    return shell.last_status;
}
