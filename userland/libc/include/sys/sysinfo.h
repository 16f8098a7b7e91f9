/*
 * sysinfo(): memory and process counts (see kernel/uapi/sysinfo.h).
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <kernel/uapi/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
