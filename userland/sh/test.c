/*
 * test EXPRESSION, [ EXPRESSION ]: evaluate a condition; exit status 0 if
 * it holds, 1 if not, 2 on a malformed expression.  The shell's builtin
 * and the programs /bin/test and /bin/[ are this file (bin/test.c
 * includes it), so the two can never disagree.
 *
 *   -n S, -z S, S       string not empty / empty / not empty
 *   S1 = S2, S1 != S2   strings equal / different (also < and >)
 *   N1 -eq N2 ...       integers: -eq -ne -lt -le -gt -ge
 *   -e -f -d -r -w -x -s -h -L -p -c -b -S F    files: exists, regular,
 *                       directory, readable, writable, executable,
 *                       not empty, symbolic link, fifo, char/block
 *                       device, socket;  -t FD: FD is a terminal
 *   F1 -nt F2, -ot, -ef newer, older than, same file as
 *   ! E, E -a E, E -o E, ( E )    not, and, or (-a binds tighter), grouping
 *
 * With up to four arguments POSIX fixes the meaning by their number (so
 * `[ "$x" = "" ]` works whatever $x is, even "-n" or "!"); longer
 * expressions are parsed by recursive descent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <sys/stat.h>

struct test {
    char **args;
    int n;                  /* arguments left */
    const char *prefix;     /* "sh: " for the builtin */
    const char *name;       /* "test" or "[" */
    int error;
};

static int test_error(struct test *t, const char *what, const char *arg)
{
    if (!t->error) {
        if (arg)
            fprintf(stderr, "%s%s: %s: %s\n", t->prefix, t->name, arg, what);
        else
            fprintf(stderr, "%s%s: %s\n", t->prefix, t->name, what);
    }
    t->error = 1;
    return 0;
}

/* An integer operand: optional blanks and sign, digits, optional blanks. */
static long long integer(struct test *t, const char *s)
{
    char *end;
    const char *p = s;

    while (isspace((unsigned char)*p))
        p++;
    long long v = strtoll(p, &end, 10);
    while (isspace((unsigned char)*end))
        end++;
    if (end == p || *end != '\0' || !(isdigit((unsigned char)*p) ||
                                       isdigit((unsigned char)p[1]))) {
        char msg[64];
        snprintf(msg, sizeof msg, "Illegal number: %.40s", s);
        return test_error(t, msg, NULL);
    }
    return v;
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] && op[2] == '\0' &&
           strchr("bcdefghLknprsStuwxz", op[1]);
}

static int unary(struct test *t, char op, const char *arg)
{
    struct stat st;

    switch (op) {
    case 'n': return *arg != '\0';
    case 'z': return *arg == '\0';
    case 't': return isatty((int)integer(t, arg));
    case 'r': return access(arg, R_OK) == 0;
    case 'w': return access(arg, W_OK) == 0;
    case 'x': return access(arg, X_OK) == 0;
    case 'h':
    case 'L': return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
    }
    if (stat(arg, &st) < 0)
        return 0;
    switch (op) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 's': return st.st_size > 0;
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    }
    return 0;
}

enum binop {
    STR_EQ, STR_NE, STR_LT, STR_GT,             /* = != < > */
    INT_EQ, INT_NE, INT_LT, INT_LE, INT_GT, INT_GE,
    NEWER, OLDER, SAME_FILE,                    /* -nt -ot -ef */
    NBINOPS
};

static const char *const binary_ops[NBINOPS] = {
    "=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
    "-nt", "-ot", "-ef",
};

/* The binary operator called op, or -1. */
static int binary_index(const char *op)
{
    for (int i = 0; i < NBINOPS; i++)
        if (strcmp(op, binary_ops[i]) == 0)
            return i;
    return -1;
}

/* -nt -ot -ef: compare two files' modification times or identities. */
static int compare_files(enum binop op, const char *a, const char *b)
{
    struct stat sa, sb;
    int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;

    if (op == SAME_FILE)
        return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (!ha || !hb)
        return op == NEWER ? ha : hb;   /* an existing file is newer */
    long long ta = sa.st_mtim.tv_sec * 1000000000LL + sa.st_mtim.tv_nsec;
    long long tb = sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
    return op == NEWER ? ta > tb : ta < tb;
}

