/*
 * poll(): wait for one of several file descriptors to become ready.
 */
#ifndef _POLL_H
#define _POLL_H

#include <kernel/uapi/poll.h>

typedef unsigned int nfds_t;

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);

#endif
