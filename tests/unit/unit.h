/*
 * A tiny host unit-test harness.  Each tests/unit/test_*.c file is one
 * program: it #includes the kernel sources it tests (a unity build, so no
 * per-test Makefile lines are needed), declares tests with TEST(name) and
 * checks with CHECK / CHECK_EQ.  unit.c runs them all, prints "ok NAME" or
 * "not ok NAME: why" per test and a last line "N passed, N failed".
 */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

#include <stdio.h>

void unit_register(const char *name, void (*fn)(void));
void unit_fail(const char *file, int line, const char *fmt, ...);
int unit_failed_now(void);

#define TEST(name)                                                        \
    static void name(void);                                               \
    __attribute__((constructor)) static void unit_reg_##name(void)        \
    {                                                                     \
        unit_register(#name, name);                                       \
    }                                                                     \
    static void name(void)

/* Record a failure and leave the test: later checks would only cascade. */
#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            unit_fail(__FILE__, __LINE__, "%s", #cond);                   \
            return;                                                       \
        }                                                                 \
    } while (0)

#define CHECK_EQ(a, b)                                                    \
    do {                                                                  \
        long long unit_a = (long long)(a), unit_b = (long long)(b);      \
        if (unit_a != unit_b) {                                           \
            unit_fail(__FILE__, __LINE__, "%s == %s (%lld != %lld)", #a,  \
                      #b, unit_a, unit_b);                                \
            return;                                                       \
        }                                                                 \
    } while (0)

#define CHECK_STR(a, b)                                                   \
    do {                                                                  \
        const char *unit_a = (a), *unit_b = (b);                          \
        if (strcmp(unit_a, unit_b) != 0) {                                \
            unit_fail(__FILE__, __LINE__, "%s == %s (\"%s\" != \"%s\")",  \
                      #a, #b, unit_a, unit_b);                            \
            return;                                                       \
        }                                                                 \
    } while (0)

#endif
