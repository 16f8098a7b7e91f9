/*
 * getauxval: read the auxiliary vector the kernel passed at startup.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <kernel/uapi/auxv.h>

/* The value for key `type`, or 0 if absent. */
unsigned long getauxval(unsigned long type);

#endif
