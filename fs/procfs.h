/*
 * /proc: processes and kernel figures as files (fs/procfs.c).
 */
#ifndef FS_PROCFS_H
#define FS_PROCFS_H

#include "fs/vfs.h"

struct inode *procfs_root(void);

#endif
