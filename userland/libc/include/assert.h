/*
 * assert(): abort with a message when a condition is false (unless NDEBUG).
 */
#undef assert
#ifdef NDEBUG
#define assert(cond) ((void)0)
#else
_Noreturn void libc_assert_fail(const char *cond, const char *file, int line,
                                const char *func);
#define assert(cond) \
    ((cond) ? (void)0 : libc_assert_fail(#cond, __FILE__, __LINE__, __func__))
#endif

#ifndef static_assert
#define static_assert _Static_assert
#endif
