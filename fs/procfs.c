/*
 * procfs: the kernel's state as files, in Linux's formats so that ps,
 * free, top and uptime (ours and BusyBox's) can read them.
 *
 * Inode numbers encode what a node is: the pid in the high bits, the entry
 * in the low byte.  A file's text is generated when it is opened (a
 * snapshot in f->priv), so reads of one open file are consistent.
 *
 * /proc/kstat is Cowix's own: the counters leak tests compare (frames,
 * heap bytes and blocks, processes, open files, inodes, kernel stacks).
 */
#include "fs/procfs.h"

#include <stdarg.h>

#include "fs/devfs.h"
#include "fs/fscontext.h"
#include "fs/namei.h"
#include "kernel/pit.h"
#include "kernel/clock.h"
#include "kernel/format.h"
#include "kernel/limits.h"
#include "kernel/string.h"
#include "kernel/uapi/dirent.h"
#include "kernel/uapi/errno.h"
#include "mm/cow.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kstack.h"
#include "mm/region.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"

#define PROC_DEV 0x0004
#define ROOT_INO 1
#define PID_SHIFT 12
#define LOW_MASK 0xfffu                 /* below the pid: which entry */
#define FD_BASE 0x100u                  /* fd links: FD_BASE + the descriptor */
#define TEXT_MAX 16384

struct text {
    char *buf;
    size_t len, cap;
};

typedef void (*generator)(struct text *t, struct proc *p);

struct entry {
    const char *name;
    generator gen;                  /* files */
    uint32_t mode;
};

static void emit(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n < t->cap - t->len ? (size_t)n : t->cap - t->len - 1;
}

/* ---- system-wide files ---- */

static uint32_t kib(uint32_t frames)
{
    return frames * (FRAME_SIZE / 1024);
}

static void gen_meminfo(struct text *t, struct proc *p)
{
    (void)p;
    heap_trim();
    uint32_t total = kib(frames_total()), free = kib(frames_free());
    uint32_t shared = vm_shared_bytes() / 1024;
    emit(t, "MemTotal:       %8u kB\nMemFree:        %8u kB\nMemAvailable:   %8u kB\n",
         total, free, free);
    emit(t, "Buffers:        %8u kB\nCached:         %8u kB\nSwapCached:     %8u kB\n", 0, 0, 0);
    emit(t, "Active:         %8u kB\nInactive:       %8u kB\n", total - free, 0);
    emit(t, "SwapTotal:      %8u kB\nSwapFree:       %8u kB\n", 0, 0);
    emit(t, "Shmem:          %8u kB\nCowShared:      %8u kB\n", shared, shared);
    emit(t, "Slab:           %8u kB\n", kib(heap_pages_held()));
}

static void gen_kstat(struct text *t, struct proc *p)
{
    (void)p;
    heap_trim();
    emit(t, "frames_free %u\nframes_total %u\nheap_bytes %u\nheap_blocks %u\n",
         frames_free(), frames_total(), (uint32_t)heap_bytes_in_use(), heap_blocks_in_use());
    emit(t, "processes %u\nfiles %u\ninodes %u\nkstacks %u\nshared_bytes %u\n",
         proc_count(), vfs_files_in_use(), vfs_inodes_in_use(), kstacks_in_use(),
         vm_shared_bytes());
}

static void gen_uptime(struct text *t, struct proc *p)
{
    (void)p;
    uint64_t ms = clock_monotonic_ns() / 1000000;
    emit(t, "%u.%02u %u.%02u\n", (uint32_t)(ms / 1000), (uint32_t)(ms % 1000 / 10),
         (uint32_t)(ms / 1000), (uint32_t)(ms % 1000 / 10));
}

static void gen_loadavg(struct text *t, struct proc *p)
{
    (void)p;
    emit(t, "0.00 0.00 0.00 1/%u %d\n", proc_count(), current->pid);
}

static void gen_version(struct text *t, struct proc *p)
{
    (void)p;
    emit(t, "Cowix version 0.1 (a copy-on-write kernel for i386)\n");
}

static void gen_mounts(struct text *t, struct proc *p)
{
    (void)p;
    emit(t, "/dev/root / ext2 rw 0 0\ndevtmpfs /dev devtmpfs rw 0 0\nproc /proc proc rw 0 0\n");
}

static void gen_filesystems(struct text *t, struct proc *p)
{
    (void)p;
    emit(t, "\text2\nnodev\tproc\nnodev\tdevtmpfs\n");
}

