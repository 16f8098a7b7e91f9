/*
 * Process system calls: creating, replacing, waiting for and signalling
 * processes, identities, sessions and process groups.
 */
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include "userland/libc/syscall/syscall.h"

pid_t fork(void)
{
    return (pid_t)SC0(__NR_fork);
}

/*
 * A real vfork shares the parent's memory until exec, which a C wrapper
 * cannot do safely (its own return would clobber the shared stack).  With
 * copy-on-write, fork is nearly as cheap, so vfork is fork.
 */
pid_t vfork(void)
{
    return fork();
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    return (int)SC3(__NR_execve, path, argv, envp);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    return (pid_t)SC4(__NR_wait4, pid, status, options, ru);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
    return wait4(-1, status, 0, NULL);
}

int kill(pid_t pid, int sig)
{
    return (int)SC2(__NR_kill, pid, sig);
}

int killpg(pid_t pgrp, int sig)
{
    return kill(-pgrp, sig);
}

int raise(int sig)
{
    return kill(getpid(), sig);
}

pid_t getpid(void)  { return (pid_t)syscall0(__NR_getpid); }
pid_t getppid(void) { return (pid_t)syscall0(__NR_getppid); }
pid_t gettid(void)  { return (pid_t)syscall0(__NR_gettid); }
uid_t getuid(void)  { return (uid_t)syscall0(__NR_getuid32); }
uid_t geteuid(void) { return (uid_t)syscall0(__NR_geteuid32); }
gid_t getgid(void)  { return (gid_t)syscall0(__NR_getgid32); }
gid_t getegid(void) { return (gid_t)syscall0(__NR_getegid32); }

int setuid(uid_t uid)
{
    return (int)SC1(__NR_setuid32, uid);
}

int setgid(gid_t gid)
{
    return (int)SC1(__NR_setgid32, gid);
}

int setpgid(pid_t pid, pid_t pgid)
{
    return (int)SC2(__NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
    return (pid_t)SC1(__NR_getpgid, pid);
}

pid_t getpgrp(void)
{
    return (pid_t)SC0(__NR_getpgrp);
}

pid_t setsid(void)
{
    return (pid_t)SC0(__NR_setsid);
}

pid_t getsid(pid_t pid)
{
    return (pid_t)SC1(__NR_getsid, pid);
}

unsigned alarm(unsigned seconds)
{
    return (unsigned)syscall1(__NR_alarm, seconds);
}

int pause(void)
{
    return (int)SC0(__NR_pause);
}
