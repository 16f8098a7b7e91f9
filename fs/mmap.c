/*
 * mmap2.  Anonymous private memory is a demand-zero region (mm/region.c).
 * A file mapping is made private and filled at once: the region is
 * created, then the file's bytes are read into it.  That gives the
 * semantics of MAP_PRIVATE (and of a read-only MAP_SHARED, which cannot be
 * told apart while nobody writes the file) without a page cache.
 */
#include "fs/mmap.h"

#include "fs/dev.h"
#include "fs/fscontext.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/mman.h"
#include "mm/heap.h"
#include "mm/region.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

#define CHUNK 4096u

/* Copy len bytes of the file at off into user memory at addr. */
static long fill_from_file(struct inode *ino, uint64_t off, uint32_t addr, uint32_t len)
{
    uint8_t *buf = kpage_alloc();    /* CHUNK bytes */
    if (!buf)
        return -ENOMEM;
    long err = 0;
    for (uint32_t done = 0; done < len && !err;) {
        uint32_t want = len - done < CHUNK ? len - done : CHUNK;
        long n = ino->ops->kread(ino, off + done, buf, want);
        if (n <= 0) {
            err = n < 0 ? n : 0;
            break;                  /* past the end: the rest stays zero */
        }
        err = copy_to_user((void *)(addr + done), buf, (size_t)n);
        done += (uint32_t)n;
    }
    kpage_free(buf);
    return err;
}

static long map_file(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int fd,
                     uint64_t off)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (f->inode && S_ISCHR(f->inode->mode) && f->inode->rdev == dev_encode(1, 5))
        return vm_mmap(current->vm, addr, len, prot,   /* /dev/zero: fresh zeros */
                       (flags & ~MAP_TYPE) | MAP_PRIVATE | MAP_ANONYMOUS);
    if (!f->inode || !S_ISREG(f->inode->mode) || !f->inode->ops->kread)
        return -ENODEV;
    if ((flags & MAP_SHARED) && (prot & PROT_WRITE))
        return -EINVAL;             /* no writable shared mappings */
    if ((f->flags & O_ACCMODE) == O_WRONLY)
        return -EACCES;
    uint32_t anon = (flags & ~(MAP_SHARED | MAP_TYPE)) | MAP_PRIVATE | MAP_ANONYMOUS;
    long at = vm_mmap(current->vm, addr, len, prot | PROT_WRITE, anon);
    if (at < 0 && at > -4096)
        return at;
    long err = fill_from_file(f->inode, off, (uint32_t)at, len);
    if (!err && !(prot & PROT_WRITE))
        err = vm_mprotect(current->vm, (uint32_t)at, len, prot);
    if (err) {
        vm_munmap(current->vm, (uint32_t)at, len);
        return err;
    }
    return at;
}

long sys_mmap2(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int fd,
               uint32_t pgoff)
{
    if (flags & MAP_ANONYMOUS)
        return vm_mmap(current->vm, addr, len, prot, flags);
    return map_file(addr, len, prot, flags, fd, (uint64_t)pgoff << 12);
}

/* mmap(90): the arguments come in a block in user memory. */
long sys_old_mmap(const uint32_t *uargs)
{
    uint32_t a[6];
    if (copy_from_user(a, uargs, sizeof a) < 0)
        return -EFAULT;
    if (a[5] & 0xfff)
        return -EINVAL;
    return sys_mmap2(a[0], a[1], a[2], a[3], (int)a[4], a[5] >> 12);
}
