/*
 * System information and power (proc/sys_info.c): uname, sysinfo, reboot.
 */
#ifndef PROC_SYS_INFO_H
#define PROC_SYS_INFO_H

#include <stdint.h>

#include "kernel/uapi/sysinfo.h"
#include "kernel/uapi/utsname.h"

long sys_uname(struct new_utsname *ubuf);
long sys_sethostname(const char *uname, int len);
long sys_syslog(int type, char *ubuf, int len);
long sys_sysinfo(struct sysinfo *ubuf);
long sys_reboot(uint32_t magic1, uint32_t magic2, uint32_t cmd, void *arg);

#endif
