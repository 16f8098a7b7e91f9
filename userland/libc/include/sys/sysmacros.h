/*
 * Device numbers: major and minor parts of a dev_t.
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <kernel/uapi/stat.h>

#define major(dev)        DEV_MAJOR(dev)
#define minor(dev)        DEV_MINOR(dev)
#define makedev(maj, min) DEV_MAKE(maj, min)

#endif
