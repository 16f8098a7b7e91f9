/*
 * malloc, free, realloc, calloc.
 *
 * Small and medium blocks come from the heap that brk() grows; blocks of
 * MMAP_THRESHOLD bytes or more get their own anonymous mmap and go back to
 * the kernel on free.
 *
 * The heap is a sequence of chunks.  Every chunk starts with a 4-byte
 * header: its size (a multiple of 16, header included) and three flags.
 * The payload follows the header and is 16-byte aligned.  A free chunk
 * also holds list links in its payload and a copy of its size (the footer)
 * in its last word, so the chunk after it can find its start:
 *
 *   in use:  | header | payload ...                            |
 *   free:    | header | next | prev | ...            | footer |
 *
 * free() merges a chunk with free neighbours at once (the next one by its
 * size, the previous one by its footer when PREV_IN_USE is clear), so no
 * two free chunks are ever adjacent.  Free chunks sit in bins by size:
 * one bin per size up to 512 bytes, then one per power of two.  A zero-size
 * "epilogue" header marks the end of the heap and is never free.
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>

#define IN_USE      1u      /* this chunk is allocated */
#define PREV_IN_USE 2u      /* the chunk before this one is allocated */
#define MAPPED      4u      /* this chunk is a whole mmap of its own */
#define FLAGS       15u

#define ALIGN       16u
#define HEADER      4u
#define MIN_CHUNK   16u     /* header + next + prev + footer */

#define MMAP_THRESHOLD (256u * 1024)
#define HEAP_STEP      (64u * 1024)     /* grow the heap by at least this */

#define EXACT_BINS  32                  /* sizes 16, 32, ... 512 */
#define NBINS       (EXACT_BINS + 23)   /* then 2^9.. up to 2^31 */

struct chunk {
    uint32_t header;
    struct chunk *next;     /* links: only while free */
    struct chunk *prev;
};

static struct chunk *bins[NBINS];
static uint32_t *epilogue;              /* header at the end of the heap */

/* ---- chunk fields ---- */

static uint32_t chunk_size(const struct chunk *c)
{
    return c->header & ~FLAGS;
}

static struct chunk *next_chunk(struct chunk *c)
{
    return (struct chunk *)((char *)c + chunk_size(c));
}

static void *payload(struct chunk *c)
{
    return (char *)c + HEADER;
}

static struct chunk *chunk_of(void *p)
{
    return (struct chunk *)((char *)p - HEADER);
}

/* Give a free chunk its header and footer, and tell its successor. */
static void mark_free(struct chunk *c, uint32_t size)
{
    c->header = size | (c->header & PREV_IN_USE);
    *(uint32_t *)((char *)c + size - 4) = size;
    next_chunk(c)->header &= ~PREV_IN_USE;
}

static void mark_used(struct chunk *c, uint32_t size)
{
    c->header = size | (c->header & PREV_IN_USE) | IN_USE;
    next_chunk(c)->header |= PREV_IN_USE;
}

/* ---- bins ---- */

static int bin_index(uint32_t size)
{
    if (size <= EXACT_BINS * ALIGN)
        return (int)(size / ALIGN) - 1;
    int log2 = 31 - __builtin_clz(size);        /* >= 9 here */
    return EXACT_BINS + log2 - 9;
}

static void bin_insert(struct chunk *c)
{
    struct chunk **head = &bins[bin_index(chunk_size(c))];

    c->prev = NULL;
    c->next = *head;
    if (*head)
        (*head)->prev = c;
    *head = c;
}

static void bin_remove(struct chunk *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        bins[bin_index(chunk_size(c))] = c->next;
    if (c->next)
        c->next->prev = c->prev;
}

/* First chunk of at least `size` bytes, taken out of its bin. */
static struct chunk *bin_take(uint32_t size)
{
    for (int i = bin_index(size); i < NBINS; i++)
        for (struct chunk *c = bins[i]; c; c = c->next)
            if (chunk_size(c) >= size) {
                bin_remove(c);
                return c;
            }
    return NULL;
}

/* ---- freeing and splitting ---- */

/* Make c (size bytes, header PREV_IN_USE valid) free, merging neighbours. */
static void release(struct chunk *c, uint32_t size)
{
    struct chunk *next = (struct chunk *)((char *)c + size);

    if (!(next->header & IN_USE)) {
        bin_remove(next);
        size += chunk_size(next);
    }
    if (!(c->header & PREV_IN_USE)) {
        uint32_t prev_size = *(uint32_t *)((char *)c - 4);
        c = (struct chunk *)((char *)c - prev_size);
        bin_remove(c);
        size += prev_size;
    }
    mark_free(c, size);
    bin_insert(c);
}

