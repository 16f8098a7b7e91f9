/*
 * Command substitution.  The shell makes a pipe and forks; the child is a
 * subshell (a copy of the shell with its variables and functions) that
 * parses and runs the command with its standard output on the pipe.  The
 * parent reads the pipe to end-of-file (when every process holding the
 * write end has finished), then reaps the child with waitpid(pid): this
 * child is no job, so the job table never sees it.  Its status is kept
 * in shell.subst_status: it becomes $? only for a command that has no
 * name (`x=$(cmd)`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include "userland/sh/subst.h"
#include "userland/sh/arena.h"
#include "userland/sh/exec.h"
#include "userland/sh/jobs.h"
#include "userland/sh/shell.h"
#include "userland/sh/source.h"
#include "userland/sh/trap.h"

static _Noreturn void run_child(int fds[2], const char *text)
{
    close(fds[0]);
    if (fds[1] != STDOUT_FILENO) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
    }
    become_subshell();
    /* Ctrl-C must be able to end it (the interactive shell ignores it). */
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    shell_exit(run_string(text));
}

/* Everything until end-of-file, in the arena. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 256;
    char *buf = malloc(cap);
    ssize_t n;

    *len = 0;
    while (buf) {
        if (*len + 1 >= cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                break;
            buf = bigger;
        }
        n = read(fd, buf + *len, cap - *len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        *len += (size_t)n;
    }
    char *copy = arena_strndup(buf ? buf : "", buf ? *len : 0);
    free(buf);
    return copy;
}

char *command_output(const char *text)
{
    int fds[2], status;
    size_t len;

    if (pipe(fds) < 0) {
        perror("sh: pipe");
        return "";
    }
    fflush(stdout);                 /* or the child would inherit it */
    pid_t pid = fork();
    if (pid == 0)
        run_child(fds, text);
    close(fds[1]);
    if (pid < 0) {
        perror("sh: fork");
        close(fds[0]);
        return "";
    }
    char *out = read_all(fds[0], &len);
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    shell.subst_status = status_code(status);
    while (len > 0 && out[len - 1] == '\n')
        out[--len] = '\0';
    return out;
}
