/*
 * What the boot loader tells us (multiboot v1): the memory map, the
 * command line and the modules (our initrd).  multiboot_parse copies the
 * useful parts into struct boot_info and checks them, so nothing later
 * reads the loader's structures.  Pure C, unit-tested on the host.
 */
#ifndef KERNEL_MULTIBOOT_H
#define KERNEL_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002u
#define BOOT_MAX_RANGES 32
#define BOOT_CMDLINE_MAX 512

struct phys_range {
    uint32_t start, end;            /* [start, end), page-aligned inward */
};

struct boot_info {
    struct phys_range ram[BOOT_MAX_RANGES];     /* usable RAM below 4 GiB */
    int nram;
    uint32_t ram_top;               /* end of the highest usable range */
    uint64_t ram_bytes;             /* total usable */
    char cmdline[BOOT_CMDLINE_MAX];
    struct phys_range initrd;       /* {0, 0} when there is no module */
    struct phys_range reserved[4];  /* loader structures to keep */
    int nreserved;
};

/* Parse the loader's information.  `phys` is where physical address 0 is
 * visible (the direct map in the kernel, a buffer in tests).  Returns NULL
 * or a message saying what is wrong. */
const char *multiboot_parse(uint32_t magic, uint32_t info_phys, const uint8_t *phys,
                            uint32_t phys_limit, struct boot_info *out);

#endif