static void gen_cpuinfo(struct text *t, struct proc *p)
{
    (void)p;
    emit(t, "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: QEMU Virtual CPU\n"
            "flags\t\t: fpu tsc cx8 cmov fxsr sse sse2\n\n");
}

static void gen_stat(struct text *t, struct proc *p)
{
    (void)p;
    uint32_t ticks = (uint32_t)sched_ticks() * pit_tick_ms() / 10;
    emit(t, "cpu  0 0 0 %u 0 0 0 0 0 0\ncpu0 0 0 0 %u 0 0 0 0 0 0\n", ticks, ticks);
    emit(t, "btime %u\nprocesses %u\nprocs_running 1\nprocs_blocked 0\n",
         (uint32_t)(clock_realtime_ns() / 1000000000 - clock_monotonic_ns() / 1000000000),
         proc_count());
}

/* ---- per-process files ---- */

static char state_letter(const struct proc *p)
{
    switch (p->state) {
    case P_RUNNABLE: return 'R';
    case P_SLEEPING: return 'S';
    case P_STOPPED: return 'T';
    default: return 'Z';
    }
}

static uint32_t vm_pages(struct proc *p, uint32_t flags_any)
{
    uint32_t n = 0;
    if (!p->vm)
        return 0;
    for (struct vm_region *r = p->vm->regions; r; r = r->next)
        if (!flags_any || (r->flags & flags_any))
            n += (r->end - r->start) / FRAME_SIZE;
    return n;
}

static long to_clock(uint32_t ticks)
{
    return (long)((uint64_t)ticks * pit_tick_ms() / 10);
}

static void gen_pid_stat(struct text *t, struct proc *p)
{
    uint32_t rss = p->vm ? vm_resident_pages(p->vm) : 0;
    int ppid = p->parent ? p->parent->pid : 0;
    emit(t, "%d (%s) %c %d %d %d %d %d %u %u %u %u %u %ld %ld %ld %ld %d %d %d %d %lu %u %u ",
         p->pid, p->name, state_letter(p), ppid, p->pgid, p->sid, 0x0401, p->pgid, 0u, 0u, 0u,
         0u, 0u, to_clock(p->utime), to_clock(p->stime), to_clock(p->cutime),
         to_clock(p->cstime), 20, 0, 1, 0, (unsigned long)to_clock((uint32_t)p->start_tick),
         vm_pages(p, 0) * FRAME_SIZE, rss);
    emit(t, "4294967295 0 0 0 0 0 %u %u %u %u 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
         (uint32_t)p->sig_pending, (uint32_t)p->sig_blocked, 0u, 0u);
}

static void gen_pid_status(struct text *t, struct proc *p)
{
    static const char *const names[] = {"R (running)", "S (sleeping)", "T (stopped)",
                                        "Z (zombie)"};
    uint32_t size = vm_pages(p, 0) * 4, rss = p->vm ? vm_resident_pages(p->vm) * 4 : 0;
    emit(t, "Name:\t%s\nUmask:\t0022\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n", p->name,
         names[p->state], p->pid, p->pid, p->parent ? p->parent->pid : 0);
    emit(t, "TracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t256\n");
    emit(t, "VmPeak:\t%8u kB\nVmSize:\t%8u kB\nVmRSS:\t%8u kB\n", size, size, rss);
    emit(t, "VmData:\t%8u kB\nVmStk:\t%8u kB\nVmExe:\t%8u kB\n", vm_pages(p, VM_HEAP) * 4,
         vm_pages(p, VM_STACK) * 4, vm_pages(p, VM_TEXT) * 4);
    emit(t, "Threads:\t1\nSigPnd:\t%08x%08x\nSigBlk:\t%08x%08x\n",
         (uint32_t)(p->sig_pending >> 32), (uint32_t)p->sig_pending,
         (uint32_t)(p->sig_blocked >> 32), (uint32_t)p->sig_blocked);
}

/* Copy bytes from another process's memory (with its space loaded). */
static size_t read_other(struct proc *p, uint32_t from, uint32_t to, char *buf, size_t cap)
{
    if (!p->vm || to <= from)
        return 0;
    size_t n = to - from < cap ? to - from : cap;
    struct vm_space *mine = vm_current();
    vm_switch(p->vm);
    int err = copy_from_user(buf, (const void *)from, n);
    vm_switch(mine);
    return err ? 0 : n;
}

