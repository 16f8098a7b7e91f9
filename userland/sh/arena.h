/*
 * A memory arena for everything that lives as long as one command: tokens,
 * the parse tree, expanded words.  Allocation is a pointer bump.  Memory
 * is given back in stack order: arena_mark() remembers the top, and
 * arena_release() frees everything allocated since, so a loop that runs a
 * command a million times uses the memory of one run.  arena_reset()
 * frees it all.
 */
#ifndef USERLAND_SH_ARENA_H
#define USERLAND_SH_ARENA_H

#include <stddef.h>

struct arena_mark {
    struct arena_block *block;        /* the newest block at the time */
    size_t used;                /* how much of it was in use */
};

void *arena_alloc(size_t size);         /* zeroed; exits if out of memory */
char *arena_strndup(const char *s, size_t n);
char *arena_strdup(const char *s);
struct arena_mark arena_mark(void);
void arena_release(struct arena_mark mark);
void arena_reset(void);

#endif
