/*
 * The failure half of assert(): report where, then abort.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void libc_assert_fail(const char *cond, const char *file, int line,
                                const char *func)
{
    fprintf(stderr, "%s:%d: %s: Assertion `%s' failed.\n", file, line, func,
            cond);
    abort();
}
