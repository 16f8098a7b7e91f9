/*
 * Commands the shell runs itself, because they change the shell's own
 * state (cd, exit, export, set, read...) or its jobs (fg, bg, wait, jobs),
 * or because a fork would cost more than they do (test, true).
 *
 * POSIX "special" builtins (break : . continue eval exec exit export
 * return set shift trap unset) are found before functions, and variable
 * assignments before them stay; before other builtins and functions,
 * assignments last only for the command.
 */
#ifndef USERLAND_SH_BUILTINS_H
#define USERLAND_SH_BUILTINS_H

typedef int (*builtin_fn)(int argc, char **argv);

struct builtin {
    const char *name;
    builtin_fn fn;
    int special;
    const char *usage;
};

/* The builtin called name, or NULL. */
const struct builtin *builtin_find(const char *name);

/* Builtins defined beside what they work on. */
int bi_read(int argc, char **argv);         /* read.c */
int bi_test(int argc, char **argv);         /* test.c */
int bi_dot(int argc, char **argv);          /* source.c */
int bi_eval(int argc, char **argv);         /* source.c */
int bi_set(int argc, char **argv);          /* positional.c */
int bi_shift(int argc, char **argv);        /* positional.c */
int bi_break(int argc, char **argv);        /* exec_compound.c (and continue) */
int bi_return(int argc, char **argv);       /* func.c */
int bi_trap(int argc, char **argv);         /* trap.c */

#endif
