/*
 * KUBSAN runtime: what runs when a check that gcc's -fsanitize=undefined
 * put into the kernel fails (`make KUBSAN=1`; see kernel/ubsan.h for the
 * data the compiler passes).  Every handler turns the data into one line
 * - where, what, with the values involved - and panics with it, so the
 * backtrace below the line leads to the offending code.  Undefined
 * behaviour in a kernel is a bug to fix, not a warning to scroll past.
 *
 * Without KUBSAN the file compiles to nothing.
 */
#ifdef KUBSAN

#include "kernel/ubsan.h"

#include <stdarg.h>
#include <stdbool.h>

#include "kernel/format.h"
#include "kernel/ktest.h"
#include "kernel/panic.h"

#define VALUE_TEXT 24               /* "-9223372036854775808" and a NUL */

/* ---- reading the compiler's data ---------------------------------------- */

static bool is_integer(const struct ubsan_type *t)
{
    return t->kind == UBSAN_KIND_INTEGER;
}

static bool is_signed(const struct ubsan_type *t)
{
    return is_integer(t) && (t->info & 1);
}

static unsigned width_bits(const struct ubsan_type *t)
{
    return 1u << (t->info >> 1);
}

/* The value as a 64-bit signed number (sign-extended from its width). */
static int64_t signed_value(const struct ubsan_type *t, ubsan_value v)
{
    unsigned bits = width_bits(t);
    if (bits > 8 * sizeof(ubsan_value))
        return *(const int64_t *)v;
    uint64_t raw = v;
    uint64_t sign = 1ull << (bits - 1);
    return (int64_t)((raw ^ sign) - sign);
}

static uint64_t unsigned_value(const struct ubsan_type *t, ubsan_value v)
{
    if (width_bits(t) > 8 * sizeof(ubsan_value))
        return *(const uint64_t *)v;
    return v;
}

static bool is_negative(const struct ubsan_type *t, ubsan_value v)
{
    return is_signed(t) && signed_value(t, v) < 0;
}

/* The value as C would print it: signed or unsigned decimal, or raw hex
 * for types that are not integers. */
static const char *value_text(char *buf, const struct ubsan_type *t, ubsan_value v)
{
    if (!is_integer(t))
        ksnprintf(buf, VALUE_TEXT, "0x%x", (unsigned)v);
    else if (is_signed(t))
        ksnprintf(buf, VALUE_TEXT, "%lld", (long long)signed_value(t, v));
    else
        ksnprintf(buf, VALUE_TEXT, "%llu", (unsigned long long)unsigned_value(t, v));
    return buf;
}

/* ---- the report ---------------------------------------------------------- */

__attribute__((noreturn, format(printf, 2, 3)))
static void report(const struct ubsan_location *loc, const char *fmt, ...)
{
    char what[160];
    va_list ap;
    va_start(ap, fmt);
    kvsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    panic("undefined behaviour at %s:%u:%u: %s", loc->file, loc->line, loc->column, what);
}

static void arithmetic(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b, char op)
{
    char x[VALUE_TEXT], y[VALUE_TEXT];
    report(&d->loc, "%s integer overflow: %s %c %s cannot be represented in type %s",
           is_signed(d->type) ? "signed" : "unsigned", value_text(x, d->type, a), op,
           value_text(y, d->type, b), d->type->name);
}

void __ubsan_handle_add_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b)
{
    arithmetic(d, a, b, '+');
}

void __ubsan_handle_sub_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b)
{
    arithmetic(d, a, b, '-');
}

void __ubsan_handle_mul_overflow(const struct ubsan_overflow *d, ubsan_value a, ubsan_value b)
{
    arithmetic(d, a, b, '*');
}

void __ubsan_handle_negate_overflow(const struct ubsan_overflow *d, ubsan_value a)
{
    char x[VALUE_TEXT];
    report(&d->loc, "negation of %s cannot be represented in type %s",
           value_text(x, d->type, a), d->type->name);
}

void __ubsan_handle_divrem_overflow(const struct ubsan_overflow *d, ubsan_value a,
                                    ubsan_value b)
{
    char x[VALUE_TEXT];
    if (is_integer(d->type) && unsigned_value(d->type, b) == 0)
        report(&d->loc, "division by zero");
    report(&d->loc, "division of %s by -1 cannot be represented in type %s",
           value_text(x, d->type, a), d->type->name);
}

