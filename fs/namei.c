/*
 * Path lookup, component by component.  Each step holds a reference to the
 * directory it stands in and takes one on the next inode before dropping
 * the old.  A symbolic link is expanded by continuing the walk with its
 * target from the directory that contained it, which is what makes
 * relative links work.
 */
#include "fs/namei.h"

#include "kernel/limits.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/heap.h"

struct mount {
    struct inode *dir;              /* the directory the name is in */
    char name[16];
    struct inode *root;             /* the mounted file system's root */
    struct mount *next;
};

static struct mount *mounts;
static struct inode *root_dir;

struct inode *vfs_root(void)
{
    return root_dir;
}

void vfs_set_root(struct inode *root)
{
    root_dir = inode_get(root);
}

int vfs_mount(struct inode *dir, const char *name, struct inode *root)
{
    struct mount *m = kzalloc(sizeof *m);
    if (!m)
        return -ENOMEM;
    m->dir = inode_get(dir);
    strlcpy(m->name, name, sizeof m->name);
    m->root = inode_get(root);
    root->covered = inode_get(dir);
    m->next = mounts;
    mounts = m;
    return 0;
}

struct inode *vfs_unmount(struct inode *root)
{
    for (struct mount **link = &mounts; *link; link = &(*link)->next) {
        struct mount *m = *link;
        if (m->root != root)
            continue;
        *link = m->next;
        inode_put(m->dir);
        inode_put(root->covered);
        root->covered = NULL;
        kfree(m);
        return root;                /* the table's reference, now the caller's */
    }
    return NULL;
}

static struct mount *mount_at(struct inode *dir, const char *name, size_t len)
{
    for (struct mount *m = mounts; m; m = m->next)
        if (m->dir == dir && strlen(m->name) == len && !memcmp(m->name, name, len))
            return m;
    return NULL;
}

bool vfs_is_mountpoint(struct inode *dir, const char *name, size_t len)
{
    return mount_at(dir, name, len) != NULL;
}

/* One component: ".", "..", a mount point, or the file system's lookup. */
static int step(struct inode *dir, const char *name, size_t len, struct inode **out)
{
    if (len == 1 && name[0] == '.') {
        *out = inode_get(dir);
        return 0;
    }
    if (len == 2 && name[0] == '.' && name[1] == '.') {
        if (dir == root_dir) {
            *out = inode_get(dir);      /* ".." at the root stays there */
            return 0;
        }
        if (dir->covered) {             /* leaving a mounted file system */
            *out = inode_get(dir->covered);
            return 0;
        }
    }
    struct mount *m = mount_at(dir, name, len);
    if (m) {
        *out = inode_get(m->root);
        return 0;
    }
    if (!dir->ops || !dir->ops->lookup)
        return -ENOTDIR;
    return dir->ops->lookup(dir, name, len, out);
}

/* Replace a symlink by its target: *buf becomes the target followed by
 * `rest`, what remained of the path after the link's name. */
static int splice(char **buf, struct inode *link, const char *rest, int *links)
{
    if (++*links > SYMLINK_MAX_FOLLOW)
        return -ELOOP;
    char *n = kpage_alloc();
    if (!n)
        return -ENOMEM;
    long len = link->ops->readlink ? link->ops->readlink(link, n, PATH_MAX - 1) : -EINVAL;
    size_t rest_len = strlen(rest);
    int err = len < 0 ? (int)len : len == 0 ? -ENOENT
              : (size_t)len + rest_len + 1 > PATH_MAX ? -ENAMETOOLONG : 0;
    if (err) {
        kpage_free(n);
        return err;
    }
    memcpy(n + len, rest, rest_len + 1);    /* rest may live in *buf */
    kpage_free(*buf);
    *buf = n;
    return 0;
}

/* The walk met a symlink `next` (in directory *cur) to follow.  A magic
 * link leads straight to its inode; an ordinary one is spliced into the
 * path text (*p, in *buf), and the walk goes on from *cur, or from the
 * root for an absolute target.  Consumes the reference to next. */
static int through_link(struct inode **cur, struct inode *next, const char **p, char **buf,
                        int *links)
{
    int err;
    if (next->ops->follow) {
        struct inode *target = NULL;
        err = ++*links > SYMLINK_MAX_FOLLOW ? -ELOOP : next->ops->follow(next, &target);
        if (!err) {
            inode_put(*cur);
            *cur = target;
        }
    } else if (!(err = splice(buf, next, *p, links))) {
        *p = *buf;
        if (**p == '/') {
            inode_put(*cur);
            *cur = inode_get(root_dir);
        }
    }
    inode_put(next);
    return err;
}

/* The walk itself.  A symlink is spliced into the path text and the walk
 * goes on from the directory that held it (or from the root, for an
 * absolute target): no recursion, so a chain of links costs no stack, and
 * at most SYMLINK_MAX_FOLLOW links are followed in all, as on Linux. */
