/*
 * initsig: run as init (init=/tests/initsig).  Init has no handler for
 * SIGTERM and SIGSEGV.  A SIGTERM it sends itself while blocking it is
 * kept pending (a blocked signal is never dropped), but when it is
 * unblocked init's immunity still holds: it goes on.  A SIGSEGV from a
 * fault is another matter, blocked or not: init dies of it, and the kernel
 * says so ("init killed by signal 11") and powers off.
 */
#include <signal.h>

#include "t.h"

int main(void)
{
    sigset_t set = (1ull << (SIGTERM - 1)) | (1ull << (SIGSEGV - 1)), pending;
    CHECK(getpid() == 1);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    CHECK(kill(1, SIGTERM) == 0);
    CHECK(sigpending(&pending) == 0 && (pending & (1ull << (SIGTERM - 1))));
    CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);     /* SIGSEGV blocked again */
    printf("initsig: SIGTERM kept while blocked, then skipped: still running\n");
    fflush(stdout);
    *(volatile int *)0 = 1;                             /* the fault kills init */
    printf("initsig: survived a fault: wrong\n");
    return 1;
}
