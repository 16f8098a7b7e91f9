/*
 * Page faults on user addresses, step by step (docs/memory.md follows one
 * from the trap to iret):
 *   1. find the region; none, or no permission for the access: -EFAULT;
 *   2. present page, write fault: the table may be shared (unshare it),
 *      then the page may be COW (copy it or take it over);
 *   3. page not present: a zeroed frame (demand zero), after making sure
 *      the table is this space's own.
 * Kernel-mode faults on user addresses (copy_to_user into a COW page) take
 * the same path; only what cannot be resolved reaches the fix-up table.
 */
#include "mm/fault.h"

#include "kernel/cpu.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"
#include "mm/cow.h"
#include "mm/pte.h"
#include "mm/region.h"

#define PF_PRESENT 0x1u
#define PF_WRITE 0x2u

static bool last_oom;
static uint32_t last_addr;

static int write_present(struct vm_space *s, uint32_t va, uint32_t *pde)
{
    if ((*pde & PDE_SHARED) && cow_unshare_table(s, PDX(va)) < 0)
        return -ENOMEM;
    uint32_t pte = *vm_pte_lookup(s, va);
    if (pte & PTE_W) {              /* only the table was read-only */
        invlpg(va);
        return 0;
    }
    if (pte & PTE_COW)
        return cow_break(s, va);
    return -EFAULT;
}

int vm_fault(struct vm_space *s, uint32_t addr, bool write)
{
    struct vm_region *r = region_find(s, addr);
    if (!r || !(r->flags & VM_READ) || (write && !(r->flags & VM_WRITE)))
        return -EFAULT;
    uint32_t va = addr & ~0xfffu;
    uint32_t *pde = &s->pd[PDX(va)];
    uint32_t *pte = vm_pte_lookup(s, va);
    if (pte && (*pte & PTE_P)) {
        if (write)
            return write_present(s, va, pde);
        invlpg(va);                 /* a stale TLB entry: just retry */
        return 0;
    }
    return vm_map_zero(s, va, region_pte_flags(r));
}

static bool page_fault(struct trapframe *tf)
{
    uint32_t addr = read_cr2();
    struct vm_space *s = vm_current();
    last_addr = addr;
    last_oom = false;
    if (addr >= USER_TOP || !s)
        return false;               /* kernel addresses never fault in */
    int err = vm_fault(s, addr, tf->err & PF_WRITE);
    last_oom = err == -ENOMEM;
    return err == 0;
}

void fault_init(void)
{
    trap_install(T_PAGE_FAULT, page_fault);
}

bool mm_fault_out_of_memory(void)
{
    return last_oom;
}

uint32_t mm_fault_address(void)
{
    return last_addr;
}
