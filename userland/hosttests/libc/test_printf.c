/*
 * Tests of printf formatting (through snprintf), of sscanf, and of the
 * strerror / strsignal texts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <signal.h>
#include <limits.h>
#include "tests/unit/unit.h"

/* Some formats below are odd on purpose (flags that do not apply...). */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

static char buf[256];

#define FMT(...) (snprintf(buf, sizeof buf, __VA_ARGS__), buf)

TEST(integers)
{
    CHECK_STR(FMT("%d", 0), "0");
    CHECK_STR(FMT("%d %i", -17, 42), "-17 42");
    CHECK_STR(FMT("%d", INT_MIN), "-2147483648");
    CHECK_STR(FMT("%u", 4294967295u), "4294967295");
    CHECK_STR(FMT("%x %X %o", 255, 255, 8), "ff FF 10");
    CHECK_STR(FMT("%lld", -9223372036854775807LL - 1), "-9223372036854775808");
    CHECK_STR(FMT("%llu", 18446744073709551615ULL), "18446744073709551615");
    CHECK_STR(FMT("%llx", 0x123456789abcdefULL), "123456789abcdef");
    CHECK_STR(FMT("%ld %lu", -5L, 5UL), "-5 5");
    CHECK_STR(FMT("%zu %zd", (size_t)7, (ssize_t)-7), "7 -7");
    CHECK_STR(FMT("%hhd %hd %hhu", 257, 65537, 511), "1 1 255");
}

TEST(widths_and_flags)
{
    CHECK_STR(FMT("[%5d]", 42), "[   42]");
    CHECK_STR(FMT("[%-5d]", 42), "[42   ]");
    CHECK_STR(FMT("[%05d]", -42), "[-0042]");
    CHECK_STR(FMT("[%+d] [% d]", 5, 5), "[+5] [ 5]");
    CHECK_STR(FMT("[%*d]", 4, 7), "[   7]");
    CHECK_STR(FMT("[%-*d]", 3, 7), "[7  ]");
    CHECK_STR(FMT("[%*d]", -3, 7), "[7  ]");
    CHECK_STR(FMT("[%#x] [%#o] [%#X]", 255, 8, 10), "[0xff] [010] [0XA]");
    CHECK_STR(FMT("[%#x]", 0), "[0]");
    CHECK_STR(FMT("[%08.3d]", 5), "[     005]");   /* precision beats 0 */
    CHECK_STR(FMT("[%.0d]", 0), "[]");
    CHECK_STR(FMT("[%.5x]", 0xab), "[000ab]");
    CHECK_STR(FMT("[%#010x]", 0x1f), "[0x0000001f]");
}

TEST(strings_chars_pointers)
{
    CHECK_STR(FMT("%s|%10s|%-6s|", "a", "right", "left"),
              "a|     right|left  |");
    CHECK_STR(FMT("%.3s", "abcdef"), "abc");
    CHECK_STR(FMT("%.*s", 2, "abcdef"), "ab");
    CHECK_STR(FMT("%s", (char *)NULL), "(null)");
    CHECK_STR(FMT("%c%c%3c", 'a', 'b', 'c'), "ab  c");
    CHECK_STR(FMT("%p", (void *)0x1234), "0x1234");
    CHECK_STR(FMT("%p", (void *)0), "(nil)");
    CHECK_STR(FMT("100%%"), "100%");
}

TEST(floats)
{
    CHECK_STR(FMT("%f", 1.5), "1.500000");
    CHECK_STR(FMT("%.2f", 3.14159), "3.14");
    CHECK_STR(FMT("%.0f", 2.6), "3");
    CHECK_STR(FMT("%.1f", 0.96), "1.0");
    CHECK_STR(FMT("%8.3f", -1.25), "  -1.250");
    CHECK_STR(FMT("%.3f", 0.0005), "0.001");
}

TEST(snprintf_truncates_and_counts)
{
    char small[5];
    CHECK_EQ(snprintf(small, sizeof small, "%s", "abcdefgh"), 8);
    CHECK_STR(small, "abcd");
    CHECK_EQ(snprintf(NULL, 0, "%d", 12345), 5);
    CHECK_EQ(snprintf(small, 1, "xyz"), 3);
    CHECK_STR(small, "");
    char *s;
    CHECK_EQ(asprintf(&s, "%s-%d", "n", 10), 4);
    CHECK_STR(s, "n-10");
    free(s);
}

TEST(sscanf_fields)
{
    int a = 0, n = 0;
    unsigned x = 0;
    long long big = 0;
    char word[16], c = 0;

    CHECK_EQ(sscanf("  12 ff word", "%d %x %15s", &a, &x, word), 3);
    CHECK_EQ(a, 12);
    CHECK_EQ(x, 255);
    CHECK_STR(word, "word");
    CHECK_EQ(sscanf("-9000000000,z", "%lld,%c%n", &big, &c, &n), 2);
    CHECK_EQ(big, -9000000000LL);
    CHECK_EQ(c, 'z');
    CHECK_EQ(n, 13);
    CHECK_EQ(sscanf("abc", "%d", &a), 0);
    CHECK_EQ(sscanf("", "%d", &a), EOF);
    CHECK_EQ(sscanf("MemTotal:  1024 kB", "MemTotal: %d kB", &a), 1);
    CHECK_EQ(a, 1024);
}

TEST(error_and_signal_texts)
{
    CHECK_STR(strerror(ENOENT), "No such file or directory");
    CHECK_STR(strerror(EACCES), "Permission denied");
    CHECK_STR(strerror(ENOTDIR), "Not a directory");
    CHECK_STR(strerror(9999), "Unknown error 9999");
    CHECK_STR(strsignal(SIGSEGV), "Segmentation fault");
    CHECK_STR(strsignal(SIGKILL), "Killed");
    CHECK_STR(strsignal(SIGTERM), "Terminated");
    CHECK_STR(sigabbrev_np(SIGINT), "INT");
}
