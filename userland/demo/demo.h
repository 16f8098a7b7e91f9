/*
 * Helpers shared by the demonstration programs in userland/demo/: memory
 * figures, running a function in a child process, telling how a child
 * ended, and reading a process's state from /proc.  They are few and
 * short, so they live here as static inline functions (as in
 * userland/tests/t.h).
 */
#ifndef DEMO_DEMO_H
#define DEMO_DEMO_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIB 1024ul
#define MIB (1024ul * 1024)
#define PAGE 4096ul

/* What sysinfo says about memory and processes.  In Cowix `shared` is
 * the memory in frames shared copy-on-write between processes. */
struct memfig {
    unsigned long free, shared;
    unsigned procs;
};

static inline struct memfig mem_now(void)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0)
        return (struct memfig){0, 0, 0};
    return (struct memfig){si.freeram * si.mem_unit, si.sharedram * si.mem_unit, si.procs};
}

/* Are we running on Cowix (rather than on a Linux host)? */
static inline int on_cowix(void)
{
    struct utsname u;
    return uname(&u) == 0 && strcmp(u.sysname, "Cowix") == 0;
}

/* "EFAULT" for EFAULT: the names of the errors the demonstrations meet. */
static inline const char *errno_name(int err)
{
    static const char *const names[] = {
        [EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH", [EINTR] = "EINTR",
        [EIO] = "EIO", [ENXIO] = "ENXIO", [E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC",
        [EBADF] = "EBADF", [ECHILD] = "ECHILD", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
        [EACCES] = "EACCES", [EFAULT] = "EFAULT", [EBUSY] = "EBUSY", [EEXIST] = "EEXIST",
        [EXDEV] = "EXDEV", [ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR",
        [EINVAL] = "EINVAL", [ENFILE] = "ENFILE", [EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY",
        [EFBIG] = "EFBIG", [ENOSPC] = "ENOSPC", [ESPIPE] = "ESPIPE", [EROFS] = "EROFS",
        [EMLINK] = "EMLINK", [EPIPE] = "EPIPE", [ERANGE] = "ERANGE",
        [ENAMETOOLONG] = "ENAMETOOLONG", [ENOSYS] = "ENOSYS", [ENOTEMPTY] = "ENOTEMPTY",
        [ELOOP] = "ELOOP",
    };
    if (err > 0 && (size_t)err < sizeof names / sizeof names[0] && names[err])
        return names[err];
    return strerror(err);
}

/* Run fn in a child process that then exits 0; return its wait status. */
static inline int run_in_child(void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

/* "exited with status 3", "killed by SIGSEGV", "stopped by SIGTSTP". */
static inline const char *describe_status(int status, char *buf, size_t size)
{
    if (status == -1)
        snprintf(buf, size, "could not be run");
    else if (WIFEXITED(status))
        snprintf(buf, size, "exited with status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, size, "killed by SIG%s", sigabbrev_np(WTERMSIG(status)));
    else if (WIFSTOPPED(status))
        snprintf(buf, size, "stopped by SIG%s", sigabbrev_np(WSTOPSIG(status)));
    else
        snprintf(buf, size, "status %#x", (unsigned)status);
    return buf;
}

/* The state letter of a process from /proc/PID/stat (R, S, T, Z...), or
 * 0 if there is no such process.  The letter follows "(name) ". */
static inline char proc_state(int pid)
{
    char path[32], text[256];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    char *paren = strrchr(text, ')');
    return paren && paren[1] == ' ' ? paren[2] : 0;
}

#endif
