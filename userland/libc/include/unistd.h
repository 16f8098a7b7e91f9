/*
 * POSIX system interface: file descriptors, processes, the file system
 * namespace, getopt.  Each function is a thin wrapper around the Linux
 * system call of the same name unless noted.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <kernel/uapi/fcntl.h>      /* SEEK_*, F_OK, R_OK, W_OK, X_OK */

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

/* File descriptors */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
int dup(int fd);
int dup2(int fd, int newfd);
int dup3(int fd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int fsync(int fd);
void sync(void);
int ftruncate(int fd, off_t len);
int truncate(const char *path, off_t len);
int isatty(int fd);

/* The file system namespace */
int access(const char *path, int mode);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int rmdir(const char *path);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int link(const char *old, const char *new_);
int symlink(const char *target, const char *linkpath);
ssize_t readlink(const char *path, char *buf, size_t size);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int chroot(const char *path);

/* Processes */
pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
_Noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
unsigned alarm(unsigned seconds);
int pause(void);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
int brk(void *addr);
void *sbrk(intptr_t increment);
int gethostname(char *name, size_t len);
int sethostname(const char *name, size_t len);
long sysconf(int name);
int getpagesize(void);
long syscall(long n, ...);

#define _SC_CLK_TCK     2
#define _SC_OPEN_MAX    4
#define _SC_PAGESIZE    30
#define _SC_PAGE_SIZE   _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES  85

/* Command-line options: see getopt.c */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

#endif
