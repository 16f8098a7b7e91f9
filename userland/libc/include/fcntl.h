/*
 * open() and fcntl(): flags and commands come from kernel/uapi/fcntl.h.
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <kernel/uapi/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
