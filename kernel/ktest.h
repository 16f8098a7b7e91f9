/*
 * In-kernel self-tests, for code that needs the real MMU and interrupts.
 * Booting with `ktest` runs every registered test (`ktest=NAME` one),
 * prints "ok NAME" / "not ok NAME: why" and "N passed, N failed" on the
 * console, and powers off with a status that says which.
 *
 * Adding a test is one definition anywhere in the kernel:
 *     KTEST(frame_alloc_free_exact) { ... KT_EQ(frames_free(), before); }
 * KTEST_MANUAL tests run only when named (for example one that panics).
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <stdbool.h>
#include <stdint.h>

struct ktest {
    const char *name;
    void (*fn)(void);
    bool manual;
};

#define KTEST_DEFINE(tname, is_manual)                                    \
    static void ktest_fn_##tname(void);                                   \
    __attribute__((section(".ktests"), used, aligned(4)))                 \
    static const struct ktest ktest_desc_##tname = {#tname,               \
                                                    ktest_fn_##tname,     \
                                                    is_manual};           \
    static void ktest_fn_##tname(void)

#define KTEST(tname) KTEST_DEFINE(tname, false)
#define KTEST_MANUAL(tname) KTEST_DEFINE(tname, true)

void ktest_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool ktest_failed(void);

#define KT_CHECK(cond)                                                    \
    do {                                                                  \
        if (!(cond)) {                                                    \
            ktest_fail(__FILE__, __LINE__, "%s", #cond);                  \
            return;                                                       \
        }                                                                 \
    } while (0)

#define KT_EQ(a, b)                                                       \
    do {                                                                  \
        long long kt_a = (long long)(a), kt_b = (long long)(b);          \
        if (kt_a != kt_b) {                                               \
            ktest_fail(__FILE__, __LINE__, "%s == %s (%lld != %lld)", #a, \
                       #b, kt_a, kt_b);                                   \
            return;                                                       \
        }                                                                 \
    } while (0)

/* Run the tests (all default ones when name is empty); returns failures. */
int ktest_run(const char *name);

#endif
