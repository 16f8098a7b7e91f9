/*
 * Tests of number conversion, sorting, the allocator, the environment
 * and getopt.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <unistd.h>
#include "tests/unit/unit.h"

TEST(strtol_bases_and_ends)
{
    char *end;
    CHECK_EQ(strtol("  -123xyz", &end, 10), -123);
    CHECK_STR(end, "xyz");
    CHECK_EQ(strtol("0x1F", NULL, 16), 31);
    CHECK_EQ(strtol("0x1F", NULL, 0), 31);
    CHECK_EQ(strtol("017", NULL, 0), 15);
    CHECK_EQ(strtol("z", NULL, 36), 35);
    CHECK_EQ(strtol("+42", NULL, 10), 42);
    CHECK_EQ(strtol("0x", &end, 16), 0);        /* "0" parsed, "x" left */
    CHECK_STR(end, "x");
    const char *none = "  abc";
    CHECK_EQ(strtol(none, &end, 10), 0);
    CHECK(end == none);                         /* no digits: nothing read */
    CHECK_EQ(atoi("77 trombones"), 77);
}

TEST(strtol_overflow)
{
    errno = 0;
    CHECK_EQ(strtol("2147483647", NULL, 10), LONG_MAX);
    CHECK_EQ(errno, 0);
    CHECK_EQ(strtol("2147483648", NULL, 10), LONG_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK_EQ(strtol("-2147483648", NULL, 10), LONG_MIN);
    CHECK_EQ(errno, 0);
    CHECK_EQ(strtol("-2147483649", NULL, 10), LONG_MIN);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK(strtoul("4294967295", NULL, 10) == ULONG_MAX);
    CHECK_EQ(errno, 0);
    CHECK(strtoul("4294967296", NULL, 10) == ULONG_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK(strtoul("-1", NULL, 10) == ULONG_MAX);    /* negated, as C says */
    CHECK_EQ(errno, 0);
    CHECK(strtoll("9223372036854775807", NULL, 10) == LLONG_MAX);
    CHECK(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN);
    CHECK(strtoull("99999999999999999999", NULL, 10) == ULLONG_MAX);
    CHECK_EQ(errno, ERANGE);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int is_sorted(const int *v, int n)
{
    for (int i = 1; i < n; i++)
        if (v[i - 1] > v[i])
            return 0;
    return 1;
}

TEST(qsort_many_shapes)
{
    static int v[5000], counts[1000];
    for (int shape = 0; shape < 5; shape++) {
        int n = shape == 4 ? 1 : 5000;
        memset(counts, 0, sizeof counts);
        srand(7);
        for (int i = 0; i < n; i++) {
            v[i] = shape == 0 ? rand() % 1000       /* random, duplicates */
                 : shape == 1 ? i % 1000             /* sawtooth */
                 : shape == 2 ? 999 - i % 1000       /* descending runs */
                 : 5;                                /* all equal */
            counts[v[i]]++;
        }
        qsort(v, (size_t)n, sizeof v[0], cmp_int);
        CHECK(is_sorted(v, n));
        for (int i = 0; i < n; i++)         /* same multiset of values */
            counts[v[i]]--;
        for (int i = 0; i < 1000; i++)
            CHECK_EQ(counts[i], 0);
    }
}

TEST(qsort_wide_elements_and_bsearch)
{
    struct rec { int key; char pad[13]; } r[100];
    for (int i = 0; i < 100; i++) {
        r[i].key = (i * 37) % 100;
        memset(r[i].pad, r[i].key, sizeof r[i].pad);
    }
    qsort(r, 100, sizeof r[0], cmp_int);
    for (int i = 0; i < 100; i++) {
        CHECK_EQ(r[i].key, i);
        CHECK_EQ(r[i].pad[12], (char)i);    /* moved as a whole */
    }
    int sorted[] = {1, 3, 5, 7, 9, 11};
    int key = 7, missing = 8;
    CHECK(bsearch(&key, sorted, 6, sizeof(int), cmp_int) == &sorted[3]);
    CHECK(bsearch(&missing, sorted, 6, sizeof(int), cmp_int) == NULL);
}

TEST(malloc_alignment_and_zeroing)
{
    for (size_t n = 0; n < 300; n += 7) {
        char *p = malloc(n);
        CHECK(p != NULL);
        CHECK_EQ((uintptr_t)p % 16, 0);
        memset(p, 0xaa, n);
        free(p);
    }
    int *z = calloc(1000, sizeof *z);
    for (int i = 0; i < 1000; i++)
        CHECK_EQ(z[i], 0);
    free(z);
    CHECK(calloc((size_t)-1 / 2, 4) == NULL);   /* n * size overflows */
    CHECK(malloc((size_t)-1 - 8) == NULL);
    CHECK_EQ(errno, ENOMEM);
}

/*
 * Random allocations, frees and reallocs; every block is filled with a
 * pattern derived from its slot and checked before it is freed, so any
 * overlap between live blocks shows up.
 */
TEST(malloc_stress)
{
    enum { SLOTS = 400, ROUNDS = 20000 };
    static unsigned char *blk[SLOTS];
    static size_t len[SLOTS];
    srand(12345);
    for (int round = 0; round < ROUNDS; round++) {
        int s = rand() % SLOTS;
        if (blk[s]) {
            for (size_t i = 0; i < len[s]; i++)
                CHECK_EQ(blk[s][i], (unsigned char)(s + i));
            if (rand() % 2) {
                free(blk[s]);
                blk[s] = NULL;
                continue;
            }
            size_t n = (size_t)(rand() % 3000);
            unsigned char *p = realloc(blk[s], n);
            CHECK(p != NULL || n == 0);
            for (size_t i = 0; i < (n < len[s] ? n : len[s]); i++)
                CHECK_EQ(p[i], (unsigned char)(s + i));  /* kept by realloc */
            blk[s] = p;
            len[s] = n;
        } else {
            len[s] = (size_t)(rand() % 5 == 0 ? rand() % 400000 : rand() % 600);
            blk[s] = malloc(len[s]);
            CHECK(blk[s] != NULL);
        }
        for (size_t i = 0; i < len[s]; i++)
            blk[s][i] = (unsigned char)(s + i);
    }
    for (int s = 0; s < SLOTS; s++)
        free(blk[s]);
}

TEST(malloc_reuses_freed_memory)
{
    /* After freeing everything, the same total must fit without the heap
     * growing much: free blocks are merged and reused. */
    void *start = sbrk(0);
    for (int round = 0; round < 50; round++) {
        void *p[100];
        for (int i = 0; i < 100; i++)
            p[i] = malloc(1000);
        for (int i = 0; i < 100; i += 2)
            free(p[i]);
        for (int i = 1; i < 100; i += 2)
            free(p[i]);
    }
    void *big = malloc(90000);                  /* needs merged space */
    CHECK(big != NULL);
    CHECK((char *)sbrk(0) - (char *)start < 400000);
    free(big);
}

TEST(environment)
{
    CHECK_EQ(setenv("COWIX_TEST", "one", 1), 0);
    CHECK_STR(getenv("COWIX_TEST"), "one");
    CHECK_EQ(setenv("COWIX_TEST", "two", 0), 0);
    CHECK_STR(getenv("COWIX_TEST"), "one");     /* not overwritten */
    CHECK_EQ(setenv("COWIX_TEST", "three", 1), 0);
    CHECK_STR(getenv("COWIX_TEST"), "three");
    CHECK(getenv("COWIX_TEST_") == NULL);       /* exact names only */
    CHECK(getenv("COWIX_TES") == NULL);
    CHECK_EQ(unsetenv("COWIX_TEST"), 0);
    CHECK(getenv("COWIX_TEST") == NULL);
    CHECK_EQ(setenv("BAD=NAME", "x", 1), -1);
    CHECK_EQ(errno, EINVAL);
    for (int i = 0; i < 50; i++) {              /* grow the array */
        char name[16];
        snprintf(name, sizeof name, "V%d", i);
        setenv(name, name, 1);
    }
    CHECK_STR(getenv("V0"), "V0");
    CHECK_STR(getenv("V49"), "V49");
    CHECK(getenv("PATH") != NULL);              /* the original ones stay */
}

TEST(getopt_parsing)
{
    char *argv[] = {"prog", "-ab", "-n", "5", "-mX", "file", "-a", NULL};
    int argc = 7, c;
    char got[16] = "";
    char *n_arg = NULL, *m_arg = NULL;

    optind = 1;
    while ((c = getopt(argc, argv, "abn:m:")) != -1) {
        strncat(got, (char[]){(char)c, 0}, 1);
        if (c == 'n')
            n_arg = optarg;
        if (c == 'm')
            m_arg = optarg;
    }
    CHECK_STR(got, "abnm");
    CHECK_STR(n_arg, "5");
    CHECK_STR(m_arg, "X");
    CHECK_EQ(optind, 5);                        /* stops at "file" */

    char *argv2[] = {"prog", "-z", "--", "-a", NULL};
    opterr = 0;
    optind = 1;
    CHECK_EQ(getopt(4, argv2, "a"), '?');
    CHECK_EQ(optopt, 'z');
    CHECK_EQ(getopt(4, argv2, "a"), -1);
    CHECK_EQ(optind, 3);                        /* after "--" */

    char *argv3[] = {"prog", "-n", NULL};
    optind = 1;
    CHECK_EQ(getopt(2, argv3, ":n:"), ':');     /* missing argument */
}
