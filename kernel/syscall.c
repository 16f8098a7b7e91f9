/*
 * The system call table, indexed by Linux i386 syscall number: the one
 * place that wires every layer's calls together.  Numbers with no entry
 * return -ENOSYS (and, with strace=1, are logged once).
 */
#include "kernel/syscall.h"

#include "fs/dev.h"
#include "fs/exec.h"
#include "fs/mmap.h"
#include "fs/mount.h"
#include "fs/poll.h"
#include "fs/sys_file.h"
#include "fs/sys_path.h"
#include "kernel/console.h"
#include "kernel/gdt.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/syscall.h"
#include "proc/exit.h"
#include "proc/fork.h"
#include "proc/sigframe.h"
#include "proc/sys_compat.h"
#include "proc/sys_info.h"
#include "proc/sys_mem.h"
#include "proc/sys_proc.h"
#include "proc/sys_signal.h"
#include "proc/sys_time.h"

#define NR_LOGGED 512

static int trace;
static uint8_t logged[NR_LOGGED];           /* numbers in (and near) the table */
static uint32_t strays[16];                 /* numbers far beyond it, or negative */
static unsigned nstrays;

/* The frame entry.asm built on this process's kernel stack: a trap from
 * user mode fills the stack exactly up to esp0. */
struct trapframe *syscall_frame(void)
{
    return (struct trapframe *)(tss_kernel_stack() - sizeof(struct trapframe));
}

/* Whether NR is logged for the first time.  Once the short list of stray
 * numbers is full, every further stray is logged: noise beats silence. */
static int first_time(uint32_t nr)
{
    if (nr < NR_LOGGED) {
        if (logged[nr])
            return 0;
        logged[nr] = 1;
        return 1;
    }
    for (unsigned i = 0; i < nstrays; i++)
        if (strays[i] == nr)
            return 0;
    if (nstrays < sizeof strays / sizeof strays[0])
        strays[nstrays++] = nr;
    return 1;
}

static long log_unimplemented(uint32_t nr)
{
    if (trace && first_time(nr))
        kprintf("strace: unimplemented system call %d\n", (int)nr);
    return -ENOSYS;
}

static long sys_ni(void)
{
    return log_unimplemented(syscall_frame()->eax);
}

/* Called by entry.asm for numbers beyond the table (and negative ones). */
long syscall_unknown(struct trapframe *tf)
{
    return log_unimplemented(tf->eax);
}

/* The double cast tells gcc the differing signatures are intended: each
 * handler takes only the arguments it uses. */
#define SYS(nr, fn) [nr] = (syscall_fn)(void (*)(void))(fn)
#define NR_SYSCALLS 450

