/*
 * Virtually contiguous kernel memory: runs of pages in the area above the
 * direct map (VMALLOC_START..VMALLOC_END), each backed by its own frame,
 * with an unmapped guard page after every run.  For heap blocks bigger
 * than a page, which physical memory could not give contiguously.
 */
#ifndef MM_VMALLOC_H
#define MM_VMALLOC_H

#include <stdint.h>

/* n pages, mapped and writable; NULL when frames or addresses run out. */
void *vmalloc(uint32_t npages);
void vfree(void *p, uint32_t npages);

#endif
