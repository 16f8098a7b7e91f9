/*
 * Building the kernel's page tables.  The tables live in .bss (1 MiB for
 * the whole 1 GiB kernel half), so they exist before any allocator does.
 * The direct map uses 4 KiB pages so that the kernel's own code and
 * read-only data can be mapped read-only: with CR0.WP set, a kernel bug
 * that writes to its code faults instead of silently corrupting it.
 * Kernel pages are global (PTE_G) and survive CR3 switches in the TLB.
 */
#include "mm/kspace.h"

#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/layout.h"
#include "kernel/panic.h"
#include "mm/pte.h"

#define KERNEL_PDES 256u

static uint32_t kernel_pd[1024] __attribute__((aligned(4096)));
static uint32_t kernel_tables[KERNEL_PDES][1024] __attribute__((aligned(4096)));

extern char __text_start[], __rodata_end[];

static uint32_t *pte_of(uint32_t va)
{
    return &kernel_tables[PDX(va) - USER_PDES][PTX(va)];
}

static void map_direct(uint32_t ram_top)
{
    uint32_t ro_start = VIRT_TO_PHYS(__text_start), ro_end = VIRT_TO_PHYS(__rodata_end);
    if (ram_top > DIRECT_MAP_MAX)
        ram_top = DIRECT_MAP_MAX;
    for (uint32_t pa = 0; pa < ram_top; pa += PAGE_SIZE) {
        uint32_t flags = PTE_P | PTE_G;
        if (pa < ro_start || pa >= ro_end)
            flags |= PTE_W;
        *pte_of(pa + KERNEL_BASE) = pa | flags;
    }
}

void kspace_init(uint32_t ram_top)
{
    for (uint32_t i = 0; i < KERNEL_PDES; i++)
        kernel_pd[USER_PDES + i] = VIRT_TO_PHYS(kernel_tables[i]) | PTE_P | PTE_W;
    map_direct(ram_top);
    /* Leaving the boot directory also drops its identity map of the low
     * 4 MiB: from here on the user half is empty and NULL faults. */
    write_cr4(read_cr4() | CR4_PGE);
    write_cr3(kspace_pd_phys());
    gdt_set_double_fault_cr3(kspace_pd_phys());
}

uint32_t kspace_pd_phys(void)
{
    return VIRT_TO_PHYS(kernel_pd);
}

const uint32_t *kspace_pdes(void)
{
    return &kernel_pd[USER_PDES];
}

static void check_mappable(uint32_t va)
{
    if (va < VMALLOC_START || va >= KSTACK_AREA_END || (va & (PAGE_SIZE - 1)))
        panic("kspace: %08x is not in the mappable kernel areas", va);
}

void kspace_map(uint32_t va, uint32_t phys)
{
    check_mappable(va);
    uint32_t *pte = pte_of(va);
    if (*pte & PTE_P)
        panic("kspace: %08x is already mapped", va);
    *pte = phys | PTE_P | PTE_W | PTE_G;
}

void kspace_unmap(uint32_t va)
{
    check_mappable(va);
    *pte_of(va) = 0;
    invlpg(va);     /* global pages are not flushed by a CR3 reload */
}

uint32_t kspace_translate(uint32_t va)
{
    if (va < KERNEL_BASE)
        return 0;
    uint32_t e = *pte_of(va);
    return e & PTE_P ? PTE_ADDR(e) | (va & (PAGE_SIZE - 1)) : 0;
}
