/*
 * The command-line arena: a list of blocks; allocations bump a pointer in
 * the newest block, a new block is added when it is full.  Oversized
 * requests get a block of their own.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "userland/sh/arena.h"

#define BLOCK_SIZE 8192

struct block {
    struct block *prev;
    size_t used, size;
    _Alignas(16) char data[];
};

static struct block *top;

void *arena_alloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (top == NULL || top->size - top->used < size) {
        size_t bsize = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        struct block *b = malloc(sizeof *b + bsize);
        if (b == NULL) {
            static const char msg[] = "sh: out of memory\n";
            write(2, msg, sizeof msg - 1);
            _exit(2);
        }
        b->prev = top;
        b->used = 0;
        b->size = bsize;
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

void arena_reset(void)
{
    while (top) {
        struct block *prev = top->prev;
        free(top);
        top = prev;
    }
}
