/*
 * The basic POSIX types, sized as on Linux i386 with 64-bit file offsets
 * (off_t, ino_t and blkcnt_t are 64-bit, as with _FILE_OFFSET_BITS=64).
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int ssize_t;
typedef int64_t off_t;
typedef int64_t loff_t;
typedef int pid_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint32_t mode_t;
typedef uint64_t dev_t;
typedef uint64_t ino_t;
typedef uint32_t nlink_t;
typedef long blksize_t;
typedef int64_t blkcnt_t;
typedef long time_t;
typedef long clock_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef int id_t;

#endif
