/*
 * /sbin/init: process 1, the ancestor of every other process.
 *
 * The kernel starts it with /dev/console open as fds 0, 1 and 2.  init
 *   1. prints a greeting and sets up a basic environment (PATH, HOME...);
 *   2. runs /etc/rc with the shell if that file exists, and waits for it;
 *   3. starts /bin/sh on the console, as the leader of a new session that
 *      has the console as its controlling terminal (so Ctrl-C and Ctrl-Z
 *      reach the shell's foreground job);
 *   4. waits forever: every orphan is re-parented to init when its parent
 *      dies, so init reaps whatever child exits, and when the shell exits
 *      it starts a new one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#define SHELL "/bin/sh"
#define RC_FILE "/etc/rc"

/* Signals init must not die of (a stray kill, a key on the console). */
static const int ignored[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP,
                              SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2};
#define NIGNORED (int)(sizeof ignored / sizeof ignored[0])

static void set_ignored(sighandler_t how)
{
    for (int i = 0; i < NIGNORED; i++)
        signal(ignored[i], how);
}

/* In a new child: undo init's signal settings (exec keeps SIG_IGN). */
static void child_signals(void)
{
    sigset_t none = 0;
    set_ignored(SIG_DFL);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

static pid_t spawn(char *const argv[], int new_session)
{
    pid_t pid = fork();
    if (pid != 0) {
        if (pid < 0)
            perror("init: fork");
        return pid;
    }
    child_signals();
    if (new_session) {
        setsid();                       /* session and group leader */
        ioctl(0, TIOCSCTTY, 0);         /* the console is now our tty */
        tcsetpgrp(0, getpid());         /* and we are its foreground */
    }
    execv(argv[0], argv);
    fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* Reap children until `pid` itself exits; returns its status. */
static int wait_for(pid_t pid)
{
    int status;

    for (;;) {
        pid_t done = wait(&status);
        if (done == pid)
            return status;
        if (done < 0 && errno == ECHILD)
            return -1;
    }
}

static void run_rc(void)
{
    char *argv[] = {SHELL, RC_FILE, NULL};

    if (access(RC_FILE, R_OK) == 0) {
        pid_t pid = spawn(argv, 0);
        if (pid > 0)
            wait_for(pid);
    }
}

int main(void)
{
    set_ignored(SIG_IGN);
    setenv("PATH", "/bin:/usr/bin:/sbin", 1);
    setenv("HOME", "/", 1);
    setenv("TERM", "linux", 0);
    setenv("SHELL", SHELL, 1);
    printf("Welcome to Cowix!  (init: pid %d, starting %s)\n", getpid(), SHELL);
    fflush(stdout);

    run_rc();
    for (;;) {
        char *argv[] = {SHELL, NULL};
        time_t started = time(NULL);
        pid_t shell = spawn(argv, 1);
        if (shell > 0) {
            int status = wait_for(shell);
            if (WIFSIGNALED(status))
                printf("init: %s killed by %s, restarting\n", SHELL,
                       strsignal(WTERMSIG(status)));
            fflush(stdout);
        }
        if (time(NULL) - started < 1)
            sleep(1);                   /* do not spin if it fails at once */
    }
}