static void gen_pid_cmdline(struct text *t, struct proc *p)
{
    if (p->vm)
        t->len = read_other(p, p->vm->arg_start, p->vm->arg_end, t->buf, t->cap - 1);
}

static void gen_pid_environ(struct text *t, struct proc *p)
{
    if (p->vm)
        t->len = read_other(p, p->vm->env_start, p->vm->env_end, t->buf, t->cap - 1);
}

static void gen_pid_maps(struct text *t, struct proc *p)
{
    if (!p->vm)
        return;
    for (struct vm_region *r = p->vm->regions; r && t->len < t->cap - 128; r = r->next) {
        const char *what = r->flags & VM_HEAP ? "[heap]" : r->flags & VM_STACK ? "[stack]"
                         : r->flags & VM_TEXT ? p->name : "";
        emit(t, "%08x-%08x %c%c%cp 00000000 00:00 0          %s\n", r->start, r->end,
             r->flags & VM_READ ? 'r' : '-', r->flags & VM_WRITE ? 'w' : '-',
             r->flags & VM_EXEC ? 'x' : '-', what);
    }
}

static const struct entry root_entries[] = {
    {"meminfo", gen_meminfo, S_IFREG | 0444},
    {"kstat", gen_kstat, S_IFREG | 0444},
    {"uptime", gen_uptime, S_IFREG | 0444},
    {"loadavg", gen_loadavg, S_IFREG | 0444},
    {"version", gen_version, S_IFREG | 0444},
    {"mounts", gen_mounts, S_IFREG | 0444},
    {"filesystems", gen_filesystems, S_IFREG | 0444},
    {"cpuinfo", gen_cpuinfo, S_IFREG | 0444},
    {"stat", gen_stat, S_IFREG | 0444},
    {"self", NULL, S_IFLNK | 0777},
};
#define NROOT (sizeof root_entries / sizeof root_entries[0])

static const struct entry pid_entries[] = {
    {"stat", gen_pid_stat, S_IFREG | 0444},
    {"status", gen_pid_status, S_IFREG | 0444},
    {"cmdline", gen_pid_cmdline, S_IFREG | 0444},
    {"environ", gen_pid_environ, S_IFREG | 0400},
    {"maps", gen_pid_maps, S_IFREG | 0444},
    {"exe", NULL, S_IFLNK | 0777},
    {"cwd", NULL, S_IFLNK | 0777},
    {"fd", NULL, S_IFDIR | 0500},
};
#define NPID (sizeof pid_entries / sizeof pid_entries[0])

/* ---- the file system ---- */

static const struct inode_ops procfs_iops;
static const struct file_ops procfs_dir_fops, procfs_file_fops;
static struct inode *root;

static uint32_t pid_of(const struct inode *ino)
{
    return ino->ino >> PID_SHIFT;
}

static const struct entry *entry_of(const struct inode *ino)
{
    uint32_t idx = ino->ino & LOW_MASK;
    if (ino->ino == ROOT_INO || idx == 0 || idx >= FD_BASE)
        return NULL;
    /* Root entries are numbered from ROOT_INO + 1, a pid's from 1. */
    return pid_of(ino) ? &pid_entries[idx - 1] : &root_entries[idx - ROOT_INO - 1];
}

static int make(uint32_t ino_nr, uint32_t mode, struct inode **out)
{
    struct inode *ino = inode_new(&procfs_iops, ino_nr, mode);
    if (!ino)
        return -ENOMEM;
    ino->dev = PROC_DEV;
    ino->fops = S_ISDIR(mode) ? &procfs_dir_fops : &procfs_file_fops;
    *out = ino;
    return 0;
}

static int parse_pid(const char *name, size_t len)
{
    int pid = 0;
    if (len == 0 || len > 6)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid;
}

static int find_entry(const struct entry *table, uint32_t n, const char *name, size_t len)
{
    for (uint32_t i = 0; i < n; i++)
        if (strlen(table[i].name) == len && !memcmp(table[i].name, name, len))
            return (int)i;
    return -1;
}

static bool is_fd_dir(const struct inode *ino)
{
    const struct entry *e = entry_of(ino);
    return e && pid_of(ino) && !strcmp(e->name, "fd");
}

/* The open file behind /proc/PID/fd/N, or NULL. */
static struct file *fd_link_file(const struct inode *ino)
{
    struct proc *p = proc_find((int)pid_of(ino));
    uint32_t fd = (ino->ino & LOW_MASK) - FD_BASE;
    if (!p || !p->fs || fd >= (uint32_t)p->fs->nfds)
        return NULL;
    return p->fs->fd[fd];
}

