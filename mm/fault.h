/*
 * The page-fault handler.  It resolves what it can (copy-on-write, demand
 * zero) and otherwise reports failure: the trap layer then turns a user
 * fault into a signal for that process (the process layer decides which,
 * using mm_fault_out_of_memory) and a kernel fault into a fix-up or panic.
 * Memory management never kills or schedules by itself.
 */
#ifndef MM_FAULT_H
#define MM_FAULT_H

#include <stdbool.h>
#include <stdint.h>

#include "mm/vm.h"

void fault_init(void);

/* Resolve a fault at addr in s; 0, -EFAULT (no access) or -ENOMEM. */
int vm_fault(struct vm_space *s, uint32_t addr, bool write);

/* Whether the last unresolved fault failed for lack of memory. */
bool mm_fault_out_of_memory(void);
uint32_t mm_fault_address(void);

#endif
