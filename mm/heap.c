/*
 * Heap bookkeeping (pure C; unit-tested on the host against a model).
 *
 * Block layout: [header 16 B][payload size B][canary 4 B].  A slab page
 * starts with struct slab, then equal slots; free slots are chained through
 * their payload.  Each class keeps a list of slabs that have free slots;
 * a slab that becomes empty is released, except one per class kept for
 * reuse (heap_trim releases those too).
 */
#include "mm/heap.h"

#include <stdbool.h>

#include "kernel/ksyms.h"
#include "kernel/panic.h"
#include "kernel/string.h"

#define PAGE 4096u
#define MAGIC_LIVE  0x4b4d414cu     /* "LAMK" */
#define MAGIC_FREE  0x45455246u     /* "FREE" */
#define MAGIC_SLAB  0x42414c53u     /* "SLAB" */
#define CANARY      0xc0ffee42u
#define LARGE_CLASS 0xffffu
#define HEADER      16u
#define MAX_SIZE    (64u << 20)     /* no kernel object is bigger */

struct header {
    uint32_t magic;
    uint32_t size;
    uint32_t caller;
    uint16_t cls;                   /* slab class, or LARGE_CLASS */
    uint16_t npages;                /* for large blocks */
};

struct slab {
    uint32_t magic;
    uint16_t cls, nfree;
    void *free;
    struct slab *next, *prev;
};

#define SLAB_START ((sizeof(struct slab) + 15u) & ~15u)

static const uint16_t slot_sizes[] = {32, 48, 64, 96, 128, 192, 256, 384, 512, 1024 + 64};
#define NCLASSES (sizeof slot_sizes / sizeof slot_sizes[0])

struct class_state {
    struct slab *partial;           /* slabs with at least one free slot */
    struct slab *empty;             /* one fully free slab kept for reuse */
};

static struct class_state classes[NCLASSES];
static size_t bytes_in_use;
static uint32_t blocks_in_use, pages_held;

static uint32_t slots_per_slab(unsigned cls)
{
    return (PAGE - SLAB_START) / slot_sizes[cls];
}

static int class_for(size_t size)
{
    for (unsigned c = 0; c < NCLASSES; c++)
        if (HEADER + size + 4 <= slot_sizes[c])
            return (int)c;
    return -1;
}

static void list_remove(struct slab **head, struct slab *s)
{
    if (s->prev)
        s->prev->next = s->next;
    else
        *head = s->next;
    if (s->next)
        s->next->prev = s->prev;
    s->next = s->prev = NULL;
}

static void list_push(struct slab **head, struct slab *s)
{
    s->prev = NULL;
    s->next = *head;
    if (*head)
        (*head)->prev = s;
    *head = s;
}

static struct slab *new_slab(unsigned cls)
{
    struct slab *s = heap_pages_alloc(1);
    if (!s)
        return NULL;
    pages_held++;
    s->magic = MAGIC_SLAB;
    s->cls = (uint16_t)cls;
    s->nfree = (uint16_t)slots_per_slab(cls);
    s->free = NULL;
    s->next = s->prev = NULL;
    uint8_t *base = (uint8_t *)s + SLAB_START;
    for (uint32_t i = s->nfree; i-- > 0;) {     /* slot 0 first out */
        void **slot = (void **)(base + i * slot_sizes[cls] + HEADER);
        *slot = s->free;
        s->free = slot;
    }
    return s;
}

/* A slab with a free slot: partial, else the kept empty one, else new. */
static struct slab *slab_with_room(unsigned cls)
{
    struct class_state *c = &classes[cls];
    if (c->partial)
        return c->partial;
    struct slab *s = c->empty;
    if (s)
        c->empty = NULL;
    else if (!(s = new_slab(cls)))
        return NULL;
    list_push(&c->partial, s);
    return s;
}

static struct header *slab_alloc(unsigned cls)
{
    struct slab *s = slab_with_room(cls);
    if (!s)
        return NULL;
    void **payload = s->free;
    s->free = *payload;
    if (--s->nfree == 0)
        list_remove(&classes[cls].partial, s);
    struct header *h = (struct header *)((uint8_t *)payload - HEADER);
    h->cls = (uint16_t)cls;
    h->npages = 0;
    return h;
}

