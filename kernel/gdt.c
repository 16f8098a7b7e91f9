/*
 * Building and loading the GDT and the TSS.  Segments are flat (base 0,
 * limit 4 GiB): protection comes from paging, segments only carry the
 * privilege level.  The TLS entries are the only ones that change after
 * boot, rewritten on every switch to a process that uses them.
 */
#include "kernel/gdt.h"

#include "kernel/string.h"
#include "kernel/tss.h"

#define GDT_ENTRIES 10
#define ACC_KCODE 0x9a      /* present, ring 0, code, readable */
#define ACC_KDATA 0x92      /* present, ring 0, data, writable */
#define ACC_UCODE 0xfa
#define ACC_UDATA 0xf2
#define ACC_TSS   0x89      /* present, 32-bit available TSS */
#define FLAGS_4K32 0xc      /* 4 KiB granularity, 32-bit */

static struct gdt_desc gdt[GDT_ENTRIES] __attribute__((aligned(8)));
static struct tss main_tss, df_tss;
static uint8_t df_stack[8192] __attribute__((aligned(16)));

void double_fault_task(void);       /* kernel/panic.c */

struct gdt_desc gdt_make_desc(uint32_t base, uint32_t limit, uint8_t access,
                              uint8_t flags)
{
    struct gdt_desc d;
    d.limit_lo = limit & 0xffff;
    d.base_lo = base & 0xffff;
    d.base_mid = (base >> 16) & 0xff;
    d.access = access;
    d.flags_limit_hi = (uint8_t)((flags << 4) | ((limit >> 16) & 0x0f));
    d.base_hi = (base >> 24) & 0xff;
    return d;
}

/* The double-fault task runs on its own stack with the kernel page
 * directory, so even a kernel stack overflow ends in a readable panic. */
static void init_df_tss(void)
{
    memset(&df_tss, 0, sizeof df_tss);
    __asm__ volatile("mov %%cr3, %0" : "=r"(df_tss.cr3));
    df_tss.eip = (uint32_t)double_fault_task;
    df_tss.eflags = 0x2;
    df_tss.esp = (uint32_t)(df_stack + sizeof df_stack);
    df_tss.cs = SEL_KCODE;
    df_tss.ss = df_tss.ds = df_tss.es = df_tss.fs = df_tss.gs = SEL_KDATA;
    df_tss.iomap_base = sizeof df_tss;
}

void gdt_init(void)
{
    memset(gdt, 0, sizeof gdt);
    gdt[1] = gdt_make_desc(0, 0xfffff, ACC_KCODE, FLAGS_4K32);
    gdt[2] = gdt_make_desc(0, 0xfffff, ACC_KDATA, FLAGS_4K32);
    gdt[3] = gdt_make_desc(0, 0xfffff, ACC_UCODE, FLAGS_4K32);
    gdt[4] = gdt_make_desc(0, 0xfffff, ACC_UDATA, FLAGS_4K32);

    memset(&main_tss, 0, sizeof main_tss);
    main_tss.ss0 = SEL_KDATA;
    main_tss.iomap_base = sizeof main_tss;   /* no I/O bitmap: user in/out faults */
    gdt[5] = gdt_make_desc((uint32_t)&main_tss, sizeof main_tss - 1, ACC_TSS, 0);
    init_df_tss();
    gdt[9] = gdt_make_desc((uint32_t)&df_tss, sizeof df_tss - 1, ACC_TSS, 0);

    struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) gdtr = {sizeof gdt - 1, (uint32_t)gdt};
    __asm__ volatile("lgdt %0\n\t"
                     "ljmp %1, $1f\n"
                     "1:\n\t"
                     "mov %2, %%ax\n\t"
                     "mov %%ax, %%ds\n\t"
                     "mov %%ax, %%es\n\t"
                     "mov %%ax, %%ss\n\t"
                     "xor %%ax, %%ax\n\t"
                     "mov %%ax, %%fs\n\t"
                     "mov %%ax, %%gs\n\t"
                     "ltr %w3"
                     :
                     : "m"(gdtr), "i"(SEL_KCODE), "i"(SEL_KDATA), "r"(SEL_TSS)
                     : "eax", "memory");
}

void tss_set_kernel_stack(uint32_t esp0)
{
    main_tss.esp0 = esp0;
}

uint32_t tss_kernel_stack(void)
{
    return main_tss.esp0;
}

void gdt_load_tls(const struct gdt_desc tls[GDT_TLS_COUNT])
{
    memcpy(&gdt[GDT_TLS_FIRST], tls, GDT_TLS_COUNT * sizeof *tls);
}

void gdt_set_double_fault_cr3(uint32_t cr3)
{
    df_tss.cr3 = cr3;
}

const void *gdt_main_tss(void)
{
    return &main_tss;
}
