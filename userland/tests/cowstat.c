/*
 * Copy-on-write seen from user space through sysinfo: fork of a process
 * with 8 MiB touched costs almost no memory, sharedram rises by the shared
 * size and falls as the child writes half of it, and after the child exits
 * free memory is back where it was.
 */
#include "t.h"

#define MIB (1024 * 1024)
#define SIZE (8 * MIB)

int main(void)
{
    char *mem = malloc(SIZE);
    CHECK(mem != NULL);
    memset(mem, 1, SIZE);
    unsigned long free_before = free_ram(), shared_before = shared_ram();
    printf("before fork: free %lu KiB, shared %lu KiB\n", free_before / 1024, shared_before / 1024);
    int pipe_fds[2];
    CHECK(pipe(pipe_fds) == 0);
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        unsigned long free_after = free_ram(), shared_after = shared_ram();
        printf("after fork: free %lu KiB (-%lu), shared %lu KiB\n", free_after / 1024,
               (free_before - free_after) / 1024, shared_after / 1024);
        CHECK(free_before - free_after < 256 * 1024);   /* < 256 KiB copied */
        CHECK(shared_after >= shared_before + SIZE);
        memset(mem, 2, SIZE / 2);                        /* copy half */
        unsigned long shared_half = shared_ram(), free_half = free_ram();
        printf("child wrote 4 MiB: free %lu KiB, shared %lu KiB\n", free_half / 1024,
               shared_half / 1024);
        CHECK(shared_after - shared_half >= SIZE / 2);
        CHECK(free_after - free_half >= SIZE / 2);
        CHECK(free_after - free_half < SIZE / 2 + 256 * 1024);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(mem[0], 1);                                 /* the parent's copy */
    CHECK_EQ(mem[SIZE - 1], 1);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    unsigned long free_end = free_ram();
    printf("after exit: free %lu KiB, shared %lu KiB\n", free_end / 1024, shared_ram() / 1024);
    CHECK(free_end + 64 * 1024 >= free_before);
    CHECK(shared_ram() <= shared_before);
    pass("cowstat");
    return 0;
}
