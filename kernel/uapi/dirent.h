/*
 * Directory entries as getdents64(220) packs them into the caller's buffer:
 * variable-length records, each d_reclen bytes long (a multiple of 8), the
 * name NUL-terminated.  d_off is an opaque cookie for the next entry.
 */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H

#include <stdint.h>
#include <stddef.h>

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t  d_off;
    uint16_t d_reclen;
    uint8_t  d_type;            /* DT_* */
    char     d_name[];
};

/* d_type: the file type bits of st_mode shifted right by 12. */
#define DT_UNKNOWN  0
#define DT_FIFO     1
#define DT_CHR      2
#define DT_DIR      4
#define DT_BLK      6
#define DT_REG      8
#define DT_LNK     10
#define DT_SOCK    12
#define DT_WHT     14

#define IFTODT(mode) (((mode) & 0170000) >> 12)
#define DTTOIF(type) ((type) << 12)

_Static_assert(offsetof(struct linux_dirent64, d_name) == 19, "dirent64 header");

#endif
