/*
 * Character devices by number, as Linux numbers them: 1:3 null, 1:5 zero,
 * 1:7 full, 1:8 random, 1:9 urandom, 5:0 tty, 5:1 console, 4:0 tty0,
 * 4:64 ttyS0 (every terminal is the one console tty).  A device node on
 * the ext2 image and the /dev directory both open devices through here.
 */
#ifndef FS_DEV_H
#define FS_DEV_H

#include <stddef.h>
#include <stdint.h>

#include "fs/vfs.h"

/* Linux's st_rdev encoding (new_encode_dev). */
static inline uint32_t dev_encode(uint32_t major, uint32_t minor)
{
    return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static inline uint32_t dev_major(uint32_t rdev)
{
    return (rdev >> 8) & 0xfff;
}

static inline uint32_t dev_minor(uint32_t rdev)
{
    return (rdev & 0xff) | ((rdev >> 12) & 0xfff00);
}

/* Set up f for the device rdev; -ENXIO if there is no such device. */
int dev_open(uint32_t rdev, struct file *f);

/* The kernel's random bytes (urandom, getrandom, AT_RANDOM). */
void random_bytes(void *buf, size_t n);
void random_init(uint64_t seed);

long sys_getrandom(void *ubuf, uint32_t n, uint32_t flags);

#endif
