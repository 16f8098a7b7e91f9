/*
 * sysinfo(116): overall statistics, 64 bytes on i386.  Sizes are in units
 * of mem_unit bytes.  In Cowix, sharedram counts the bytes of frames shared
 * by copy-on-write (reference count > 1).
 */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

#include <stdint.h>

#define SI_LOAD_SHIFT 16        /* loads[] are fixed point, 1 << 16 = 1.0 */

struct sysinfo {
    int32_t  uptime;            /* seconds since boot */
    uint32_t loads[3];          /* 1, 5 and 15 minute load averages */
    uint32_t totalram;
    uint32_t freeram;
    uint32_t sharedram;
    uint32_t bufferram;
    uint32_t totalswap;
    uint32_t freeswap;
    uint16_t procs;             /* number of processes */
    uint16_t pad;
    uint32_t totalhigh;
    uint32_t freehigh;
    uint32_t mem_unit;
    char     _f[8];
};

_Static_assert(sizeof(struct sysinfo) == 64, "sysinfo is 64 bytes on i386");

#endif
