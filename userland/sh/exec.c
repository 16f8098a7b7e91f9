/*
 * Running commands.
 *
 * A pipeline of n commands runs as n child processes, forked by the
 * shell one after the other, all in one process group whose id is the
 * first child's pid.  Before forking command i (except the last) the shell
 * makes a pipe; child i reads from the previous pipe and writes into the
 * new one.  The shell closes each pipe end as soon as the child that
 * needs it has been forked, so that when a writer exits its reader sees
 * end-of-file.  Both the shell and the child call setpgid (whichever runs
 * first wins the race, the other call is harmless), and for a foreground
 * job the child also gives the terminal to its group before it execs.
 *
 * A builtin that is the only command of a foreground pipeline runs inside
 * the shell (so `cd` changes the shell's directory); its redirections
 * are undone afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include "userland/sh/exec.h"
#include "userland/sh/arena.h"
#include "userland/sh/expand.h"
#include "userland/sh/builtins.h"
#include "userland/sh/jobs.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

/* ---- redirections ---- */

#define MAX_SAVED 16

/* fds a builtin's redirections replaced, to put back afterwards */
struct saved_fds {
    int fd[MAX_SAVED];
    int copy[MAX_SAVED];        /* a dup of the original, or -1 if closed */
    int n;
};

static void save_fd(struct saved_fds *s, int fd)
{
    if (s == NULL || s->n == MAX_SAVED)
        return;
    int copy = fcntl(fd, F_DUPFD, 10);
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    s->fd[s->n] = fd;
    s->copy[s->n] = copy;
    s->n++;
}

static void restore_fds(struct saved_fds *s)
{
    fflush(stdout);
    fflush(stderr);
    while (s->n > 0) {
        s->n--;
        if (s->copy[s->n] >= 0) {
            dup2(s->copy[s->n], s->fd[s->n]);
            close(s->copy[s->n]);
        } else {
            close(s->fd[s->n]);
        }
    }
}

