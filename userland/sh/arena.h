/*
 * A memory arena for everything that lives as long as one command line:
 * tokens, the parse tree, expanded words.  Allocation is a pointer bump;
 * arena_reset() frees it all at once after the line has run.
 */
#ifndef USERLAND_SH_ARENA_H
#define USERLAND_SH_ARENA_H

#include <stddef.h>

void *arena_alloc(size_t size);         /* zeroed; exits if out of memory */
char *arena_strndup(const char *s, size_t n);
char *arena_strdup(const char *s);
void arena_reset(void);

#endif
