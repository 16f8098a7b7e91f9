/*
 * Path lookup, component by component.  Each step holds a reference to the
 * directory it stands in and takes one on the next inode before dropping
 * the old.  A symbolic link is expanded by looking its target up from the
 * directory that contained it, which is what makes relative links work;
 * the count of links followed is shared by the whole lookup.
 */
#include "fs/namei.h"

#include "kernel/limits.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/heap.h"

#define MAX_NESTED_LINKS 8

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

static struct mount *mount_at(struct inode *dir, const char *name, size_t len)
{
    for (struct mount *m = mounts; m; m = m->next)
        if (m->dir == dir && strlen(m->name) == len && !memcmp(m->name, name, len))
            return m;
    return NULL;
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

static int walk(struct inode *base, const char *path, int flags, int *links, int depth,
                struct inode **out);

/* Replace the symlink `link`, found in `dir`, by what it points to. */
static int follow(struct inode *dir, struct inode *link, int *links, int depth,
                  struct inode **out)
{
    if (++*links > SYMLINK_MAX_FOLLOW || depth >= MAX_NESTED_LINKS)
        return -ELOOP;
    char *target = kmalloc(PATH_MAX);
    if (!target)
        return -ENOMEM;
    long n = link->ops->readlink ? link->ops->readlink(link, target, PATH_MAX - 1) : -EINVAL;
    int err = (int)n;
    if (n >= 0) {
        target[n] = 0;
        err = n == 0 ? -ENOENT : walk(dir, target, LOOKUP_FOLLOW, links, depth + 1, out);
    }
    kfree(target);
    return err;
}

static int walk(struct inode *base, const char *path, int flags, int *links, int depth,
                struct inode **out)
{
    if (!*path)
        return -ENOENT;
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
        int err = len > NAME_MAX ? -ENAMETOOLONG : !S_ISDIR(cur->mode) ? -ENOTDIR : 0;
        struct inode *next = NULL;
        if (!err)
            err = step(cur, name, len, &next);
        if (!err && S_ISLNK(next->mode)) {
            const char *rest = p;
            while (*rest == '/')
                rest++;
            bool last = !*rest;
            if (!last || (flags & LOOKUP_FOLLOW) || *p == '/') {
                struct inode *link = next;
                err = follow(cur, link, links, depth, &next);
                inode_put(link);
            }
        }
        inode_put(cur);
        if (err)
            return err;
        cur = next;
    }
    bool want_dir = (flags & LOOKUP_DIRECTORY) || path[strlen(path) - 1] == '/';
    if (want_dir && !S_ISDIR(cur->mode)) {
        inode_put(cur);
        return -ENOTDIR;
    }
    *out = cur;
    return 0;
}

int namei_at(struct inode *base, const char *path, int flags, struct inode **out)
{
    int links = 0;
    return walk(base, path, flags, &links, 0, out);
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