static int walk(struct inode *base, const char *path, int flags, struct inode **out)
{
    if (!*path)
        return -ENOENT;
    char *buf = NULL;
    int links = 0, err = 0;
    struct inode *cur = inode_get(path[0] == '/' ? root_dir : base);
    const char *p = path;
    for (;;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *name = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - name);
        err = len > NAME_MAX ? -ENAMETOOLONG : !S_ISDIR(cur->mode) ? -ENOTDIR : 0;
        struct inode *next = NULL;
        if (!err)
            err = step(cur, name, len, &next);
        if (err)
            break;
        const char *rest = p;
        while (*rest == '/')
            rest++;
        bool follow = *rest || (flags & LOOKUP_FOLLOW) || *p == '/';
        if (S_ISLNK(next->mode) && follow) {
            err = through_link(&cur, next, &p, &buf, &links);
            if (err)
                break;
            continue;
        }
        inode_put(cur);
        cur = next;
    }
    const char *text = buf ? buf : path;
    bool want_dir = (flags & LOOKUP_DIRECTORY) || (*text && text[strlen(text) - 1] == '/');
    if (!err && want_dir && !S_ISDIR(cur->mode))
        err = -ENOTDIR;
    kpage_free(buf);
    if (err) {
        inode_put(cur);
        return err;
    }
    *out = cur;
    return 0;
}

int namei_at(struct inode *base, const char *path, int flags, struct inode **out)
{
    return walk(base, path, flags, out);
}

int namei_parent_at(struct inode *base, const char *path, struct inode **dir,
                    const char **last, size_t *len)
{
    if (!*path)
        return -ENOENT;
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;                      /* "a/b/" names b */
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    *last = path + start;
    *len = end - start;
    if (*len > NAME_MAX)
        return -ENAMETOOLONG;
    if (start == 0) {
        *dir = inode_get(path[0] == '/' ? root_dir : base);
        return 0;
    }
    /* Look up the directory part: a copy of path up to the last name. */
    char *head = kmalloc(start + 1);
    if (!head)
        return -ENOMEM;
    memcpy(head, path, start);
    head[start] = 0;
    int err = namei_at(base, head, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, dir);
    kfree(head);
    return err;
}

/* The name under which `child` appears in `parent`. */
static int name_in(struct inode *parent, struct inode *child, struct vfs_dirent *de)
{
    for (struct mount *m = mounts; m; m = m->next) {
        if (m->root == child) {
            de->name_len = (uint32_t)strlcpy(de->name, m->name, sizeof de->name);
            return 0;
        }
    }
    uint64_t pos = 0;
    while (parent->ops->readdir && parent->ops->readdir(parent, &pos, de) > 0) {
        bool dots = de->name[0] == '.' && (de->name_len == 1 ||
                                           (de->name_len == 2 && de->name[1] == '.'));
        if (!dots && de->ino == child->ino)
            return 0;
    }
    return -ENOENT;
}

long vfs_path_of(struct inode *dir, char *buf, size_t size)
{
    struct vfs_dirent *de = kmalloc(sizeof *de);
    if (!de)
        return -ENOMEM;
    size_t pos = size - 1;
    buf[pos] = 0;
    struct inode *cur = inode_get(dir);
    long err = 0;
    while (cur != root_dir && !err) {
        struct inode *parent;
        err = step(cur, "..", 2, &parent);
        if (err)
            break;
        err = name_in(parent, cur, de);
        if (!err && de->name_len + 1 > pos)
            err = -ERANGE;
        if (!err) {
            pos -= de->name_len;
            memcpy(buf + pos, de->name, de->name_len);
            buf[--pos] = '/';
        }
        inode_put(cur);
        cur = parent;
    }
    inode_put(cur);
    kfree(de);
    if (err)
        return err;
    if (pos == size - 1)
        buf[--pos] = '/';
    memmove(buf, buf + pos, size - pos);
    return (long)(size - 1 - pos);
}

/* Depth-first search below dir for the file `want`; appends names to buf
 * (of size PATH_MAX) from position len.  Returns the path length, or -1. */
static long search(struct inode *dir, struct inode *want, char *buf, size_t len, int depth,
                   struct vfs_dirent *de)
{
    uint64_t pos = 0;
    while (depth < 8 && dir->ops->readdir && dir->ops->readdir(dir, &pos, de) > 0) {
        if (de->name[0] == '.' && (de->name_len == 1 || (de->name_len == 2 && de->name[1] == '.')))
            continue;
        if (len + 1 + de->name_len + 1 > PATH_MAX || mount_at(dir, de->name, de->name_len))
            continue;
        buf[len] = '/';
        memcpy(buf + len + 1, de->name, de->name_len + 1);
        size_t here = len + 1 + de->name_len;
        if (de->ino == want->ino)
            return (long)here;
        if (de->type != 4 && de->type != 0)     /* DT_DIR, DT_UNKNOWN */
            continue;
        struct inode *sub;
        if (dir->ops->lookup(dir, de->name, de->name_len, &sub) < 0)
            continue;
        uint64_t saved = pos;
        long r = S_ISDIR(sub->mode) ? search(sub, want, buf, here, depth + 1, de) : -1;
        inode_put(sub);
        if (r >= 0)
            return r;
        pos = saved;
    }
    return -1;
}

long vfs_find_path(struct inode *ino, char *buf)
{
    if (ino->dev != root_dir->dev)
        return -ENOENT;
    struct vfs_dirent *de = kmalloc(sizeof *de);
    if (!de)
        return -ENOMEM;
    long r = search(root_dir, ino, buf, 0, 0, de);
    kfree(de);
    return r < 0 ? -ENOENT : r;
}
