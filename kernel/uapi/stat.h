/*
 * File status as Linux i386 reports it: struct stat64 (stat64 195,
 * lstat64 196, fstat64 197, fstatat64 300), struct statx (statx 383) and
 * the mode bits: file type in the top bits, permissions in the low 12.
 */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <stdint.h>
#include <stddef.h>

/* File types (st_mode & S_IFMT) */
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000

#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

/* Permission bits */
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

/*
 * The i386 stat64 record, 96 bytes.  The inode number appears twice: a
 * truncated 32-bit copy near the start (for old programs) and the full
 * 64-bit one at the end.  64-bit fields are only 4-byte aligned on i386.
 */
struct stat64 {
    uint64_t st_dev;
    uint32_t __st_dev_pad;
    uint32_t __st_ino;          /* low 32 bits of st_ino */
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;           /* device number of a device file */
    uint32_t __st_rdev_pad;
    int64_t  st_size;
    uint32_t st_blksize;
    uint64_t st_blocks;         /* in 512-byte units */
    uint32_t st_atime;          /* seconds */
    uint32_t st_atime_nsec;
    uint32_t st_mtime;
    uint32_t st_mtime_nsec;
    uint32_t st_ctime;
    uint32_t st_ctime_nsec;
    uint64_t st_ino;
};

/* Device numbers as the kernel encodes them in st_dev / st_rdev. */
#define DEV_MAJOR(dev) ((uint32_t)(((dev) >> 8) & 0xfff))
#define DEV_MINOR(dev) ((uint32_t)(((dev) & 0xff) | (((dev) >> 12) & 0xfff00)))
#define DEV_MAKE(major, minor) \
    ((uint64_t)((((major) & 0xfff) << 8) | ((minor) & 0xff) | (((minor) & 0xfff00) << 12)))

/* statx(383): timestamps, then the record; mask bits say what is valid. */
struct statx_timestamp {
    int64_t tv_sec;
    uint32_t tv_nsec;
    int32_t __reserved;
};

struct statx {
    uint32_t stx_mask;
    uint32_t stx_blksize;
    uint64_t stx_attributes;
    uint32_t stx_nlink;
    uint32_t stx_uid;
    uint32_t stx_gid;
    uint16_t stx_mode;
    uint16_t __spare0;
    uint64_t stx_ino;
    uint64_t stx_size;
    uint64_t stx_blocks;
    uint64_t stx_attributes_mask;
    struct statx_timestamp stx_atime;
    struct statx_timestamp stx_btime;
    struct statx_timestamp stx_ctime;
    struct statx_timestamp stx_mtime;
    uint32_t stx_rdev_major;
    uint32_t stx_rdev_minor;
    uint32_t stx_dev_major;
    uint32_t stx_dev_minor;
    uint64_t __spare2[14];
};

#define STATX_TYPE        0x0001u
#define STATX_MODE        0x0002u
#define STATX_NLINK       0x0004u
#define STATX_UID         0x0008u
#define STATX_GID         0x0010u
#define STATX_ATIME       0x0020u
#define STATX_MTIME       0x0040u
#define STATX_CTIME       0x0080u
#define STATX_INO         0x0100u
#define STATX_SIZE        0x0200u
#define STATX_BLOCKS      0x0400u
#define STATX_BASIC_STATS 0x07ffu
#define STATX_BTIME       0x0800u

#if defined(__i386__)
_Static_assert(sizeof(struct stat64) == 96, "stat64 is 96 bytes");
_Static_assert(offsetof(struct stat64, __st_ino) == 12, "stat64.__st_ino");
_Static_assert(offsetof(struct stat64, st_rdev) == 32, "stat64.st_rdev");
_Static_assert(offsetof(struct stat64, st_size) == 44, "stat64.st_size");
_Static_assert(offsetof(struct stat64, st_blocks) == 56, "stat64.st_blocks");
_Static_assert(offsetof(struct stat64, st_atime) == 64, "stat64.st_atime");
_Static_assert(offsetof(struct stat64, st_ino) == 88, "stat64.st_ino");
#endif
_Static_assert(sizeof(struct statx) == 256, "statx is 256 bytes");

#endif
