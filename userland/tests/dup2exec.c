/*
 * A descriptor made stdout with dup2 survives fork and exec: the exec'd
 * program's output lands in the pipe; close-on-exec descriptors do not
 * survive exec.
 */
#include <fcntl.h>

#include "t.h"

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {   /* the exec'd half */
        printf("exec'd: fd 5 %s\n", fcntl(5, F_GETFD) >= 0 ? "open" : "closed");
        printf("exec'd: fd 6 %s\n", fcntl(6, F_GETFD) >= 0 ? "open" : "closed");
        return 0;
    }
    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(dup2(p[0], 5) == 5);                  /* stays open */
    CHECK(fcntl(p[0], F_DUPFD_CLOEXEC, 6) == 6); /* closed by exec */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        CHECK(dup2(p[1], 1) == 1);
        close(p[1]);
        execl("/tests/dup2exec", "dup2exec", "child", (char *)NULL);
        _exit(99);
    }
    close(p[1]);
    char buf[256];
    int n = read_all(p[0], buf, sizeof buf - 1);
    printf("from the pipe: %s", buf);
    CHECK(n > 0);
    CHECK(strstr(buf, "exec'd: fd 5 open") != NULL);
    CHECK(strstr(buf, "exec'd: fd 6 closed") != NULL);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 0);
    pass("dup2exec");
    return 0;
}
