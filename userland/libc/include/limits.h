/*
 * Limits of the integer types (i386: int and long are 32-bit) and of
 * paths and arguments, as on Linux.
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT   8
#define SCHAR_MIN  (-128)
#define SCHAR_MAX  127
#define UCHAR_MAX  255
#define CHAR_MIN   SCHAR_MIN
#define CHAR_MAX   SCHAR_MAX
#define SHRT_MIN   (-32768)
#define SHRT_MAX   32767
#define USHRT_MAX  65535
#define INT_MIN    (-INT_MAX - 1)
#define INT_MAX    2147483647
#define UINT_MAX   4294967295u
#define LONG_MIN   (-LONG_MAX - 1l)
#define LONG_MAX   2147483647l
#define ULONG_MAX  4294967295ul
#define LLONG_MIN  (-LLONG_MAX - 1ll)
#define LLONG_MAX  9223372036854775807ll
#define ULLONG_MAX 18446744073709551615ull
#define SSIZE_MAX  LONG_MAX
#define MB_LEN_MAX 1

#define PATH_MAX   4096
#define NAME_MAX   255
#define ARG_MAX    131072
#define PIPE_BUF   4096
#define LINE_MAX   2048
#define NGROUPS_MAX 65536
#define OPEN_MAX   256
#define PAGE_SIZE  4096
#define PAGESIZE   PAGE_SIZE

#endif
