/*
 * The command arena: a stack of blocks; allocations bump a pointer in the
 * newest block, a new block is pushed when it is full.  Oversized requests
 * get a block of their own.  One freed block is kept as a spare, so that a
 * loop whose body crosses a block boundary does not call malloc and free
 * on every iteration.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "userland/sh/arena.h"

#define BLOCK_SIZE 8192

struct arena_block {
    struct arena_block *prev;
    size_t used, size;
    _Alignas(16) char data[];
};

static struct arena_block *top;
static struct arena_block *spare;             /* a free block of BLOCK_SIZE */

static struct arena_block *new_block(size_t size)
{
    struct arena_block *b;

    if (size == BLOCK_SIZE && spare) {
        b = spare;
        spare = NULL;
        return b;
    }
    b = malloc(sizeof *b + size);
    if (b == NULL) {
        static const char msg[] = "sh: out of memory\n";
        write(2, msg, sizeof msg - 1);
        _exit(2);
    }
    b->size = size;
    return b;
}

static void free_block(struct arena_block *b)
{
    if (b->size == BLOCK_SIZE && spare == NULL)
        spare = b;
    else
        free(b);
}

void *arena_alloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (top == NULL || top->size - top->used < size) {
        struct arena_block *b = new_block(size > BLOCK_SIZE ? size : BLOCK_SIZE);
        b->prev = top;
        b->used = 0;
        top = b;
    }
    void *p = top->data + top->used;
    top->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(const char *s, size_t n)
{
    char *p = arena_alloc(n + 1);
    memcpy(p, s, n);
    return p;
}

char *arena_strdup(const char *s)
{
    return arena_strndup(s, strlen(s));
}

struct arena_mark arena_mark(void)
{
    struct arena_mark m = {top, top ? top->used : 0};
    return m;
}

void arena_release(struct arena_mark mark)
{
    while (top != mark.block) {
        struct arena_block *prev = top->prev;
        free_block(top);
        top = prev;
    }
    if (top)
        top->used = mark.used;
}

void arena_reset(void)
{
    arena_release((struct arena_mark){NULL, 0});
}
