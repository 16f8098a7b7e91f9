/*
 * uname(): the kernel's name, release, version and machine.  struct
 * utsname is the kernel's struct new_utsname under its POSIX name.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <kernel/uapi/utsname.h>

struct utsname {
    char sysname[UTSNAME_LEN];
    char nodename[UTSNAME_LEN];
    char release[UTSNAME_LEN];
    char version[UTSNAME_LEN];
    char machine[UTSNAME_LEN];
    char domainname[UTSNAME_LEN];
};

int uname(struct utsname *u);

#endif
