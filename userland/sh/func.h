/*
 * Shell functions: `name() compound-command` defines one; running `name
 * args` runs the body with $1... set to args, in the shell itself.
 */
#ifndef USERLAND_SH_FUNC_H
#define USERLAND_SH_FUNC_H

struct function;

/* Define (or redefine) name; body is the source text of its body. */
int func_define(const char *name, const char *body);

struct function *func_find(const char *name);
void func_unset(const char *name);

/* Run f with argv[1...] as its positional parameters; its status. */
int func_call(struct function *f, char **argv);

#endif
