/*
 * System-wide limits, in one place.
 */
#ifndef KERNEL_LIMITS_H
#define KERNEL_LIMITS_H

#define FD_MAX        256               /* open files per process */
#define PATH_MAX      4096              /* bytes in a path, with the NUL */
#define NAME_MAX      255               /* bytes in one path component */
#define ARG_MAX       (256u * 1024)     /* argv + envp strings for execve */
#define SYMLINK_MAX_FOLLOW 40           /* -ELOOP beyond this */
#define PIPE_SIZE     16384             /* bytes a pipe buffers */
#define PIPE_BUF      4096              /* writes up to this are atomic */

#endif
