/*
 * poll(168) / ppoll(309): one struct pollfd per file, events requested and
 * events returned.
 */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#include <stdint.h>

struct pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

#define POLLIN     0x0001       /* data to read */
#define POLLPRI    0x0002
#define POLLOUT    0x0004       /* writing will not block */
#define POLLERR    0x0008       /* always reported */
#define POLLHUP    0x0010       /* always reported: the other end closed */
#define POLLNVAL   0x0020       /* always reported: fd not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG    0x0400
#define POLLRDHUP  0x2000

_Static_assert(sizeof(struct pollfd) == 8, "pollfd is 8 bytes");

#endif
