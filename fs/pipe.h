/*
 * Pipes: a ring buffer between a read end and a write end (fs/pipe.c).
 */
#ifndef FS_PIPE_H
#define FS_PIPE_H

#include "fs/vfs.h"

/* Two new files, the read end and the write end. */
int pipe_create(struct file **read_end, struct file **write_end);
/* Open a FIFO (a named pipe on the file system). */
int fifo_open(struct inode *ino, struct file *f);

#endif
