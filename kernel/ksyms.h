/*
 * The kernel's own symbol table, embedded at build time (tools/mksyms
 * turns `nm` output of a first link into kernel/ksyms data for the second),
 * so backtraces can name functions.
 */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stdint.h>

struct ksym {
    uint32_t addr;
    uint32_t name;              /* offset into ksym_names */
};

extern const struct ksym ksym_table[];
extern const uint32_t ksym_count;
extern const char ksym_names[];

/* The function containing addr, and the offset into it; NULL if unknown. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);

#endif
