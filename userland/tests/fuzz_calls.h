/*
 * The system calls the fuzzer knows the arguments of (part of /tests/fuzz,
 * see fuzz.c): every call the kernel implements but exit and exit_group
 * (which would end the worker: see route()), each with the kind of each
 * argument.  tests/system/test_robustness.py checks that no call in
 * kernel/syscall.c is missing here.  Numbers not in this table are still
 * called, with arguments of any kind.  sigreturn with a random frame
 * nearly always kills the worker, so it is made less often.
 */
#ifndef TESTS_FUZZ_CALLS_H
#define TESTS_FUZZ_CALLS_H

#include <sys/syscall.h>

#include "fuzz_args.h"

struct call_desc {
    uint16_t nr;
    uint8_t kind[6];
    const char *name;
    uint8_t rare;                   /* picked 1/8 as often: it ends the worker */
};

#define C(n, ...) {__NR_##n, {__VA_ARGS__}, #n, 0}
#define RARE(n) {__NR_##n, {0}, #n, 1}
#define FD A_FD
#define PATH A_PATH
#define PTR A_PTR
#define LEN A_LEN
#define INT A_INT

static const struct call_desc calls[] = {
    /* processes (exit and exit_group are never made: see route()) */
    C(restart_syscall, 0), C(fork, 0), C(vfork, 0), C(clone, INT, PTR, PTR, PTR, PTR),
    C(execve, PATH, PTR, PTR), C(waitpid, A_WPID, PTR, INT),
    C(wait4, A_WPID, PTR, INT, PTR), C(getpid, 0), C(gettid, 0), C(getppid, 0),
    C(getuid, 0), C(geteuid, 0), C(getgid, 0), C(getegid, 0), C(getuid32, 0),
    C(geteuid32, 0), C(getgid32, 0), C(getegid32, 0), C(setuid, INT), C(setgid, INT),
    C(setuid32, INT), C(setgid32, INT), C(getpgid, A_PID), C(getpgrp, 0),
    C(setpgid, A_PID, A_PID), C(getsid, A_PID), C(setsid, 0), C(sched_yield, 0),
    C(set_thread_area, PTR), C(get_thread_area, PTR), C(set_tid_address, PTR),
    C(prlimit64, A_PID, INT, PTR, PTR), C(getrlimit, INT, PTR), C(ugetrlimit, INT, PTR),
    C(setrlimit, INT, PTR), C(times, PTR), C(getrusage, INT, PTR), C(uname, PTR),
    C(sysinfo, PTR), C(reboot, INT, INT, INT, PTR), C(personality, INT),
    C(getresuid, PTR, PTR, PTR), C(getresgid, PTR, PTR, PTR), C(getresuid32, PTR, PTR, PTR),
    C(getresgid32, PTR, PTR, PTR), C(getgroups, LEN, PTR), C(getgroups32, LEN, PTR),
    C(setgroups, LEN, PTR), C(setgroups32, LEN, PTR), C(getpriority, INT, A_PID),
    C(setpriority, INT, A_PID, INT), C(sched_getaffinity, A_PID, LEN, PTR),
    C(set_robust_list, PTR, LEN), C(futex, PTR, INT, INT, PTR, PTR, INT),
    C(prctl, INT, A_ANY, A_ANY, A_ANY, A_ANY), C(sethostname, PTR, LEN),
    C(syslog, INT, PTR, LEN),
    /* memory */
    C(brk, A_BRK), C(mmap, PTR), C(mmap2, A_ADDR, LEN, INT, INT, FD, INT),
    C(munmap, A_ADDR, LEN), C(mprotect, A_ADDR, LEN, INT), C(madvise, A_ADDR, LEN, INT),
    C(mremap, A_ADDR, LEN, LEN, INT, A_ADDR),
    /* signals */
    C(kill, A_PID, A_SIG), C(tkill, A_PID, A_SIG), C(tgkill, A_PID, A_PID, A_SIG),
    C(signal, A_SIG, PTR), C(sigaction, A_SIG, PTR, PTR), C(rt_sigaction, A_SIG, PTR, PTR, LEN),
    C(sigprocmask, INT, PTR, PTR), C(rt_sigprocmask, INT, PTR, PTR, LEN),
    C(sigpending, PTR), C(rt_sigpending, PTR, LEN), RARE(sigreturn), RARE(rt_sigreturn),
    C(sigsuspend, INT, INT, INT), C(rt_sigsuspend, PTR, LEN), C(sigaltstack, PTR, PTR),
    C(pause, 0), C(alarm, INT),
    /* time */
    C(nanosleep, PTR, PTR), C(clock_nanosleep, INT, INT, PTR, PTR), C(clock_gettime, INT, PTR),
    C(clock_getres, INT, PTR), C(gettimeofday, PTR, PTR), C(time, PTR),
    C(clock_gettime64, INT, PTR), C(clock_settime, INT, PTR), C(clock_settime64, INT, PTR),
    C(rt_sigtimedwait, PTR, PTR, PTR, LEN), C(rt_sigtimedwait_time64, PTR, PTR, PTR, LEN),
    /* descriptors */
    C(read, FD, PTR, LEN), C(write, FD, PTR, LEN), C(readv, FD, PTR, INT),
    C(writev, FD, PTR, INT), C(pread64, FD, PTR, LEN, INT, INT),
    C(pwrite64, FD, PTR, LEN, INT, INT), C(open, PATH, INT, INT),
    C(openat, FD, PATH, INT, INT), C(creat, PATH, INT), C(close, FD), C(lseek, FD, INT, INT),
    C(_llseek, FD, INT, INT, PTR, INT), C(dup, FD), C(dup2, FD, FD), C(dup3, FD, FD, INT),
    C(fcntl, FD, INT, A_ANY), C(fcntl64, FD, INT, A_ANY), C(ioctl, FD, INT, PTR),
    C(pipe, PTR), C(pipe2, PTR, INT), C(poll, PTR, INT, INT),
    C(_newselect, INT, PTR, PTR, PTR, PTR), C(getdents64, FD, PTR, LEN),
    C(fsync, FD), C(fdatasync, FD), C(sync, 0), C(ftruncate, FD, LEN),
    C(ftruncate64, FD, LEN, LEN), C(fstat64, FD, PTR), C(fstatfs64, FD, LEN, PTR),
    C(fchmod, FD, INT), C(fchdir, FD), C(getrandom, PTR, LEN, INT), C(fchown, FD, INT, INT),
    C(fchown32, FD, INT, INT),
    /* paths */
    C(stat64, PATH, PTR), C(lstat64, PATH, PTR), C(fstatat64, FD, PATH, PTR, INT),
    C(access, PATH, INT), C(faccessat, FD, PATH, INT, INT),
    C(faccessat2, FD, PATH, INT, INT), C(fchownat, FD, PATH, INT, INT, INT), C(chdir, PATH),
    C(getcwd, PTR, LEN), C(readlink, PATH, PTR, LEN), C(readlinkat, FD, PATH, PTR, LEN),
    C(mkdir, PATH, INT), C(mkdirat, FD, PATH, INT), C(rmdir, PATH), C(unlink, PATH),
    C(unlinkat, FD, PATH, INT), C(link, PATH, PATH), C(linkat, FD, PATH, FD, PATH, INT),
    C(symlink, PATH, PATH), C(symlinkat, PATH, FD, PATH), C(rename, PATH, PATH),
    C(renameat, FD, PATH, FD, PATH), C(chmod, PATH, INT), C(fchmodat, FD, PATH, INT, INT),
    C(chown, PATH, INT, INT), C(lchown, PATH, INT, INT), C(chown32, PATH, INT, INT),
    C(lchown32, PATH, INT, INT), C(truncate, PATH, LEN), C(truncate64, PATH, LEN, LEN),
    C(utimensat, FD, PATH, PTR, INT), C(statfs64, PATH, LEN, PTR), C(umask, INT),
    C(mknod, PATH, INT, INT), C(mknodat, FD, PATH, INT, INT),
    C(mount, PATH, PATH, PATH, INT, PTR), C(umount2, PATH, INT),
};

#undef C
#undef RARE
#undef FD
#undef PATH
#undef PTR
#undef LEN
#undef INT

#define NCALLS (sizeof calls / sizeof calls[0])

static const struct call_desc *describe(long nr)
{
    for (unsigned i = 0; i < NCALLS; i++)
        if (calls[i].nr == nr)
            return &calls[i];
    return NULL;
}

/* A call number: mostly a described call, sometimes any number the table
 * of Linux i386 has room for, sometimes one far outside it. */
static long pick_number(void)
{
    static const long outside[] = {460, 511, 512, 1000, 4096, 0xffff, 0x10000, 0x7fffffff,
                                   (long)0x80000000u, -1, -2, -450};
    uint32_t r = below(10);
    if (r < 7) {
        const struct call_desc *d = &calls[below(NCALLS)];
        while (d->rare && !one_in(8))
            d = &calls[below(NCALLS)];
        return d->nr;
    }
    if (r < 9)
        return (long)below(460);
    return one_in(3) ? (long)rng() : PICK(outside);
}

#endif
