/*
 * Reading directories.  readdir() returns a pointer into the DIR's buffer
 * of getdents64 records: struct dirent has the layout of the kernel's
 * struct linux_dirent64 (kernel/uapi/dirent.h).
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <kernel/uapi/dirent.h>

struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};

typedef struct dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

#endif
