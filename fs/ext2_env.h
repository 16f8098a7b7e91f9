/*
 * What the ext2 code needs from its surroundings: fixed-width integers,
 * the Linux error numbers and the few memory routines every C environment
 * has.  The same sources build in the freestanding kernel (kernel/string.h
 * provides memcpy & co.) and on the host for the unit tests (libc does).
 */
#ifndef FS_EXT2_ENV_H
#define FS_EXT2_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/errno.h"

#if __STDC_HOSTED__
#include <string.h>
#else
#include "kernel/string.h"
#endif

#endif
