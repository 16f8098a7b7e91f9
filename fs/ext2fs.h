/*
 * The root file system: the ext2 initrd, mounted through the VFS
 * (fs/ext2fs.c).
 */
#ifndef FS_EXT2FS_H
#define FS_EXT2FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fs/ext2.h"
#include "fs/vfs.h"

/* Mount the image (in RAM, writable) and return its root directory. */
int ext2fs_mount(void *image, size_t size, struct inode **root);
/* Mount a private in-memory copy of the image file `file` (mount(2) with
 * -t ext2); changes stay in the copy.  Its root in *root. */
#define EXT2FS_COPY_MAX (32u << 20)
int ext2fs_mount_copy(struct inode *file, bool readonly, struct inode **root);
/* Drop such a mount, given its root: -EBUSY while any of its files is in
 * use.  Takes the mount's reference to the root on success. */
int ext2fs_unmount(struct inode *root);
bool ext2fs_is_root_of_copy(struct inode *ino);
/* Whether any file of the mount with this root is in use. */
bool ext2fs_busy(struct inode *root);
void ext2fs_statfs(struct inode *ino, struct ext2_statfs *st);
/* The live image (for /dev/initrd, which tests copy out and fsck). */
const uint8_t *ext2fs_image(size_t *size);
uint64_t ext2fs_file_size(struct inode *ino);

#endif
