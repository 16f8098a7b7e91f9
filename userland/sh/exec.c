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
 * job the child also gives the terminal to its group before it runs.
 *
 * A command that is a whole pipeline on its own runs inside the shell
 * when it can: builtins (so `cd` changes the shell's directory),
 * functions, and compound commands other than ( ... ) (so a loop can set
 * variables).  Its redirections are undone afterwards.  A simple command
 * is expanded once, in the shell, before the shell decides whether to
 * fork for it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "userland/sh/exec.h"
#include "userland/sh/arena.h"
#include "userland/sh/builtins.h"
#include "userland/sh/exec_compound.h"
#include "userland/sh/expand.h"
#include "userland/sh/func.h"
#include "userland/sh/jobs.h"
#include "userland/sh/redir.h"
#include "userland/sh/shell.h"
#include "userland/sh/trap.h"
#include "userland/sh/vars.h"

/* ---- the words of a simple command ---- */

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
    for (int i = 0; i < n && !expand_failed(); i++) {
        char *word = cmd->words[i];
        size_t len = var_assignment(word);
        char *name = arena_strndup(word, len);
        var_set(name, expand_single(word + len + 1));
        if (export)
            var_export(name);
    }
}

/* VAR=x before a builtin or function: set (and exported) while it runs. */
static struct var_backup *assign_for_now(struct command *cmd, int n)
{
    struct var_backup *saved = arena_alloc((size_t)n * sizeof *saved);

    for (int i = 0; i < n; i++)
        var_backup(&saved[i], arena_strndup(cmd->words[i],
                                            var_assignment(cmd->words[i])));
    assign(cmd, n, 1);
    return saved;
}

static void undo_assignments(struct var_backup *saved, int n)
{
    while (n-- > 0)
        var_restore(&saved[n]);
}

static int argc_of(char **argv)
{
    int n = 0;
    while (argv[n])
        n++;
    return n;
}

/* ---- programs, builtins and functions ---- */

void exec_program(char **argv)
{
    fflush(stdout);
    execvp(argv[0], argv);
    int err = errno;
    if (err == ENOENT && !strchr(argv[0], '/')) {
        fprintf(stderr, "sh: %s: command not found\n", argv[0]);
        exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
    exit(err == ENOENT ? 127 : 126);
}

/* What a command name names, other than a program. */
struct resolved {
    const struct builtin *builtin;
    struct function *function;
};

static struct resolved resolve(const char *name)
{
    struct resolved r = {builtin_find(name), NULL};

    if (r.builtin == NULL || !r.builtin->special) {
        r.function = func_find(name);
        if (r.function)
            r.builtin = NULL;
    }
    return r;
}

static int call(struct resolved r, char **argv)
{
    if (r.function)
        return func_call(r.function, argv);
    int status = r.builtin->fn(argc_of(argv), argv);
    fflush(stdout);
    return status;
}

/*
 * A builtin or function in the shell.  Assignments before a special
 * builtin stay; before others they last for the command.  `exec` keeps
 * its redirections: they are meant for the shell.
 */
static int run_here(struct command *cmd, char **argv, int nassign,
                    struct resolved r)
{
    int keep = r.builtin && strcmp(argv[0], "exec") == 0;
    int lasting = r.builtin && r.builtin->special;
    struct saved_fds saved = {.n = 0};
    struct var_backup *vars = NULL;
    int status = 1;

    if (apply_redirs(cmd->redirs, cmd->nredirs, keep ? NULL : &saved) == 0) {
        if (lasting)
            assign(cmd, nassign, 0);
        else
            vars = assign_for_now(cmd, nassign);
        status = call(r, argv);
        if (vars)
            undo_assignments(vars, nassign);
    }
    restore_fds(&saved);
    return status;
}

/* Assignments and redirections without a command name. */
static int run_without_name(struct command *cmd, int nassign)
{
    struct saved_fds saved = {.n = 0};
    int status = apply_redirs(cmd->redirs, cmd->nredirs, &saved) < 0;

    restore_fds(&saved);
    assign(cmd, nassign, 0);
    /* With a command substitution, its status is the command's. */
    return status ? status : shell.subst_status;
}

/* ---- child processes ---- */

void become_subshell(void)
{
    jobs_forget();
    trap_reset_for_subshell();
    shell.interactive = 0;
    shell.job_control = 0;
}

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
    become_subshell();
}

/*
 * Fork a process into job j.  The child (0 is returned to it) has joined
 * the job's group and reads in_fd and writes out_fd (unless -1); it
 * closes other_fd, the pipe end meant for the next command.
 */
