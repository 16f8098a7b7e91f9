/*
 * The shell's global state, shared by its parts.
 */
#ifndef USERLAND_SH_SHELL_H
#define USERLAND_SH_SHELL_H

#include <sys/types.h>

struct shell {
    int last_status;        /* $? */
    pid_t pid;              /* $$ */
    pid_t last_bg;          /* $! */
    int interactive;        /* reading commands from a terminal */
    int job_control;        /* process groups and the terminal are ours */
    int tty_fd;             /* the controlling terminal, when job_control */
    pid_t pgid;             /* the shell's own process group */
    int interrupted;        /* a foreground job died of SIGINT: stop the line */
    char **params;          /* $0, $1, ... */
    int nparams;            /* including $0 */
};

extern struct shell shell;

#endif
