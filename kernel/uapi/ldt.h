/*
 * set_thread_area(243) / get_thread_area(244) / modify_ldt(123): describe
 * one segment.  entry_number -1 asks set_thread_area to pick a free GDT TLS
 * slot and write its number back.  The attribute bits are a bitfield; the
 * same 32 bits are also reachable as one word, `flags`.
 */
#ifndef UAPI_LDT_H
#define UAPI_LDT_H

#include <stdint.h>

struct user_desc {
    uint32_t entry_number;
    uint32_t base_addr;
    uint32_t limit;
    union {
        uint32_t flags;
        struct {
            uint32_t seg_32bit : 1;
            uint32_t contents : 2;      /* 0 data, 1 stack, 2 code */
            uint32_t read_exec_only : 1;
            uint32_t limit_in_pages : 1;
            uint32_t seg_not_present : 1;
            uint32_t useable : 1;
            uint32_t lm : 1;            /* 64-bit only, 0 */
        };
    };
};

/* Bits of `flags`, matching the bitfield above. */
#define UD_SEG_32BIT       0x01
#define UD_CONTENTS_SHIFT  1
#define UD_READ_EXEC_ONLY  0x08
#define UD_LIMIT_IN_PAGES  0x10
#define UD_SEG_NOT_PRESENT 0x20
#define UD_USEABLE         0x40

#define LDT_ENTRIES    8192
#define LDT_ENTRY_SIZE 8

/* The GDT slots i386 Linux gives to set_thread_area: 6, 7 and 8. */
#define GDT_ENTRY_TLS_MIN     6
#define GDT_ENTRY_TLS_ENTRIES 3

_Static_assert(sizeof(struct user_desc) == 16, "user_desc is 16 bytes");

#endif