static pid_t fork_into_job(struct job *j, int in_fd, int out_fd, int other_fd)
{
    fflush(stdout);                 /* or the child would inherit it */
    pid_t pid = fork();
    if (pid == 0) {
        child_setup(j->pgid, j->background);
        if (other_fd >= 0)
            close(other_fd);
        if (in_fd >= 0) {
            dup2(in_fd, 0);
            close(in_fd);
        }
        if (out_fd >= 0) {
            dup2(out_fd, 1);
            close(out_fd);
        }
        return 0;
    }
    if (pid < 0) {
        perror("sh: fork");
        return -1;
    }
    if (j->pgid == 0)
        j->pgid = pid;
    if (shell.job_control)
        setpgid(pid, j->pgid);
    job_add_proc(j, pid);
    return pid;
}

/* In a child: a simple command whose words are expanded; never returns. */
static _Noreturn void exec_simple(struct command *cmd, char **argv, int nassign)
{
    assign(cmd, nassign, 1);        /* VAR=x cmd: in cmd's environment */
    if (apply_redirs(cmd->redirs, cmd->nredirs, NULL) < 0)
        exit(1);
    if (argv[0] == NULL)
        exit(shell.subst_status);
    struct resolved r = resolve(argv[0]);
    if (r.builtin || r.function)
        shell_exit(call(r, argv));
    exec_program(argv);
}

/* In a child: run one command of a pipeline; never returns. */
static _Noreturn void run_in_child(struct command *cmd)
{
    if (cmd->type == C_SIMPLE) {
        int nassign;
        char **argv = expand_args(cmd, &nassign);
        if (expand_failed())
            exit(2);
        exec_simple(cmd, argv, nassign);
    }
    if (apply_redirs(cmd->redirs, cmd->nredirs, NULL) < 0)
        exit(1);
    shell_exit(run_compound(cmd));
}

/* ---- pipelines ---- */

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
        pid_t pid = fork_into_job(j, prev_read, fds[1], fds[0]);
        if (pid == 0)
            run_in_child(&pl->cmds[i]);
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

/* Wait for a foreground job that was just started; its status. */
static int finish_foreground(struct job *j)
{
    if (j->nprocs == 0) {
        job_discard(j);             /* nothing started */
        return 2;
    }
    return job_run_foreground(j, 0);
}

/* A pipeline of several commands: always child processes. */
static int run_pipeline_forked(struct pipeline *pl, const char *text)
{
    if (pl->ncmds > MAX_JOB_PROCS) {
        fprintf(stderr, "sh: pipeline too long\n");
        return 2;
    }
    struct job *j = job_new(text, 0);
    if (j == NULL)
        return 2;
    start_pipeline(pl, j);
    return finish_foreground(j);
}

/* A simple command alone in the foreground. */
static int run_simple(struct command *cmd, const char *text)
{
    int nassign;

    shell.subst_status = 0;
    char **argv = expand_args(cmd, &nassign);
    if (expand_failed())
        return 2;
    if (argv[0] == NULL)
        return run_without_name(cmd, nassign);
    struct resolved r = resolve(argv[0]);
    if (r.builtin || r.function)
        return run_here(cmd, argv, nassign, r);

    struct job *j = job_new(text, 0);
    if (j == NULL)
        return 2;
    if (fork_into_job(j, -1, -1, -1) == 0)
        exec_simple(cmd, argv, nassign);
    return finish_foreground(j);
}

/* A compound command alone in the foreground. */
static int run_compound_here(struct command *cmd, const char *text)
{
    struct saved_fds saved = {.n = 0};
    int status = 1;

    if (cmd->type == C_SUBSHELL) {
        struct job *j = job_new(text, 0);
        if (j == NULL)
            return 2;
        if (fork_into_job(j, -1, -1, -1) == 0)
            run_in_child(cmd);
        return finish_foreground(j);
    }
    if (apply_redirs(cmd->redirs, cmd->nredirs, &saved) == 0)
        status = run_compound(cmd);
    restore_fds(&saved);
    return status;
}

static int run_pipeline(struct pipeline *pl, const char *text)
{
    struct arena_mark mark = arena_mark();
    int status;

    if (pl->ncmds > 1)
        status = run_pipeline_forked(pl, text);
    else if (pl->cmds[0].type == C_SIMPLE)
        status = run_simple(&pl->cmds[0], text);
    else
        status = run_compound_here(&pl->cmds[0], text);
    arena_release(mark);
    return pl->negate ? !status : status;
}

/* ---- and-or lists and lists ---- */

static int run_and_or(struct and_or *ao)
{
    int status = run_pipeline(&ao->pipes[0], ao->text);

    for (int i = 1; i < ao->npipes && !shell_stopping(); i++) {
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
    } else if (fork_into_job(j, -1, -1, -1) == 0) {
        ao->background = 0;
        shell_exit(run_and_or(ao));
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
    if (list->nitems == 0)
        return 0;                   /* an empty case item */
    for (int i = 0; i < list->nitems && !shell_stopping(); i++) {
        struct and_or *ao = &list->items[i];
        if (ao->background) {
            run_background(ao);
            shell.last_status = 0;
        } else {
            shell.last_status = run_and_or(ao);
        }
        trap_run_pending();
    }
    return shell.last_status;
}
