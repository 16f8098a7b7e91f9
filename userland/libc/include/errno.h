/*
 * errno: set by functions that fail (single-threaded, so one global).
 * The values are the kernel's, from kernel/uapi/errno.h.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <kernel/uapi/errno.h>

extern int errno;

#endif
