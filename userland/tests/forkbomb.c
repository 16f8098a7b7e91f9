/*
 * A fork bomb meets the process limit: fork fails with -EAGAIN (or
 * -ENOMEM when memory runs out first), nothing crashes, and once every
 * child is killed and reaped, memory and fork are back to normal.
 */
#include <signal.h>

#include "t.h"

#define MAX_KIDS 5000

static pid_t kids[MAX_KIDS];

int main(void)
{
    unsigned long before = free_ram();
    int n = 0;
    long err = 0;
    fflush(stdout);
    while (n < MAX_KIDS) {
        pid_t pid = fork();
        if (pid == 0) {
            pause();
            _exit(0);
        }
        if (pid < 0) {
            err = errno;
            break;
        }
        kids[n++] = pid;
    }
    printf("forked %d children, then: %s\n", n, strerror((int)err));
    CHECK(err == EAGAIN || err == ENOMEM);
    CHECK(n > 100);
    for (int i = 0; i < n; i++)
        CHECK(kill(kids[i], SIGKILL) == 0);
    for (int i = 0; i < n; i++) {
        int status;
        CHECK_EQ(waitpid(kids[i], &status, 0), kids[i]);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    }
    unsigned long after = free_ram();
    printf("free memory before %lu KiB, after %lu KiB\n", before / 1024, after / 1024);
    CHECK(after + 64 * 1024 >= before);
    pid_t pid = fork();                 /* fork works again */
    if (pid == 0)
        _exit(7);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 7);
    pass("forkbomb");
    return 0;
}
