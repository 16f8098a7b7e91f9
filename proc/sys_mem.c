/*
 * brk, munmap, mprotect and madvise: thin wrappers that apply mm/region.c
 * to the calling process.
 */
#include "proc/sys_mem.h"

#include "kernel/uapi/errno.h"
#include "mm/region.h"
#include "proc/proc.h"

long sys_brk(uint32_t new_brk)
{
    return (long)vm_brk(current->vm, new_brk);
}

long sys_munmap(uint32_t addr, uint32_t len)
{
    return vm_munmap(current->vm, addr, len);
}

long sys_mprotect(uint32_t addr, uint32_t len, uint32_t prot)
{
    return vm_mprotect(current->vm, addr, len, prot);
}

/* Advice is only advice: accepted and ignored, after checking it. */
long sys_madvise(uint32_t addr, uint32_t len, int advice)
{
    (void)len;
    if (addr & 0xfff || advice < 0)
        return -EINVAL;
    return 0;
}
