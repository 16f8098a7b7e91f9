/*
 * Jobs: a job is one pipeline (or one backgrounded and-or list) started by
 * the shell, all its processes in one process group.  With job control
 * (an interactive shell on a terminal) the group of the foreground job
 * owns the terminal, so Ctrl-C / Ctrl-Z signal that job and not the shell.
 */
#ifndef USERLAND_SH_JOBS_H
#define USERLAND_SH_JOBS_H

#include <sys/types.h>
#include <termios.h>

#define MAX_JOB_PROCS 32

enum proc_state { P_RUNNING, P_STOPPED, P_DONE };

struct job {
    int id;                         /* [N]; 0 = unused slot */
    pid_t pgid;
    char *text;                     /* the command, for messages */
    int nprocs;
    pid_t pids[MAX_JOB_PROCS];
    int status[MAX_JOB_PROCS];      /* wait status once not running */
    enum proc_state state[MAX_JOB_PROCS];
    int background;
    int notified;                   /* its last change was reported */
    int has_tmodes;                 /* tmodes saved when it stopped */
    struct termios tmodes;
};

/* $? for a wait status: the exit code, or 128 + the signal number. */
int status_code(int wstatus);

/* Take the terminal and set up signals for job control. */
void jobs_init(void);

/* Did Ctrl-C interrupt the shell itself since the last call? */
int jobs_took_sigint(void);

struct job *job_new(const char *text, int background);
void job_add_proc(struct job *j, pid_t pid);
void job_discard(struct job *j);                /* free the slot */

/* Give j the terminal (continuing it if asked), wait until it finishes
 * or stops, take the terminal back.  Returns its status for $?. */
int job_run_foreground(struct job *j, int cont);

/* Let j run in the background (continuing it if asked). */
void job_run_background(struct job *j, int cont);

/* Wait for j to finish or stop; returns its status for $? */
int job_wait(struct job *j);

/* Collect status changes of children without blocking. */
void jobs_reap(void);

/* Wait until no background job is running; forget the finished ones. */
void jobs_wait_all(void);

/* Print every job (the `jobs` builtin); forget the finished ones. */
void jobs_list(void);

/* Report finished and stopped background jobs; forget finished ones. */
void jobs_notify(int print);

/* The job for "%N", "%+", "%-", "%%" or a pid; the current job if NULL. */
struct job *job_find(const char *spec);

/* The most recent job not finished, or NULL: `fg` with no argument. */
struct job *job_current(void);

void job_print(struct job *j);
int job_is_done(const struct job *j);
int job_is_stopped(const struct job *j);

/* Forget all jobs (in a subshell child: they belong to the parent). */
void jobs_forget(void);

/* When the shell exits: hang up stopped jobs (SIGHUP, then SIGCONT so
 * they see it) rather than leave them stopped forever. */
void jobs_hangup_stopped(void);

#endif