static const struct inode_ops fd_link_iops;

static int lookup_fd(struct inode *dir, const char *name, size_t len, struct inode **out)
{
    int fd = parse_pid(name, len);          /* a small decimal number too */
    struct proc *p = proc_find((int)pid_of(dir));
    if (fd < 0 || fd >= FD_MAX || !p || !p->fs || fd >= p->fs->nfds || !p->fs->fd[fd])
        return -ENOENT;
    int err = make((dir->ino & ~LOW_MASK) | (FD_BASE + (uint32_t)fd), S_IFLNK | 0700, out);
    if (!err)
        (*out)->ops = &fd_link_iops;
    return err;
}

static int procfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
    if (is_fd_dir(dir))
        return lookup_fd(dir, name, len, out);
    if (dir->ino == ROOT_INO) {
        int i = find_entry(root_entries, NROOT, name, len);
        if (i >= 0)
            return make(ROOT_INO + 1 + (uint32_t)i, root_entries[i].mode, out);
        int pid = parse_pid(name, len);
        struct proc *p = pid > 0 ? proc_find(pid) : NULL;
        if (!p)
            return -ENOENT;
        return make((uint32_t)pid << PID_SHIFT, S_IFDIR | 0555, out);
    }
    int i = find_entry(pid_entries, NPID, name, len);
    if (i < 0 || !proc_find((int)pid_of(dir)))
        return -ENOENT;
    return make(dir->ino | (uint32_t)(i + 1), pid_entries[i].mode, out);
}

struct pid_cursor {
    uint64_t want, seen;
    int pid;
};

static void nth_pid(struct proc *p, void *ctx)
{
    struct pid_cursor *c = ctx;
    if (p->pid > 0 && c->seen++ == c->want)
        c->pid = p->pid;
}

static void fill(struct vfs_dirent *de, uint64_t ino, uint8_t type, const char *name)
{
    de->ino = ino;
    de->type = type;
    de->name_len = (uint32_t)strlcpy(de->name, name, sizeof de->name);
}

/* The fd directory: positions 0 and 1 are . and .., then one per open
 * descriptor, the position being the descriptor + 2. */
static int readdir_fds(struct inode *dir, uint64_t *pos, struct vfs_dirent *de)
{
    struct proc *p = proc_find((int)pid_of(dir));
    for (uint64_t fd = *pos - 2; p && p->fs && fd < (uint64_t)p->fs->nfds; fd++) {
        if (!p->fs->fd[fd])
            continue;
        char name[8];
        ksnprintf(name, sizeof name, "%u", (uint32_t)fd);
        fill(de, (dir->ino & ~LOW_MASK) | (FD_BASE + fd), DT_LNK, name);
        *pos = fd + 3;
        return 1;
    }
    return 0;
}

static int procfs_readdir(struct inode *dir, uint64_t *pos, struct vfs_dirent *de)
{
    uint64_t i = *pos;
    if (i >= 2 && is_fd_dir(dir))
        return readdir_fds(dir, pos, de);
    if (i < 2) {
        fill(de, dir->ino, DT_DIR, i ? ".." : ".");
    } else if (dir->ino != ROOT_INO) {
        if (i - 2 >= NPID)
            return 0;
        fill(de, dir->ino | (i - 1), (uint8_t)((pid_entries[i - 2].mode >> 12) & 0xf),
             pid_entries[i - 2].name);
    } else if (i - 2 < NROOT) {
        fill(de, ROOT_INO + i - 1, (uint8_t)((root_entries[i - 2].mode >> 12) & 0xf),
             root_entries[i - 2].name);
    } else {
        struct pid_cursor c = {i - 2 - NROOT, 0, 0};
        proc_for_each(nth_pid, &c);
        if (!c.pid)
            return 0;
        char name[12];
        ksnprintf(name, sizeof name, "%d", c.pid);
        fill(de, (uint64_t)c.pid << PID_SHIFT, DT_DIR, name);
    }
    *pos = i + 1;
    return 1;
}

