/*
 * Shell variables.  Exported variables live in the C library's environment
 * (environ), so every command the shell starts inherits them; the others
 * live in a private table.  `export NAME` moves a variable across.
 */
#ifndef USERLAND_SH_VARS_H
#define USERLAND_SH_VARS_H

#include <stddef.h>

const char *var_get(const char *name);          /* NULL if unset */
void var_set(const char *name, const char *value);
void var_export(const char *name);
void var_unset(const char *name);

/* Is s[0..len) a valid variable name? */
int var_valid_name(const char *s, size_t len);

/* If word is NAME=value, the length of NAME; otherwise 0. */
size_t var_assignment(const char *word);

/* A variable as it was (value, or unset; exported or not), to put back. */
struct var_backup {
    char *name, *value;         /* malloc'd; value NULL if it was unset */
    int exported;
};

void var_backup(struct var_backup *b, const char *name);
void var_restore(struct var_backup *b);     /* and free the copies */

/* Print every variable as NAME='value' (the `set` builtin). */
void vars_print(void);

#endif
