/*
 * The self-test runner.  The linker gathers every struct ktest into the
 * .ktests section; the runner walks that array.  A test reports its first
 * failed check and returns; the runner counts and moves on.
 */
#include "kernel/ktest.h"

#include <stdarg.h>

#include "kernel/console.h"
#include "kernel/format.h"
#include "kernel/string.h"

extern const struct ktest __ktests_start[], __ktests_end[];

static bool failed;
static char why[256];

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
    int n = ksnprintf(why, sizeof why, "%s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    if (n < (int)sizeof why)
        kvsnprintf(why + n, sizeof why - n, fmt, ap);
    va_end(ap);
    failed = true;
}

bool ktest_failed(void)
{
    return failed;
}

int ktest_run(const char *name)
{
    int passed = 0, nfailed = 0;
    for (const struct ktest *t = __ktests_start; t < __ktests_end; t++) {
        if (name[0] ? strcmp(name, t->name) != 0 : t->manual)
            continue;
        failed = false;
        t->fn();
        if (failed) {
            kprintf("not ok %s: %s\n", t->name, why);
            nfailed++;
        } else {
            kprintf("ok %s\n", t->name);
            passed++;
        }
    }
    if (name[0] && passed + nfailed == 0) {
        kprintf("not ok %s: no such test\n", name);
        nfailed++;
    }
    kprintf("%d passed, %d failed\n", passed, nfailed);
    return nfailed;
}
