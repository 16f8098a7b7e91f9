/*
 * The job table, waiting for children, and handing the terminal to the
 * foreground job.
 *
 * Every status change comes through reap(): waitpid(-1, ..., WUNTRACED)
 * and a look-up of the job owning that pid.  So waiting for the
 * foreground job also records background jobs that finish meanwhile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include "userland/sh/jobs.h"
#include "userland/sh/shell.h"

#define MAX_JOBS 64

static struct job jobs[MAX_JOBS];
static struct termios shell_tmodes;     /* the terminal as the shell wants it */

/* ---- the table ---- */

static void job_free(struct job *j)
{
    free(j->text);
    memset(j, 0, sizeof *j);
}

void job_discard(struct job *j)
{
    job_free(j);
}

void jobs_hangup_stopped(void)
{
    jobs_reap();
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id && job_is_stopped(&jobs[i])) {
            kill(-jobs[i].pgid, SIGHUP);
            kill(-jobs[i].pgid, SIGCONT);
        }
}

void jobs_forget(void)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id)
            job_free(&jobs[i]);
}

static struct job *free_slot(void)
{
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < MAX_JOBS; i++)
            if (jobs[i].id == 0)
                return &jobs[i];
        /* Full: forget finished jobs nobody waited for, then retry. */
        for (int i = 0; i < MAX_JOBS; i++)
            if (job_is_done(&jobs[i]))
                job_free(&jobs[i]);
    }
    return NULL;
}

struct job *job_new(const char *text, int background)
{
    struct job *j = free_slot();
    if (j == NULL) {
        fprintf(stderr, "sh: too many jobs\n");
        return NULL;
    }
    int id = 0;
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id > id)
            id = jobs[i].id;
    j->id = id + 1;
    j->text = strdup(text);
    j->background = background;
    return j;
}

void job_add_proc(struct job *j, pid_t pid)
{
    j->pids[j->nprocs] = pid;
    j->state[j->nprocs] = P_RUNNING;
    j->nprocs++;
}

int job_is_done(const struct job *j)
{
    if (j->id == 0)
        return 0;
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] != P_DONE)
            return 0;
    return 1;
}

int job_is_stopped(const struct job *j)
{
    int stopped = 0;
    for (int i = 0; i < j->nprocs; i++) {
        if (j->state[i] == P_RUNNING)
            return 0;
        stopped |= j->state[i] == P_STOPPED;
    }
    return stopped;
}

int status_code(int wstatus)
{
    if (WIFSTOPPED(wstatus))
        return 128 + WSTOPSIG(wstatus);
    if (WIFSIGNALED(wstatus))
        return 128 + WTERMSIG(wstatus);
    return WEXITSTATUS(wstatus);
}

/* $? for a job: from its last process. */
static int job_code(const struct job *j)
{
    if (j->nprocs == 0)
        return 2;
    return status_code(j->status[j->nprocs - 1]);
}

/* ---- collecting status changes ---- */

static void record(pid_t pid, int status)
{
    for (int i = 0; i < MAX_JOBS; i++)
        for (int k = 0; k < jobs[i].nprocs; k++) {
            if (jobs[i].id == 0 || jobs[i].pids[k] != pid)
                continue;
            struct job *j = &jobs[i];
            if (WIFSTOPPED(status))
                j->state[k] = P_STOPPED;
            else if (WIFCONTINUED(status))
                j->state[k] = P_RUNNING;
            else
                j->state[k] = P_DONE;
            j->status[k] = status;
            j->notified = 0;
            return;
        }
}

/* Wait for one change (blocking unless WNOHANG); the pid, 0 or -1.
 * Continues count too: a job stopped and continued by someone else's
 * kill must not stay "Stopped" in the table (wait would skip it). */
static pid_t reap(int options)
{
    int status;
    pid_t pid = waitpid(-1, &status, options | WUNTRACED | WCONTINUED);
    if (pid > 0)
        record(pid, status);
    return pid;
}

void jobs_reap(void)
{
    while (reap(WNOHANG) > 0)
        ;
}

int job_wait(struct job *j)
{
    while (!job_is_done(j) && !job_is_stopped(j)) {
        if (reap(0) < 0 && errno == ECHILD) {
            for (int k = 0; k < j->nprocs; k++)    /* lost: treat as done */
                j->state[k] = P_DONE;
        }
    }
    return job_code(j);
}

/* ---- reporting ---- */

/* "Running", "Done", "Exit 3", "Killed", "Stopped (tty input)"... */
static const char *state_text(const struct job *j, char *buf, size_t size)
{
    int st = j->status[j->nprocs - 1];

    if (job_is_stopped(j)) {
        for (int k = 0; k < j->nprocs; k++)
            if (j->state[k] == P_STOPPED)
                return strsignal(WSTOPSIG(j->status[k]));
    }
    if (!job_is_done(j))
        return "Running";
    if (WIFSIGNALED(st))
        return strsignal(WTERMSIG(st));
    if (WEXITSTATUS(st) == 0)
        return "Done";
    snprintf(buf, size, "Exit %d", WEXITSTATUS(st));
    return buf;
}

void job_print(struct job *j)
{
    char buf[32];
    struct job *cur = job_current();
    printf("[%d]%c  %-24s%s\n", j->id, j == cur ? '+' : ' ',
           state_text(j, buf, sizeof buf), j->text);
    fflush(stdout);
}

