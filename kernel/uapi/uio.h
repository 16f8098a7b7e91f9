/*
 * Scatter/gather I/O: readv(145), writev(146) take an array of iovecs.
 */
#ifndef UAPI_UIO_H
#define UAPI_UIO_H

#include <stddef.h>

struct iovec {
    void *iov_base;
    size_t iov_len;
};

#define UIO_MAXIOV 1024

#endif
