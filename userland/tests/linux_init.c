/*
 * linux_init: pid 1 of a Linux kernel booted to check a Cowix test
 * program against real Linux (tests/system/test_demos.py).  It gives the
 * program what a Linux host would (/proc, /dev, a scratch directory),
 * runs it as an ordinary process, reports its exit status and powers off.
 *
 *   linux_init PROGRAM [ARGS...]     (from the kernel command line)
 *
 * It never runs on Cowix; it lives among the test programs because it is
 * built with our libc like the programs it runs.
 */
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "t.h"

static void mount_fs(const char *type, const char *dir)
{
    mkdir(dir, 0755);
    if (syscall(__NR_mount, type, dir, type, 0L, NULL) < 0)
        printf("linux_init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

static int run(char **argv)
{
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv);
        printf("linux_init: exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    /* As pid 1 it adopts the program's orphans: reap them too, as init
     * does (usertests checks that an orphan is reaped). */
    int status = 0;
    pid_t got;
    while (pid > 0 && (got = wait(&status)) != pid)
        if (got < 0) {
            printf("linux_init: wait: %s\n", strerror(errno));
            return -1;
        }
    if (pid < 0)
        printf("linux_init: fork: %s\n", strerror(errno));
    return pid < 0 ? -1 : status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        printf("usage: linux_init PROGRAM [ARGS...]\n");
    } else {
        mount_fs("proc", "/proc");
        mount_fs("devtmpfs", "/dev");
        mkdir("/tmp", 01777);
        if (chdir("/tmp") < 0)
            printf("linux_init: chdir /tmp: %s\n", strerror(errno));
        int status = run(argv + 1);
        printf("linux_init: %s ended with wait status %d\n", argv[1], status);
    }
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    return 1;
}
