/*
 * File system statistics as statfs64(268) / fstatfs64(269) return them
 * on i386 (84 bytes; the caller passes the size as the second argument).
 */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

#include <stdint.h>

struct statfs64 {
    uint32_t f_type;            /* magic number, e.g. EXT2_SUPER_MAGIC */
    uint32_t f_bsize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;
    uint64_t f_files;
    uint64_t f_ffree;
    int32_t  f_fsid[2];
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;
    uint32_t f_spare[4];
};

#define EXT2_SUPER_MAGIC  0xef53
#define PROC_SUPER_MAGIC  0x9fa0
#define TMPFS_MAGIC       0x01021994
#define DEVPTS_SUPER_MAGIC 0x1cd1

#if defined(__i386__)
_Static_assert(sizeof(struct statfs64) == 84, "statfs64 is 84 bytes on i386");
#endif

#endif
