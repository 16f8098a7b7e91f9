/*
 * Bringing up the file systems: the ext2 initrd as root, devfs on /dev,
 * procfs on /proc (fs/mount.c), and the mount(2) system call.
 */
#ifndef FS_MOUNT_H
#define FS_MOUNT_H

#include <stddef.h>
#include <stdint.h>

/* Mount the initrd image as / (and /dev, /proc); NULL or why not. */
const char *fs_init(void *initrd, size_t size);

/* Open /dev/console as fds 0, 1 and 2 of the current process (init). */
int fs_open_console_fds(void);

long sys_mount(const char *usource, const char *utarget, const char *utype,
               uint32_t flags, const void *udata);
long sys_umount2(const char *utarget, int flags);

#endif
