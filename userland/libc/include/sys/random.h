/*
 * getrandom(): bytes from the kernel's random generator.
 */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>
#include <kernel/uapi/random.h>

ssize_t getrandom(void *buf, size_t len, unsigned flags);

#endif