/* Make r->fd refer to what `r` says. */
static int redirect(struct redir *r)
{
    char *target = expand_single(r->target);
    int newfd;

    if (r->kind == R_DUP_IN || r->kind == R_DUP_OUT) {
        if (strcmp(target, "-") == 0) {
            close(r->fd);
            return 0;
        }
        char *end;
        newfd = (int)strtol(target, &end, 10);
        if (*target == '\0' || *end != '\0') {
            fprintf(stderr, "sh: %s: ambiguous redirect\n", target);
            return -1;
        }
        if (fcntl(newfd, F_GETFD) < 0) {
            fprintf(stderr, "sh: %d: %s\n", newfd, strerror(errno));
            return -1;
        }
        return dup2(newfd, r->fd) < 0 ? -1 : 0;
    }
    static const int flags[] = {
        [R_IN] = O_RDONLY,
        [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
        [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
    };
    newfd = open(target, flags[r->kind], 0666);
    if (newfd < 0) {
        fprintf(stderr, "sh: %s: %s\n", target, strerror(errno));
        return -1;
    }
    if (newfd != r->fd) {
        dup2(newfd, r->fd);
        close(newfd);
    }
    return 0;
}

/* Apply cmd's redirections in order; save the old fds if `saved`. */
static int apply_redirs(struct command *cmd, struct saved_fds *saved)
{
    for (int i = 0; i < cmd->nredirs; i++) {
        save_fd(saved, cmd->redirs[i].fd);
        if (redirect(&cmd->redirs[i]) < 0)
            return -1;
    }
    return 0;
}

int redirect_shell(struct command *cmd)
{
    return apply_redirs(cmd, NULL);
}

/* ---- simple commands ---- */

/* Expand the words after the leading NAME=value assignments. */
static char **expand_args(struct command *cmd, int *nassign)
{
    struct fields f = {0};
    int i = 0;

    while (i < cmd->nwords && var_assignment(cmd->words[i]))
        i++;
    *nassign = i;
    for (; i < cmd->nwords; i++)
        expand_word(cmd->words[i], &f);
    if (f.v == NULL)
        f.v = arena_alloc(sizeof *f.v);     /* no words: argv = {NULL} */
    return f.v;
}

/* Apply the first n words (NAME=value) as variables; export if asked. */
static void assign(struct command *cmd, int n, int export)
{
    for (int i = 0; i < n; i++) {
        char *word = cmd->words[i];
        size_t len = var_assignment(word);
        char *name = strndup(word, len);
        if (name == NULL)
            continue;
        var_set(name, expand_single(word + len + 1));
        if (export)
            var_export(name);
        free(name);
    }
}

static int argc_of(char **argv)
{
    int n = 0;
    while (argv[n])
        n++;
    return n;
}

/* exec argv, or say why not and exit 127 (not found) / 126. */
void exec_program(char **argv)
{
    execvp(argv[0], argv);
    int err = errno;
    if (err == ENOENT && !strchr(argv[0], '/')) {
        fprintf(stderr, "sh: %s: command not found\n", argv[0]);
        exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
    exit(err == ENOENT ? 127 : 126);
}

/* In a child process: run one command of a pipeline; never returns. */
static _Noreturn void run_in_child(struct command *cmd)
{
    int nassign;
    char **argv = expand_args(cmd, &nassign);

    assign(cmd, nassign, 1);        /* VAR=x cmd: in cmd's environment */
    if (apply_redirs(cmd, NULL) < 0)
        exit(1);
    if (argv[0] == NULL)
        exit(0);
    builtin_fn builtin = builtin_find(argv[0]);
    if (builtin) {
        int status = builtin(argc_of(argv), argv);
        fflush(stdout);
        exit(status);
    }
    exec_program(argv);
    exit(127);
}

/* A lone builtin or assignment in the foreground: run it in the shell. */
static int run_in_shell(struct command *cmd, int *status)
{
    int nassign;
    char **argv = expand_args(cmd, &nassign);
    builtin_fn builtin = argv[0] ? builtin_find(argv[0]) : NULL;

    if (argv[0] != NULL && builtin == NULL)
        return 0;                   /* not for us: fork as usual */

    /* `exec` keeps its redirections: they are meant for the shell. */
    int keep = argv[0] && strcmp(argv[0], "exec") == 0;
    struct saved_fds saved = {.n = 0};
    if (apply_redirs(cmd, keep ? NULL : &saved) < 0) {
        *status = 1;
    } else if (builtin) {
        *status = builtin(argc_of(argv), argv);
    } else {
        assign(cmd, nassign, 0);    /* plain NAME=value */
        *status = 0;
    }
    restore_fds(&saved);
    return 1;
}

/* ---- pipelines ---- */

/* What a child does before running its command: group, tty, signals. */
static void child_setup(pid_t pgid, int background)
{
    if (shell.job_control) {
        pid_t group = pgid ? pgid : getpid();
        setpgid(0, group);
        if (!background)
            tcsetpgrp(shell.tty_fd, group);
    }
    /* Undo the shell's signal settings (ignored signals survive exec). */
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    signal(SIGTTIN, SIG_DFL);
    signal(SIGTTOU, SIG_DFL);
    if (background && !shell.job_control) {
        /* POSIX: without job control, background jobs ignore Ctrl-C and
         * read from /dev/null rather than compete for the terminal. */
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        int fd = open("/dev/null", O_RDONLY);
        if (fd > 0) {
            dup2(fd, 0);
            close(fd);
        }
    }
    jobs_forget();
    shell.interactive = 0;
    shell.job_control = 0;
}

/* Fork the processes of pipeline pl into job j. */
static int start_pipeline(struct pipeline *pl, struct job *j)
{
    int prev_read = -1;

    for (int i = 0; i < pl->ncmds; i++) {
        int fds[2] = {-1, -1};
        int last = i == pl->ncmds - 1;
        if (!last && pipe(fds) < 0) {
            perror("sh: pipe");
            break;
        }
        fflush(stdout);             /* or the child would inherit it */
        pid_t pid = fork();
        if (pid == 0) {
            child_setup(j->pgid, j->background);
            if (prev_read >= 0) {
                dup2(prev_read, 0);
                close(prev_read);
            }
            if (!last) {
                close(fds[0]);      /* the next command's end */
                dup2(fds[1], 1);
                close(fds[1]);
            }
            run_in_child(&pl->cmds[i]);
        }
        if (pid < 0)
            perror("sh: fork");
        else {
            if (j->pgid == 0)
                j->pgid = pid;
            if (shell.job_control)
                setpgid(pid, j->pgid);
            job_add_proc(j, pid);
        }
        if (prev_read >= 0)
            close(prev_read);
        if (!last)
            close(fds[1]);
        prev_read = fds[0];
        if (pid < 0)
            break;
    }
    if (prev_read >= 0)
        close(prev_read);
    return j->nprocs == pl->ncmds ? 0 : -1;
}

static int run_pipeline(struct pipeline *pl, const char *text)
{
    int status;

    if (pl->ncmds == 1 && run_in_shell(&pl->cmds[0], &status))
        return pl->negate ? !status : status;
    if (pl->ncmds > MAX_JOB_PROCS) {
        fprintf(stderr, "sh: pipeline too long\n");
        return 2;
    }
    struct job *j = job_new(text, 0);
    if (j == NULL)
        return 2;
    if (start_pipeline(pl, j) < 0 && j->nprocs == 0) {
        job_discard(j);             /* nothing started */
        return 2;
    }
    status = job_run_foreground(j, 0);
    return pl->negate ? !status : status;
}

/* ---- and-or lists ---- */

static int run_and_or(struct and_or *ao)
{
    int status = run_pipeline(&ao->pipes[0], ao->text);

    for (int i = 1; i < ao->npipes && !shell.interrupted; i++) {
        enum andor_op op = ao->ops[i - 1];
        if ((op == OP_AND) == (status == 0))
            status = run_pipeline(&ao->pipes[i], ao->text);
    }
    return status;
}

/*
 * cmd &: a single pipeline becomes a job directly; a longer and-or list
 * runs in a forked copy of the shell, which is the job.
 */
static void run_background(struct and_or *ao)
{
    struct job *j = job_new(ao->text, 1);
    if (j == NULL)
        return;

    if (ao->npipes == 1) {
        start_pipeline(&ao->pipes[0], j);
    } else {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            child_setup(0, 1);
            exit(run_and_or(ao));
        }
        if (pid > 0) {
            j->pgid = pid;
            if (shell.job_control)
                setpgid(pid, pid);
            job_add_proc(j, pid);
        }
    }
    if (j->nprocs == 0) {
        job_discard(j);             /* nothing started */
        return;
    }
    shell.last_bg = j->pids[j->nprocs - 1];
    job_run_background(j, 0);
    if (shell.interactive)
        fprintf(stderr, "[%d] %d\n", j->id, shell.last_bg);
}

int run_list(struct list *list)
{
    shell.interrupted = 0;
    for (int i = 0; i < list->nitems && !shell.interrupted; i++) {
        struct and_or *ao = &list->items[i];
        if (ao->background) {
            run_background(ao);
            shell.last_status = 0;
        } else {
            shell.last_status = run_and_or(ao);
        }
    }
    return shell.last_status;
}
