/*
 * The shell's global state, shared by its parts.
 */
#ifndef USERLAND_SH_SHELL_H
#define USERLAND_SH_SHELL_H

#include <signal.h>
#include <sys/types.h>

/* Why the commands being run stop early (break, continue, return). */
enum skip { SKIP_NONE, SKIP_BREAK, SKIP_CONTINUE, SKIP_RETURN };

struct shell {
    int last_status;        /* $? */
    int subst_status;       /* status of the last command substitution */
    pid_t pid;              /* $$ */
    pid_t last_bg;          /* $! */
    int interactive;        /* reading commands from a terminal */
    int job_control;        /* process groups and the terminal are ours */
    int tty_fd;             /* the controlling terminal, when job_control */
    pid_t pgid;             /* the shell's own process group */
    volatile sig_atomic_t interrupted;  /* stop the command line: Ctrl-C, an error */
    char *arg0;             /* $0 */
    char **params;          /* $1, $2, ... */
    int nparams;            /* $# */
    enum skip skip;         /* break / continue / return in progress */
    int skip_count;         /* how many loops break / continue leave */
    int loop_depth;         /* loops running now (for break N) */
};

extern struct shell shell;

/* Something is stopping the commands from going on. */
static inline int shell_stopping(void)
{
    return shell.skip != SKIP_NONE || shell.interrupted;
}

#endif
