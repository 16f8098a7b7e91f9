/*
 * sh: the Cowix shell.
 *
 *   sh                    read commands from standard input (interactive,
 *                         with job control and line editing, on a terminal)
 *   sh FILE [ARGS...]     run a script; $0 is FILE, $1... the ARGS
 *   sh -c CMD [NAME [ARGS...]]   run CMD; $0 is NAME
 *
 * The main loop reads complete commands (source.c), runs them, and
 * repeats.  The exit status is that of the last command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "userland/sh/input.h"
#include "userland/sh/jobs.h"
#include "userland/sh/positional.h"
#include "userland/sh/shell.h"
#include "userland/sh/source.h"
#include "userland/sh/trap.h"
#include "userland/sh/vars.h"

struct shell shell;

static void usage(void)
{
    fprintf(stderr, "usage: sh [-c command [name [args...]]] [file [args...]]\n");
    exit(2);
}

/* $0 and the positional parameters from argv[0], argv[1]... */
static void set_params(char **argv, int n)
{
    shell.arg0 = n > 0 ? argv[0] : "sh";
    params_set(argv + 1, n > 1 ? n - 1 : 0);
}

/* The commands of `in`, up to its end (or `return` at the top level). */
static void run_input(struct input *in)
{
    for (;;) {
        jobs_reap();
        if (shell.interactive)
            jobs_notify(1);
        if (run_next(in) < 0)
            break;
        if (shell.skip == SKIP_RETURN && !shell.interactive)
            break;
        shell.skip = SKIP_NONE;     /* break or continue outside loops */
    }
}

int main(int argc, char **argv)
{
    struct input *in = calloc(1, sizeof *in);

    shell.pid = getpid();
    var_set("IFS", " \t\n");          /* whatever the environment says */
    set_params(argv, argc > 0 ? 1 : 0);
    if (in == NULL)
        return 2;

    if (argc > 1 && strcmp(argv[1], "-c") == 0) {
        if (argc < 3)
            usage();
        if (argc > 3)
            set_params(argv + 3, argc - 3);
        shell_exit(run_string(argv[2]));
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

    run_input(in);
    if (shell.interactive) {
        fprintf(stderr, "exit\n");
        jobs_hangup_stopped();
    }
    shell_exit(shell.last_status);
}
