/*
 * ioctl(): device-specific requests; the terminal ones are in
 * kernel/uapi/termios.h.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <kernel/uapi/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
