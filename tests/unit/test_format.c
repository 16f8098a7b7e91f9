/*
 * kvformat against the host C library's snprintf, which is the reference
 * for every conversion the kernel supports.
 */
#include "unit.h"

#include <stdint.h>
#include <string.h>

#include "kernel/format.c"

#define SAME(...)                                                         \
    do {                                                                  \
        char want[256], got[256];                                         \
        int nw = snprintf(want, sizeof want, __VA_ARGS__);                \
        int ng = ksnprintf(got, sizeof got, __VA_ARGS__);                 \
        CHECK_STR(got, want);                                             \
        CHECK_EQ(ng, nw);                                                 \
    } while (0)

TEST(format_integers)
{
    SAME("%d %i %u", 0, -1, 4000000000u);
    SAME("%d", INT32_MIN);
    SAME("%x %X %o", 0xdeadbeefu, 0xabcdefu, 0755);
    SAME("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42);
    SAME("[%8x] [%08X] [%-8x|]", 0x1fu, 0x1fu, 0x1fu);
    SAME("%*d|%-*d|", 6, 7, 6, 7);
}

TEST(format_long_sizes)
{
    SAME("%ld %lu %lx", -123456789L, 123456789UL, 0xfffffffUL);
    SAME("%lld %llu %llx", -9000000000000000000LL, 18000000000000000000ULL,
         0x123456789abcdefULL);
    SAME("%zu %zx", (size_t)12345, (size_t)0xbeef);
}

TEST(format_strings_chars)
{
    SAME("%s|%10s|%-10s|%.3s|", "abc", "right", "left", "truncate");
    SAME("%c%c%c %%", 'C', 'o', 'w');
    SAME("%5c|%-5c|", 'x', 'y');
}

TEST(format_pointer)
{
    char got[64];
    ksnprintf(got, sizeof got, "%p", (void *)0x1234);
    char want[64];
    snprintf(want, sizeof want, "0x%0*lx", (int)(2 * sizeof(void *)), 0x1234UL);
    CHECK_STR(got, want);
}

TEST(format_truncates_and_counts)
{
    char b[8];
    int n = ksnprintf(b, sizeof b, "%s", "0123456789");
    CHECK_EQ(n, 10);
    CHECK_STR(b, "0123456");
    n = ksnprintf(b, 1, "%d", 12345);
    CHECK_EQ(n, 5);
    CHECK_EQ(b[0], 0);
}

TEST(format_unknown_conversion_is_shown)
{
    char b[32];
    int (*unchecked)(char *, size_t, const char *, ...) = ksnprintf;
    unchecked(b, sizeof b, "a%qb");
    CHECK_STR(b, "a%qb");
}
