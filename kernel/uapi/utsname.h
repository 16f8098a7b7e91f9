/*
 * uname(122): six NUL-terminated strings of 65 bytes each.
 */
#ifndef UAPI_UTSNAME_H
#define UAPI_UTSNAME_H

#define UTSNAME_LEN 65

struct new_utsname {
    char sysname[UTSNAME_LEN];  /* "Cowix" */
    char nodename[UTSNAME_LEN];
    char release[UTSNAME_LEN];
    char version[UTSNAME_LEN];
    char machine[UTSNAME_LEN];  /* "i686" */
    char domainname[UTSNAME_LEN];
};

_Static_assert(sizeof(struct new_utsname) == 390, "new_utsname is 6 x 65");

#endif