/* Calls that exist only to succeed: there is nothing for them to do. */
static long sys_zero(void)
{
    return 0;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
const syscall_fn syscall_table[NR_SYSCALLS] = {
    [0 ... NR_SYSCALLS - 1] = (syscall_fn)(void (*)(void))sys_ni,
    SYS(__NR_restart_syscall, sys_restart_syscall),
    /* processes */
    SYS(__NR_exit, sys_exit),
    SYS(__NR_exit_group, sys_exit),
    SYS(__NR_fork, sys_fork),
    SYS(__NR_vfork, sys_vfork),
    SYS(__NR_clone, sys_clone),
    SYS(__NR_execve, sys_execve),
    SYS(__NR_waitpid, sys_waitpid),
    SYS(__NR_wait4, sys_wait4),
    SYS(__NR_getpid, sys_getpid),
    SYS(__NR_gettid, sys_gettid),
    SYS(__NR_getppid, sys_getppid),
    SYS(__NR_getuid, sys_getuid),
    SYS(__NR_geteuid, sys_getuid),
    SYS(__NR_getgid, sys_getuid),
    SYS(__NR_getegid, sys_getuid),
    SYS(__NR_getuid32, sys_getuid),
    SYS(__NR_geteuid32, sys_getuid),
    SYS(__NR_getgid32, sys_getuid),
    SYS(__NR_getegid32, sys_getuid),
    SYS(__NR_setuid, sys_setuid),
    SYS(__NR_setgid, sys_setuid),
    SYS(__NR_setuid32, sys_setuid),
    SYS(__NR_setgid32, sys_setuid),
    SYS(__NR_getpgid, sys_getpgid),
    SYS(__NR_getpgrp, sys_getpgrp),
    SYS(__NR_setpgid, sys_setpgid),
    SYS(__NR_getsid, sys_getsid),
    SYS(__NR_setsid, sys_setsid),
    SYS(__NR_sched_yield, sys_sched_yield),
    SYS(__NR_set_thread_area, sys_set_thread_area),
    SYS(__NR_get_thread_area, sys_get_thread_area),
    SYS(__NR_set_tid_address, sys_set_tid_address),
    SYS(__NR_prlimit64, sys_prlimit64),
    SYS(__NR_getrlimit, sys_getrlimit),
    SYS(__NR_ugetrlimit, sys_getrlimit),
    SYS(__NR_setrlimit, sys_setrlimit),
    SYS(__NR_times, sys_times),
    SYS(__NR_getrusage, sys_getrusage),
    SYS(__NR_uname, sys_uname),
    SYS(__NR_sysinfo, sys_sysinfo),
    SYS(__NR_reboot, sys_reboot),
    SYS(__NR_personality, sys_zero),
    SYS(__NR_sethostname, sys_sethostname),
    SYS(__NR_syslog, sys_syslog),
    SYS(__NR_prctl, sys_prctl),
    SYS(__NR_getgroups, sys_getgroups),
    SYS(__NR_getgroups32, sys_getgroups),
    SYS(__NR_setgroups, sys_setgroups16),
    SYS(__NR_setgroups32, sys_setgroups),
    SYS(__NR_getresuid, sys_getresuid),
    SYS(__NR_getresgid, sys_getresuid),
    SYS(__NR_getresuid32, sys_getresuid),
    SYS(__NR_getresgid32, sys_getresuid),
    SYS(__NR_getpriority, sys_getpriority),
    SYS(__NR_setpriority, sys_setpriority),
    SYS(__NR_sched_getaffinity, sys_sched_getaffinity),
    SYS(__NR_set_robust_list, sys_set_robust_list),
    SYS(__NR_futex, sys_futex),
    /* memory */
    SYS(__NR_brk, sys_brk),
    SYS(__NR_mmap, sys_old_mmap),
    SYS(__NR_mmap2, sys_mmap2),
    SYS(__NR_munmap, sys_munmap),
    SYS(__NR_mprotect, sys_mprotect),
    SYS(__NR_madvise, sys_madvise),
    /* signals */
    SYS(__NR_kill, sys_kill),
    SYS(__NR_tkill, sys_tkill),
    SYS(__NR_tgkill, sys_tgkill),
    SYS(__NR_signal, sys_signal),
    SYS(__NR_sigaction, sys_sigaction),
    SYS(__NR_rt_sigaction, sys_rt_sigaction),
    SYS(__NR_sigprocmask, sys_sigprocmask),
    SYS(__NR_rt_sigprocmask, sys_rt_sigprocmask),
    SYS(__NR_sigpending, sys_sigpending),
    SYS(__NR_rt_sigpending, sys_rt_sigpending),
    SYS(__NR_sigreturn, sys_sigreturn),
    SYS(__NR_rt_sigreturn, sys_rt_sigreturn),
    SYS(__NR_sigsuspend, sys_sigsuspend),
    SYS(__NR_rt_sigsuspend, sys_rt_sigsuspend),
    SYS(__NR_sigaltstack, sys_sigaltstack),
    SYS(__NR_pause, sys_pause),
    SYS(__NR_alarm, sys_alarm),
    SYS(__NR_rt_sigtimedwait, sys_rt_sigtimedwait),
    SYS(__NR_rt_sigtimedwait_time64, sys_rt_sigtimedwait_time64),
    /* time */
    SYS(__NR_nanosleep, sys_nanosleep),
    SYS(__NR_clock_nanosleep, sys_clock_nanosleep),
    SYS(__NR_clock_gettime, sys_clock_gettime),
    SYS(__NR_clock_getres, sys_clock_getres),
    SYS(__NR_clock_gettime64, sys_clock_gettime64),
    SYS(__NR_clock_settime, sys_clock_settime),
    SYS(__NR_clock_settime64, sys_clock_settime64),
    SYS(__NR_gettimeofday, sys_gettimeofday),
    SYS(__NR_time, sys_time),
    /* files */
    SYS(__NR_read, sys_read),
    SYS(__NR_write, sys_write),
    SYS(__NR_readv, sys_readv),
    SYS(__NR_writev, sys_writev),
    SYS(__NR_pread64, sys_pread64),
    SYS(__NR_pwrite64, sys_pwrite64),
    SYS(__NR_open, sys_open),
    SYS(__NR_openat, sys_openat),
    SYS(__NR_creat, sys_creat),
    SYS(__NR_close, sys_close),
    SYS(__NR_lseek, sys_lseek),
    SYS(__NR__llseek, sys_llseek),
    SYS(__NR_dup, sys_dup),
    SYS(__NR_dup2, sys_dup2),
    SYS(__NR_dup3, sys_dup3),
    SYS(__NR_fcntl, sys_fcntl64),
    SYS(__NR_fcntl64, sys_fcntl64),
    SYS(__NR_ioctl, sys_ioctl),
    SYS(__NR_pipe, sys_pipe),
    SYS(__NR_pipe2, sys_pipe2),
    SYS(__NR_poll, sys_poll),
    SYS(__NR__newselect, sys_select),
    SYS(__NR_stat64, sys_stat64),
    SYS(__NR_lstat64, sys_lstat64),
    SYS(__NR_fstat64, sys_fstat64),
    SYS(__NR_fstatat64, sys_fstatat64),
    SYS(__NR_getdents64, sys_getdents64),
    SYS(__NR_access, sys_access),
    SYS(__NR_faccessat, sys_faccessat),
    SYS(__NR_chdir, sys_chdir),
    SYS(__NR_fchdir, sys_fchdir),
    SYS(__NR_getcwd, sys_getcwd),
    SYS(__NR_readlink, sys_readlink),
    SYS(__NR_readlinkat, sys_readlinkat),
    SYS(__NR_mkdir, sys_mkdir),
    SYS(__NR_mkdirat, sys_mkdirat),
    SYS(__NR_rmdir, sys_rmdir),
    SYS(__NR_unlink, sys_unlink),
    SYS(__NR_unlinkat, sys_unlinkat),
    SYS(__NR_link, sys_link),
    SYS(__NR_linkat, sys_linkat),
    SYS(__NR_symlink, sys_symlink),
    SYS(__NR_symlinkat, sys_symlinkat),
    SYS(__NR_rename, sys_rename),
    SYS(__NR_renameat, sys_renameat),
    SYS(__NR_chmod, sys_chmod),
    SYS(__NR_fchmod, sys_fchmod),
    SYS(__NR_fchmodat, sys_fchmodat),
    SYS(__NR_chown, sys_chown16),
    SYS(__NR_lchown, sys_lchown16),
    SYS(__NR_fchown, sys_fchown16),
    SYS(__NR_chown32, sys_chown),
    SYS(__NR_lchown32, sys_lchown),
    SYS(__NR_fchown32, sys_fchown),
    SYS(__NR_fchownat, sys_fchownat),
    SYS(__NR_faccessat2, sys_faccessat2),
    SYS(__NR_truncate, sys_truncate),
    SYS(__NR_truncate64, sys_truncate64),
    SYS(__NR_ftruncate, sys_ftruncate),
    SYS(__NR_ftruncate64, sys_ftruncate64),
    SYS(__NR_utimensat, sys_utimensat),
    SYS(__NR_fsync, sys_fsync),
    SYS(__NR_fdatasync, sys_fsync),
    SYS(__NR_sync, sys_zero),
    SYS(__NR_statfs64, sys_statfs64),
    SYS(__NR_fstatfs64, sys_fstatfs64),
    SYS(__NR_umask, sys_umask),
    SYS(__NR_mknod, sys_mknod),
    SYS(__NR_mknodat, sys_mknodat),
    SYS(__NR_mount, sys_mount),
    SYS(__NR_umount2, sys_umount2),
    SYS(__NR_getrandom, sys_getrandom),
};
#pragma GCC diagnostic pop

const uint32_t syscall_count = sizeof syscall_table / sizeof syscall_table[0];

void syscall_set_trace(int on)
{
    trace = on;
}
