/*
 * system(): run a command with /bin/sh -c and wait for it.  As POSIX asks,
 * the caller ignores SIGINT and SIGQUIT while the command runs (a Ctrl-C
 * is for the command), and blocks SIGCHLD so that a SIGCHLD handler does
 * not reap the child first.
 */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <errno.h>

int system(const char *command)
{
    if (command == NULL)
        return access("/bin/sh", X_OK) == 0;

    struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
    sigset_t chld = SIGMASK_BIT(SIGCHLD), old_mask;
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    sigprocmask(SIG_BLOCK, &chld, &old_mask);

    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
        sigprocmask(SIG_SETMASK, &old_mask, NULL);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;

    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    return status;
}
