/*
 * Tests of the libc string, memory and ctype functions.  Built with our
 * libc for i386 and run on the Linux host.
 */
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <stdlib.h>
#include <libgen.h>
#include "tests/unit/unit.h"

TEST(memcpy_all_lengths_and_alignments)
{
    unsigned char src[64], dst[80];
    for (int i = 0; i < 64; i++)
        src[i] = (unsigned char)(i * 7 + 1);
    for (int off = 0; off < 4; off++)
        for (int n = 0; n <= 40; n++) {
            memset(dst, 0xee, sizeof dst);
            CHECK(memcpy(dst + off, src + 3, (size_t)n) == dst + off);
            for (int i = 0; i < n; i++)
                CHECK_EQ(dst[off + i], src[3 + i]);
            CHECK_EQ(dst[off + n], 0xee);       /* no byte past the end */
            if (off > 0)
                CHECK_EQ(dst[off - 1], 0xee);
        }
}

TEST(memmove_overlapping_both_ways)
{
    char buf[32];
    strcpy(buf, "abcdefghij");
    memmove(buf + 2, buf, 8);                   /* forward overlap */
    CHECK(memcmp(buf, "ababcdefgh", 10) == 0);
    strcpy(buf, "abcdefghij");
    memmove(buf, buf + 3, 7);                   /* backward overlap */
    CHECK(memcmp(buf, "defghijhij", 10) == 0);
}

TEST(memset_fills_exactly)
{
    unsigned char buf[40];
    for (int n = 0; n < 30; n++) {
        memset(buf, 1, sizeof buf);
        memset(buf + 1, 0x1ab, (size_t)n);      /* only the low byte counts */
        CHECK_EQ(buf[0], 1);
        for (int i = 1; i <= n; i++)
            CHECK_EQ(buf[i], 0xab);
        CHECK_EQ(buf[n + 1], 1);
    }
}

TEST(memcmp_and_memchr)
{
    CHECK(memcmp("abc", "abd", 3) < 0);
    CHECK(memcmp("abd", "abc", 3) > 0);
    CHECK(memcmp("abc", "abd", 2) == 0);
    CHECK(memcmp("\x80", "\x01", 1) > 0);       /* compared as unsigned */
    const char *s = "hello";
    CHECK(memchr(s, 'l', 5) == s + 2);
    CHECK(memrchr(s, 'l', 5) == s + 3);
    CHECK(memchr(s, 'z', 5) == NULL);
    CHECK(memchr(s, 'o', 4) == NULL);
}

TEST(strlen_strcmp_strncmp)
{
    CHECK_EQ(strlen(""), 0);
    CHECK_EQ(strlen("hello"), 5);
    CHECK_EQ(strnlen("hello", 3), 3);
    CHECK(strcmp("a", "b") < 0);
    CHECK(strcmp("b", "a") > 0);
    CHECK(strcmp("abc", "abc") == 0);
    CHECK(strcmp("ab", "abc") < 0);
    CHECK(strcmp("\xff", "a") > 0);
    CHECK(strncmp("abcX", "abcY", 3) == 0);
    CHECK(strncmp("abcX", "abcY", 4) < 0);
    CHECK(strcasecmp("HeLLo", "hello") == 0);
    CHECK(strncasecmp("ABCx", "abcy", 3) == 0);
}

TEST(copy_and_concatenate)
{
    char buf[16];
    CHECK(strcpy(buf, "abc") == buf);
    CHECK_STR(strcat(buf, "def"), "abcdef");
    CHECK_STR(strncat(buf, "ghijk", 2), "abcdefgh");
    memset(buf, 'x', sizeof buf);
    strncpy(buf, "ab", 5);
    CHECK(memcmp(buf, "ab\0\0\0x", 6) == 0);    /* padded with NULs */
    CHECK_EQ(strlcpy(buf, "truncated string", 6), 16);
    CHECK_STR(buf, "trunc");
    CHECK(stpcpy(buf, "end") == buf + 3);
    char *d = strdup("copy");
    CHECK_STR(d, "copy");
    free(d);
    d = strndup("copy", 2);
    CHECK_STR(d, "co");
    free(d);
}

TEST(searching)
{
    const char *s = "path/to/file.txt";
    CHECK(strchr(s, '/') == s + 4);
    CHECK(strrchr(s, '/') == s + 7);
    CHECK(strchr(s, '\0') == s + 16);
    CHECK(strchr(s, 'z') == NULL);
    CHECK(strstr(s, "file") == s + 8);
    CHECK(strstr(s, "") == s);
    CHECK(strstr(s, "files") == NULL);
    CHECK_EQ(strspn("  \tx", " \t"), 3);
    CHECK_EQ(strcspn("abc:def", ":;"), 3);
    CHECK(strpbrk("abc:def", ";:") == NULL ? 0 : 1);
}

TEST(tokenizing)
{
    char buf[] = " a, b ,,c ";
    char *save;
    CHECK_STR(strtok_r(buf, " ,", &save), "a");
    CHECK_STR(strtok_r(NULL, " ,", &save), "b");
    CHECK_STR(strtok_r(NULL, " ,", &save), "c");
    CHECK(strtok_r(NULL, " ,", &save) == NULL);

    char buf2[] = "x::y";
    char *p = buf2;
    CHECK_STR(strsep(&p, ":"), "x");
    CHECK_STR(strsep(&p, ":"), "");             /* empty field kept */
    CHECK_STR(strsep(&p, ":"), "y");
    CHECK(p == NULL);
}

TEST(ctype_classes)
{
    CHECK(isdigit('7') && !isdigit('a'));
    CHECK(isalpha('Q') && !isalpha('1'));
    CHECK(isspace(' ') && isspace('\n') && isspace('\v') && !isspace('x'));
    CHECK(isxdigit('F') && isxdigit('a') && !isxdigit('g'));
    CHECK(ispunct('!') && !ispunct('a') && !ispunct(' '));
    CHECK(isprint(' ') && !isprint('\t') && !isprint(127));
    CHECK_EQ(toupper('a'), 'A');
    CHECK_EQ(tolower('Z'), 'z');
    CHECK_EQ(toupper('1'), '1');
    CHECK(!isalpha(0xe9) && !isalpha(-1));      /* not ASCII, EOF */
}

TEST(basename_dirname)
{
    char a[] = "/usr/lib/", b[] = "/usr/lib/", c[] = "file", d[] = "file";
    char e[] = "/", f[] = "/";
    CHECK_STR(basename(a), "lib");
    CHECK_STR(dirname(b), "/usr");
    CHECK_STR(basename(c), "file");
    CHECK_STR(dirname(d), ".");
    CHECK_STR(basename(e), "/");
    CHECK_STR(dirname(f), "/");
}