static int binary(struct test *t, const char *a, enum binop op, const char *b)
{
    if (op <= STR_GT) {
        int c = strcmp(a, b);
        return op == STR_EQ ? c == 0 : op == STR_NE ? c != 0
             : op == STR_LT ? c < 0 : c > 0;
    }
    if (op >= NEWER)
        return compare_files(op, a, b);
    long long x = integer(t, a), y = integer(t, b);
    switch (op) {
    case INT_EQ: return x == y;
    case INT_NE: return x != y;
    case INT_LT: return x < y;
    case INT_LE: return x <= y;
    case INT_GT: return x > y;
    default:     return x >= y;
    }
}

/* ---- the general grammar ---- */

static int or_expr(struct test *t);

static char *next_arg(struct test *t)
{
    if (t->n == 0) {
        test_error(t, "argument expected", NULL);
        return "";
    }
    t->n--;
    return *t->args++;
}

static int primary(struct test *t)
{
    char *a = next_arg(t);

    if (strcmp(a, "(") == 0) {
        int v = or_expr(t);
        if (t->n == 0 || strcmp(next_arg(t), ")") != 0)
            return test_error(t, "closing paren expected", NULL);
        return v;
    }
    if (t->n >= 2 && binary_index(t->args[0]) >= 0) {
        int op = binary_index(next_arg(t));
        return binary(t, a, op, next_arg(t));
    }
    if (is_unary(a)) {
        if (t->n == 0)
            return test_error(t, "argument expected", a);
        return unary(t, a[1], next_arg(t));
    }
    return *a != '\0';
}

static int not_expr(struct test *t)
{
    if (t->n > 0 && strcmp(t->args[0], "!") == 0) {
        next_arg(t);
        return !not_expr(t);
    }
    return primary(t);
}

static int and_expr(struct test *t)
{
    int v = not_expr(t);
    while (t->n > 0 && strcmp(t->args[0], "-a") == 0) {
        next_arg(t);
        v = not_expr(t) && v;
    }
    return v;
}

static int or_expr(struct test *t)
{
    int v = and_expr(t);
    while (t->n > 0 && strcmp(t->args[0], "-o") == 0) {
        next_arg(t);
        v = and_expr(t) || v;
    }
    return v;
}

/* ---- POSIX's rules for up to four arguments ---- */

static int evaluate(struct test *t, char **a, int n)
{
    int negate = n > 0 && strcmp(a[0], "!") == 0;

    switch (n) {
    case 0:
        return 0;
    case 1:
        return *a[0] != '\0';
    case 2:
        if (negate)
            return !evaluate(t, a + 1, 1);
        if (is_unary(a[0]))
            return unary(t, a[0][1], a[1]);
        return test_error(t, "unary operator expected", a[0]);
    case 3:
        if (binary_index(a[1]) >= 0)
            return binary(t, a[0], binary_index(a[1]), a[2]);
        if (negate)
            return !evaluate(t, a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return evaluate(t, a + 1, 1);
        break;
    case 4:
        if (negate)
            return !evaluate(t, a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return evaluate(t, a + 1, 2);
        break;
    }
    t->args = a;
    t->n = n;
    int v = or_expr(t);
    if (t->n > 0)
        test_error(t, "unexpected operator", t->args[0]);
    return v;
}

/* Run test or [ with messages prefixed by prefix; the exit status. */
static int test_run(int argc, char **argv, const char *prefix)
{
    struct test t = {NULL, 0, prefix, argv[0], 0};
    const char *slash = strrchr(argv[0], '/');

    if (slash)
        t.name = slash + 1;
    if (strcmp(t.name, "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            test_error(&t, "missing ]", NULL);
            return 2;
        }
        argc--;
    }
    int v = evaluate(&t, argv + 1, argc - 1);
    return t.error ? 2 : !v;
}

int bi_test(int argc, char **argv);     /* the builtin; see builtins.h */

int bi_test(int argc, char **argv)
{
    return test_run(argc, argv, "sh: ");
}
