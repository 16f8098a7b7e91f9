/*
 * Physical page frames with reference counts.
 *
 * Every frame of usable RAM has a small record: how many references it has
 * (page-table entries, page directories, the heap...) and a few flags.  A
 * frame returns to the free pool only when its count drops to zero.  Free
 * frames form a stack threaded through the records, so allocation and
 * release are O(1).  The bookkeeping is pure C (unit-tested on the host):
 * it never touches the frames themselves.
 */
#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#define FRAME_SIZE 4096u
#define FRAME_SHIFT 12
#define FRAME_REFS_MAX 0xffffu

/* Flags kept per frame. */
#define FRAME_PAGE_TABLE 0x1u   /* a user page table (shared copy-on-write) */

struct frame {
    uint16_t refs;
    uint16_t flags;
    union {
        uint32_t next_free;             /* free: the next free frame */
        struct {
            uint16_t first, end;        /* a page table: entries [first, end)
                                         * are the only ones that may be present */
        } span;
    };
};

/* Set up bookkeeping for frames [0, nframes) in `table` (caller-provided,
 * nframes entries).  All frames start reserved. */
void frame_setup(struct frame *table, uint32_t nframes);
/* Keep [start, end) (physical) out of the free pool for ever: the kernel
 * image, the initrd, this table.  Call before frame_add_free. */
void frame_keep(uint32_t start, uint32_t end);
/* Make the RAM [start, end) allocatable, except frame 0 and kept frames. */
void frame_add_free(uint32_t start, uint32_t end);

/* A frame with count 1, or 0 when memory is exhausted. */
uint32_t frame_alloc(void);
/* One more reference; false (and no change) if the count would overflow. */
bool frame_ref(uint32_t phys);
/* One reference less; the frame is freed when none are left.
 * Returns the remaining count. */
uint32_t frame_unref(uint32_t phys);
uint32_t frame_refs(uint32_t phys);
uint32_t frame_flags(uint32_t phys);
void frame_set_flags(uint32_t phys, uint32_t flags);

/* The span of a page table's entries in use, so loops over a table visit
 * only that part: a process's stack table uses a few entries at its top,
 * and fork, exit and copy-on-write walk tables all the time. */
void frame_span_reset(uint32_t phys);
void frame_span_add(uint32_t phys, uint32_t index);
void frame_span_copy(uint32_t to, uint32_t from);
void frame_span(uint32_t phys, uint32_t *first, uint32_t *end);

uint32_t frames_free(void);
uint32_t frames_total(void);
/* Call fn for every frame in use (the basis of the shared-memory figure). */
void frame_scan(void (*fn)(uint32_t phys, uint32_t refs, uint32_t flags, void *ctx),
                void *ctx);

#endif