/* Keep the first `size` bytes of in-use chunk c, free the rest if usable. */
static void trim(struct chunk *c, uint32_t size)
{
    uint32_t total = chunk_size(c);

    if (total - size < MIN_CHUNK)
        return;
    mark_used(c, size);
    struct chunk *rest = next_chunk(c);
    rest->header = PREV_IN_USE;
    release(rest, total - size);
}

/* ---- getting memory from the kernel ---- */

/* Add at least `bytes` (a multiple of 16) to the heap with sbrk. */
static int heap_grow(uint32_t bytes)
{
    char *p = sbrk((intptr_t)bytes + ALIGN);
    if (p == (char *)-1)
        return -1;
    if (epilogue == NULL || p != (char *)(epilogue + 1)) {
        /* First call, or someone else moved the break: new heap segment.
         * Its first header goes at 12 mod 16, so payloads are aligned. */
        char *first = p + (ALIGN + 12 - (uintptr_t)p % ALIGN) % ALIGN;
        epilogue = (uint32_t *)first;
        *epilogue = IN_USE | PREV_IN_USE;
        bytes = (uint32_t)(p + bytes + ALIGN - first - 4) & ~(ALIGN - 1);
    } else {
        bytes += ALIGN;             /* contiguous: the slack is ours too */
    }
    /* The old epilogue header becomes the header of the new free chunk. */
    struct chunk *c = (struct chunk *)epilogue;
    epilogue = (uint32_t *)((char *)c + bytes);
    *epilogue = IN_USE;
    c->header |= IN_USE;            /* so release() can mark it free */
    release(c, bytes);
    return 0;
}

static void *map_chunk(uint32_t size)
{
    size_t len = (size + 12 + 4095) & ~4095u;
    char *base = mmap(NULL, len, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return NULL;
    /* Header at base + 12 so the payload is 16-byte aligned. */
    struct chunk *c = (struct chunk *)(base + 12);
    c->header = (uint32_t)len | IN_USE | MAPPED;
    return payload(c);
}

static void unmap_chunk(struct chunk *c)
{
    munmap((char *)c - 12, chunk_size(c));
}

/* ---- the interface ---- */

/* Chunk size for a request of n bytes, or 0 if absurdly large. */
static uint32_t request_size(size_t n)
{
    if (n > 0x7fffffffu)
        return 0;
    uint32_t size = ((uint32_t)n + HEADER + ALIGN - 1) & ~(ALIGN - 1);
    return size < MIN_CHUNK ? MIN_CHUNK : size;
}

void *malloc(size_t n)
{
    uint32_t size = request_size(n);
    if (size == 0) {
        errno = ENOMEM;
        return NULL;
    }
    if (size >= MMAP_THRESHOLD) {
        void *p = map_chunk(size);
        if (!p)
            errno = ENOMEM;
        return p;
    }
    struct chunk *c;
    while ((c = bin_take(size)) == NULL)
        if (heap_grow(size > HEAP_STEP ? size : HEAP_STEP) < 0) {
            errno = ENOMEM;
            return NULL;
        }
    mark_used(c, chunk_size(c));
    trim(c, size);
    return payload(c);
}

void free(void *p)
{
    if (p == NULL)
        return;
    struct chunk *c = chunk_of(p);
    if (c->header & MAPPED)
        unmap_chunk(c);
    else
        release(c, chunk_size(c));
}

void *calloc(size_t n, size_t size)
{
    if (size != 0 && n > (size_t)-1 / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

/* Grow c in place by taking the free chunk after it, if that is enough. */
static int grow_in_place(struct chunk *c, uint32_t size)
{
    struct chunk *next = next_chunk(c);

    if (next->header & IN_USE || chunk_size(c) + chunk_size(next) < size)
        return 0;
    bin_remove(next);
    mark_used(c, chunk_size(c) + chunk_size(next));
    trim(c, size);
    return 1;
}

void *realloc(void *p, size_t n)
{
    if (p == NULL)
        return malloc(n);
    uint32_t size = request_size(n);
    if (size == 0) {
        errno = ENOMEM;
        return NULL;
    }
    struct chunk *c = chunk_of(p);
    if (!(c->header & MAPPED)) {
        if (size <= chunk_size(c)) {
            trim(c, size);
            return p;
        }
        if (grow_in_place(c, size))
            return p;
    } else if (size + 12 <= chunk_size(c) && size >= MMAP_THRESHOLD) {
        return p;                   /* still fits in its mapping */
    }
    void *q = malloc(n);
    if (q) {
        uint32_t old = chunk_size(c) - HEADER - (c->header & MAPPED ? 12 : 0);
        memcpy(q, p, old < n ? old : n);
        free(p);
    }
    return q;
}
