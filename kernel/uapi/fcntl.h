/*
 * Flags of open(5)/openat(295), commands of fcntl(55)/fcntl64(221) and the
 * *at() conventions, with the i386 values (octal, as Linux writes them).
 */
#ifndef UAPI_FCNTL_H
#define UAPI_FCNTL_H

/* Access mode: the low two bits of the open flags. */
#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR      00000002

#define O_CREAT     00000100
#define O_EXCL      00000200
#define O_NOCTTY    00000400
#define O_TRUNC     00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_NDELAY    O_NONBLOCK
#define O_DSYNC     00010000
#define O_ASYNC     00020000
#define O_DIRECT    00040000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_NOATIME   01000000
#define O_CLOEXEC   02000000
#define O_SYNC      04010000
#define O_PATH     010000000

/* fcntl commands */
#define F_DUPFD          0
#define F_GETFD          1
#define F_SETFD          2
#define F_GETFL          3
#define F_SETFL          4
#define F_GETLK          5
#define F_SETLK          6
#define F_SETLKW         7
#define F_SETOWN         8
#define F_GETOWN         9
#define F_GETLK64       12
#define F_SETLK64       13
#define F_SETLKW64      14
#define F_DUPFD_CLOEXEC 1030

/* Record locks: struct flock's l_type (and, at its start, flock64's). */
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

/* The only file-descriptor flag (F_GETFD/F_SETFD). */
#define FD_CLOEXEC 1

/* *at() system calls: a directory fd meaning "the current directory"... */
#define AT_FDCWD (-100)
/* ...and their flags. */
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EACCESS          0x200   /* faccessat */
#define AT_REMOVEDIR        0x200   /* unlinkat */
#define AT_SYMLINK_FOLLOW   0x400   /* linkat */
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000

/* lseek / _llseek(140) origins */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* access / faccessat modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#endif
