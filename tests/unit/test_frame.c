/*
 * Frame bookkeeping: exact counts, reference counting, kept ranges, and a
 * long random sequence of operations checked against a simple model.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "mm/frame.c"

void panic(const char *fmt, ...)
{
    printf("panic: %s\n", fmt);
    abort();
}

#define N 1024
static struct frame table[N];

static void setup(void)
{
    frame_setup(table, N);
    frame_keep(0x10000, 0x20000);           /* a "kernel image" */
    frame_add_free(0x1000, 0x9f000);        /* low memory */
    frame_add_free(0x100000, N * 4096);     /* from 1 MiB up */
}

TEST(frame_counts_after_setup)
{
    setup();
    uint32_t low = 0x9f - 1 - 0x10;         /* frames 1..0x9e minus kept */
    uint32_t high = N - 0x100;
    CHECK_EQ(frames_total(), low + high);
    CHECK_EQ(frames_free(), low + high);
}

TEST(frame_alloc_free_exact)
{
    setup();
    uint32_t before = frames_free();
    uint32_t a = frame_alloc(), b = frame_alloc();
    CHECK(a && b && a != b);
    CHECK_EQ(a & 0xfff, 0);
    CHECK_EQ(frames_free(), before - 2);
    CHECK_EQ(frame_refs(a), 1);
    CHECK_EQ(frame_unref(a), 0);
    CHECK_EQ(frame_unref(b), 0);
    CHECK_EQ(frames_free(), before);
}

TEST(frame_never_hands_out_zero_or_kept)
{
    setup();
    uint32_t n = frames_free();
    for (uint32_t i = 0; i < n; i++) {
        uint32_t f = frame_alloc();
        CHECK(f != 0);
        CHECK(f < 0x10000 || f >= 0x20000);
        CHECK(f < 0x9f000 || f >= 0x100000);
    }
    CHECK_EQ(frame_alloc(), 0);     /* exhausted: 0, not a crash */
    CHECK_EQ(frames_free(), 0);
}

static void count_shared(uint32_t pa, uint32_t refs, uint32_t flags, void *ctx)
{
    (void)pa;
    (void)flags;
    *(int *)ctx += refs > 1;
}

static int shared_frames(void)
{
    int n = 0;
    frame_scan(count_shared, &n);
    return n;
}

TEST(frame_refcount_shared)
{
    setup();
    uint32_t f = frame_alloc();
    CHECK(frame_ref(f));
    CHECK(frame_ref(f));
    CHECK_EQ(frame_refs(f), 3);
    CHECK_EQ(shared_frames(), 1);
    CHECK_EQ(frame_unref(f), 2);
    CHECK_EQ(frame_unref(f), 1);
    CHECK_EQ(shared_frames(), 0);
    uint32_t free_before = frames_free();
    CHECK_EQ(frame_unref(f), 0);
    CHECK_EQ(frames_free(), free_before + 1);
}

TEST(frame_ref_overflow_refused)
{
    setup();
    uint32_t f = frame_alloc();
    for (uint32_t i = 1; i < FRAME_REFS_MAX; i++)
        CHECK(frame_ref(f));
    CHECK_EQ(frame_refs(f), FRAME_REFS_MAX);
    CHECK(!frame_ref(f));
    CHECK_EQ(frame_refs(f), FRAME_REFS_MAX);
}

TEST(frame_random_against_model)
{
    setup();
    static uint32_t held[N];        /* frame -> references the model holds */
    memset(held, 0, sizeof held);
    uint32_t total = frames_free(), in_use = 0;
    srand(42);
    for (int step = 0; step < 200000; step++) {
        int op = rand() % 3;
        uint32_t pfn = (uint32_t)rand() % N;
        if (op == 0) {
            uint32_t f = frame_alloc();
            if (in_use == total) {
                CHECK_EQ(f, 0);
                continue;
            }
            CHECK(f != 0);
            CHECK_EQ(held[f >> 12], 0);
            held[f >> 12] = 1;
            in_use++;
        } else if (held[pfn] && op == 1) {
            CHECK(frame_ref(pfn << 12));
            held[pfn]++;
        } else if (held[pfn]) {
            CHECK_EQ(frame_unref(pfn << 12), held[pfn] - 1);
            if (--held[pfn] == 0)
                in_use--;
        }
        CHECK_EQ(frames_free(), total - in_use);
    }
    for (uint32_t p = 0; p < N; p++)
        while (held[p]--)
            frame_unref(p << 12);
    CHECK_EQ(frames_free(), total);
}
