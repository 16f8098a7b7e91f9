/*
 * Signals as the Linux i386 kernel sees them: numbers, the sigaction record
 * that rt_sigaction(174) copies in and out, the older sigaction(67) record,
 * siginfo_t (what an SA_SIGINFO handler receives) and stack_t.
 *
 * A signal set is a 64-bit mask: bit (sig - 1) stands for signal sig.  The
 * libc's <signal.h> uses these definitions as they are, so the user-visible
 * struct sigaction and sigset_t are the kernel's.
 */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include <stdint.h>
#include <stddef.h>

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31
#define SIGRTMIN  32
#define SIGRTMAX  64

/* Signals are 1..NSIG-1. */
#define NSIG      65

typedef uint64_t sigset_t;

/* The bit of a signal in a sigset_t. */
#define SIGMASK_BIT(sig) ((sigset_t)1 << ((sig) - 1))

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001u
#define SA_NOCLDWAIT 0x00000002u
#define SA_SIGINFO   0x00000004u
#define SA_RESTORER  0x04000000u
#define SA_ONSTACK   0x08000000u
#define SA_RESTART   0x10000000u
#define SA_NODEFER   0x40000000u
#define SA_RESETHAND 0x80000000u
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* How rt_sigprocmask(175) combines the given set with the blocked set. */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* Signal codes (siginfo_t.si_code) */
#define SI_USER     0     /* kill() */
#define SI_KERNEL   0x80
#define SI_QUEUE    (-1)
#define SI_TIMER    (-2)
#define SI_TKILL    (-6)
#define ILL_ILLOPC  1     /* SIGILL: illegal opcode */
#define ILL_PRVOPC  5     /* SIGILL: privileged opcode */
#define FPE_INTDIV  1     /* SIGFPE: integer divide by zero */
#define SEGV_MAPERR 1     /* SIGSEGV: address not mapped */
#define SEGV_ACCERR 2     /* SIGSEGV: no permission for the access */
#define BUS_ADRERR  2
#define TRAP_BRKPT  1
#define CLD_EXITED  1     /* SIGCHLD: child exited */
#define CLD_KILLED  2     /*          killed by a signal */
#define CLD_DUMPED  3     /*          killed, core dumped */
#define CLD_TRAPPED 4
#define CLD_STOPPED 5     /*          stopped */
#define CLD_CONTINUED 6   /*          continued */

/*
 * What an SA_SIGINFO handler gets as its second argument: 128 bytes, the
 * three common fields, then one of several layouts that all start at
 * offset 12.  Only the layouts the kernel fills are named.
 */
typedef struct {
    int32_t si_signo;
    int32_t si_errno;
    int32_t si_code;
    union {
        int32_t si_pad_[29];
        struct {                /* kill(), SIGCHLD */
            int32_t si_pid;
            uint32_t si_uid;
            int32_t si_status;  /* SIGCHLD: exit code or signal */
            int32_t si_utime;   /* SIGCHLD: clock ticks */
            int32_t si_stime;
        };
        struct {                /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
            void *si_addr;
        };
    };
} siginfo_t;

/* The record of rt_sigaction(174): note the order, mask last. */
struct sigaction {
    union {
        sighandler_t sa_handler;
        void (*sa_sigaction)(int, siginfo_t *, void *);
    };
    uint32_t sa_flags;
    void (*sa_restorer)(void);
    sigset_t sa_mask;
};

/* The record of the old sigaction(67): 32-bit mask, mask second. */
struct old_sigaction {
    sighandler_t sa_handler;
    uint32_t sa_mask;
    uint32_t sa_flags;
    void (*sa_restorer)(void);
};

/* An alternate signal stack (sigaltstack, 186). */
typedef struct {
    void *ss_sp;
    int32_t ss_flags;
    size_t ss_size;
} stack_t;

#define SS_ONSTACK  1
#define SS_DISABLE  2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ    8192

#if defined(__i386__)
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
_Static_assert(offsetof(siginfo_t, si_pid) == 12, "siginfo_t.si_pid");
_Static_assert(offsetof(siginfo_t, si_status) == 20, "siginfo_t.si_status");
_Static_assert(offsetof(siginfo_t, si_addr) == 12, "siginfo_t.si_addr");
_Static_assert(sizeof(struct sigaction) == 20, "rt_sigaction record");
_Static_assert(offsetof(struct sigaction, sa_mask) == 12, "sa_mask last");
_Static_assert(sizeof(struct old_sigaction) == 16, "sigaction record");
_Static_assert(sizeof(stack_t) == 12, "stack_t");
#endif

#endif
