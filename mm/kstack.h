/*
 * Kernel stacks: every process has its own, 8 KiB, in a slot of the
 * kernel-stack area whose lower half stays unmapped.  Running off the
 * bottom of a stack hits that guard and becomes a double fault with a
 * clear panic, instead of silently overwriting a neighbour.
 */
#ifndef MM_KSTACK_H
#define MM_KSTACK_H

#include <stdint.h>

/* The top (initial esp) of a new stack, or 0 when out of memory. */
uint32_t kstack_alloc(void);
void kstack_free(uint32_t top);
uint32_t kstacks_in_use(void);

#endif
