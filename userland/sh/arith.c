/*
 * Arithmetic evaluation by precedence climbing: binary() parses operands
 * joined by operators of at least a given precedence, calling itself for
 * the right operand with a higher minimum, so `1 + 2 * 3` groups as
 * `1 + (2 * 3)`.  Unary operators, parentheses, the conditional and
 * assignments are handled around it.  `skip` counts the operands that
 * must be parsed but not evaluated (the right side of `0 && x=1`): there
 * assignments do nothing and division by zero is no error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "userland/sh/arith.h"
#include "userland/sh/arena.h"
#include "userland/sh/expand.h"
#include "userland/sh/vars.h"

struct arith {
    const char *expr;       /* the whole expression, for messages */
    const char *p;
    int skip;               /* > 0: parse only */
    int error;
};

static void error(struct arith *a, const char *what)
{
    if (!a->error)
        expand_fail("arithmetic expression: %s: \"%s\"", what, a->expr);
    a->error = 1;
}

static void blanks(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

/* Take the operator op if it comes next. */
static int take(struct arith *a, const char *op)
{
    blanks(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    a->p += n;
    return 1;
}

/* A variable's value as a number; an unset or empty one is 0. */
static long long variable(struct arith *a, const char *name)
{
    const char *v = var_get(name);
    char *end;

    if (v == NULL || *v == '\0')
        return 0;
    long long n = strtoll(v, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    if (*end != '\0' && !a->error) {
        expand_fail("Illegal number: %s", v);
        a->error = 1;
    }
    return n;
}

static long long assignment(struct arith *a);

static long long primary(struct arith *a)
{
    blanks(a);
    if (take(a, "(")) {
        long long v = assignment(a);
        if (!take(a, ")"))
            error(a, "expecting ')'");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long long v = strtoll(a->p, &end, 0);
        if (isalnum((unsigned char)*end) || *end == '_')
            error(a, "bad number");
        a->p = end;
        return v;
    }
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        const char *start = a->p;
        while (isalnum((unsigned char)*a->p) || *a->p == '_')
            a->p++;
        return variable(a, arena_strndup(start, (size_t)(a->p - start)));
    }
    error(a, "expecting primary");
    return 0;
}

static long long unary(struct arith *a)
{
    if (take(a, "!"))
        return !unary(a);
    if (take(a, "~"))
        return ~unary(a);
    if (take(a, "-"))
        return -unary(a);
    if (take(a, "+"))
        return unary(a);
    return primary(a);
}

/* Binary operators, longest first, with C's precedence (higher binds tighter). */
static const struct binop {
    const char *op;
    int prec;
} binops[] = {
    {"||", 1}, {"&&", 2}, {"==", 6}, {"!=", 6}, {"<=", 7}, {">=", 7},
    {"<<", 8}, {">>", 8}, {"|", 3}, {"^", 4}, {"&", 5}, {"<", 7}, {">", 7},
    {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10},
};

/* The binary operator next in the text, unless it starts an assignment
 * (`+=`, `<<=`; the comparisons == != <= >= are matched whole first). */
static const struct binop *next_binop(struct arith *a)
{
    blanks(a);
    for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++) {
        const struct binop *b = &binops[i];
        size_t n = strlen(b->op);
        if (strncmp(a->p, b->op, n) != 0)
            continue;
        int comparison = b->prec == 6 || b->prec == 7;
        return a->p[n] == '=' && !comparison ? NULL : b;
    }
    return NULL;
}

static long long apply(struct arith *a, const char *op, long long l, long long r)
{
    switch (op[0]) {
    case '|': return l | r;
    case '^': return l ^ r;
    case '&': return l & r;
    case '=': return l == r;
    case '!': return l != r;
    case '<': return op[1] == '<' ? l << r : op[1] == '=' ? l <= r : l < r;
    case '>': return op[1] == '>' ? l >> r : op[1] == '=' ? l >= r : l > r;
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    }
    if (r == 0) {                       /* / and % */
        if (!a->skip)
            error(a, "division by zero");
        return 0;
    }
    return op[0] == '/' ? l / r : l % r;
}

static long long binary(struct arith *a, int min_prec)
{
    long long left = unary(a);
    const struct binop *b;

    while (!a->error && (b = next_binop(a)) != NULL && b->prec >= min_prec) {
        a->p += strlen(b->op);
        int logical = b->prec <= 2;     /* && || */
        int decided = logical && (b->op[0] == '&' ? !left : left);
        a->skip += decided;
        long long right = binary(a, b->prec + 1);
        a->skip -= decided;
        if (logical)
            left = decided ? b->op[0] == '|' : right != 0;
        else
            left = apply(a, b->op, left, right);
    }
    return left;
}

static long long conditional(struct arith *a)
{
    long long cond = binary(a, 1);
    if (!take(a, "?"))
        return cond;
    a->skip += !cond;
    long long yes = assignment(a);
    a->skip -= !cond;
    if (!take(a, ":"))
        error(a, "expecting ':'");
    a->skip += !!cond;
    long long no = conditional(a);
    a->skip -= !!cond;
    return cond ? yes : no;
}

/* NAME = expr, NAME += expr...; otherwise a conditional expression. */
static long long assignment(struct arith *a)
{
    static const char *const ops[] = {
        "=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=",
    };
    blanks(a);
    const char *start = a->p, *p = a->p;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    if (p == start || isdigit((unsigned char)*start))
        return conditional(a);
    char *name = arena_strndup(start, (size_t)(p - start));
    a->p = p;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (strncmp(a->p + strspn(a->p, " \t\n"), "==", 2) == 0)
            break;
        if (!take(a, ops[i]))
            continue;
        long long v = assignment(a);
        if (i > 0)
            v = apply(a, ops[i], variable(a, name), v);
        if (!a->skip && !a->error) {
            char num[24];
            snprintf(num, sizeof num, "%lld", v);
            var_set(name, num);
        }
        return v;
    }
    a->p = start;                       /* not an assignment */
    return conditional(a);
}

int arith_eval(const char *expr, long long *value)
{
    struct arith a = {expr, expr, 0, 0};

    *value = assignment(&a);
    blanks(&a);
    if (*a.p != '\0')
        error(&a, "expecting end of expression");
    return a.error ? -1 : 0;
}
