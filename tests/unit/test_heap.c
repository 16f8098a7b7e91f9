/*
 * The heap allocator on the host: pages come from aligned_alloc.  Random
 * allocation sequences are checked against a model (every live block keeps
 * its contents, counts are exact, everything returns at the end), and the
 * checks at kfree (double free, overrun, foreign pointer) must panic.
 */
#include "unit.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mm/heap.c"

static jmp_buf on_panic;
static char panic_msg[256];
static int pages_out;

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(panic_msg, sizeof panic_msg, fmt, ap);
    va_end(ap);
    longjmp(on_panic, 1);
}

const char *ksym_lookup(uint32_t addr, uint32_t *off)
{
    (void)addr;
    *off = 0;
    return "some_caller";
}

void *heap_pages_alloc(uint32_t n)
{
    void *p = aligned_alloc(PAGE, (size_t)n * PAGE);
    if (p)
        pages_out += n;
    return p;
}

void heap_pages_free(void *p, uint32_t n)
{
    pages_out -= n;
    free(p);
}

TEST(heap_small_and_large_basic)
{
    size_t before = heap_bytes_in_use();
    char *a = kmalloc(10), *b = kmalloc(3000), *c = kzalloc(100);
    CHECK(a && b && c);
    CHECK_EQ((uintptr_t)a % 16, 0);
    CHECK_EQ((uintptr_t)b % 16, 0);
    for (int i = 0; i < 100; i++)
        CHECK_EQ(c[i], 0);
    memset(a, 'a', 10);
    memset(b, 'b', 3000);
    CHECK_EQ(heap_bytes_in_use(), before + 3110);
    kfree(a);
    kfree(b);
    kfree(c);
    CHECK_EQ(heap_bytes_in_use(), before);
}

TEST(heap_alignment)
{
    size_t aligns[] = {1, 2, 4, 8, 16, 32, 64, 256, 1024, 4096};
    for (unsigned i = 0; i < sizeof aligns / sizeof *aligns; i++) {
        void *p = kmalloc_aligned(100, aligns[i]);
        CHECK(p != NULL);
        CHECK_EQ((uintptr_t)p % aligns[i], 0);
        memset(p, 0x5a, 100);
        kfree(p);
    }
    CHECK(kmalloc_aligned(10, 3) == NULL);          /* not a power of two */
    CHECK(kmalloc_aligned(10, 8192) == NULL);       /* beyond a page */
    CHECK(kmalloc((size_t)1 << 30) == NULL);        /* absurd size */
}

TEST(heap_random_sizes)
{
    enum { SLOTS = 512 };
    static char *ptr[SLOTS];
    static size_t len[SLOTS];
    memset(ptr, 0, sizeof ptr);
    size_t base_bytes = heap_bytes_in_use();
    uint32_t base_blocks = heap_blocks_in_use();
    size_t model_bytes = 0;
    uint32_t model_blocks = 0;
    srand(7);
    for (int step = 0; step < 100000; step++) {
        int i = rand() % SLOTS;
        if (ptr[i]) {
            for (size_t k = 0; k < len[i]; k++)     /* contents intact */
                CHECK_EQ((unsigned char)ptr[i][k], (unsigned char)(i + k));
            kfree(ptr[i]);
            ptr[i] = NULL;
            model_bytes -= len[i];
            model_blocks--;
        } else {
            len[i] = rand() % 4 ? (size_t)(rand() % 1100) : (size_t)(rand() % 20000);
            size_t align = (size_t)1 << (rand() % 13);
            ptr[i] = rand() % 8 ? kmalloc(len[i]) : kmalloc_aligned(len[i], align);
            CHECK(ptr[i] != NULL);
            for (size_t k = 0; k < len[i]; k++)
                ptr[i][k] = (char)(i + k);
            model_bytes += len[i];
            model_blocks++;
        }
        CHECK_EQ(heap_bytes_in_use(), base_bytes + model_bytes);
        CHECK_EQ(heap_blocks_in_use(), base_blocks + model_blocks);
    }
    for (int i = 0; i < SLOTS; i++)
        kfree(ptr[i]);
    heap_trim();
    CHECK_EQ(heap_bytes_in_use(), base_bytes);
    CHECK_EQ(heap_pages_held(), 0);
    CHECK_EQ(pages_out, 0);
}

static int panics_with(void (*fn)(void), const char *needle)
{
    panic_msg[0] = 0;
    if (setjmp(on_panic) == 0) {
        fn();
        return 0;
    }
    return strstr(panic_msg, needle) != NULL;
}

static void do_double_free(void)
{
    void *p = kmalloc(40);
    kfree(p);
    kfree(p);
}

static void do_overrun(void)
{
    char *p = kmalloc(40);
    p[40] = 'x';
    kfree(p);
}

static char *large_block;

static void do_large_overrun(void)
{
    large_block = kmalloc(5000);
    large_block[5001] = 'x';
    kfree(large_block);
}

static void do_foreign_pointer(void)
{
    static uint64_t not_heap[8];
    kfree(&not_heap[4]);
}

TEST(heap_double_free_panics)
{
    CHECK(panics_with(do_double_free, "double free"));
    CHECK(strstr(panic_msg, "allocated by some_caller") != NULL);
}

TEST(heap_overrun_panics)
{
    CHECK(panics_with(do_overrun, "overrun"));
    CHECK(panics_with(do_large_overrun, "overrun"));
    /* The refused block is still allocated: return its pages by hand. */
    heap_pages_free(large_block - HEADER, 2);
}

TEST(heap_foreign_pointer_panics)
{
    CHECK(panics_with(do_foreign_pointer, "not a heap block"));
}

TEST(heap_trim_returns_cached_slabs)
{
    heap_trim();
    uint32_t held = heap_pages_held();
    void *p = kmalloc(64);
    CHECK_EQ(heap_pages_held(), held + 1);
    kfree(p);
    CHECK_EQ(heap_pages_held(), held + 1);      /* kept for reuse */
    heap_trim();
    CHECK_EQ(heap_pages_held(), held);
}