/* Tell why the processes of a finished foreground job died of signals. */
static void report_signals(const struct job *j)
{
    for (int k = 0; k < j->nprocs; k++) {
        int st = j->status[k];
        if (!WIFSIGNALED(st) || WTERMSIG(st) == SIGPIPE)
            continue;
        if (WTERMSIG(st) == SIGINT) {
            /* The terminal echoed ^C: end that line, once per job. */
            if (shell.interactive && !shell.interrupted)
                fputc('\n', stderr);
            shell.interrupted = shell.interactive;
            continue;
        }
        fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(st)),
                WCOREDUMP(st) ? " (core dumped)" : "");
    }
}

void jobs_notify(int print)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id == 0 || !j->background || j->notified)
            continue;
        if (job_is_done(j)) {
            if (print)
                job_print(j);
            job_free(j);
        } else if (job_is_stopped(j)) {
            if (print)
                job_print(j);
            j->notified = 1;
        }
    }
}

void jobs_wait_all(void)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id == 0)
            continue;
        job_wait(j);
        if (job_is_done(j))
            job_free(j);
    }
}

void jobs_list(void)
{
    jobs_reap();
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id == 0)
            continue;
        job_print(j);
        j->notified = 1;
        if (job_is_done(j))
            job_free(j);
    }
}

struct job *job_current(void)
{
    struct job *best = NULL;
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id && !job_is_done(&jobs[i]) &&
            (best == NULL || jobs[i].id > best->id))
            best = &jobs[i];
    return best;
}

static struct job *job_previous(void)
{
    struct job *cur = job_current(), *best = NULL;
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id && &jobs[i] != cur && !job_is_done(&jobs[i]) &&
            (best == NULL || jobs[i].id > best->id))
            best = &jobs[i];
    return best;
}

struct job *job_find(const char *spec)
{
    if (spec == NULL || !strcmp(spec, "%%") || !strcmp(spec, "%+") ||
        !strcmp(spec, "%"))
        return job_current();
    if (!strcmp(spec, "%-"))
        return job_previous();
    int by_id = spec[0] == '%';
    char *end;
    long n = strtol(spec + by_id, &end, 10);
    if (*end != '\0' || end == spec + by_id)
        return NULL;
    for (int i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id == 0)
            continue;
        if (by_id && jobs[i].id == n)
            return &jobs[i];
        for (int k = 0; !by_id && k < jobs[i].nprocs; k++)
            if (jobs[i].pids[k] == n)
                return &jobs[i];
    }
    return NULL;
}

/* ---- foreground and background ---- */

static void continue_job(struct job *j)
{
    for (int k = 0; k < j->nprocs; k++)
        if (j->state[k] == P_STOPPED)
            j->state[k] = P_RUNNING;
    j->notified = 0;
    kill(-j->pgid, SIGCONT);
}

int job_run_foreground(struct job *j, int cont)
{
    j->background = 0;
    if (shell.job_control) {
        tcsetpgrp(shell.tty_fd, j->pgid);
        if (cont && j->has_tmodes)
            tcsetattr(shell.tty_fd, TCSADRAIN, &j->tmodes);
    }
    if (cont)
        continue_job(j);

    int code = job_wait(j);

    if (shell.job_control) {
        tcsetpgrp(shell.tty_fd, shell.pgid);
        if (job_is_stopped(j))
            j->has_tmodes = tcgetattr(shell.tty_fd, &j->tmodes) == 0;
        tcsetattr(shell.tty_fd, TCSADRAIN, &shell_tmodes);
    }
    if (job_is_stopped(j)) {
        j->background = 1;
        j->notified = 1;
        fputc('\n', stdout);
        job_print(j);
        shell.interrupted = shell.interactive;  /* Ctrl-Z stops a loop too */
    } else {
        report_signals(j);
        job_free(j);
    }
    return code;
}

void job_run_background(struct job *j, int cont)
{
    j->background = 1;
    if (cont)
        continue_job(j);
}

/* ---- setting up job control ---- */

static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
    (void)sig;
    shell.interrupted = 1;
    got_sigint = 1;
}

int jobs_took_sigint(void)
{
    int got = got_sigint;
    got_sigint = 0;
    return got;
}

void jobs_init(void)
{
    int fd = fcntl(0, F_DUPFD, 10);     /* survives redirections of fd 0 */
    if (fd < 0)
        return;
    fcntl(fd, F_SETFD, FD_CLOEXEC);

    /* If started in the background, wait until we are put in front. */
    pid_t fg;
    while ((fg = tcgetpgrp(fd)) >= 0 && fg != getpgrp())
        kill(-getpgrp(), SIGTTIN);
    if (fg < 0) {
        close(fd);
        return;                         /* no terminal: no job control */
    }

    /* Ctrl-C reaches the shell only while it runs builtins itself (a
     * loop): then it stops them.  No SA_RESTART: a `read` must end. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);

    /* Our own process group (already so if we lead a session). */
    if (setpgid(0, 0) < 0 && errno != EPERM) {
        close(fd);
        return;
    }
    shell.pgid = getpgrp();
    shell.tty_fd = fd;
    tcsetpgrp(fd, shell.pgid);
    tcgetattr(fd, &shell_tmodes);
    shell.job_control = 1;
}
