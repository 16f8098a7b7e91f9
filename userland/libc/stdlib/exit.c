/*
 * Leaving the program.  exit() runs the atexit functions (last registered
 * first), then the destructors (.fini_array, in reverse), flushes every
 * stdio stream and ends the process with exit_group.  abort() raises SIGABRT and makes sure it is fatal.
 */
#include <stdlib.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include "userland/libc/syscall/syscall.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);

typedef void (*fini_fn)(void);
extern fini_fn __fini_array_start[], __fini_array_end[];
static int nhandlers;

int atexit(void (*fn)(void))
{
    if (nhandlers == ATEXIT_MAX)
        return -1;
    handlers[nhandlers++] = fn;
    return 0;
}

_Noreturn void _exit(int status)
{
    for (;;)
        syscall1(__NR_exit_group, status);
}

_Noreturn void _Exit(int status)
{
    _exit(status);
}

_Noreturn void exit(int status)
{
    while (nhandlers > 0)
        handlers[--nhandlers]();
    for (fini_fn *f = __fini_array_end; f > __fini_array_start; )
        (*--f)();
    fflush(NULL);
    _exit(status);
}

_Noreturn void abort(void)
{
    sigset_t abrt = SIGMASK_BIT(SIGABRT);

    sigprocmask(SIG_UNBLOCK, &abrt, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);   /* it was caught or ignored: try again */
    raise(SIGABRT);
    _exit(127);
}
