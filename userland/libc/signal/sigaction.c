/*
 * Installing handlers and changing the signal mask.
 *
 * sigaction() always passes SA_RESTORER with one of the two restorers in
 * restore.S, as i386 Linux C libraries do: SA_SIGINFO handlers get an
 * rt frame and must return through rt_sigreturn, the others a plain frame
 * and sigreturn.  Signal sets are 8 bytes, which the rt_* calls are told.
 */
#include <signal.h>
#include <errno.h>
#include "userland/libc/syscall/syscall.h"

void libc_restore(void);
void libc_restore_rt(void);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    struct sigaction k;

    if (act) {
        k = *act;
        k.sa_flags |= SA_RESTORER;
        k.sa_restorer = (act->sa_flags & SA_SIGINFO) ? libc_restore_rt
                                                     : libc_restore;
        act = &k;
    }
    return (int)SC4(__NR_rt_sigaction, sig, act, old, sizeof(sigset_t));
}

/* BSD semantics, as glibc: the handler stays, interrupted calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction act = {.sa_handler = handler, .sa_flags = SA_RESTART};
    struct sigaction old;

    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    return (int)SC4(__NR_rt_sigprocmask, how, set, old, sizeof(sigset_t));
}

int sigpending(sigset_t *set)
{
    return (int)SC2(__NR_rt_sigpending, set, sizeof(sigset_t));
}

int sigsuspend(const sigset_t *mask)
{
    return (int)SC2(__NR_rt_sigsuspend, mask, sizeof(sigset_t));
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
    return (int)SC2(__NR_sigaltstack, ss, old);
}