static struct header *large_alloc(size_t size, size_t align)
{
    /* The payload starts at the first `align` boundary after a header. */
    uint32_t lead = align <= HEADER ? HEADER : (uint32_t)align;
    uint32_t n = (lead + (uint32_t)size + 4 + PAGE - 1) / PAGE;
    uint8_t *base = heap_pages_alloc(n);
    if (!base)
        return NULL;
    pages_held += n;
    struct header *h = (struct header *)(base + lead - HEADER);
    h->cls = LARGE_CLASS;
    h->npages = (uint16_t)n;
    return h;
}

static void *finish(struct header *h, size_t size, uint32_t caller)
{
    h->magic = MAGIC_LIVE;
    h->size = (uint32_t)size;
    h->caller = caller;
    uint32_t canary = CANARY;
    uint8_t *payload = (uint8_t *)(h + 1);
    memcpy(payload + size, &canary, 4);
    bytes_in_use += size;
    blocks_in_use++;
    return payload;
}

static void *alloc(size_t size, size_t align, uint32_t caller)
{
    if (size > MAX_SIZE || align > PAGE || (align & (align - 1)))
        return NULL;
    int cls = align <= HEADER ? class_for(size) : -1;
    struct header *h = cls >= 0 ? slab_alloc((unsigned)cls) : large_alloc(size, align);
    return h ? finish(h, size, caller) : NULL;
}

void *kmalloc(size_t size)
{
    return alloc(size, HEADER, (uint32_t)(uintptr_t)__builtin_return_address(0));
}

void *kzalloc(size_t size)
{
    void *p = alloc(size, HEADER, (uint32_t)(uintptr_t)__builtin_return_address(0));
    if (p)
        memset(p, 0, size);
    return p;
}

void *kmalloc_aligned(size_t size, size_t align)
{
    return alloc(size, align, (uint32_t)(uintptr_t)__builtin_return_address(0));
}

__attribute__((noreturn)) static void heap_bug(const char *what, void *p,
                                               const struct header *h)
{
    uint32_t off = 0;
    const char *by = h ? ksym_lookup(h->caller, &off) : NULL;
    if (by)
        panic("kfree: %s at %p (allocated by %s+0x%x)", what, p, by, off);
    panic("kfree: %s at %p", what, p);
}

static void slab_free(struct header *h, void *p)
{
    struct slab *s = (struct slab *)((uintptr_t)h & ~(uintptr_t)(PAGE - 1));
    if (s->magic != MAGIC_SLAB || s->cls != h->cls)
        heap_bug("block header does not match its slab", p, h);
    struct class_state *c = &classes[h->cls];
    *(void **)p = s->free;
    s->free = p;
    if (s->nfree++ == 0)
        list_push(&c->partial, s);
    if (s->nfree < slots_per_slab(h->cls))
        return;
    /* Empty: keep one per class, give the rest back. */
    list_remove(&c->partial, s);
    if (!c->empty) {
        c->empty = s;
        return;
    }
    s->magic = 0;
    heap_pages_free(s, 1);
    pages_held--;
}

void kfree(void *p)
{
    if (!p)
        return;
    if ((uintptr_t)p & (HEADER - 1))
        heap_bug("misaligned pointer", p, NULL);
    struct header *h = (struct header *)((uint8_t *)p - HEADER);
    if (h->magic == MAGIC_FREE)
        heap_bug("double free", p, h);
    if (h->magic != MAGIC_LIVE)
        heap_bug("not a heap block (or its header was overwritten)", p, NULL);
    uint32_t canary;
    memcpy(&canary, (uint8_t *)p + h->size, 4);
    if (canary != CANARY)
        heap_bug("overrun past the end of the block", p, h);
    h->magic = MAGIC_FREE;
    bytes_in_use -= h->size;
    blocks_in_use--;
    if (h->cls != LARGE_CLASS) {
        slab_free(h, p);
        return;
    }
    uint32_t n = h->npages;
    heap_pages_free((void *)((uintptr_t)h & ~(uintptr_t)(PAGE - 1)), n);
    pages_held -= n;
}

size_t heap_bytes_in_use(void)
{
    return bytes_in_use;
}

uint32_t heap_blocks_in_use(void)
{
    return blocks_in_use;
}

uint32_t heap_pages_held(void)
{
    return pages_held;
}

void heap_trim(void)
{
    for (unsigned c = 0; c < NCLASSES; c++) {
        if (classes[c].empty) {
            classes[c].empty->magic = 0;
            heap_pages_free(classes[c].empty, 1);
            classes[c].empty = NULL;
            pages_held--;
        }
    }
}
