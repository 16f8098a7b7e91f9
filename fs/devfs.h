/*
 * /dev: the devices Cowix provides, whatever the image contains.
 */
#ifndef FS_DEVFS_H
#define FS_DEVFS_H

#include <stdint.h>

#include "fs/vfs.h"

struct inode *devfs_root(void);
/* The /dev name of a character device number, or NULL. */
const char *devfs_name(uint32_t rdev);

#endif
