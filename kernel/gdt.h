/*
 * The global descriptor table: flat kernel and user segments, the task
 * state segment whose esp0 points at the running process's kernel stack,
 * three thread-local-storage slots (entries 6-8, as on Linux) that
 * set_thread_area fills per process, and a second TSS for double faults.
 */
#ifndef KERNEL_GDT_H
#define KERNEL_GDT_H

#include <stdint.h>

#define SEL_KCODE   0x08
#define SEL_KDATA   0x10
#define SEL_UCODE   0x1b            /* index 3, RPL 3 */
#define SEL_UDATA   0x23            /* index 4, RPL 3 */
#define SEL_TSS     0x28
#define GDT_TLS_FIRST 6             /* entries 6, 7, 8 */
#define GDT_TLS_COUNT 3
#define SEL_DF_TSS  0x48            /* index 9 */

/* A segment descriptor in the CPU's format. */
struct gdt_desc {
    uint16_t limit_lo, base_lo;
    uint8_t base_mid, access, flags_limit_hi, base_hi;
} __attribute__((packed));

void gdt_init(void);
void tss_set_kernel_stack(uint32_t esp0);
uint32_t tss_kernel_stack(void);
/* Install the three TLS descriptors of the process about to run. */
void gdt_load_tls(const struct gdt_desc tls[GDT_TLS_COUNT]);
/* The state the CPU saved in the main TSS when a double fault switched
 * tasks (for the double-fault panic message). */
const void *gdt_main_tss(void);
/* The page directory the double-fault task runs with (the kernel's). */
void gdt_set_double_fault_cr3(uint32_t cr3);
struct gdt_desc gdt_make_desc(uint32_t base, uint32_t limit, uint8_t access,
                              uint8_t flags);

#endif
