/*
 * Making and dropping touched anonymous memory with mmap2 and munmap.
 */
#include "userland/bench/memory.h"
#include "kernel/uapi/mman.h"
#include "userland/bench/sys.h"

long region_touch(uint32_t bytes)
{
    if (bytes == 0)
        return 0;

    long region = syscall6(__NR_mmap2, 0, (long)bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region_failed(region))
        return region;

    /* One write per page is enough to make the kernel give it a frame. */
    volatile char *bytes_of = (volatile char *)region;
    for (uint32_t offset = 0; offset < bytes; offset += PAGE_SIZE)
        bytes_of[offset] = 1;
    return region;
}

void region_release(long region, uint32_t bytes)
{
    if (bytes != 0)
        syscall2(__NR_munmap, region, (long)bytes);
}
