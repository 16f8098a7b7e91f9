/*
 * Waiting for several descriptors at once: poll and select (fs/poll.c).
 */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <stdint.h>

#include "kernel/uapi/poll.h"
#include "kernel/uapi/time.h"

long sys_poll(struct pollfd *ufds, uint32_t nfds, int timeout_ms);
long sys_select(int nfds, uint32_t *ureadfds, uint32_t *uwritefds, uint32_t *uexceptfds,
                struct timeval *utimeout);

#endif
