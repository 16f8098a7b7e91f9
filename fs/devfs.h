/*
 * /dev: the devices Cowix provides, whatever the image contains.
 */
#ifndef FS_DEVFS_H
#define FS_DEVFS_H

#include "fs/vfs.h"

struct inode *devfs_root(void);

#endif
