/*
 * KUBSAN, the kernel's undefined-behaviour sanitizer (`make KUBSAN=1`).
 *
 * With -fsanitize=undefined gcc puts a check before every operation whose
 * result C leaves undefined and, when the check fails, calls one of the
 * __ubsan_handle_* functions with a pointer to static data it generated:
 * where the operation is and the types involved.  These structures are
 * that data, laid out as gcc (and clang) emit it for their libubsan.
 */
#ifndef KERNEL_UBSAN_H
#define KERNEL_UBSAN_H

#include <stdint.h>

struct ubsan_location {
    const char *file;
    uint32_t line;
    uint32_t column;
};

/* kind 0 is an integer type: info bit 0 = signed, info >> 1 = log2 of
 * its width in bits.  name is the C spelling, e.g. "'int'". */
struct ubsan_type {
    uint16_t kind;
    uint16_t info;
    char name[];
};

#define UBSAN_KIND_INTEGER 0

/* Arithmetic overflow, negation, division, bool/enum loads, VLA bounds. */
struct ubsan_overflow {
    struct ubsan_location loc;
    const struct ubsan_type *type;
};

struct ubsan_shift {
    struct ubsan_location loc;
    const struct ubsan_type *lhs_type;
    const struct ubsan_type *rhs_type;
};

struct ubsan_bounds {
    struct ubsan_location loc;
    const struct ubsan_type *array_type;
    const struct ubsan_type *index_type;
};

/* A load or store through a NULL, misaligned or too small pointer. */
struct ubsan_mismatch {
    struct ubsan_location loc;
    const struct ubsan_type *type;
    uint8_t log_alignment;
    uint8_t check_kind;             /* 0 load, 1 store, 3 member access... */
};

/* Pointer arithmetic that wrapped, builtin_unreachable, and the rest. */
struct ubsan_where {
    struct ubsan_location loc;
};

struct ubsan_nonnull_arg {
    struct ubsan_location loc;
    struct ubsan_location attr_loc;
    int arg_index;
};

struct ubsan_invalid_builtin {
    struct ubsan_location loc;
    uint8_t kind;                   /* 0 ctz(0), 1 clz(0) */
};

/* A value as the compiler hands it over: integers that fit in a pointer
 * are passed directly, wider ones (64-bit on i386) by address. */
typedef uintptr_t ubsan_value;

void __ubsan_handle_add_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b);
void __ubsan_handle_sub_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b);
void __ubsan_handle_mul_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b);
void __ubsan_handle_divrem_overflow(const struct ubsan_overflow *d, ubsan_value a,
                                    ubsan_value b);
void __ubsan_handle_negate_overflow(const struct ubsan_overflow *d, ubsan_value a);
void __ubsan_handle_shift_out_of_bounds(const struct ubsan_shift *d, ubsan_value a,
                                        ubsan_value b);
void __ubsan_handle_out_of_bounds(const struct ubsan_bounds *d, ubsan_value index);
void __ubsan_handle_type_mismatch_v1(const struct ubsan_mismatch *d, ubsan_value ptr);
void __ubsan_handle_pointer_overflow(const struct ubsan_where *d, ubsan_value base,
                                     ubsan_value result);
void __ubsan_handle_load_invalid_value(const struct ubsan_overflow *d, ubsan_value v);
void __ubsan_handle_vla_bound_not_positive(const struct ubsan_overflow *d, ubsan_value v);
void __ubsan_handle_builtin_unreachable(const struct ubsan_where *d);
void __ubsan_handle_nonnull_arg(const struct ubsan_nonnull_arg *d);
void __ubsan_handle_nonnull_return_v1(const struct ubsan_where *attr,
                                      const struct ubsan_location *loc);
void __ubsan_handle_invalid_builtin(const struct ubsan_invalid_builtin *d);

#endif