void __ubsan_handle_shift_out_of_bounds(const struct ubsan_shift *d, ubsan_value a,
                                        ubsan_value b)
{
    char x[VALUE_TEXT], y[VALUE_TEXT];
    const struct ubsan_type *lt = d->lhs_type, *rt = d->rhs_type;
    value_text(x, lt, a);
    value_text(y, rt, b);
    if (is_negative(rt, b))
        report(&d->loc, "shift exponent %s is negative", y);
    if (unsigned_value(rt, b) >= width_bits(lt))
        report(&d->loc, "shift exponent %s is too large for %u-bit type %s", y,
               width_bits(lt), lt->name);
    if (is_negative(lt, a))
        report(&d->loc, "left shift of negative value %s", x);
    report(&d->loc, "left shift of %s by %s places cannot be represented in type %s", x, y,
           lt->name);
}

void __ubsan_handle_out_of_bounds(const struct ubsan_bounds *d, ubsan_value index)
{
    char x[VALUE_TEXT];
    report(&d->loc, "index %s out of bounds for type %s",
           value_text(x, d->index_type, index), d->array_type->name);
}

static const char *access_kind(uint8_t kind)
{
    static const char *const kinds[] = {
        "load of", "store to", "reference binding to", "member access within",
        "member call on",
    };
    return kind < sizeof kinds / sizeof kinds[0] ? kinds[kind] : "access to";
}

void __ubsan_handle_type_mismatch_v1(const struct ubsan_mismatch *d, ubsan_value ptr)
{
    uint32_t align = 1u << d->log_alignment;
    const char *how = access_kind(d->check_kind);
    if (!ptr)
        report(&d->loc, "%s null pointer of type %s", how, d->type->name);
    if (d->log_alignment && (ptr & (align - 1)))
        report(&d->loc, "%s misaligned address %p for type %s, which needs %u-byte alignment",
               how, (void *)ptr, d->type->name, align);
    report(&d->loc, "%s address %p with too little space for an object of type %s", how,
           (void *)ptr, d->type->name);
}

void __ubsan_handle_pointer_overflow(const struct ubsan_where *d, ubsan_value base,
                                     ubsan_value result)
{
    report(&d->loc, "pointer arithmetic on %p overflowed to %p", (void *)base,
           (void *)result);
}

void __ubsan_handle_load_invalid_value(const struct ubsan_overflow *d, ubsan_value v)
{
    char x[VALUE_TEXT];
    report(&d->loc, "load of value %s, which is not valid for type %s",
           value_text(x, d->type, v), d->type->name);
}

void __ubsan_handle_vla_bound_not_positive(const struct ubsan_overflow *d, ubsan_value v)
{
    char x[VALUE_TEXT];
    report(&d->loc, "variable length array bound %s is not positive",
           value_text(x, d->type, v));
}

void __ubsan_handle_builtin_unreachable(const struct ubsan_where *d)
{
    report(&d->loc, "execution reached __builtin_unreachable()");
}

void __ubsan_handle_nonnull_arg(const struct ubsan_nonnull_arg *d)
{
    report(&d->loc, "NULL passed as argument %d, which is declared never NULL",
           d->arg_index);
}

void __ubsan_handle_nonnull_return_v1(const struct ubsan_where *attr,
                                      const struct ubsan_location *loc)
{
    (void)attr;
    report(loc, "NULL returned from a function declared never to return NULL");
}

void __ubsan_handle_invalid_builtin(const struct ubsan_invalid_builtin *d)
{
    report(&d->loc, "zero passed to %s, whose result is then undefined",
           d->kind == 0 ? "__builtin_ctz" : "__builtin_clz");
}

/* ---- self-tests: each one panics, so they run only by name --------------
 * `ktest=kubsan_signed_overflow` (and the others) must end in a panic
 * whose line names this file and the values involved. */

static volatile int int_max = 0x7fffffff, shift_by = 40, index_at = 9;
static volatile uint32_t misaligned = 0xc0000002;

KTEST_MANUAL(kubsan_signed_overflow)
{
    int r = int_max + 1;
    KT_CHECK(r == 0 && "KUBSAN missed the overflow");
}

KTEST_MANUAL(kubsan_shift_too_far)
{
    int r = 1 << shift_by;
    KT_CHECK(r == 0 && "KUBSAN missed the shift");
}

KTEST_MANUAL(kubsan_index_out_of_bounds)
{
    int table[8] = {0};
    int r = table[index_at];
    KT_CHECK(r == 12345 && "KUBSAN missed the index");
}

KTEST_MANUAL(kubsan_misaligned_load)
{
    uint32_t r = *(const volatile uint32_t *)misaligned;
    KT_CHECK(r == 0 && "KUBSAN missed the misaligned load");
}

#endif /* KUBSAN */
