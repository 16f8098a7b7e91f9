/*
 * Runner for the host unit tests: runs every TEST registered by the
 * constructors in the test file, in the order they appear, and reports.
 * An optional argument runs only the tests whose name contains it.
 */
#include "unit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TESTS 512

static struct {
    const char *name;
    void (*fn)(void);
} tests[MAX_TESTS];
static int ntests;
static int failed_now;
static char why[512];

void unit_register(const char *name, void (*fn)(void))
{
    if (ntests == MAX_TESTS) {
        fprintf(stderr, "unit: too many tests\n");
        exit(2);
    }
    tests[ntests].name = name;
    tests[ntests].fn = fn;
    ntests++;
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(why, sizeof why, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vsnprintf(why + n, sizeof why - n, fmt, ap);
    va_end(ap);
    failed_now = 1;
}

/* The kernel uses strlcpy; older host C libraries lack it. */
__attribute__((weak)) size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = strlen(src);
    if (size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(dst, src, k);
        dst[k] = 0;
    }
    return n;
}

int unit_failed_now(void)
{
    return failed_now;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 0; i < ntests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]))
            continue;
        failed_now = 0;
        tests[i].fn();
        if (failed_now) {
            printf("not ok %s: %s\n", tests[i].name, why);
            failed++;
        } else {
            printf("ok %s\n", tests[i].name);
            passed++;
        }
        fflush(stdout);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
