/*
 * Bringing up memory management, and the figures it reports (free and
 * total frames, heap use) for tests, sysinfo and /proc.
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stdint.h>

#include "kernel/multiboot.h"

/* Frames, the kernel page tables, the heap and the page-fault handler.
 * Returns NULL or why the machine cannot run (too little memory). */
const char *mm_init(const struct boot_info *boot);

#define MM_MIN_RAM (16u * 1024 * 1024)

#endif
