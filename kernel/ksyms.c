/*
 * Address-to-name lookup over the sorted symbol table: a binary search for
 * the last symbol at or below the address.
 */
#include "kernel/ksyms.h"

#include <stddef.h>

extern char __text_start[], __text_end[];

const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
    if (addr < (uint32_t)__text_start || addr >= (uint32_t)__text_end ||
        ksym_count == 0 || addr < ksym_table[0].addr)
        return NULL;
    uint32_t lo = 0, hi = ksym_count;   /* answer in [lo, hi) */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ksym_table[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    *offset = addr - ksym_table[lo].addr;
    return ksym_names + ksym_table[lo].name;
}
