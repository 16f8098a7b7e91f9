/*
 * The root file system: the ext2 initrd, mounted through the VFS
 * (fs/ext2fs.c).
 */
#ifndef FS_EXT2FS_H
#define FS_EXT2FS_H

#include <stddef.h>
#include <stdint.h>

#include "fs/ext2.h"
#include "fs/vfs.h"

/* Mount the image (in RAM, writable) and return its root directory. */
int ext2fs_mount(void *image, size_t size, struct inode **root);
void ext2fs_statfs(struct ext2_statfs *st);
/* The live image (for /dev/initrd, which tests copy out and fsck). */
const uint8_t *ext2fs_image(size_t *size);
uint64_t ext2fs_file_size(struct inode *ino);

#endif
