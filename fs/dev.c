/*
 * The device table and the memory devices.  /dev/null swallows writes and
 * reads as end of file; /dev/zero reads zeros; /dev/full fails writes with
 * -ENOSPC; /dev/random and /dev/urandom read bytes from a xorshift
 * generator seeded at boot (not cryptographic: Cowix is for learning).
 */
#include "fs/dev.h"

#include "fs/tty.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/poll.h"
#include "mm/uaccess.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

void random_init(uint64_t seed)
{
    rng_state ^= seed * 0x2545f4914f6cdd1dull;
    if (!rng_state)
        rng_state = 1;
}

static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

void random_bytes(void *buf, size_t n)
{
    uint8_t *b = buf;
    for (size_t i = 0; i < n; i++)
        b[i] = (uint8_t)(next_random() >> 24);
}

static long null_read(struct file *f, void *ubuf, size_t n)
{
    (void)f, (void)ubuf, (void)n;
    return 0;
}

static long null_write(struct file *f, const void *ubuf, size_t n)
{
    (void)f, (void)ubuf;
    return (long)n;
}

static long full_write(struct file *f, const void *ubuf, size_t n)
{
    (void)f, (void)ubuf, (void)n;
    return -ENOSPC;
}

/* Fill a user buffer in chunks from a source of bytes. */
static long fill_user(void *ubuf, size_t n, void (*fill)(uint8_t *chunk, size_t len))
{
    uint8_t chunk[256];
    size_t done = 0;
    while (done < n) {
        size_t len = n - done < sizeof chunk ? n - done : sizeof chunk;
        fill(chunk, len);
        if (copy_to_user((uint8_t *)ubuf + done, chunk, len) < 0)
            return done ? (long)done : -EFAULT;
        done += len;
    }
    return (long)done;
}

static void zeros(uint8_t *chunk, size_t len)
{
    for (size_t i = 0; i < len; i++)
        chunk[i] = 0;
}

static void randoms(uint8_t *chunk, size_t len)
{
    random_bytes(chunk, len);
}

static long zero_read(struct file *f, void *ubuf, size_t n)
{
    (void)f;
    return fill_user(ubuf, n, zeros);
}

static long random_read(struct file *f, void *ubuf, size_t n)
{
    (void)f;
    return fill_user(ubuf, n, randoms);
}

static int always_ready(struct file *f)
{
    (void)f;
    return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

static const struct file_ops null_fops = {null_read, null_write, NULL, always_ready, NULL, true};
static const struct file_ops zero_fops = {zero_read, null_write, NULL, always_ready, NULL, true};
static const struct file_ops full_fops = {zero_read, full_write, NULL, always_ready, NULL, true};
static const struct file_ops random_fops = {random_read, null_write, NULL, always_ready, NULL, true};

int dev_open(uint32_t rdev, struct file *f)
{
    uint32_t major = dev_major(rdev), minor = dev_minor(rdev);
    if (major == 1) {
        switch (minor) {
        case 3: f->ops = &null_fops; return 0;
        case 5: f->ops = &zero_fops; return 0;
        case 7: f->ops = &full_fops; return 0;
        case 8: case 9: f->ops = &random_fops; return 0;
        }
    }
    if ((major == 5 && minor <= 1) || (major == 4 && (minor <= 1 || minor == 64)))
        return tty_open(f);
    return -ENXIO;
}

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2

long sys_getrandom(void *ubuf, uint32_t n, uint32_t flags)
{
    if (flags & ~(GRND_NONBLOCK | GRND_RANDOM))
        return -EINVAL;
    return fill_user(ubuf, n, randoms);
}
