/*
 * The kernel heap: kmalloc/kfree for any size.
 *
 * Small blocks (up to 1 KiB) come from slabs: one page carved into slots of
 * one size class.  Larger blocks, and blocks that need more than 16-byte
 * alignment, take whole pages.  Every block has a 16-byte header (a magic
 * word, its size, who allocated it) and a canary after its last byte, so a
 * double free or an overrun is caught at kfree with a panic naming the
 * allocating function.
 */
#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>
#include <stdint.h>

/* 16-byte aligned; NULL when memory is exhausted (or size is absurd). */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
/* align: a power of two up to 4096. */
void *kmalloc_aligned(size_t size, size_t align);
void kfree(void *p);

/* Bytes and blocks currently allocated (leak checks compare these). */
size_t heap_bytes_in_use(void);
uint32_t heap_blocks_in_use(void);
/* Pages the heap holds, and release the empty slabs kept for reuse (so a
 * test can compare free-frame counts exactly). */
uint32_t heap_pages_held(void);
void heap_trim(void);

/* A whole page (4 KiB, page-aligned, no header): for buffers of exactly a
 * page such as paths (PATH_MAX), which kmalloc would have to give two
 * pages of the vmalloc area for.  NULL when out of memory. */
void *kpage_alloc(void);
void kpage_free(void *page);

/* Where the heap's pages come from (mm/heap_pages.c in the kernel; the
 * unit test provides its own).  n contiguous, page-aligned, or NULL. */
void *heap_pages_alloc(uint32_t n);
void heap_pages_free(void *p, uint32_t n);

#endif
