/*
 * Commands the shell runs itself, because they change the shell's own
 * state (cd, exit, export...) or its jobs (fg, bg, wait, jobs).
 */
#ifndef USERLAND_SH_BUILTINS_H
#define USERLAND_SH_BUILTINS_H

typedef int (*builtin_fn)(int argc, char **argv);

/* The builtin called name, or NULL. */
builtin_fn builtin_find(const char *name);

#endif