static long procfs_readlink(struct inode *ino, char *buf, size_t size)
{
    char tmp[160];
    const struct entry *e = entry_of(ino);
    struct proc *p = pid_of(ino) ? proc_find((int)pid_of(ino)) : current;
    if (!e || !p)
        return -ENOENT;
    long n;
    if (!strcmp(e->name, "self"))
        n = ksnprintf(tmp, sizeof tmp, "%d", current->pid);
    else if (!strcmp(e->name, "exe"))
        n = ksnprintf(tmp, sizeof tmp, "%s", p->exe[0] ? p->exe : "/");
    else if (p->fs)
        n = vfs_path_of(p->fs->cwd, tmp, sizeof tmp);
    else
        n = -ENOENT;
    if (n < 0)
        return n;
    if ((size_t)n > size)
        n = (long)size;
    memcpy(buf, tmp, (size_t)n);
    return n;
}

/* What an fd link shows: a path, a device's name, or pipe:[inode]. */
static long fd_link_readlink(struct inode *ino, char *buf, size_t size)
{
    struct file *f = fd_link_file(ino);
    if (!f || !f->inode)
        return -ENOENT;
    struct inode *i = f->inode;
    char *tmp = kpage_alloc();
    if (!tmp)
        return -ENOMEM;
    long n;
    const char *dev = S_ISCHR(i->mode) ? devfs_name(i->rdev) : NULL;
    if (S_ISFIFO(i->mode) && i->dev == 0x0c)
        n = ksnprintf(tmp, PATH_MAX, "pipe:[%u]", i->ino);
    else if (dev)
        n = ksnprintf(tmp, PATH_MAX, "/dev/%s", dev);
    else if (S_ISDIR(i->mode))
        n = vfs_path_of(i, tmp, PATH_MAX);
    else if ((n = vfs_find_path(i, tmp)) < 0)
        n = ksnprintf(tmp, PATH_MAX, "anon_inode:[%u]", i->ino);
    if (n >= 0) {
        if ((size_t)n > size)
            n = (long)size;
        memcpy(buf, tmp, (size_t)n);
    }
    kpage_free(tmp);
    return n;
}

static int fd_link_follow(struct inode *ino, struct inode **out)
{
    struct file *f = fd_link_file(ino);
    if (!f || !f->inode)
        return -ENOENT;
    *out = inode_get(f->inode);
    return 0;
}

static int procfs_stat(struct inode *ino, struct stat64 *st)
{
    vfs_stat_common(ino, st);
    st->st_nlink = S_ISDIR(ino->mode) ? 2 : 1;
    return 0;
}

static int procfs_open(struct inode *ino, struct file *f)
{
    const struct entry *e = entry_of(ino);
    if (!e || !e->gen)
        return 0;                   /* directories */
    struct proc *p = pid_of(ino) ? proc_find((int)pid_of(ino)) : NULL;
    if (pid_of(ino) && !p)
        return -ENOENT;
    struct text *t = kzalloc(sizeof *t);
    if (t)
        t->buf = kmalloc(TEXT_MAX);
    if (!t || !t->buf) {
        kfree(t);
        return -ENOMEM;
    }
    t->cap = TEXT_MAX;
    t->buf[0] = 0;
    e->gen(t, p);
    f->priv = t;
    return 0;
}

static long procfs_read(struct file *f, void *ubuf, size_t n)
{
    struct text *t = f->priv;
    if (!t)
        return -EISDIR;
    if (f->pos >= t->len)
        return 0;
    if (n > t->len - f->pos)
        n = t->len - (size_t)f->pos;
    if (copy_to_user(ubuf, t->buf + f->pos, n) < 0)
        return -EFAULT;
    f->pos += n;
    return (long)n;
}

static long procfs_write(struct file *f, const void *ubuf, size_t n)
{
    (void)f, (void)ubuf, (void)n;
    return -EACCES;
}

static void procfs_release(struct file *f)
{
    struct text *t = f->priv;
    if (t) {
        kfree(t->buf);
        kfree(t);
    }
}

static const struct inode_ops procfs_iops = {
    .lookup = procfs_lookup, .readdir = procfs_readdir, .readlink = procfs_readlink,
    .stat = procfs_stat, .open = procfs_open,
};
static const struct inode_ops fd_link_iops = {
    .readlink = fd_link_readlink, .follow = fd_link_follow, .stat = procfs_stat,
};
static const struct file_ops procfs_file_fops = {
    .read = procfs_read, .write = procfs_write, .release = procfs_release, .seekable = true,
};
static const struct file_ops procfs_dir_fops = {.read = procfs_read, .seekable = true};

struct inode *procfs_root(void)
{
    if (!root && make(ROOT_INO, S_IFDIR | 0555, &root) < 0)
        return NULL;
    return root;
}
