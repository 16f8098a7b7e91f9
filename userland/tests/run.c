/*
 * run PROGRAM [ARGS...]: the leak-checking init of the system tests.  It
 * snapshots the kernel's counters (/proc/kstat), runs the program, reaps
 * it and every orphan it left, snapshots again, and prints either
 * "kstat: back to baseline" or each counter that moved.  Its own memory
 * does not change in between (no stdio, no malloc), so the figures must
 * match exactly.  Exit status: the program's; 99 if anything leaked.
 */
#include <fcntl.h>
#include <sys/syscall.h>

#include "t.h"

#define NKEYS 7

static const char *const keys[NKEYS] = {"frames_free", "heap_bytes", "heap_blocks",
                                        "processes", "files", "inodes", "kstacks"};

static void snapshot(long values[NKEYS])
{
    static char buf[1024];
    int fd = open("/proc/kstat", O_RDONLY);
    CHECK(fd >= 0);
    long n = read(fd, buf, sizeof buf - 1);
    close(fd);
    CHECK(n > 0);
    buf[n] = 0;
    for (int i = 0; i < NKEYS; i++) {
        const char *at = strstr(buf, keys[i]);
        CHECK(at != NULL);
        values[i] = strtol(at + strlen(keys[i]), NULL, 10);
    }
}

static void say(const char *s)
{
    write(1, s, strlen(s));
}

int main(int argc, char **argv, char **envp)
{
    long before[NKEYS], after[NKEYS];
    if (argc < 2) {
        say("usage: run PROGRAM [ARGS...]\n");
        return 2;
    }
    snapshot(before);                   /* once to warm up, then for real */
    snapshot(before);
    pid_t pid = fork();
    if (pid == 0) {
        execve(argv[1], argv + 1, envp);
        _exit(127);
    }
    int status = 0, s;
    pid_t r;
    while ((r = wait(&s)) != -1 || errno == EINTR)
        if (r == pid)
            status = s;
    snapshot(after);
    int leaks = 0;
    for (int i = 0; i < NKEYS; i++) {
        if (before[i] != after[i]) {
            char line[128];
            snprintf(line, sizeof line, "kstat: %s %ld -> %ld\n", keys[i], before[i], after[i]);
            say(line);
            leaks++;
        }
    }
    say(leaks ? "kstat: LEAK\n" : "kstat: back to baseline\n");
    if (leaks)
        return 99;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
